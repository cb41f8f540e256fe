"""The default pipeline on real pages of every shared corpus, in HTML mode and in text
mode on each page's visible text: no exception, a non-empty body on article pages.

CI runs a deterministic sample (every ``NEWSCLEAN_SWEEP_EVERY``-th page of each corpus,
default 8: about 165 pages, each cleaned twice); ``python -m benchmarks.robustness`` runs
the full sweep (all ~1,300 pages) and reports it in BENCHMARKS.md.
"""

from __future__ import annotations

import os

import pytest

from benchmarks.corpora import shared_dir

EVERY = int(os.environ.get("NEWSCLEAN_SWEEP_EVERY", "8"))

pytestmark = pytest.mark.skipif(not (shared_dir() / "corpus").is_dir(), reason="shared corpora (../shared) not present")


def _sample() -> list[tuple[str, object]]:
    if not (shared_dir() / "corpus").is_dir():
        return []
    from benchmarks.robustness import corpus_pages

    return list(corpus_pages(EVERY))


SAMPLE = _sample()


@pytest.mark.parametrize(("corpus", "page"), SAMPLE, ids=[f"{c}-{p.id}" for c, p in SAMPLE])  # type: ignore[attr-defined]
def test_real_page(corpus: str, page) -> None:
    from benchmarks.robustness import sweep_page

    record = sweep_page(corpus, page)
    assert "html_error" not in record, record.get("html_error")
    assert "text_error" not in record, record.get("text_error")
    if record["article"]:
        assert record["html_chars"] > 0, "empty body (HTML mode) on an article page"
        assert record["text_chars"] > 0, "empty body (text mode) on an article page"
