"""Hand-made cases from ``fixtures/cases/<filter>.json``: boilerplate that must go, look-alikes
that must stay. Each file holds the cases of the filter it is named after; each case is a
small text document run through the default pipeline.

A case says what must happen: ``removed`` (the exact ``[filter, text]`` removals, in order),
``gone`` (texts no longer in the body, whichever filter took them), ``kept`` (paragraphs
that stay), and the ``title``, ``authors`` or ``site_name`` expected. A case with
``"expect": "fail"`` is a known failure, written down rather than hidden (``why`` says
what goes wrong): it runs as a strict expected failure, so a fix turns it red until the
case is marked ``"pass"``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsclean
from newsclean.filters import REGISTRY

from ..conftest import FIXTURES

CASE_FILES = sorted((FIXTURES / "cases").glob("*.json"))
CASES = [(path.stem, case) for path in CASE_FILES for case in json.loads(path.read_text("utf-8"))]


def _param(family: str, case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["why"])] if case.get("expect") == "fail" else []
    return pytest.param(family, case, id=f"{family}: {case['name']}", marks=marks)


def check(case: dict[str, Any]) -> None:
    """Raises AssertionError when the pipeline does not do what ``case`` says."""
    article = newsclean.clean(case["input"], kind="text")
    if "removed" in case:
        assert [[r.filter, r.text] for r in article.removed] == case["removed"]
    for gone in case.get("gone", []):
        assert not any(gone in p for p in article.paragraphs), f"{gone!r} should be gone from the body"
    for kept in case.get("kept", []):
        assert kept in article.paragraphs, f"{kept!r} should stay in the body"
    for field in ("title", "authors", "site_name"):
        if field in case:
            assert getattr(article, field) == case[field], field


@pytest.mark.parametrize(("family", "case"), [_param(f, c) for f, c in CASES])
def test_case(family: str, case: dict[str, Any]) -> None:
    check(case)


def test_case_files_are_named_after_filters() -> None:
    """A filter's cases are in ``fixtures/cases/<filter>.json``; a case that removes
    something involves that filter."""
    for path in CASE_FILES:
        assert path.stem in REGISTRY, f"{path.name}: no shipped filter is named {path.stem!r}"
        for case in json.loads(path.read_text("utf-8")):
            assert case.get("expect", "pass") in ("pass", "fail"), case["name"]
            assert case.get("expect") != "fail" or case.get("why"), f"{case['name']}: a known failure says why"
            assert "removed" in case or "gone" in case, f"{case['name']}: says what is removed"
            filters = {f for f, _ in case.get("removed", [])}
            assert not filters or path.stem in filters, f"{path.name}: {case['name']} removes with {filters}"


def test_there_are_enough_cases() -> None:
    langs = {case["lang"] for _, case in CASES}
    assert len(CASES) >= 30 and {"en", "de"} <= langs
    assert any(case.get("expect") == "fail" for _, case in CASES)


def test_a_known_failure_that_passes_is_reported() -> None:
    """The check itself can fail: a case whose expectation is wrong raises."""
    _, case = next((f, c) for f, c in CASES if c.get("expect", "pass") == "pass" and c["removed"])
    with pytest.raises(AssertionError):
        check({**case, "removed": []})
