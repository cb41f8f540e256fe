"""Plain text → blocks: paragraphs by blank lines, bullet lines as list items.

Within a chunk between blank lines, each line is its own block unless it was hard-wrapped
(the line does not end a sentence and the next one starts in lower case), in which case the
lines are joined. Lines opening with a bullet (``•``, ``-``, ``*``, ``1.``) are list items;
consecutive ones share a ``group``. ``# Heading`` lines are headings.
"""

from __future__ import annotations

import regex

from newsclean.document import Block, Document, Kind
from newsclean.textutil import REGEX_TIMEOUT, ends_sentence

__all__ = ["text_document"]

_BULLET = regex.compile(
    r"^[ \t]*(?P<marker>[•·●▪◦‣∙○■□➢►▶*+]|[-–—](?=[ \t])|\d{1,3}[.)](?=[ \t]))[ \t]*(?P<text>\S.*)$"
)
# The text runs to the end of the line; trailing spaces and closing hashes are trimmed in
# Python (a lazy ``.*?`` before ``[ \t#]*$`` is quadratic on a line of spaces).
_MD_HEADING = regex.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<text>\S.*)$")


def text_document(text: str) -> Document:
    """Split plain text into a :class:`Document` of paragraphs, list items and headings."""
    builder = _Builder()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
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
        bullet = _BULLET.match(raw, timeout=REGEX_TIMEOUT)
        if bullet:
            self.flush()
            if not self.in_list:
                self.group += 1
                self.in_list = True
            text, marker = bullet.group("text").strip(), bullet.group("marker")
            self.blocks.append(Block(Kind.LIST_ITEM, text, len(self.blocks), group=self.group, marker=marker))
            return
        self.in_list = False
        heading = _MD_HEADING.match(raw, timeout=REGEX_TIMEOUT)
        if heading:
            self.flush()
            level = len(heading.group("marks"))
            text = heading.group("text")
            text = text[0] + text[1:].rstrip(" \t#")
            self.blocks.append(Block(Kind.HEADING, text, len(self.blocks), level=level))
            return
        line = raw.strip()
        if not (self.pending and _wrapped(self.pending[-1], line)):
            self.flush()
        self.pending.append(line)


def _wrapped(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (a hard-wrapped paragraph)."""
    first = line[:1]
    return not ends_sentence(previous) and not previous.endswith(":") and (first.islower() or first in ",;)")
