"""Our own implementations of each corpus's published metric, as its README defines it.

* :func:`shingle_scores` / :func:`shingle_summary`: the ScrapingHub article-extraction
  benchmark (4-token shingles of ``\\w+`` tokens, multiset overlap; precision averaged over
  pages with a non-empty prediction, recall over all pages, F1 from the two averages;
  accuracy = share of pages whose token sequence equals the reference's).
* :func:`word_scores` / :func:`word_summary` and :func:`snippet_counts`: WCXB (lower-cased
  ``\\w+`` bags, per-page P/R/F1 macro-averaged; snippets by lower-cased substring, the
  official check, and a whitespace-collapsed variant).
* :func:`segment_counts` / :func:`segment_summary`: the boilerplate segment corpus
  (trafilatura's evaluation: whitespace collapsed, case-sensitive substring, counts summed
  over pages).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")  # \s covers no-break and other Unicode spaces for str patterns


def tokens(text: str) -> list[str]:
    """``\\w+`` runs, case kept (Python ``re``)."""
    return _WORD.findall(text or "")


def collapse(text: str) -> str:
    """All whitespace runs (newlines, no-break spaces) to one space, trimmed."""
    return _SPACE.sub(" ", text or "").strip()


# -- scrapinghub ---------------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Overlapping ``n``-token shingles as a multiset; ``n`` tokens or fewer make one shingle."""
    toks = tokens(text)
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        shingle = tuple(toks[i : i + n])
        if shingle:
            out[shingle] += 1
    return out


@dataclass(frozen=True)
class ShingleScore:
    """One page: shingle true/false positives and false negatives, and exact token match."""

    tp: int
    fp: int
    fn: int
    exact: bool

    @property
    def precision(self) -> float | None:
        """``None`` when the prediction is empty (the page is left out of the precision mean)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingle_scores(truth: str, prediction: str) -> ShingleScore:
    t, p = shingles(truth), shingles(prediction)
    tp = sum((t & p).values())
    return ShingleScore(tp, sum(p.values()) - tp, sum(t.values()) - tp, tokens(truth) == tokens(prediction))


def shingle_summary(scores: Sequence[ShingleScore]) -> dict[str, float]:
    """Macro precision (non-empty predictions), macro recall (all pages), F1 of the two, accuracy."""
    if not scores:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "accuracy": 0.0, "pages": 0}
    precisions = [s.precision for s in scores if s.precision is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(s.recall for s in scores) / len(scores)
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "accuracy": sum(s.exact for s in scores) / len(scores),
        "pages": len(scores),
    }


# -- wcxb ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordScore:
    precision: float
    recall: float
    f1: float


def word_scores(truth: str, prediction: str) -> WordScore:
    """Lower-cased ``\\w+`` bags. Empty reference: 1 if the prediction is empty too, else 0;
    empty prediction (non-empty reference): 0."""
    t = Counter(tokens((truth or "").lower()))
    p = Counter(tokens((prediction or "").lower()))
    if not t:
        return WordScore(1.0, 1.0, 1.0) if not p else WordScore(0.0, 0.0, 0.0)
    if not p:
        return WordScore(0.0, 0.0, 0.0)
    overlap = sum((t & p).values())
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return WordScore(precision, recall, f1)


def word_summary(scores: Sequence[WordScore]) -> dict[str, float]:
    n = len(scores) or 1
    return {
        "precision": sum(s.precision for s in scores) / n,
        "recall": sum(s.recall for s in scores) / n,
        "f1": sum(s.f1 for s in scores) / n,
        "pages": len(scores),
    }


@dataclass(frozen=True)
class SnippetCounts:
    """Snippets found in one prediction: ``with`` (kept content) and ``without`` (kept
    boilerplate), by the official lower-cased substring test and the whitespace-collapsed one."""

    with_total: int
    with_found: int
    with_found_ws: int
    without_total: int
    without_found: int
    without_found_ws: int


def snippet_counts(prediction: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    low = (prediction or "").lower()
    low_ws = collapse(low)

    def found(snippets: list[str]) -> tuple[int, int]:
        plain = sum(1 for s in snippets if s.lower() in low)
        ws = sum(1 for s in snippets if collapse(s.lower()) in low_ws)
        return plain, ws

    w, wo = [s for s in with_ if s], [s for s in without if s]
    wf, wfw = found(w)
    of, ofw = found(wo)
    return SnippetCounts(len(w), wf, wfw, len(wo), of, ofw)


def snippet_summary(counts: Sequence[SnippetCounts]) -> dict[str, float]:
    """Pooled rates over all snippets of all pages (``with``: higher is better; ``without``: lower)."""
    wt = sum(c.with_total for c in counts) or 1
    ot = sum(c.without_total for c in counts) or 1
    return {
        "with": sum(c.with_found for c in counts) / wt,
        "with_ws": sum(c.with_found_ws for c in counts) / wt,
        "without": sum(c.without_found for c in counts) / ot,
        "without_ws": sum(c.without_found_ws for c in counts) / ot,
        "without_kept": sum(c.without_found for c in counts),
        "without_kept_ws": sum(c.without_found_ws for c in counts),
    }


# -- boilerplate-dev -----------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentCounts:
    tp: int
    fn: int
    fp: int
    tn: int

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0


def segment_counts(prediction: str | None, with_: Iterable[str], without: Iterable[str]) -> SegmentCounts:
    """Collapsed-whitespace, case-sensitive substring test. ``None`` or empty (a crash or
    nothing extracted) keeps nothing: every ``with`` is missed, every ``without`` avoided."""
    w, wo = list(with_), list(without)
    if not prediction or not prediction.strip():
        return SegmentCounts(0, len(w), 0, len(wo))
    text = collapse(prediction)
    tp = sum(1 for s in w if collapse(s) in text)
    fp = sum(1 for s in wo if collapse(s) in text)
    return SegmentCounts(tp, len(w) - tp, fp, len(wo) - fp)


def segment_summary(counts: Sequence[SegmentCounts]) -> dict[str, float]:
    tp = sum(c.tp for c in counts)
    fn = sum(c.fn for c in counts)
    fp = sum(c.fp for c in counts)
    tn = sum(c.tn for c in counts)
    total = tp + fn + fp + tn
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / total if total else 0.0,
        "pages": len(counts),
    }
