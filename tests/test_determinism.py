"""Same input, same output: a page cleaned again after others gives the same result.

State carried from one call to the next (a cache keyed by something that is not the
input, an ``id()`` of an object that was freed and whose address came back) shows as a
page whose result depends on what was cleaned before it. Each page of the committed corpus
sample is cleaned in one order, then again in the reverse order, in the same process.
"""

from __future__ import annotations

from typing import Any

from benchmarks.corpora import CORPORA
from newsclean import clean


def _results(pages: list[Any]) -> dict[str, dict[str, Any]]:
    return {f"{name}/{page.id}": clean(page.html, url=page.url).to_dict() for name, page in pages}


def test_results_do_not_depend_on_what_was_cleaned_before() -> None:
    pages = [(name, page) for name, loader in CORPORA.items() for page in list(loader(source="sample"))[:8]]
    first = _results(pages)
    again = _results(pages[::-1])
    assert [key for key in first if first[key] != again[key]] == []
