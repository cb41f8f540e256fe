"""Plain text → blocks: paragraphs by blank lines, bullet lines as list items.

Within a chunk between blank lines, each line is its own block unless it was hard-wrapped
(a long line that does not end a sentence, and the next one starts in lower case), in which
case the lines are joined. Lines opening with a bullet (``•``, ``-``, ``*``, ``1.``) are list items;
consecutive ones share a ``group``, a numbered marker makes them ``ordered`` and a deeper
indentation than the item before nests them one ``level`` down. ``# Heading`` lines and
lines underlined with ``===`` (level 1) or ``---`` (level 2) are headings; ``> quoted``
lines are quotes (consecutive ones share a ``group``).
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
_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:={3,}|-{3,})[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?(?P<text>.*)$")
_UNDERLINED_MAX = 150  # a longer line above a rule is a paragraph, not a heading


def text_document(text: str) -> Document:
    """Split plain text into a :class:`Document` of paragraphs, list items and headings."""
    builder = _Builder()
    for raw in text.splitlines():  # \n, \r\n, \r and the other Unicode line breaks
        line = raw.strip()
        if line:
            builder.line(raw, line)
        else:
            builder.blank()
    builder.flush()
    return Document(blocks=builder.blocks, source="text")


class _Builder:
    """Collects lines into blocks; a paragraph is pending until a blank line or a new block."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pending: list[str] = []
        self.pending_kind = Kind.PARAGRAPH
        self.group = 0
        self.in_list = False  # a list survives blank lines between its items
        self.indents: list[int] = []  # the open list levels' indentations
        self.in_quote = False

    def flush(self) -> None:
        if self.pending:
            kind = self.pending_kind
            group, marker = (self.group, ">") if kind is Kind.QUOTE else (None, "")
            self.blocks.append(
                Block(kind, " ".join(self.pending), len(self.blocks), group=group, marker=marker, quote=group)
            )
            self.pending = []
        self.pending_kind = Kind.PARAGRAPH

    def blank(self) -> None:
        """A blank line: ends the pending paragraph and a quote (not a list)."""
        self.flush()
        self.in_quote = False

    def line(self, raw: str, line: str) -> None:
        """One non-blank line: ``raw`` as it stands, ``line`` stripped."""
        opener = line[:1]
        bullet = _BULLET.match(raw) if opener in _BULLET_OPENERS or opener.isdigit() else None
        if opener in "=-" and _UNDERLINE.match(raw) and self._underlines():
            self.blocks.append(Block(Kind.HEADING, self.pending[0], len(self.blocks), level=1 if opener == "=" else 2))
            self.pending = []
            return
        if bullet:
            self.flush()
            self.in_quote = False
            self.list_item(raw, bullet.group("text").strip(), bullet.group("marker"))
            return
        self.in_list = False
        quote = _QUOTE.match(raw) if opener == ">" else None
        if quote:
            self.quote_line(quote.group("text").strip())
            return
        if self.in_quote:
            self.flush()
            self.in_quote = False
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

    def _underlines(self) -> bool:
        """Whether a rule line now underlines the pending line (a setext heading)."""
        return (
            self.pending_kind is Kind.PARAGRAPH and len(self.pending) == 1 and len(self.pending[0]) <= _UNDERLINED_MAX
        )

    def list_item(self, raw: str, text: str, marker: str) -> None:
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        if not self.in_list:
            self.group += 1
            self.in_list = True
            self.indents = [indent]
        while len(self.indents) > 1 and indent < self.indents[-1]:
            self.indents.pop()
        if indent > self.indents[-1]:
            self.indents.append(indent)
        ordered = marker[:1].isdigit()
        level = len(self.indents) - 1
        self.blocks.append(
            Block(Kind.LIST_ITEM, text, len(self.blocks), group=self.group, marker=marker, level=level, ordered=ordered)
        )

    def quote_line(self, text: str) -> None:
        if not self.in_quote:
            self.flush()
            self.group += 1
            self.in_quote = True
        if not text:  # a bare ">" separates the quote's paragraphs
            self.flush()
            return
        if not (self.pending and self.pending_kind is Kind.QUOTE and _wrapped(self.pending[-1], text)):
            self.flush()
        self.pending_kind = Kind.QUOTE
        self.pending.append(text)


def _wrapped(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (a hard-wrapped paragraph): the previous line
    is nearly full (``WRAP_WIDTH`` characters or more), does not end a sentence, and the
    next one goes on in lower case."""
    first = line[:1]
    return (  # the cheap test first: most lines do not go on in lower case
        (first.islower() or first in ",;)")
        and len(previous) >= WRAP_WIDTH
        and not ends_sentence(previous)
        and not previous.endswith(":")
    )
