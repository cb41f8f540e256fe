"""The default pipeline on real pages of every corpus, in HTML mode and in text mode on
each page's visible text: no exception, a non-empty body on article pages.

Always on the committed sample (``fixtures/corpus-sample``, 80 pages). When the full
corpora are present (``../shared`` or ``$NEWSCLEAN_SHARED``), every
``NEWSCLEAN_SWEEP_EVERY``-th page of each (default 8: about 165 pages more) as well, as
the pytest header says. ``python -m benchmarks.robustness`` runs the full sweep (all
~1,300 pages) and reports it in BENCHMARKS.md.
"""

from __future__ import annotations

import os

import pytest

from benchmarks.corpora import CORPORA, Page, full_available
from benchmarks.robustness import corpus_pages, sweep_page

EVERY = int(os.environ.get("NEWSCLEAN_SWEEP_EVERY", "8"))


def sweep_sample() -> list[tuple[str, Page]]:
    """The committed sample, plus every ``EVERY``-th full-corpus page when present."""
    pages = [(name, page) for name, loader in CORPORA.items() for page in loader(source="sample")]
    if full_available():
        seen = {(name, page.id) for name, page in pages}
        pages += [(name, page) for name, page in corpus_pages(EVERY, source="full") if (name, page.id) not in seen]
    return pages


SAMPLE = sweep_sample()


@pytest.mark.parametrize(("corpus", "page"), SAMPLE, ids=[f"{c}-{p.id}" for c, p in SAMPLE])
def test_real_page(corpus: str, page: Page) -> None:
    record = sweep_page(corpus, page)
    assert "html_error" not in record, record.get("html_error")
    assert "text_error" not in record, record.get("text_error")
    if record["article"]:
        assert record["html_chars"] > 0, "empty body (HTML mode) on an article page"
        assert record["text_chars"] > 0, "empty body (text mode) on an article page"


def test_the_sample_covers_every_corpus_and_both_halves() -> None:
    for name, loader in CORPORA.items():
        pages = list(loader(source="sample"))
        assert len(pages) >= 20, name
        assert {p.half for p in pages} == {"tune", "check"}, name
