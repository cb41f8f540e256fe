"""Quality regression: newsclean on the committed corpus sample (``fixtures/corpus-sample``,
20 pages of each corpus, half from each of the tune and check halves) must not score below
the floor committed in ``fixtures/quality-floor.json``.

The sample is in the repository, so these floors run everywhere, with or without the full
corpora, and give the same figures. The full benchmark is ``python -m benchmarks.quality``;
this is its smoke alarm. To raise a floor after an improvement:
``python -m tests.test_quality_regression`` prints the current figures.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsclean
from benchmarks import corpora, metrics

from .conftest import FIXTURES

FLOOR_FILE = FIXTURES / "quality-floor.json"


def sample(corpus: str) -> list[corpora.Page]:
    """The committed sample of ``corpus``."""
    return list(corpora.CORPORA[corpus](source="sample"))


def measure(corpus: str) -> dict[str, Any]:
    """newsclean's figures on the sample: the corpus's main metric (``f1``) and details."""
    texts = [(p, newsclean.clean(p.html, url=p.url, kind="html").text) for p in sample(corpus)]
    if corpus == "scrapinghub":
        return metrics.shingle_summary([metrics.shingle_scores(p.truth["articleBody"], t) for p, t in texts])
    if corpus == "wcxb":
        return metrics.word_summary([metrics.word_scores(p.truth.get("main_content") or "", t) for p, t in texts])
    return metrics.segment_summary([metrics.segment_counts(t, p.truth["with"], p.truth["without"]) for p, t in texts])


@pytest.mark.parametrize("corpus", ["scrapinghub", "wcxb", "boilerplate"])
def test_quality_not_below_floor(corpus: str) -> None:
    floor = json.loads(FLOOR_FILE.read_text("utf-8"))[corpus]
    got = measure(corpus)
    for key, minimum in floor.items():
        assert got[key] >= minimum, f"{corpus} {key} {got[key]:.4f} fell below the committed floor {minimum}"


def test_the_floor_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor that returns nothing scores below every floor."""
    empty = newsclean.Article()
    monkeypatch.setattr(newsclean, "clean", lambda *a, **k: empty)
    floor = json.loads(FLOOR_FILE.read_text("utf-8"))
    for corpus in ("scrapinghub", "wcxb", "boilerplate"):
        assert measure(corpus)["f1"] < floor[corpus]["f1"], corpus


if __name__ == "__main__":
    for name in ("scrapinghub", "wcxb", "boilerplate"):
        print(name, {k: round(v, 4) for k, v in measure(name).items()})
