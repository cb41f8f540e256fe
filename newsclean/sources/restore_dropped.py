"""Put back the subheadings and list items the extractor dropped between body paragraphs.

When trafilatura's main pass finds too little in its first candidate container, it falls
back to collecting loose paragraphs from the page, and that fallback keeps ``<p>``-like
elements only: the article's subheadings (``<h2>``) and lists (``<li>``) are lost while
the paragraphs around them are kept. :func:`restore_dropped` finds, in the page tree, the
stretch that runs from the first to the last extracted paragraph and puts the headings and
list items inside it (outside navigation, asides, forms and table-of-contents boxes) back
in their place. It only acts on a body with no heading at all, the mark of that fallback,
and one walk over the tree's text elements is its whole cost.

The extractor also drops a list it takes for navigation (its items are links, or short)
right after a paragraph that announces it: "The board pointed to five earlier studies:".
A sentence ending in a colon says that what follows belongs to it;
:func:`restore_announced_lists` puts back the list (``ul``, ``ol`` or ``dl``) that follows
such a paragraph in the page when the body left it out, unless its class marks it as page
furniture.
"""

from __future__ import annotations

from dataclasses import replace

import regex
from lxml import etree

from newsclean.document import Block, Kind
from newsclean.textutil import REGEX_TIMEOUT, word_count

__all__ = ["restore_announced_lists", "restore_dropped"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_TAGS = ("p", "li", *_HEADINGS)
_CHROME_TAGS = frozenset(
    ["nav", "aside", "footer", "header", "form", "figure", "figcaption", "button", "select", "label"]
)
_CHROME_CLASS = regex.compile(
    r"(?:^|[\s_-])(?:toc|table-of-contents|related|share|sharing|social|breadcrumbs?|sidebar|menu|nav|navigation"
    r"|comments?|newsletter|subscribe|signup|author|promo|advert|ads?|cta|footer|header|widget|tags?)(?:$|[\s_-])",
    regex.IGNORECASE,
)
_KEY_CHARS = 60
_MIN_MATCHED = 3  # paragraphs found in the tree before the stretch is trusted


def _key(text: str) -> str:
    return " ".join(text.split())[:_KEY_CHARS]


_STRING = etree.XPath("string()")


def _element_key(el: etree._Element) -> str:
    """:func:`_key` of the element's text (its string value, built in C)."""
    text = _STRING(el)
    return _key(text) if isinstance(text, str) else ""


def _chrome(el: etree._Element, stop: etree._Element) -> bool:
    """Whether ``el`` sits in page furniture (below ``stop``, the stretch's container)."""
    node: etree._Element | None = el
    while node is not None and node is not stop:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _CHROME_TAGS:
            return True
        cls = (node.get("class") or "") + " " + (node.get("id") or "")
        if cls.strip() and _CHROME_CLASS.search(cls, timeout=REGEX_TIMEOUT):
            return True
        node = node.getparent()
    return False


def _chrome_between(el: etree._Element, before: etree._Element, after: etree._Element, stop: etree._Element) -> bool:
    """Whether ``el`` sits in page furniture apart from the kept paragraphs around it: a
    furniture-like container that also holds one of them is the article's own (some
    page builders name every wrapper "widget")."""
    for kept in (before, after):
        common = _common_ancestor(el, kept)
        if not _chrome(el, stop if common is None else common):
            return False
    return True


def _all_link(el: etree._Element, text: str) -> bool:
    """Whether the element's text is (nearly) all link text: a navigation or related link."""
    linked = sum(len(" ".join("".join(a.itertext()).split())) for a in el.iter("a"))
    return linked >= 0.9 * len(text)


def _common_ancestor(a: etree._Element, b: etree._Element) -> etree._Element | None:
    # the elements themselves, not their id(): lxml frees an element's proxy when nothing
    # holds it, and a later proxy may get the same id
    ancestors = {a, *a.iterancestors()}
    for x in [b, *b.iterancestors()]:
        if x in ancestors:
            return x
    return None


def restore_dropped(blocks: list[Block], tree: etree._Element) -> list[Block]:
    """``blocks`` with the headings and list items the extractor dropped between them put
    back (a new list; ``blocks`` itself is unchanged when there is nothing to restore)."""
    if any(b.kind is Kind.HEADING and b.quote is None for b in blocks):  # (a quote may hold a heading)
        return blocks
    wanted = {_key(b.text): i for i, b in enumerate(blocks) if b.kind is Kind.PARAGRAPH and len(b.text) >= 40}
    if len(wanted) < _MIN_MATCHED:
        return blocks
    have = {_key(b.text) for b in blocks}
    elements = [el for el in tree.iter(*_TEXT_TAGS) if el.tag != "li" or el.find(".//li") is None]
    texts = [_element_key(el) for el in elements]
    matched: list[tuple[int, int]] = []  # (element index, block index), both increasing
    for k, t in enumerate(texts):
        if elements[k].tag == "p" and t in wanted and (not matched or wanted[t] > matched[-1][1]):
            matched.append((k, wanted[t]))
    if len(matched) < _MIN_MATCHED:
        return blocks
    first, last = matched[0][0], matched[-1][0]
    strays = sum(1 for k in range(first, last) if elements[k].tag == "p" and texts[k] and texts[k] not in have)
    if strays > len(matched):
        return blocks  # the stretch holds much the extractor left out: not one article
    container = _common_ancestor(elements[first], elements[last])
    if container is None:
        return blocks
    # restored elements, each placed before the block of the next matched paragraph
    before: dict[int, list[tuple[Kind, str, etree._Element]]] = {}
    next_block = iter(matched)
    target = previous = next(next_block)
    for k in range(first + 1, last):
        while target[0] < k:
            previous, target = target, next(next_block)
        el, key = elements[k], texts[k]
        if el.tag == "p" or not key or key in have:
            continue
        text = " ".join("".join(el.itertext()).split())
        if _all_link(el, text) or _chrome_between(el, elements[previous[0]], elements[target[0]], container):
            continue
        kind = Kind.HEADING if el.tag in _HEADINGS else Kind.LIST_ITEM
        before.setdefault(target[1], []).append((kind, text, el))
        have.add(key)
    if not before:
        return blocks
    return _merged(blocks, before)


def _merged(blocks: list[Block], before: dict[int, list[tuple[Kind, str, etree._Element]]]) -> list[Block]:
    out: list[Block] = []
    group = max((b.group or 0 for b in blocks), default=0)
    for i, block in enumerate(blocks):
        parent: etree._Element | None = None
        for kind, text, el in before.get(i, []):
            if kind is Kind.LIST_ITEM and el.getparent() is not parent:
                group += 1
                parent = el.getparent()
            level = int(str(el.tag)[1]) if kind is Kind.HEADING else 0
            out.append(Block(kind, text, len(out), group=group if kind is Kind.LIST_ITEM else None, level=level))
        out.append(replace(block, position=len(out)))
    return out


_ANNOUNCING = (":", "：")
_ANNOUNCING_WORDS = 4  # "Read more:", "See also:" are labels, not sentences
_LISTS = frozenset(("ul", "ol", "dl"))


def _announces(block: Block, following: Block | None) -> bool:
    """Whether ``block`` is a sentence ending in a colon with no list after it in the body."""
    if block.kind is not Kind.PARAGRAPH or not block.text.rstrip().endswith(_ANNOUNCING):
        return False
    if following is not None and following.kind is Kind.LIST_ITEM:
        return False
    return word_count(block.text) >= _ANNOUNCING_WORDS


def _list_after(el: etree._Element) -> etree._Element | None:
    """The list that follows ``el`` as its next element (no text between), if any."""
    if el.tail and el.tail.strip():
        return None
    nxt = el.getnext()
    while nxt is not None and nxt.tag == "br" and not (nxt.tail or "").strip():
        nxt = nxt.getnext()
    if nxt is None or nxt.tag not in _LISTS:
        return None
    cls = (nxt.get("class") or "") + " " + (nxt.get("id") or "")
    return None if cls.strip() and _CHROME_CLASS.search(cls, timeout=REGEX_TIMEOUT) else nxt


def _items(lst: etree._Element) -> list[tuple[str, float]]:
    """The list's items (``li``, or ``dt`` and ``dd``): text and share of it in links."""
    tags = ("dt", "dd") if lst.tag == "dl" else ("li",)
    out = []
    for el in lst.iter(*tags):
        if el.find(".//li") is None:
            text = " ".join("".join(el.itertext()).split())
            if text:
                linked = sum(len(" ".join("".join(a.itertext()).split())) for a in el.iter("a"))
                out.append((text, min(1.0, linked / len(text))))
    return out


def restore_announced_lists(blocks: list[Block], tree: etree._Element) -> list[Block]:
    """``blocks`` with the list that follows an announcing paragraph in the page put back
    after it when the body left it out (a new list; ``blocks`` itself when nothing changes)."""
    wanted = {
        _key(b.text): i for i, b in enumerate(blocks) if _announces(b, blocks[i + 1] if i + 1 < len(blocks) else None)
    }
    if not wanted:
        return blocks
    have = {_key(b.text) for b in blocks}
    after: dict[int, list[tuple[str, float]]] = {}
    for el in tree.iter("p", "div"):
        key = _element_key(el)
        if key not in wanted or wanted[key] in after:
            continue
        lst = _list_after(el)
        items = _items(lst) if lst is not None else []
        if items and not any(_key(t) in have for t, _ in items):
            after[wanted[key]] = items
    if not after:
        return blocks
    out: list[Block] = []
    group = max((b.group or 0 for b in blocks), default=0)
    for i, block in enumerate(blocks):
        out.append(replace(block, position=len(out)))
        if i in after:
            group += 1
            for text, linked in after[i]:
                out.append(Block(Kind.LIST_ITEM, text, len(out), group=group, link_ratio=linked))
    return out
