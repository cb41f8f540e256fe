"""Markdown tables for the benchmark reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["table"]


def table(header: Sequence[str], rows: Iterable[Sequence[object]], text_columns: int = 1) -> list[str]:
    """The lines of a Markdown table: the first ``text_columns`` columns left-aligned
    (names), the others right-aligned (figures)."""
    align = "|" + "---|" * text_columns + "---:|" * (len(header) - text_columns)
    lines = ["| " + " | ".join(header) + " |", align]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines
