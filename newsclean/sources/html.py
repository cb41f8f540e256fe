"""HTML → blocks and page metadata, through trafilatura's structured output.

trafilatura finds the main content and gives it as an XML tree (``head``, ``p``,
``list``/``item``, ``quote``, ``table``/``row``/``cell``, ``code``; links as ``ref``);
each of those becomes a :class:`~newsclean.document.Block` with its kind and the share of
its text that is link text. trafilatura's page metadata (title, author, date, site name,
description) fills the document's metadata, marked with its source.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
import regex
import trafilatura
from lxml import etree

from newsclean.article import Removal
from newsclean.audit import words
from newsclean.document import Block, Document, Kind
from newsclean.metadata import extract as extract_metadata
from newsclean.page_features import PageEvidence, read_evidence
from newsclean.page_type import classify
from newsclean.sources.bodytree import absolute_url, body_blocks
from newsclean.sources.flat_body import flatten_body
from newsclean.sources.formulas import formulas_as_text
from newsclean.sources.giant import giant_document, is_giant
from newsclean.sources.kinds import restore_kinds, restore_links
from newsclean.sources.lead_paragraph import lead_paragraph, with_lead
from newsclean.sources.line_breaks import split_lines
from newsclean.sources.nesting import flatten_nesting
from newsclean.sources.page_furniture import delete_element, strip_furniture
from newsclean.sources.page_metadata import fill_metadata
from newsclean.sources.parse import parse_html
from newsclean.sources.parts import restore_parts
from newsclean.sources.region import RegionOptions, checked_region, page_chars
from newsclean.sources.repeats import restore_repeats
from newsclean.sources.restore_dropped import restore_announced_lists, restore_dropped
from newsclean.sources.second_opinion import readability_body
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["HtmlOptions", "html_document"]

log: logging.Logger = logging.getLogger(__name__)

_HTML_LANG = regex.compile(
    r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*", regex.IGNORECASE
)


@dataclass(frozen=True)
class HtmlOptions:
    """How trafilatura is asked to extract. ``favor`` is ``"balanced"``, ``"precision"``
    or ``"recall"``; tables are kept unless ``include_tables`` is off. ``include_images``
    asks the extraction for the body's images too, which then fill
    :attr:`BodyBlock.images <newsclean.blocks.BodyBlock.images>` (off by default: the
    extraction may then also choose its body differently, so text output can change).

    ``fast`` runs trafilatura's main extractor alone (no readability/jusText comparison);
    when its body reads like a menu (under ``prose_share`` of its text in lines of
    prose), covers less than ``rescue_share`` of the page's visible text, or is one long
    block, the page is extracted again with the full cascade and, with
    ``second_opinion``, by readability-lxml, and the better body is kept (see
    :mod:`newsclean.sources.region`). When the page's schema.org data (JSON-LD
    ``articleBody``) holds a plain-text body and the extraction has less than
    ``structured_share`` of its length, that body is used instead (extracted blocks it
    does not hold are recorded as removals of ``structured_body``).

    ``hidden_elements``, ``page_widgets``, ``button_boxes`` and ``repeated_widgets`` switch
    the steps of :mod:`.page_furniture` that take out, before extraction, what a reader
    does not see, what the markup names as furniture (cookie notices, share bars, paywall
    prompts, ...), short boxes around a button (off by default), and boxes the page
    repeats; each records its removals under its own name.
    """

    favor: str = "balanced"
    include_tables: bool = True
    include_images: bool = False
    fast: bool = True
    rescue_share: float = 0.2
    structured_share: float = 0.6
    prose_share: float = 0.3
    hidden_elements: bool = True
    page_widgets: bool = True
    button_boxes: bool = False
    repeated_widgets: bool = True
    second_opinion: bool = True

    def region(self) -> RegionOptions:
        """The options of the region check (:mod:`newsclean.sources.region`)."""
        return RegionOptions(
            rescue_share=self.rescue_share,
            prose_share=self.prose_share,
            second_opinion=self.second_opinion,
        )


def html_document(
    html: str | lxml.html.HtmlElement,
    *,
    url: str | None = None,
    options: HtmlOptions | None = None,
    max_depth: int | None = None,
    now: str | date | None = None,
) -> Document:
    """Extract the main content of ``html`` into a :class:`Document` (HTML source).

    ``html`` is the page's markup, or its parsed tree (an ``lxml.html`` tree that this
    function may change: pass a copy of a tree that must stay as it is). The page is
    parsed once; a tree is used as it is. trafilatura's fast extraction runs first; a page
    where its body looks wrong (a menu, little of the page, one long block: :mod:`.region`)
    is extracted again, by the full cascade and by readability-lxml, and the better body
    kept. Those passes run on a minority of pages, so they cost little in the median while
    rescuing the pages the fast path misses. Sections and list items trafilatura dropped
    are put back (:mod:`.restore_dropped`); paragraphs that are headings or list items on
    the page get their kind back, and a body stripped of all its links gets them back
    (:mod:`.kinds`); data tables and quotes it dropped from between body paragraphs are
    put back (:mod:`.parts`); a lead paragraph it left out is recovered
    (:mod:`.lead_paragraph`). Links are made absolute against the page's ``<base>`` or
    ``url``.

    A page whose parsed tree nests deeper than ``max_depth`` (when given) is flattened
    to that depth (:func:`~newsclean.sources.nesting.flatten_nesting`) and parsed again,
    with the warning ``"flattened-nesting"``: the parser silently drops what lies below
    its own limit of 256 levels, so the raw markup is the only place that text survives.
    Checking the parsed tree first keeps the markup scan off the ordinary page.

    ``now``, the moment the page was fetched, bounds its publication date (see
    :func:`newsclean.metadata.extract`).
    """
    options = options or HtmlOptions()
    if isinstance(html, str):
        tree = parse_html(html)
    else:
        tree, html = html, ""  # markup is rendered below only where the tree is too deep
    flattened = False
    if max_depth is not None and tree is not None and _nests_deeper(tree, max_depth):
        html = html or etree.tostring(tree, encoding="unicode", method="html")
        html, flattened = flatten_nesting(html, max_depth)
        if flattened:
            tree = parse_html(html)
    base = page_base(tree, url)
    if tree is not None and is_giant(tree):  # far larger than any article page (newsclean.sources.giant)
        doc = giant_document(tree, html, url=url, base=base, now=now)
        if flattened:
            doc.warnings.append("flattened-nesting")
        _language_and_url(doc, tree, html, url)
        doc.evidence = PageEvidence(url=url or "")  # the URL and the body only: no second pass over the tree
        doc.page_type = classify(doc.evidence, doc.blocks)
        return doc
    page = extract_metadata(tree, url=url, html=html, now=now)  # reads the tree before extraction changes it
    furniture = []
    if tree is not None:
        formulas_as_text(tree, html)  # before hidden elements, scripts and <math> go (newsclean.sources.formulas)
        furniture = strip_furniture(
            tree,
            hidden=options.hidden_elements,
            widgets=options.page_widgets,
            buttons=options.button_boxes,
            repeated=options.repeated_widgets,
        )
        _merge_split_body(tree)
        _drop_unreadable(tree)
    visible = page_chars(tree) if tree is not None else 0
    body = _body(_extract(tree if tree is not None else html, options, fast=options.fast))
    why = None
    if options.fast and tree is not None:
        page_tree = tree

        def full() -> etree._Element | None:
            return _body(_extract(page_tree, options, fast=False))

        body, why = checked_region(body, tree, options.region(), full=full, second=readability_body, page=visible)
    if body is not None:
        flatten_body(body)  # blocks inside paragraphs, text between blocks (newsclean.sources.flat_body)
        split_lines(body)  # blocks written as lines of one paragraph (newsclean.sources.line_breaks)
    blocks = body_blocks(body, base) if body is not None else []
    if tree is not None:
        structured = _prefer_structured_body(blocks, tree, options.structured_share)
        if structured is blocks:
            blocks = restore_announced_lists(restore_repeats(restore_dropped(blocks, tree), tree), tree)
        else:
            furniture += _not_held(blocks, structured)
            blocks = structured
        blocks = restore_links(restore_kinds(blocks, tree, base), tree, base)
        blocks = restore_parts(blocks, tree, base)
    doc = Document(blocks=blocks, source="html", removed=furniture)
    if flattened:
        doc.warnings.append("flattened-nesting")
    fill_metadata(doc, page, url)
    _language_and_url(doc, tree, html, url)
    if tree is not None:  # a lead paragraph the extraction left out (newsclean.sources.lead_paragraph)
        lead = lead_paragraph(tree, _str_or_none(doc.meta.get("language")), _str_or_none(doc.meta.get("title")))
        doc.blocks = with_lead(doc.blocks, lead)
    doc.evidence = read_evidence(tree, url, page, visible=visible, doubt=why, furniture=furniture)
    doc.page_type = classify(doc.evidence, doc.blocks)
    return doc


def _language_and_url(doc: Document, tree: etree._Element | None, html: str, url: str | None) -> None:
    """The language the root element states (``<html lang>``) and the ``url`` argument."""
    lang = _HTML_LANG.search(html[:20000] if html else _start_tag(tree), timeout=REGEX_TIMEOUT)
    if lang:
        doc.set_meta("language", lang.group(1).lower(), source="html:lang")
    if url:
        doc.set_meta("url", url, source="argument")


def _start_tag(tree: etree._Element | None) -> str:
    """The root's start tag, as markup (``<html lang="de">``), for the same reading as the markup's."""
    if tree is None or not isinstance(tree.tag, str):
        return ""
    attributes = "".join(f' {name}="{value}"' for name, value in tree.attrib.items())
    return f"<{tree.tag}{attributes}>"


def _nests_deeper(tree: etree._Element, depth: int) -> bool:
    """Whether some element of ``tree`` has ``depth`` or more ancestors (one XPath step per
    level, so the cost is that of walking the tree once)."""
    return bool(tree.xpath("boolean(/*" + "/*" * depth + ")"))


def _body(result: Any) -> etree._Element | None:
    """The body tree of a trafilatura result (``None`` for no result)."""
    return result.body if result is not None else None


def _extract(tree: Any, options: HtmlOptions, *, fast: bool) -> Any:
    return trafilatura.bare_extraction(
        tree,
        url=None,  # link targets are not used: no base URL to resolve them against
        output_format="txt",  # the body tree is what is used: no text rendering of it
        with_metadata=False,  # page metadata comes from newsclean.metadata (see _metadata)
        include_comments=False,
        include_tables=options.include_tables,
        include_links=True,
        include_images=options.include_images,
        favor_precision=options.favor == "precision",
        favor_recall=options.favor == "recall",
        fast=fast,
        deduplicate=False,
    )


# Elements with nothing to read that trafilatura deletes anyway (all in its
# MANUALLY_CLEANED list) and that cannot hold a heading or a comment section: its
# earlier passes over the whole tree need not visit them. (Not ``noscript``: some pages
# hold their whole post there, which trafilatura's fallbacks find.)
_UNREADABLE = ("style", "svg", "iframe", "object", "embed", "applet", "audio", "video", "canvas", "map")


def _drop_unreadable(tree: etree._Element) -> None:
    """Delete scripts (but JSON-LD, which the extraction and its fallbacks read) and the
    :data:`_UNREADABLE` elements, keeping the text that follows each (its tail).

    A fifth of a typical page's elements sit in these subtrees (inline SVG icons above
    all); the extractor's XPath passes cost in proportion to the elements they visit.
    """
    etree.strip_elements(tree, *_UNREADABLE, with_tail=False)
    for script in list(tree.iter("script")):
        if (script.get("type") or "").strip().casefold() != "application/ld+json":
            delete_element(script)


# containers whose class names them as (a part of) the article body: "article__body", "story-body"
# (from the paragraphs up: far fewer nodes to test than every element of the page)
_BODY_PARTS = etree.XPath(
    "//p/parent::*[self::div or self::section][contains(@class, 'body') or contains(@class, 'Body')]"
)
_BODY_CLASS = regex.compile(r"(?:^|[\s_-])(?:article|story|post|entry|content)?[_-]*body(?:$|[\s_-])", regex.IGNORECASE)


def _merge_split_body(tree: etree._Element) -> None:
    """Join an article body that the page splits into several containers of one class.

    Some sites cut the body into chunks between ad slots, each chunk a ``div`` with the
    same class (``<div class="body__container article__body">``) under sibling or cousin
    wrappers; an extractor that takes the first body container then loses the rest.
    When two or more such containers (class naming a body, paragraphs as children, at
    most two levels apart in the tree) follow one another, the later ones' children are
    moved into the first and the empty shells dropped, so the body is one container.
    """
    groups: dict[str, list[etree._Element]] = {}
    for el in _BODY_PARTS(tree):
        cls = el.get("class", "")
        if _BODY_CLASS.search(cls, timeout=REGEX_TIMEOUT):
            groups.setdefault(cls, []).append(el)
    for parts in groups.values():
        if len(parts) < 2:
            continue
        first = parts[0]
        anchor = first.getparent()
        anchor = anchor.getparent() if anchor is not None and anchor.getparent() is not None else anchor
        for part in parts[1:]:
            if anchor is None or not any(a is anchor for a in part.iterancestors()):
                continue
            if any(a is first for a in part.iterancestors()) or any(a is part for a in first.iterancestors()):
                continue
            for child in list(part):
                first.append(child)
            parent = part.getparent()
            if parent is not None:
                parent.remove(part)


def _ld_bodies(obj: Any, depth: int = 0) -> Iterator[str]:
    if depth > 6:
        return
    if isinstance(obj, dict):
        body = obj.get("articleBody")
        if isinstance(body, str):
            yield body
        for value in obj.values():
            if isinstance(value, (dict, list)):
                yield from _ld_bodies(value, depth + 1)
    elif isinstance(obj, list):
        for value in obj:
            yield from _ld_bodies(value, depth + 1)


_LD_SCRIPTS = etree.XPath("//script[@type='application/ld+json']")
_MARKUP = regex.compile(r"<[A-Za-z/!]")
_PARAGRAPH_BREAK = regex.compile(r"\s*\n\s*")


def _structured_body(tree: etree._Element) -> str:
    """The longest plain-text JSON-LD ``articleBody`` of the page ('' if none or if it holds markup)."""
    best = ""
    for script in _LD_SCRIPTS(tree):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for body in _ld_bodies(data):
            if len(body) > len(best):
                best = body
    best = html_lib.unescape(best).strip()
    return "" if _MARKUP.search(best, timeout=REGEX_TIMEOUT) else best


def _prefer_structured_body(blocks: list[Block], tree: etree._Element, share: float) -> list[Block]:
    """The JSON-LD body as paragraphs when the extraction holds much less text than it."""
    structured = _structured_body(tree)
    if len(structured) < 500 or sum(len(b.text) for b in blocks) >= share * len(structured):
        return blocks
    log.debug("HTML source: extraction much shorter than the JSON-LD articleBody: using the latter")
    parts = [p for p in _PARAGRAPH_BREAK.split(structured, timeout=REGEX_TIMEOUT) if p]
    return [Block(Kind.PARAGRAPH, p, i) for i, p in enumerate(parts)]


def _not_held(extracted: list[Block], structured: list[Block]) -> list[Removal]:
    """The extracted blocks whose words (:func:`newsclean.audit.words`) the JSON-LD body
    used instead does not hold in a row (each held once: a block the extraction has twice
    needs two places), as removals (position -1: they stand outside the document's
    numbering)."""
    held = f" {' '.join(w for b in structured for w in words(b.text))} "
    lost = []
    for b in extracted:
        key = f" {' '.join(words(b.text))} "
        if key.strip() and key in held:
            held = held.replace(key, "  ", 1)  # (the spaces around it stay for its neighbours)
        elif key.strip():
            lost.append(Removal("structured_body", _REPLACED, b.display, kind=b.kind.value))
    return lost


_REPLACED = "extracted text that the page's JSON-LD articleBody, used instead, does not hold"


def page_base(tree: etree._Element | None, url: str | None) -> str | None:
    """The address relative links on the page resolve against: its ``<base href>``
    (itself resolved against ``url``), else ``url``."""
    if tree is None:
        return url
    base = tree.find("head/base[@href]")
    if base is None:
        base = tree.find(".//base[@href]")
    href = base.get("href", "").strip() if base is not None else ""
    return (absolute_url(href, url) or url) if href else url


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
