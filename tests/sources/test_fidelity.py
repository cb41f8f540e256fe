"""Nothing of the article lost: the fidelity pages (fixtures/html/fidelity) come out whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "fidelity"
CASES: list[dict[str, Any]] = json.loads((PAGES / "cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["page"] for c in CASES])
def test_page_keeps_its_article(case: dict[str, Any]) -> None:
    html = (PAGES / case["page"]).read_text("utf-8")
    article = newsclean.clean(html, kind="html")
    assert article.text.split("\n\n") == case["paragraphs"], case["about"]


def test_every_page_has_a_case() -> None:
    assert {c["page"] for c in CASES} == {p.name for p in PAGES.glob("*.html")}
