"""trafilatura's body tree → :class:`~newsclean.document.Block` s, with their structure.

The extractor gives the main content as XML: ``head`` (``rend="h2"``), ``p``, ``list``
(``rend="ol"`` or ``"ul"``) of ``item`` s, which may hold nested lists, ``quote``,
``table`` of ``row`` s of ``cell`` s (``role="head"`` for header cells), ``code`` (the
page's ``<code class="language-x">`` inside it), ``graphic`` (images) and, inside any
of these, ``ref`` (links, ``target`` as the page wrote it) and ``lb`` (line breaks).
:func:`body_blocks` turns each into a block of the matching kind: one block per heading,
paragraph, list item (``level`` = nesting depth, one ``group`` per outermost list), quote
paragraph (one ``group`` per quote), table row (its ``cells``, one ``group`` per table)
and code block, with the links made absolute against ``base``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import replace
from urllib.parse import urljoin

import regex
from lxml import etree

from newsclean.blocks import Cell, Image, Kind, Link
from newsclean.document import Block
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["absolute_url", "body_blocks", "code_language", "element_text"]

_LANGUAGE = regex.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]{1,30})")
_UNLINKABLE = ("javascript:", "data:", "vbscript:")
_QUOTE_PARTS = frozenset(("p", "head", "list", "table", "code", "quote"))


def element_text(el: etree._Element, skip: Collection[str] = frozenset(), line_break: str = "lb") -> str:
    """The element's text with ``line_break`` elements as line breaks (trafilatura's
    ``lb``; ``br`` in a page's own markup), leaving out comments, processing instructions
    and the sub-elements tagged in ``skip`` (their tails stay).

    Iterative (an explicit stack, not recursion), so no nesting depth reaches Python's
    recursion limit.
    """
    parts = [el.text or ""]
    stack: list[tuple[Iterator[etree._Element], str]] = [(iter(el), "")]
    while stack:
        children, tail = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(tail)
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in skip:
            parts.append(child.tail or "")
        elif tag == line_break:
            parts.append("\n" + (child.tail or ""))
        elif len(child):
            parts.append(child.text or "")
            stack.append((iter(child), child.tail or ""))
        else:
            parts.append((child.text or "") + (child.tail or ""))
    return "".join(parts)


def absolute_url(target: str | None, base: str | None) -> str | None:
    """``target`` made absolute against ``base`` (``None`` for an empty or script link)."""
    target = (target or "").strip()
    if not target or target.casefold().startswith(_UNLINKABLE):
        return None
    if not base:
        return target
    try:
        return urljoin(base, target)
    except ValueError:  # a malformed address (e.g. an unbalanced IPv6 bracket)
        return target


def _squash(text: str) -> str:
    return " ".join(text.split())


class _Reader:
    """Builds the blocks of one body tree."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.blocks: list[Block] = []
        self.group = 0
        self.pending_images: list[Image] = []  # images standing alone, shown with the next block

    def links(self, el: etree._Element) -> tuple[Link, ...]:
        out = []
        for ref in el.iter("ref"):
            url = absolute_url(ref.get("target"), self.base)
            text = _squash("".join(ref.itertext()))
            if url and text:
                out.append(Link(text, url))
        return tuple(out)

    def image(self, el: etree._Element) -> Image | None:
        src = absolute_url(el.get("src"), self.base)
        return Image(src, _squash(el.get("alt") or el.get("title") or "")) if src else None

    def add(self, kind: Kind, el: etree._Element, *, skip: str | None = "list", **extra: object) -> None:
        text = element_text(el, (skip,) if skip else ())
        length = len(text.strip())
        if not length:
            return
        linked = 0
        links: list[Link] = []
        images = self.pending_images
        self.pending_images = []
        if len(el):  # one walk over the links and images below (none in a bare paragraph)
            for node in el.iter("ref", "graphic"):
                if node.tag == "graphic":
                    image = self.image(node)
                    if image is not None:
                        images.append(image)
                    continue
                anchor = "".join(node.itertext())
                linked += len(anchor.strip())
                if skip is not None and _inside(node, el, skip):
                    continue
                url = absolute_url(node.get("target"), self.base)
                anchor = _squash(anchor)
                if url and anchor:
                    links.append(Link(anchor, url))
        self.blocks.append(
            Block(
                kind,
                text,
                len(self.blocks),
                link_ratio=min(1.0, linked / length),
                links=tuple(links),
                images=tuple(images),
                **extra,  # type: ignore[arg-type]
            )
        )

    def read(self, body: etree._Element) -> list[Block]:
        for el in body:
            self.element(el)
        if self.pending_images and self.blocks:  # images after the last text: shown with it
            last = self.blocks[-1]
            self.blocks[-1] = replace(last, images=(*last.images, *self.pending_images))
        return self.blocks

    def element(self, el: etree._Element, quote: int | None = None) -> None:
        """The blocks of one element of the body (``quote``: the quote it stands in)."""
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == "graphic":
            image = self.image(el)
            if image is not None:
                self.pending_images.append(image)
        elif tag == "head":
            rend = el.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            self.add(Kind.HEADING, el, level=level, quote=quote)
        elif tag == "list":
            self.group += 1
            self.list(el, 0, quote)
        elif tag == "quote" and quote is None:
            self.group += 1
            self.quote(el, self.group)
        elif tag == "table":
            self.group += 1
            self.table(el, quote)
        elif tag == "code":
            self.add(Kind.CODE, el, language=code_language(el), quote=quote)
        elif quote is not None:
            self.add(Kind.QUOTE, el, group=quote, quote=quote)
        else:
            self.add(Kind.PARAGRAPH, el)

    def quote(self, el: etree._Element, quote: int) -> None:
        """A block quote: its paragraphs as quote blocks, and the headings, lists, tables
        and code inside it as blocks of their kinds, all marked as standing in ``quote``."""
        children = [c for c in el if isinstance(c.tag, str)]
        if not any(c.tag in _QUOTE_PARTS for c in children):
            self.add(Kind.QUOTE, el, group=quote, quote=quote)
        elif all(c.tag in _QUOTE_PARTS or c.tag == "graphic" for c in children) and not any(
            (c.tail or "").strip() for c in children
        ):
            lead = (el.text or "").strip()
            if lead:
                self.blocks.append(Block(Kind.QUOTE, lead, len(self.blocks), group=quote, quote=quote))
            for child in children:
                self.element(child, quote)
        else:  # text and inline markup between the parts: its paragraphs, else its whole text
            for p in el.findall("p") or [el]:
                self.add(Kind.QUOTE, p, group=quote, quote=quote)

    def list(self, el: etree._Element, level: int, quote: int | None = None) -> None:
        """The items of one list, each followed by the items of lists nested in it (an
        iterative walk: nesting depth is bounded only by the tree)."""
        ordered = el.get("rend") == "ol"
        stack: list[tuple[Iterator[etree._Element], int, bool]] = [(iter(el.iterchildren("item")), level, ordered)]
        while stack:
            items, depth, numbered = stack[-1]
            item = next(items, None)
            if item is None:
                stack.pop()
                continue
            self.add(Kind.LIST_ITEM, item, group=self.group, level=depth, ordered=numbered, quote=quote)
            for sub in reversed(item.findall(".//list")):
                if _parent_item(sub) is item:
                    stack.append((iter(sub.iterchildren("item")), depth + 1, sub.get("rend") == "ol"))

    def table(self, el: etree._Element, quote: int | None = None) -> None:
        for row in el.iter("row"):
            cells = tuple(Cell(_squash(element_text(c)), c.get("role") == "head") for c in row.iterchildren("cell"))
            text = " | ".join(c.text for c in cells if c.text)
            if text:
                self.blocks.append(
                    Block(
                        Kind.TABLE,
                        text,
                        len(self.blocks),
                        group=self.group,
                        cells=cells,
                        links=self.links(row),
                        quote=quote,
                    )
                )


def _inside(el: etree._Element, stop: etree._Element, tag: str) -> bool:
    """Whether ``el`` lies in a ``tag`` element below ``stop``."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _parent_item(lst: etree._Element) -> etree._Element | None:
    parent = lst.getparent()
    while parent is not None and parent.tag != "item":
        parent = parent.getparent()
    return parent


def code_language(el: etree._Element) -> str:
    """The language a code block names (``class="language-python"``, ``lang-js``, ``lang``)."""
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        lang = node.get("lang") or node.get("data-lang") or ""
        if lang.strip():
            return lang.strip()[:30]
        m = _LANGUAGE.search(node.get("class") or "", timeout=REGEX_TIMEOUT)
        if m:
            return str(m.group(1))
    return ""


def body_blocks(body: etree._Element, base: str | None = None) -> list[Block]:
    """The blocks of trafilatura's body tree, links made absolute against ``base``."""
    return _Reader(base).read(body)
