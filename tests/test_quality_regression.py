"""Quality regression: newsclean on a small fixed sample of each shared corpus must not
score below the floor committed in ``fixtures/quality-floor.json``.

The sample is 12 pages per corpus, chosen by a hash of the page id (stable, spread over
the corpus). The full benchmark is ``python -m benchmarks.quality``; this is its smoke
alarm. Skips when the shared corpora (``../shared`` or ``$NEWSCLEAN_SHARED``) are absent.
To raise the floor after an improvement: ``python -m tests.test_quality_regression``
prints the current figures.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

import newsclean
from benchmarks import corpora, metrics

from .conftest import FIXTURES

FLOOR_FILE = FIXTURES / "quality-floor.json"
SAMPLE_SIZE = 12


def sample(corpus: str, size: int = SAMPLE_SIZE) -> list[corpora.Page]:
    """``size`` pages whose ids have the smallest SHA-1 (deterministic, corpus-wide)."""
    pages = list(corpora.CORPORA[corpus]())
    return sorted(pages, key=lambda p: hashlib.sha1(p.id.encode()).hexdigest())[:size]


def measure(corpus: str) -> dict[str, Any]:
    """newsclean's figures on the sample: the corpus's main metric (``f1``) and details."""
    texts = [(p, newsclean.clean(p.html, url=p.url, kind="html").text) for p in sample(corpus)]
    if corpus == "scrapinghub":
        return metrics.shingle_summary([metrics.shingle_scores(p.truth["articleBody"], t) for p, t in texts])
    if corpus == "wcxb":
        return metrics.word_summary([metrics.word_scores(p.truth.get("main_content") or "", t) for p, t in texts])
    return metrics.segment_summary([metrics.segment_counts(t, p.truth["with"], p.truth["without"]) for p, t in texts])


def _available(corpus: str) -> bool:
    path = {"scrapinghub": "scrapinghub", "wcxb": "wcxb-dev-articles", "boilerplate": "boilerplate-dev"}[corpus]
    return corpora.corpus_dir(path).is_dir()


@pytest.mark.parametrize("corpus", ["scrapinghub", "wcxb", "boilerplate"])
def test_quality_not_below_floor(corpus: str) -> None:
    if not _available(corpus):
        pytest.skip(f"shared corpus {corpus!r} not found under {corpora.shared_dir()}")
    floor = json.loads(FLOOR_FILE.read_text("utf-8"))[corpus]
    got = measure(corpus)
    for key, minimum in floor.items():
        assert got[key] >= minimum, f"{corpus} {key} {got[key]:.4f} fell below the committed floor {minimum}"


if __name__ == "__main__":
    for name in ("scrapinghub", "wcxb", "boilerplate"):
        print(name, {k: round(v, 4) for k, v in measure(name).items()})
