"""HTML → blocks and page metadata, through trafilatura's structured output.

trafilatura finds the main content and gives it as an XML tree (``head``, ``p``,
``list``/``item``, ``quote``, ``table``/``row``/``cell``, ``code``; links as ``ref``);
each of those becomes a :class:`~newsclean.document.Block` with its kind and the share of
its text that is link text. trafilatura's page metadata (title, author, date, site name,
description) fills the document's metadata, marked with its source.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex
import trafilatura
from lxml import etree

from newsclean.document import METADATA_FIELDS, Block, Document, Kind
from newsclean.metadata import extract as extract_metadata
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["HtmlOptions", "html_document"]

log = logging.getLogger(__name__)

_HTML_LANG = regex.compile(
    r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*", regex.IGNORECASE
)


@dataclass(frozen=True)
class HtmlOptions:
    """How trafilatura is asked to extract. ``favor`` is ``"balanced"``, ``"precision"``
    or ``"recall"``; tables are kept unless ``include_tables`` is off."""

    favor: str = "balanced"
    include_tables: bool = True


def html_document(html: str, *, url: str | None = None, options: HtmlOptions | None = None) -> Document:
    """Extract the main content of ``html`` into a :class:`Document` (HTML source)."""
    options = options or HtmlOptions()
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=False,  # page metadata comes from newsclean.metadata (see _metadata)
        include_comments=False,
        include_tables=options.include_tables,
        include_links=True,
        include_images=False,
        favor_precision=options.favor == "precision",
        favor_recall=options.favor == "recall",
        deduplicate=False,
    )
    blocks = _blocks(result.body) if result is not None and result.body is not None else []
    doc = Document(blocks=blocks, source="html")
    _metadata(doc, html, url)
    lang = _HTML_LANG.search(html[:20000], timeout=REGEX_TIMEOUT)
    if lang:
        doc.set_meta("language", lang.group(1).lower(), source="html:lang")
    if url:
        doc.set_meta("url", url, source="argument")
    return doc


def _metadata(doc: Document, html: str, url: str | None) -> None:
    """Fill the document's metadata from the page markup (newsclean.metadata), with sources."""
    page = extract_metadata(html, url=url)
    for name in METADATA_FIELDS:
        value = getattr(page, name, None)
        if value and name != "authors":
            doc.set_meta(name, value, source=page.sources.get(name, "html"))
    if page.authors:
        doc.add_authors(page.authors, source=page.sources.get("authors", "html"))
    if page.canonical_url and not url:
        doc.set_meta("url", page.canonical_url, source=page.sources.get("canonical_url", "html"))


def _text(el: etree._Element, skip: str | None = None) -> str:
    """The element's text with line breaks kept, leaving out ``skip`` sub-elements.

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
        elif child.tag == skip:
            parts.append(child.tail or "")
        elif child.tag == "lb":
            parts.append("\n" + (child.tail or ""))
        elif len(child):
            parts.append(child.text or "")
            stack.append((iter(child), child.tail or ""))
        else:
            parts.append((child.text or "") + (child.tail or ""))
    return "".join(parts)


def _link_ratio(el: etree._Element, text: str) -> float:
    if not text.strip():
        return 0.0
    linked = sum(len("".join(r.itertext()).strip()) for r in el.iter("ref"))
    return min(1.0, linked / max(1, len(text.strip())))


def _blocks(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    group = 0

    def add(kind: Kind, el: etree._Element, **extra: Any) -> None:
        text = _text(el, skip="list")
        if text.strip():
            blocks.append(Block(kind, text, len(blocks), link_ratio=_link_ratio(el, text), **extra))

    for el in body:
        tag = el.tag
        if not isinstance(tag, str) or tag == "graphic":
            continue
        if tag == "head":
            rend = el.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            add(Kind.HEADING, el, level=level)
        elif tag == "list":
            group += 1
            for item in el.iter("item"):  # nested lists' items come as items of their own
                add(Kind.LIST_ITEM, item, group=group)
        elif tag == "quote":
            paragraphs = el.findall("p")
            for p in paragraphs or [el]:
                add(Kind.QUOTE, p)
        elif tag == "table":
            group += 1
            for row in el.iter("row"):
                cells = [" ".join(_text(c).split()) for c in row.iter("cell")]
                text = " | ".join(c for c in cells if c)
                if text:
                    blocks.append(Block(Kind.TABLE, text, len(blocks), group=group))
        elif tag == "code":
            add(Kind.CODE, el)
        else:
            add(Kind.PARAGRAPH, el)
    return blocks
