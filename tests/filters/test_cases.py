"""Hand-made cases from ``fixtures/cases/*.json``: boilerplate that must go, look-alikes
that must stay. Each case is a small text document run through the default pipeline.

A case with ``"expect": "fail"`` is a known failure, written down rather than hidden: it
is run as an expected failure (strict, so a fix shows up).
"""

from __future__ import annotations

import json

import pytest

import newsclean

from ..conftest import FIXTURES

CASES = [
    (path.stem, case)
    for path in sorted((FIXTURES / "cases").glob("*.json"))
    for case in json.loads(path.read_text("utf-8"))
]


def _id(item: tuple[str, dict]) -> str:
    return f"{item[0]}: {item[1]['name']}"


@pytest.mark.parametrize("family, case", CASES, ids=[_id(c) for c in CASES])
def test_case(family: str, case: dict) -> None:
    if case.get("expect") == "fail":
        pytest.xfail(case.get("why", "known failure"))
    article = newsclean.clean(case["input"], kind="text")
    got = [[r.filter, r.text] for r in article.removed]
    assert got == case["removed"], f"{family}: {case['name']}"
    for kept in case.get("kept", []):
        assert kept in article.paragraphs, f"{kept!r} should stay in the body"
    if "authors" in case:
        assert article.authors == case["authors"]
    if "title" in case:
        assert article.title == case["title"]
    if "site_name" in case:
        assert article.site_name == case["site_name"]


def test_there_are_enough_cases() -> None:
    langs = {case["lang"] for _, case in CASES}
    assert len(CASES) >= 30 and {"en", "de"} <= langs
