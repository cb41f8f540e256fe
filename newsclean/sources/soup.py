"""A BeautifulSoup tree → an lxml tree, node by node, without rendering or parsing.

BeautifulSoup keeps its own tree of Python objects; trafilatura works on lxml trees. A
soup that BeautifulSoup built with its ``lxml`` parser has the structure libxml2 gave it
(the same elements, nesting and repairs :func:`~newsclean.sources.parse.parse_html`
gives), so copying its nodes into lxml elements gives the tree that rendering the soup
and parsing it again would give, at about a third of the cost of ``str(soup)`` plus a
parse (median 25.8 vs 68.5 ms a page in ``benchmarks/inputs.py``, where the article was
the same on 598 of 599 pages; the other through what rendering changes: whitespace next
to comments, namespaced attributes).
Soups built by ``html.parser`` or ``html5lib`` repair markup differently; those are
rendered once and parsed (see :mod:`newsclean.sources.inputs`).

bs4 is not imported here: the nodes are told apart by duck typing (a tag has ``name``
and ``attrs``; text nodes are ``str``), so this module costs nothing to import.

What the lxml API cannot hold is adapted the way libxml2 does or close to it: characters
XML forbids (C0 controls, lone surrogates) are dropped, a tag name lxml rejects
(``o:p``) gets its invalid characters replaced (``o-p``), and an attribute name lxml
rejects (``:class``, ``@click``) is left out. Comments, processing instructions, CDATA
and doctypes are left out, as :func:`~newsclean.sources.parse.parse_html` leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree

from newsclean.sources.parse import html_parser

__all__ = ["soup_to_tree"]

# characters an lxml text or attribute value cannot hold; characters a name cannot hold
# (``re``: one character class, linear, and cheaper to call than ``regex`` for the many
# short strings of a page)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.\-\u00b7\u00c0-\uffff]")
# bs4 node classes holding text a reader can see (``Script``, ``Stylesheet`` and
# ``TemplateString`` are the text of <script>, <style> and <template>); its other string
# classes (``Comment``, ``CData``, ``Doctype``, ...) derive from ``PreformattedString``.
_NOT_TEXT = frozenset(("PreformattedString", "Comment", "CData", "ProcessingInstruction", "Declaration", "Doctype"))


def soup_to_tree(tag: Any) -> lxml.html.HtmlElement:
    """An lxml tree holding ``tag`` (a ``bs4.Tag``; for a whole ``BeautifulSoup``, its
    ``<html>`` element or first element) and everything below it.

    Iterative (an explicit stack), so no nesting depth reaches Python's recursion limit.
    """
    root_tag = _root(tag)
    root = html_parser().makeelement(_tag_name(root_tag.name), _attributes(root_tag))
    # per open element: its children still to copy, the element, its last child so far
    stack: list[tuple[Iterator[Any], lxml.html.HtmlElement, list[etree._Element]]] = [
        (iter(root_tag.contents), root, [])
    ]
    while stack:
        children, parent, last = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
        elif isinstance(node, str):
            if _is_text(node):
                _append_text(parent, last[0] if last else None, str(node))
        else:
            el = etree.SubElement(parent, _tag_name(node.name), _attributes(node))
            last[:] = [el]
            if node.contents:
                stack.append((iter(node.contents), el, []))
    return root


def _root(tag: Any) -> Any:
    """The element to start from: ``tag`` itself, or a soup's first element."""
    if type(tag).__name__ != "BeautifulSoup":
        return tag
    element = tag.find(True, recursive=False)
    if element is None:  # an empty soup: an empty page
        element = tag.new_tag("html")
    return element


def _is_text(node: str) -> bool:
    return _text_class(type(node))


@lru_cache(maxsize=64)
def _text_class(cls: type) -> bool:
    return not any(c.__name__ in _NOT_TEXT for c in cls.__mro__)


def _append_text(parent: etree._Element, previous: etree._Element | None, text: str) -> None:
    """Text after ``previous`` (its tail), or at the start of ``parent`` (its text)."""
    text = _xml_text(text)
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


@lru_cache(maxsize=1024)
def _tag_name(name: str) -> str:
    name = _NOT_NAME.sub("-", name) if _NOT_NAME.search(name) else name
    return name if name and (name[0].isalpha() or name[0] == "_") else "span"


def _attributes(tag: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tag.attrs.items():
        if not _valid_name(key):
            continue  # ":class", "@click": names lxml's API refuses
        text = " ".join(value) if isinstance(value, list) else str(value)
        out[key] = _xml_text(text)
    return out


@lru_cache(maxsize=1024)
def _valid_name(name: str) -> bool:
    return bool(name) and (name[0].isalpha() or name[0] == "_") and not _NOT_NAME.search(name)
