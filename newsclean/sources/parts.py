"""Put back the data tables and block quotes the extractor dropped from between body paragraphs.

trafilatura leaves out some tables and quotes of the article: one wrapped in an embed
container, one after a ``<style>`` block, a pull quote or a quote card it scores as
boilerplate. :func:`restore_parts` looks at the page's tables that hold data (two rows or
more, two filled columns or more, no table nested in them) and its block quotes (40
characters or more, not nested), whose text the body does not hold as a block (a pull
quote, repeating a sentence of a longer paragraph, is not held by it), and puts
each back (as table rows, or as quote paragraphs) when it stands between two paragraphs of
the body: the paragraph before it (one of the few nearest ``<p>`` elements before it) and
one after it are body blocks, in that order, so it sits inside the article, not in a
sidebar or footer. A page without tables or quotes costs one walk over those elements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from newsclean.blocks import Cell, Kind, Link
from newsclean.document import Block
from newsclean.sources.bodytree import absolute_url

__all__ = ["restore_parts"]

_WORD = re.compile(r"\w+")
_NEAR = etree.XPath("preceding::p[position() <= 4]")
_AFTER = etree.XPath("following::p[position() <= 4]")
_MIN_ROWS = 2
_MIN_COLUMNS = 2
_MIN_QUOTE = 40
_HELD_CHARS = 3  # cells longer than this are looked for in the body
_HELD_SHARE = 0.5  # a table with this share of them in the body is held already
_HELD_LENGTH = 1.2  # a block at most this much longer than a quote paragraph in it holds it


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(el: etree._Element) -> str:
    return _squash(etree.tostring(el, method="text", encoding=str, with_tail=False))


def _rows(table: etree._Element, base: str | None) -> list[Row]:
    rows = []
    for tr in table.iter("tr"):
        cells = tuple(Cell(_text(c), c.tag == "th") for c in tr if c.tag in ("td", "th"))
        links = []
        for a in tr.iter("a"):
            url = absolute_url(a.get("href"), base)
            anchor = _text(a)
            if url and anchor:
                links.append(Link(anchor, url))
        if any(c.text for c in cells):
            rows.append((cells, tuple(links)))
    return rows


def _quote(quote: etree._Element) -> list[str]:
    """A block quote's paragraphs (its whole text when it has no ``<p>``), its citation left out."""
    paragraphs = [_text(p) for p in quote.iter("p")] or [_text(quote)]
    return [p for p in paragraphs if p]


Row = tuple[tuple[Cell, ...], tuple[Link, ...]]
Part = tuple[list[Row], list[str]]  # a table's rows, or a quote's paragraphs


def _held(paragraph: str, blocks_text: set[str]) -> bool:
    """Whether a block holds ``paragraph`` as (nearly) all of its text, word for word. A pull
    quote repeats a sentence of a longer paragraph: that paragraph does not hold it in this sense."""
    if paragraph in blocks_text:
        return True
    words = _words(paragraph)
    limit = _HELD_LENGTH * len(words) + 10
    return any(words in w for w in map(_words, blocks_text) if len(w) <= limit)


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _part(el: etree._Element, base: str | None, blocks_text: set[str], body_text: str) -> Part | None:
    if el.tag == "blockquote":
        if any(a.tag == "blockquote" for a in el.iterancestors()):
            return None
        paragraphs = _quote(el)
        text = " ".join(paragraphs)
        if len(text) < _MIN_QUOTE or any(_held(p, blocks_text) for p in paragraphs):
            return None
        return [], paragraphs
    if el.find(".//table") is not None or any(a.tag == "table" for a in el.iterancestors()):
        return None
    rows = _rows(el, base)
    if len(rows) < _MIN_ROWS or max(sum(1 for c in cells if c.text) for cells, _ in rows) < _MIN_COLUMNS:
        return None
    cells = [c.text for cells, _ in rows for c in cells if len(c.text) > _HELD_CHARS]
    if " | ".join(c.text for c in rows[0][0] if c.text) in body_text or (
        cells and sum(1 for c in cells if c in body_text) >= _HELD_SHARE * len(cells)
    ):
        return None  # the body holds it already (as a table, or in other blocks)
    return rows, []


def restore_parts(blocks: list[Block], tree: etree._Element, base: str | None) -> list[Block]:
    """``blocks`` with the dropped data tables and quotes of the article put back in place
    (``blocks`` itself when there are none)."""
    candidates = list(tree.iter("table", "blockquote"))
    if not candidates or not blocks:
        return blocks
    index = {_squash(b.text): i for i, b in enumerate(blocks) if b.kind is Kind.PARAGRAPH}
    blocks_text = {_squash(b.text) for b in blocks}
    body_text = " ".join(blocks_text)
    inserts: dict[int, list[Part]] = {}
    for el in candidates:
        part = _part(el, base, blocks_text, body_text)
        if part is None:
            continue
        before = [index[t] for t in (_text(p) for p in _NEAR(el)) if t in index]
        after = [index[t] for t in (_text(p) for p in _AFTER(el)) if t in index]
        if not before or not after or max(before) >= min(after):
            continue
        inserts.setdefault(max(before), []).append(part)
    if not inserts:
        return blocks
    out: list[Block] = []
    group = max((b.group or 0 for b in blocks), default=0)
    quote = max((b.quote or 0 for b in blocks), default=0)
    for i, block in enumerate(blocks):
        out.append(replace(block, position=len(out)))
        for rows, paragraphs in inserts.get(i, []):
            group += 1
            if paragraphs:
                quote += 1
            for text in paragraphs:
                out.append(Block(Kind.QUOTE, text, len(out), group=group, quote=quote))
            for cells, links in rows:
                text = " | ".join(c.text for c in cells if c.text)
                out.append(Block(Kind.TABLE, text, len(out), group=group, cells=cells, links=links))
    return out
