"""Adversarial inputs shared by ``benchmarks.robustness`` and the regex-safety tests.

Each generator gives a string of about ``n`` characters built to make a careless pattern
backtrack: long runs of the characters the filters' patterns skip or repeat (spaces,
dots, bullets, brackets), a byline word over and over, a credit label that never closes,
one enormous word.
"""

from __future__ import annotations

from collections.abc import Callable


def _fill(unit: str, n: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (n - len(head) - len(tail)) // len(unit)) + tail


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: _fill(" ", n, "a", "b"),
    "tabs and nbsp": lambda n: _fill("\t\u00a0 ", n, "Photo", "x"),
    "dots": lambda n: _fill(".", n),
    "bullets": lambda n: _fill("• ", n),
    "by by by": lambda n: _fill("By ", n),
    "BY CAPS names": lambda n: _fill("JANE DOE and ", n, "By "),
    "brackets": lambda n: _fill("[(", n),
    "open credit": lambda n: _fill(" (Photo: AP", n),
    "read more chain": lambda n: _fill("[Read: more ", n),
    "copyright symbols": lambda n: _fill("© ", n),
    "hashes": lambda n: _fill(" #", n, "# a"),
    "heading of spaces": lambda n: _fill(" ", n, "# a", "x"),
    "dashes": lambda n: _fill(" - ", n, "Jane Doe"),
    "pipes": lambda n: _fill(" | ", n, "By Jane Doe"),
    "emails": lambda n: _fill("a.", n, "By ", "@"),
    "capitalised words": lambda n: _fill("Word ", n, "Jane Doe covers "),
    "one long word": lambda n: _fill("A", n),
    "tags": lambda n: _fill("<div ", n),
    "words": lambda n: _fill("the quick brown fox jumps over the lazy dog. ", n),
}
