"""Giant pages: a linear extraction for pages far larger than any real article page.

trafilatura's main extraction grows faster than the page: its time per element doubles
from 5,000 to 40,000 elements and is five times as high at 100,000 (a page of 100,000
paragraphs in one ``<article>`` spends 30 s there). The date search of the metadata
(htmldate) reads the whole serialised page as well. A page whose parsed tree has more
than :data:`GIANT_ELEMENTS` elements (:func:`is_giant`, one count in C) is therefore
read here instead, in one pass over the tree:

1. **the body container**: each ``<p>`` adds its text length to its parent and half of it
   to its grandparent; the element with the highest score holds the article, unless it
   holds less than :data:`MIN_SHARE` of the page's paragraph text (the text is spread
   over the page: then the whole ``<body>``);
2. **the blocks**: the container is walked in document order, skipping what a reader of
   the article does not read (scripts, navigation, forms, figures, asides, footers, see
   :data:`SKIPPED`); headings, paragraphs, list items, quotes, code and table rows become
   blocks of their kind, and text that sits loose between block elements becomes a
   paragraph of its own;
3. **the metadata**: :func:`newsclean.metadata.extract` reads the tree after every
   element with more than ``2 * KEEP_CHILDREN`` children lost all but its first and last
   :data:`KEEP_CHILDREN` (the head, the title, the byline and the dates stay; the date
   search no longer reads megabytes of paragraphs).

Every step visits each element a bounded number of times, so time per paragraph stays
flat however long the page. The filters then run as on any page. The largest of the
1,957 pages of the shared corpora has 15,793 elements, so no real page takes this path.

    >>> from newsclean.sources.parse import parse_html
    >>> is_giant(parse_html("<html><body>" + "<p>x</p>" * 10 + "</body></html>"))
    False
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

from lxml import etree

from newsclean.blocks import Cell, Link
from newsclean.document import Block, Document, Kind
from newsclean.metadata import extract as extract_metadata
from newsclean.sources.bodytree import absolute_url, code_language, element_text
from newsclean.sources.page_metadata import fill_metadata

__all__ = ["GIANT_ELEMENTS", "KEEP_CHILDREN", "MIN_SHARE", "SKIPPED", "giant_blocks", "giant_document", "is_giant"]

log = logging.getLogger(__name__)

#: a page with more elements than this takes the giant path (1.6x the largest corpus page)
GIANT_ELEMENTS = 25_000
#: children kept at each end of a wide element when the metadata is read
KEEP_CHILDREN = 100
#: the best container must hold this share of the page's paragraph text, else ``<body>`` is read
MIN_SHARE = 0.2

#: elements whose content is not article text (their tail text is)
SKIPPED = frozenset(
    "script style noscript template svg iframe object embed applet audio video canvas map head nav aside "  # noqa: SIM905
    "footer form button select input textarea figure".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset(("ul", "ol", "dl"))
_ITEMS = frozenset(("li", "dd", "dt"))
_QUOTES = frozenset(("blockquote",))
_CODE = frozenset(("pre",))
_PARAGRAPHS = frozenset(("p", "figcaption", "address", "summary", "caption"))
#: elements that make a block of their own
_BLOCKS = frozenset(_HEADINGS) | _ITEMS | _QUOTES | _CODE | _PARAGRAPHS | {"table", "tr"}
#: elements that only group blocks (their loose text is a paragraph of its own)
_INLINE = frozenset(
    "a abbr b bdi bdo cite data dfn em font i kbd mark q rp rt ruby s samp small span strike strong sub "  # noqa: SIM905
    "sup time tt u var wbr del ins label img".split()
)


def is_giant(tree: etree._Element) -> bool:
    """Whether the parsed page has more than :data:`GIANT_ELEMENTS` elements."""
    return bool(tree.xpath(f"count(//*) > {GIANT_ELEMENTS}"))


def giant_document(
    tree: etree._Element,
    html: str,
    *,
    url: str | None = None,
    base: str | None = None,
    now: str | date | None = None,
) -> Document:
    """The document of a giant page: blocks from :func:`giant_blocks` (links made absolute
    against ``base``), metadata from the trimmed tree (see the module docstring), warning
    ``"giant-page"``. ``tree`` is changed (trimmed)."""
    blocks = giant_blocks(tree, base)
    _trim(tree)
    page = extract_metadata(tree, url=url, html=html, now=now)
    doc = Document(blocks=blocks, source="html")
    fill_metadata(doc, page, url)
    doc.warnings.append("giant-page")
    log.info("giant page (over %d elements): read without trafilatura, %d blocks", GIANT_ELEMENTS, len(blocks))
    return doc


def giant_blocks(tree: etree._Element, base: str | None = None) -> list[Block]:
    """The blocks of the page's body container, in reading order, of the kinds and with the
    structure the usual path gives (links made absolute against ``base``, list items'
    depth and numbering, table cells, the paragraphs of one quote, a code block's language)."""
    body = tree.find("body")
    if body is None:
        body = tree
    return _Reader(base).read(_container(body))


def _container(body: etree._Element) -> etree._Element:
    """The element whose paragraphs hold the article (step 1 of the module docstring)."""
    scores: dict[etree._Element, float] = {}
    total = 0
    for p in body.iter("p"):
        length = len(p.xpath("string()"))
        total += length
        parent = p.getparent()
        if parent is None or _skipped(p):
            continue
        scores[parent] = scores.get(parent, 0.0) + length
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + length / 2
    if not scores:
        return body
    best, score = max(scores.items(), key=lambda kv: kv[1])
    return best if score >= MIN_SHARE * total else body


def _skipped(el: etree._Element) -> bool:
    """Whether ``el`` or one of its (at most 8 nearest) ancestors is skipped content."""
    for n, ancestor in enumerate(el.iterancestors()):
        if n >= 8:
            return False
        if ancestor.tag in SKIPPED:
            return True
    return False


class _Reader:
    """Turns a container into blocks in one walk (step 2 of the module docstring)."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.blocks: list[Block] = []
        self.group = 0

    def block(self, kind: Kind, text: str, linked: int, links: tuple[Link, ...] = (), **extra: Any) -> None:
        if "\n" in text:
            text = "\n".join(line for line in (" ".join(part.split()) for part in text.split("\n")) if line)
        else:
            text = " ".join(text.split())
        if text:
            ratio = min(1.0, linked / len(text)) if linked else 0.0
            self.blocks.append(Block(kind, text, len(self.blocks), link_ratio=ratio, links=links, **extra))

    def links(self, el: etree._Element, skip: frozenset[str] = frozenset()) -> tuple[int, tuple[Link, ...]]:
        """Characters of link text in ``el`` (whitespace runs counted as one space) and its
        links (those inside ``skip`` elements left out: they are blocks of their own)."""
        linked = 0
        links = []
        for a in el.iter("a"):
            anchor = " ".join("".join(a.itertext()).split())
            linked += len(anchor)
            url = absolute_url(a.get("href"), self.base)
            if url and anchor and not (skip and _inside(a, el, skip)):
                links.append(Link(anchor, url))
        return linked, tuple(links)

    def of(self, kind: Kind, el: etree._Element, skip: frozenset[str] = frozenset(), **extra: Any) -> None:
        """The block of one element (its text less ``skip`` elements)."""
        if len(el) or el.tag == "a":
            linked, links = self.links(el, skip)
            self.block(kind, _text(el, skip) if len(el) else el.text or "", linked, links, **extra)
        else:
            self.block(kind, el.text or "", 0, **extra)

    def read(self, container: etree._Element) -> list[Block]:
        # an explicit stack of (children iterator, loose text run): no recursion
        stack: list[tuple[Iterator[Any], _Run]] = [(iter(container), _Run(container.text))]
        while stack:
            children, run = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                run.flush(self)
                continue
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                run.add(child.tail)
                continue
            if tag == "br":
                run.add("\n")
            elif tag in _INLINE:
                run.add(_text(child), *self.links(child))
            else:
                run.flush(self)  # the text before this block
                if tag in _BLOCKS:
                    self.element(child, tag)
                else:  # a grouping element: its own children are read the same way
                    self.group += tag in _LISTS
                    stack.append((iter(child), _Run(child.text)))
            run.add(child.tail)  # after the block (a grouping element's run is flushed first)
        return self.blocks

    def element(self, el: etree._Element, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self.of(Kind.PARAGRAPH, el)
        elif tag in _HEADINGS:
            self.of(Kind.HEADING, el, level=_HEADINGS[tag])
        elif tag in _ITEMS:  # nested lists' items come as items of their own, in document order
            for item in el.iter(*_ITEMS):
                parent = item.getparent()
                self.of(
                    Kind.LIST_ITEM,
                    item,
                    _LISTS,
                    group=self.group,
                    level=_depth(item, el),
                    ordered=parent is not None and parent.tag == "ol",
                )
        elif tag in _QUOTES:
            self.group += 1
            for p in el.findall(".//p") or [el]:
                self.of(Kind.QUOTE, p, group=self.group, quote=self.group)
        elif tag in _CODE:
            text = "".join(el.itertext()).strip("\n")
            if text.strip():
                self.blocks.append(Block(Kind.CODE, text, len(self.blocks), language=code_language(el)))
        else:  # a table or a row
            self.group += 1
            for row in [el] if tag == "tr" else el.iter("tr"):
                cells = tuple(Cell(" ".join(_text(c).split()), c.tag == "th") for c in row.iterchildren("td", "th"))
                _, links = self.links(row)
                text = " | ".join(c.text for c in cells if c.text)
                self.block(Kind.TABLE, text, 0, links, group=self.group, cells=cells)


class _Run:
    """Loose text between block elements, its link text and its links."""

    __slots__ = ("linked", "links", "parts")

    def __init__(self, text: str | None) -> None:
        self.parts = [text or ""]
        self.linked = 0
        self.links: list[Link] = []

    def add(self, text: str | None, linked: int = 0, links: tuple[Link, ...] = ()) -> None:
        if text:
            self.parts.append(text)
            self.linked += linked
            self.links.extend(links)

    def flush(self, reader: _Reader) -> None:
        if len(self.parts) > 1 or self.parts[0]:
            text = "".join(self.parts)
            if not text.isspace():
                reader.block(Kind.PARAGRAPH, text, self.linked, tuple(self.links))
            self.parts = [""]
            self.linked = 0
            self.links = []


def _inside(el: etree._Element, stop: etree._Element, tags: frozenset[str]) -> bool:
    """Whether ``el`` lies in one of ``tags`` below ``stop``."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _depth(item: etree._Element, top: etree._Element) -> int:
    """How many lists ``item`` is nested in below the item ``top`` (0 for ``top`` itself)."""
    depth = 0
    parent = item.getparent() if item is not top else None
    while parent is not None and parent is not top:
        depth += parent.tag in _LISTS
        parent = parent.getparent()
    return depth


def _text(el: etree._Element, skip: frozenset[str] = frozenset()) -> str:
    """The element's text, ``<br>`` as a line break, without :data:`SKIPPED` elements and
    ``skip`` elements (:func:`~newsclean.sources.bodytree.element_text`)."""
    return element_text(el, SKIPPED | skip if skip else SKIPPED, line_break="br")


def _trim(tree: etree._Element) -> None:
    """Keep only the first and last :data:`KEEP_CHILDREN` children of every wider element."""
    wide = [el for el in tree.iter() if len(el) > 2 * KEEP_CHILDREN]
    for el in wide:
        del el[KEEP_CHILDREN : len(el) - KEEP_CHILDREN]
