"""HTML text → lxml tree, the way trafilatura parses it, with a cheaper element lookup.

trafilatura parses with ``lxml.html``'s parser, whose element-class lookup is a Python
method called for every element object lxml creates (a few thousand per page, in every
pass that walks the tree: extraction, metadata, our own checks). :func:`parse_html`
parses the same way (same options, same repairs of faulty markup, same fallbacks as
``trafilatura.utils.load_html``) but looks element classes up in C: every element is an
``lxml.html.HtmlElement``, so trafilatura takes the tree as its own. Only the special
form-control classes of ``lxml.html`` (``FormElement``, ``InputElement``, ...) are not
used, and nothing here needs them.

    >>> parse_html("<html><body><p>Hello</p></body></html>").findtext(".//p")
    'Hello'
"""

from __future__ import annotations

import logging

import lxml.html
from lxml import etree
from trafilatura.utils import is_dubious_html, repair_faulty_html

__all__ = ["html_parser", "parse_html"]

log: logging.Logger = logging.getLogger(__name__)

_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def html_parser() -> lxml.html.HTMLParser:
    """The parser :func:`parse_html` uses (trafilatura's options, C-level class lookup);
    its ``makeelement`` builds trees of the same element classes.

    One per call: a parser keeps an error log and is not meant to be shared by threads."""
    parser = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


def _from_bytes(html: str, parser: lxml.html.HTMLParser) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html.encode("utf8", "surrogatepass"), parser=parser)
    except Exception as err:  # lxml's own parse errors: no tree, as trafilatura does
        log.debug("lxml could not parse the page's bytes: %s", err)
        return None


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree (its ``<html>`` root), or ``None`` when ``html`` is not HTML.

    Mirrors ``trafilatura.utils.load_html`` for a ``str``: markup repaired for libxml2,
    parsed as text, else as UTF-8 bytes (text with an encoding declaration, or a parse
    that found nothing); text that does not look like HTML and parses into fewer than two
    elements is rejected.
    """
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    parser = html_parser()
    tree = None
    tried_bytes = False
    try:
        tree = lxml.html.fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(html, parser)
        tried_bytes = True
    except Exception as err:  # lxml's own parse errors, as in trafilatura
        log.debug("lxml could not parse the page: %s", err)
    if (tree is None or len(tree) < 1) and not tried_bytes:
        tree = _from_bytes(html, parser)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree
