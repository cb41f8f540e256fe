"""Printed dates in every language the lexicon gives date formats for (cases in
``fixtures/datelines.json``), and a property: whatever the text, only real days come out."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.metadata.datelines import DATE_LANGUAGES, find_dates, numeric_order

from ..conftest import FIXTURES

CASES = json.loads((FIXTURES / "datelines.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_dateline(case: dict) -> None:
    got = [[d.day, d.kind] for d in find_dates(case["text"], case.get("numeric_order", ""))]
    assert got == case["expect"]


def test_languages_with_date_formats() -> None:
    for lang in ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "ja", "zh"):
        assert lang in DATE_LANGUAGES
    assert numeric_order("en") == "mdy" and numeric_order("de") == "dmy" and numeric_order("xx") == ""


_DATEISH = st.text(alphabet=st.sampled_from("0123456789 ./-:,年月日marchMärzPublishedUpdatedle 1er"), max_size=80)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_DATEISH, st.sampled_from(["", "dmy", "mdy"]))
def test_only_real_days(text: str, order: str) -> None:
    for found in find_dates(text, order):
        assert date.fromisoformat(found.day)
        assert found.kind in ("", "published", "updated")
        assert 0 <= found.start < len(text)
