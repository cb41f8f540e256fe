"""Plain text → blocks: paragraphs by blank lines, bullet lines as list items.

Within a chunk between blank lines, each line is its own block unless it was hard-wrapped
(a long line that does not end a sentence, and the next one starts in lower case), in which
case the lines are joined. Lines opening with a bullet (``•``, ``-``, ``*``, ``1.``) are list items;
consecutive ones share a ``group``. ``# Heading`` lines are headings.
"""

from __future__ import annotations

import re

from newsclean.document import Block, Document, Kind
from newsclean.textutil import ends_sentence

__all__ = ["text_document"]

WRAP_WIDTH = 40  # hard-wrapped text fills its lines; shorter lines are blocks of their own

_BULLET = re.compile(r"^[ \t]*(?P<marker>[•·●▪◦‣∙○■□➢►▶*+]|[-–—](?=[ \t])|\d{1,3}[.)](?=[ \t]))[ \t]*(?P<text>\S.*)$")
# Line patterns are anchored and linear (no nested repetition): the standard library's
# ``re`` runs them, faster than ``regex`` per call.
_BULLET_OPENERS = frozenset("•·●▪◦‣∙○■□➢►▶*+-–—")
# The text runs to the end of the line; trailing spaces and closing hashes are trimmed in
# Python (a lazy ``.*?`` before ``[ \t#]*$`` is quadratic on a line of spaces).
_MD_HEADING = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<text>\S.*)$")


def text_document(text: str) -> Document:
    """Split plain text into a :class:`Document` of paragraphs, list items and headings."""
    builder = _Builder()
    for raw in text.splitlines():  # \n, \r\n, \r and the other Unicode line breaks
        if raw.strip():
            builder.line(raw)
        else:
            builder.flush()
    builder.flush()
    return Document(blocks=builder.blocks, source="text")


class _Builder:
    """Collects lines into blocks; a paragraph is pending until a blank line or a new block."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pending: list[str] = []
        self.group = 0
        self.in_list = False  # a list survives blank lines between its items

    def flush(self) -> None:
        if self.pending:
            self.blocks.append(Block(Kind.PARAGRAPH, " ".join(self.pending), len(self.blocks)))
            self.pending = []

    def line(self, raw: str) -> None:
        line = raw.strip()
        opener = line[:1]
        bullet = _BULLET.match(raw) if opener in _BULLET_OPENERS or opener.isdigit() else None
        if bullet:
            self.flush()
            if not self.in_list:
                self.group += 1
                self.in_list = True
            text, marker = bullet.group("text").strip(), bullet.group("marker")
            self.blocks.append(Block(Kind.LIST_ITEM, text, len(self.blocks), group=self.group, marker=marker))
            return
        self.in_list = False
        heading = _MD_HEADING.match(raw) if opener == "#" else None
        if heading:
            self.flush()
            level = len(heading.group("marks"))
            text = heading.group("text")
            text = text[0] + text[1:].rstrip(" \t#")
            self.blocks.append(Block(Kind.HEADING, text, len(self.blocks), level=level))
            return
        if not (self.pending and _wrapped(self.pending[-1], line)):
            self.flush()
        self.pending.append(line)


def _wrapped(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (a hard-wrapped paragraph): the previous line
    is nearly full (``WRAP_WIDTH`` characters or more), does not end a sentence, and the
    next one goes on in lower case."""
    first = line[:1]
    return (
        len(previous) >= WRAP_WIDTH
        and not ends_sentence(previous)
        and not previous.endswith(":")
        and (first.islower() or first in ",;)")
    )
