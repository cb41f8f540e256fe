"""Regex safety: every shipped filter (and the sources) run in roughly linear time on
adversarial blocks.

This is a behaviour check, not a speed target: the time for a 4x longer input must stay
well under the 16x a quadratic pattern would take (with generous slack for a shared
machine). Filters are taken from ``filters.REGISTRY``, so a new filter is covered as soon
as it is registered.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from benchmarks.adversarial import ADVERSARIAL
from newsclean import filters
from newsclean.document import Block, Document, Kind
from newsclean.sources.detect import detect_kind
from newsclean.sources.nesting import flatten_nesting
from newsclean.sources.text import text_document

N = 10_000
SLACK = 9.0  # linear: ~4x; quadratic: ~16x
FLOOR = 0.05  # seconds under which timings are noise


def _doc(text: str) -> Document:
    """The text as a paragraph and as a list item, between ordinary blocks."""
    blocks = [
        Block(Kind.PARAGRAPH, "Intro paragraph.", 0),
        Block(Kind.PARAGRAPH, text, 1),
        Block(Kind.LIST_ITEM, text, 2, group=1),
        Block(Kind.PARAGRAPH, "Closing paragraph.", 3),
    ]
    return Document(blocks=blocks, source="text")


def _best_of(fn: Callable[[], object], runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _assert_linear(run: Callable[[str], object], make: Callable[[int], str]) -> None:
    small, large = make(N), make(4 * N)
    run(small)  # warm-up: compile patterns, load lexicons
    t_small = _best_of(lambda: run(small))
    t_large = _best_of(lambda: run(large))
    assert t_large <= SLACK * t_small + FLOOR, f"{t_small:.4f}s at {len(small)} chars, {t_large:.4f}s at {len(large)}"


@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
@pytest.mark.parametrize("name", sorted(filters.REGISTRY))
def test_filter_is_linear_on_adversarial_block(name: str, case: str) -> None:
    f = filters.REGISTRY[name]()
    make = ADVERSARIAL[case]
    _assert_linear(lambda text: f(_doc(text)), make)


@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_sources_are_linear_on_adversarial_input(case: str) -> None:
    make = ADVERSARIAL[case]
    _assert_linear(text_document, make)
    _assert_linear(detect_kind, make)
    _assert_linear(lambda text: flatten_nesting(text, 10), make)


@pytest.mark.parametrize("case", ["words", "spaces", "by by by", "bullets", "brackets", "open credit"])
def test_every_filter_survives_a_one_megabyte_line(case: str) -> None:
    """The whole shipped pipeline (every registered filter) over 1 MB single lines: no
    regex timeout, no error."""
    text = ADVERSARIAL[case](1_000_000)
    doc = Document(blocks=[Block(Kind.PARAGRAPH, "Intro.", 0), Block(Kind.PARAGRAPH, text, 1)], source="text")
    for name in filters.REGISTRY:
        filters.REGISTRY[name]()(doc)
