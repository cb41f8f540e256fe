"""The benchmark metrics on tiny hand-made inputs, computed by hand."""

from __future__ import annotations

import pytest

from benchmarks.metrics import (
    collapse,
    segment_counts,
    segment_summary,
    shingle_scores,
    shingle_summary,
    shingles,
    snippet_counts,
    snippet_summary,
    word_scores,
    word_summary,
)


def test_shingles_overlap_and_short_text() -> None:
    assert list(shingles("a b c d e")) == [("a", "b", "c", "d"), ("b", "c", "d", "e")]
    assert shingles("just two") == {("just", "two"): 1}
    assert shingles("") == {}
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2  # a multiset


def test_shingle_scores_by_hand() -> None:
    # truth: 6 tokens -> 3 shingles; prediction adds 2 boilerplate tokens at the end -> 5 shingles
    s = shingle_scores("one two three four five six", "one two three four five six Share this")
    assert (s.tp, s.fp, s.fn) == (3, 2, 0)
    assert s.precision == pytest.approx(3 / 5) and s.recall == 1.0 and not s.exact
    assert shingle_scores("Hello, world. Again!", "Hello world\n\nAgain").exact  # tokens only
    assert not shingle_scores("Hello world", "hello world").exact  # case kept


def test_shingle_summary_precision_skips_empty_predictions() -> None:
    full = shingle_scores("a b c d e", "a b c d e")
    empty = shingle_scores("a b c d e", "")
    assert empty.precision is None and empty.recall == 0.0
    summary = shingle_summary([full, empty])
    assert summary["precision"] == 1.0  # only the non-empty prediction counts
    assert summary["recall"] == 0.5
    assert summary["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert summary["accuracy"] == 0.5


def test_word_scores_bags_lowercased() -> None:
    s = word_scores("The cat sat", "the CAT sat down")
    assert (s.precision, s.recall) == (pytest.approx(3 / 4), 1.0)
    assert s.f1 == pytest.approx(2 * 0.75 / 1.75)
    assert word_scores("a a b", "a b b").precision == pytest.approx(2 / 3)  # multiset intersection


def test_word_scores_empty_rules() -> None:
    assert word_scores("", "").f1 == 1.0
    assert word_scores("", "something").f1 == 0.0
    assert word_scores("something", "").f1 == 0.0
    assert word_summary([word_scores("", ""), word_scores("x", "")])["f1"] == 0.5


def test_snippets_official_and_collapsed() -> None:
    prediction = "Body text here.\nRead   more\nnews"
    c = snippet_counts(prediction, ["BODY TEXT", "here. Read"], ["read more news", "Cookie notice"])
    assert (c.with_total, c.with_found, c.with_found_ws) == (2, 1, 2)
    assert (c.without_total, c.without_found, c.without_found_ws) == (2, 0, 1)
    summary = snippet_summary([c])
    assert summary["with"] == 0.5 and summary["with_ws"] == 1.0 and summary["without_ws"] == 0.5


def test_segment_counts_case_sensitive_and_whitespace() -> None:
    c = segment_counts("Der Text\u00a0hier.\n\nMehr lesen", ["Der Text hier.", "fehlt"], ["Mehr lesen", "mehr lesen"])
    assert (c.tp, c.fn, c.fp, c.tn) == (1, 1, 1, 1)
    assert collapse(" a\u00a0\n b ") == "a b"


def test_segment_crash_or_empty_keeps_nothing() -> None:
    assert segment_counts(None, ["a", "b"], ["c"]) == segment_counts("  ", ["a", "b"], ["c"])
    c = segment_counts(None, ["a", "b"], ["c"])
    assert (c.tp, c.fn, c.fp, c.tn) == (0, 2, 0, 1)


def test_segment_summary_sums_counts() -> None:
    pages = [segment_counts("alpha beta", ["alpha"], ["beta"]), segment_counts("gamma", ["gamma", "delta"], ["x"])]
    s = segment_summary(pages)  # tp 2, fn 1, fp 1, tn 1
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(4 / 6)
    assert s["accuracy"] == pytest.approx(3 / 5)
