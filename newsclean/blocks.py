"""The body's structure as the result gives it: :class:`BodyBlock` s of a :class:`Kind`,
with their links, table cells and images.

Each block of ``Article.blocks`` is one heading, paragraph, list item, quote paragraph,
table row, code block or caption, in reading order. Blocks that belong together (the
items of one list, the rows of one table, the paragraphs of one quote) share a
``group``. These are plain immutable values: the library builds them once per page and
never changes them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["BodyBlock", "Cell", "Image", "Kind", "Link"]


class Kind(str, enum.Enum):
    """What a block is, as far as the source could tell."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    CODE = "code"
    TABLE = "table"


@dataclass(frozen=True)
class Link:
    """A link in a block: its anchor ``text`` (as it stands in the block's text) and its
    absolute ``url`` (resolved against the page URL and the page's ``<base>``)."""

    text: str
    url: str


@dataclass(frozen=True)
class Cell:
    """One cell of a table row; ``header`` when the page marks it as a header cell."""

    text: str
    header: bool = False


@dataclass(frozen=True)
class Image:
    """An image the page shows with a block: its absolute ``src`` and ``alt`` text."""

    src: str
    alt: str = ""


@dataclass(frozen=True)
class BodyBlock:
    """One block of the article body.

    - ``kind``: heading, paragraph, list_item, quote, table (one row), code or caption;
    - ``text``: the block's text (a table row: its non-empty cells joined by ``" | "``,
      as in ``Article.paragraphs``);
    - ``level``: a heading's level (1-6); a list item's nesting depth (0: top level);
    - ``group``: shared by the items of one list (nested items included), the rows of one
      table and the paragraphs of one quote (``None`` for a block on its own);
    - ``ordered``: a list item of a numbered list;
    - ``cells``: a table row's cells, empty ones included, header cells marked;
    - ``links``: the block's links, in reading order;
    - ``images``: images shown with the block (standing before its text; the HTML source
      fills them when asked: ``HtmlOptions(include_images=True)``);
    - ``language``: a code block's language, when the page names it;
    - ``quote``: shared by the blocks that stand in one block quote (its paragraphs, of
      kind quote, and the headings, list items, table rows or code inside it);
    - ``position``: the block's index in the source order (the same numbering as
      ``Removal.position``, so removed and kept blocks can be put back in order).
    """

    kind: Kind
    text: str
    position: int
    level: int = 0
    group: int | None = None
    ordered: bool = False
    cells: tuple[Cell, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    language: str = ""
    quote: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable data (``kind`` as its string value)."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "position": self.position,
            "level": self.level,
            "group": self.group,
            "ordered": self.ordered,
            "cells": [{"text": c.text, "header": c.header} for c in self.cells],
            "links": [{"text": link.text, "url": link.url} for link in self.links],
            "images": [{"src": i.src, "alt": i.alt} for i in self.images],
            "language": self.language,
            "quote": self.quote,
        }
