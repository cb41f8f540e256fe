"""Put back the data tables the extractor dropped from between body paragraphs.

trafilatura leaves out some tables of the article: one wrapped in an embed container, one
after a ``<style>`` block, one in a layout it scores as boilerplate. :func:`restore_tables`
looks at the page's tables that hold data (two rows or more, two filled columns or more,
no table nested in them) and whose text the body does not hold, and puts each back as
table rows when it stands between two paragraphs of the body: the paragraph before it
(one of the few nearest ``<p>`` elements before the table) and one after it are body
blocks, in that order, so the table sits inside the article, not in a sidebar or footer.
A page without tables costs one walk over its ``<table>`` elements.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from newsclean.blocks import Cell, Kind, Link
from newsclean.document import Block
from newsclean.sources.bodytree import absolute_url

__all__ = ["restore_tables"]

_NEAR = etree.XPath("preceding::p[position() <= 4]")
_AFTER = etree.XPath("following::p[position() <= 4]")
_MIN_ROWS = 2
_MIN_COLUMNS = 2


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(el: etree._Element) -> str:
    return _squash(etree.tostring(el, method="text", encoding=str, with_tail=False))


def _rows(table: etree._Element, base: str | None) -> list[tuple[tuple[Cell, ...], tuple[Link, ...]]]:
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


def restore_tables(blocks: list[Block], tree: etree._Element, base: str | None) -> list[Block]:
    """``blocks`` with the dropped data tables of the article put back in place (``blocks``
    itself when there are none)."""
    tables = [t for t in tree.iter("table") if t.find(".//table") is None]
    if not tables or not blocks:
        return blocks
    index = {_squash(b.text): i for i, b in enumerate(blocks) if b.kind is Kind.PARAGRAPH}
    body_text = " ".join(_squash(b.text) for b in blocks)
    inserts: dict[int, list[list[tuple[tuple[Cell, ...], tuple[Link, ...]]]]] = {}
    for table in tables:
        if any(a.tag == "table" for a in table.iterancestors()):
            continue
        rows = _rows(table, base)
        if len(rows) < _MIN_ROWS or max(sum(1 for c in cells if c.text) for cells, _ in rows) < _MIN_COLUMNS:
            continue
        first = next(c.text for c in rows[0][0] if c.text)
        if " | ".join(c.text for c in rows[0][0] if c.text) in body_text or (len(first) > 20 and first in body_text):
            continue  # the body holds it already
        before = [index[t] for t in (_text(p) for p in _NEAR(table)) if t in index]
        after = [index[t] for t in (_text(p) for p in _AFTER(table)) if t in index]
        if not before or not after or max(before) >= min(after):
            continue
        inserts.setdefault(max(before), []).append(rows)
    if not inserts:
        return blocks
    out: list[Block] = []
    group = max((b.group or 0 for b in blocks), default=0)
    for i, block in enumerate(blocks):
        out.append(replace(block, position=len(out)))
        for rows in inserts.get(i, []):
            group += 1
            for cells, links in rows:
                text = " | ".join(c.text for c in cells if c.text)
                out.append(Block(Kind.TABLE, text, len(out), group=group, cells=cells, links=links))
    return out
