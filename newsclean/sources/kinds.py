"""Give back what the extractor flattened: headings and list items it turned into
paragraphs, and the links of a body it stripped of all of them.

trafilatura writes some of the page's headings and list items as plain paragraphs: list
items whose text sits in a ``<p>`` inside the ``<li>``, lists in containers its list
handling does not reach, and every heading and list of a page extracted through its
fallback extractors. The text is right; its kind is lost. :func:`restore_kinds` looks each
paragraph block's text up among the page's headings and list items (one pass over those
elements of the tree) and, where the text is exactly that of one of them, makes the block
a heading (with the element's level) or a list item (grouped with the items of the same
list, nested by the list's depth, ordered for an ``<ol>``). A text that is both a heading
and a list item on the page (a table of contents repeats the headings) is a heading. List
items are looked for only in a body that has none (pages hold hundreds of ``<li>`` in
menus and footers: reading them all costs more than the rest of this step), and not above
the first paragraph of prose: there they are a breadcrumb or a menu, which the
``headline`` filter reads as the lines before the title.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from newsclean.blocks import Kind, Link
from newsclean.document import Block
from newsclean.sources.bodytree import absolute_url

__all__ = ["restore_kinds", "restore_links"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MAX_CHARS = 1000  # longer paragraphs are not looked up
_MAX_RAW = 3 * _MAX_CHARS  # an element with this much text (spaces included) cannot match
_HEADING_WORDS = 25  # a longer "heading" is a styled paragraph
_PROSE_WORDS = 12  # a paragraph this long is article text


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(el: etree._Element) -> str:
    """The element's whole text (serialised in C: the fastest way lxml has)."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _source(el: etree._Element) -> tuple[Kind, int, etree._Element | None]:
    """What element ``el`` is: a heading (its level), or a list item (its nesting depth and list)."""
    if el.tag in _HEADINGS:
        return Kind.HEADING, int(el.tag[1]), None
    depth = sum(1 for a in el.iterancestors("ul", "ol")) - 1
    return Kind.LIST_ITEM, max(depth, 0), el.getparent()


def _own_text(item: etree._Element) -> str:
    """A list item's text without the lists nested in it."""
    parts = [item.text or ""]
    for child in item:
        if child.tag in ("ul", "ol"):
            parts.append(child.tail or "")
        elif isinstance(child.tag, str):
            parts.append(etree.tostring(child, method="text", encoding=str, with_tail=True))
    return "".join(parts)


def _links(el: etree._Element, base: str | None) -> tuple[Link, ...]:
    out = []
    for a in el.iter("a"):
        url = absolute_url(a.get("href"), base)
        anchor = _squash(_text(a))
        if url and anchor:
            out.append(Link(anchor, url))
    return tuple(out)


def restore_kinds(blocks: list[Block], tree: etree._Element, base: str | None = None) -> list[Block]:
    """``blocks`` with paragraphs whose text is exactly a heading's or a list item's on the
    page made headings or list items (``blocks`` itself when none is). A heading without
    links (the extractor keeps none in headings) gets those of its element on the page."""
    keys = [
        _squash(b.text)
        if (b.kind is Kind.PARAGRAPH and len(b.text) <= _MAX_CHARS) or (b.kind is Kind.HEADING and not b.links)
        else None
        for b in blocks
    ]
    wanted = {k for k, b in zip(keys, blocks, strict=True) if k is not None and b.kind is Kind.PARAGRAPH}
    headings = {k for k, b in zip(keys, blocks, strict=True) if k is not None and b.kind is Kind.HEADING}
    if not wanted and not headings:
        return blocks
    found: dict[str, tuple[Kind, int, etree._Element | None, etree._Element]] = {}
    linked: dict[str, tuple[Link, ...]] = {}  # heading text -> its links on the page
    # list items are looked for only in a body without any (the extractor flattened them
    # all): pages list menus and footers in hundreds of <li>, headings are few
    tags = _HEADINGS if any(b.kind is Kind.LIST_ITEM for b in blocks) else (*_HEADINGS, "li")
    for el in tree.iter(*tags):
        # an item holding a list (a menu, often): its text before the list
        raw = _own_text(el) if el.tag == "li" and el.find(".//li") is not None else _text(el)
        if len(raw) > _MAX_RAW:
            continue
        text = _squash(raw)
        if el.tag != "li" and text in headings and text not in linked:
            linked[text] = _links(el, base)
        if text not in wanted:
            continue
        kind, level, parent = _source(el)
        if text not in found or kind is Kind.HEADING:
            found[text] = (kind, level, parent, el)
    if not found and not any(linked.values()):
        return blocks
    out: list[Block] = []
    group = max((b.group or 0 for b in blocks), default=0)
    last_list: etree._Element | None = None
    prose = False  # list items above the first prose paragraph are a breadcrumb or a menu
    for b, key in zip(blocks, keys, strict=True):
        source = found.get(key) if key is not None and b.kind is Kind.PARAGRAPH else None
        if (
            source is None
            or (source[0] is Kind.HEADING and len(b.text.split()) > _HEADING_WORDS)
            or (source[0] is Kind.LIST_ITEM and not prose)
        ):
            prose = prose or (b.kind is Kind.PARAGRAPH and len(b.text.split()) >= _PROSE_WORDS)
            if key is not None and b.kind is Kind.HEADING and linked.get(key):
                b = replace(b, links=linked[key])
            out.append(b)
            last_list = None
            continue
        kind, level, parent, el = source
        links = b.links or _links(el, base)
        if kind is Kind.HEADING:
            out.append(replace(b, kind=kind, level=level, links=links))
            last_list = None
            continue
        if parent is None or last_list is None or not _same_list(parent, last_list):
            group += 1
        last_list = parent
        ordered = parent is not None and parent.tag == "ol"
        out.append(replace(b, kind=kind, level=level, group=group, ordered=ordered, links=links))
    return out


def _same_list(a: etree._Element, b: etree._Element) -> bool:
    """Whether two list elements are one list (the same, or nested in one another)."""
    if a is b:
        return True
    return any(x is b for x in a.iterancestors("ul", "ol")) or any(x is a for x in b.iterancestors("ul", "ol"))


_BLOCK_TAGS = frozenset(("p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", *_HEADINGS))


def restore_links(blocks: list[Block], tree: etree._Element, base: str | None) -> list[Block]:
    """``blocks`` with the links of the page elements whose text is exactly a block's.

    For a body in which the extractor kept no link at all (it drops them on some pages),
    while the page's own paragraphs hold links: each ``<a href>`` of the page is taken
    with the paragraph, list item, heading or cell it stands in, and a block whose text is
    that element's text gets its links, made absolute against ``base``."""
    if not blocks or any(b.links for b in blocks):
        return blocks
    wanted = {_squash(b.text) for b in blocks if b.kind is not Kind.CODE and len(b.text) <= 4 * _MAX_CHARS}
    by_text: dict[str, tuple[Link, ...]] = {}
    seen: set[etree._Element] = set()  # the elements themselves: an lxml proxy's id() is reused once it is freed
    for a in tree.iter("a"):
        href = a.get("href")
        if not href:
            continue
        holder = next((x for x in a.iterancestors() if x.tag in _BLOCK_TAGS), None)
        if holder is None or holder in seen:
            continue
        seen.add(holder)
        text = _squash(_text(holder))
        if text not in wanted or text in by_text:
            continue
        by_text[text] = _links(holder, base)
    if not by_text:
        return blocks
    return [replace(b, links=by_text.get(_squash(b.text), ())) if b.kind is not Kind.CODE else b for b in blocks]
