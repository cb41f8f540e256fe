"""What scrapers hold → a page newsclean reads: markup or a parsed tree, its URL and charset.

:func:`read_page` takes, besides ``str`` and ``bytes``:

- an **lxml** tree: an ``lxml.html.HtmlElement`` (the document or any element of it) or
  an ``ElementTree`` of one. It is copied (trafilatura changes the trees it works on, and
  the caller's tree stays as it was) and used without being serialised and parsed again.
  A tree of plain ``lxml.etree`` elements (``etree.HTML(...)``) is rendered once and parsed.
- a **BeautifulSoup** soup or ``Tag``: one built with bs4's ``lxml`` parser is copied
  node by node into an lxml tree (:mod:`newsclean.sources.soup`, no parse); one built
  with ``html.parser`` or ``html5lib`` (whose repairs of bad markup differ from
  libxml2's) is rendered once and parsed. The soup is never changed.
- an **HTTP response**, by duck typing: an object with ``url``, ``headers`` and the
  body as ``content`` (requests, httpx) or ``body`` (Scrapy's ``Response``). Its final
  URL (after redirects) becomes the page URL and the ``charset`` of its
  ``Content-Type`` the declared encoding, unless the caller gives ``url=`` or
  ``encoding=``. A ``Content-Type`` that is no page (``image/*``, ``application/pdf``,
  ``application/json``, ...) raises an error before anything is decoded.

Neither bs4 nor any HTTP library is imported here: a soup is recognised through the
``bs4`` module the caller already imported, a response by its attributes.
"""

from __future__ import annotations

import copy
import logging
import sys
from dataclasses import dataclass
from typing import Any, Literal

import lxml.html
import regex
from lxml import etree

from newsclean.errors import BinaryInputError, InputError
from newsclean.sources.detect import sniff_binary
from newsclean.sources.soup import soup_to_tree

__all__ = ["Page", "looks_like_url", "read_page"]

log: logging.Logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """One page as newsclean reads it: ``markup`` (text or bytes) or ``tree`` (an lxml tree
    that newsclean owns and may change), with what the transport said."""

    markup: str | bytes | bytearray | memoryview | None = None
    tree: lxml.html.HtmlElement | None = None
    #: the URL the page was fetched from, after redirects
    url: str | None = None
    #: the charset the transport declared (``Content-Type: text/html; charset=...``)
    charset: str | None = None
    #: what the transport said the page is: ``"html"``, or ``None`` (to be detected)
    kind: Literal["html"] | None = None


def read_page(page: object) -> Page:
    """The :class:`Page` in ``page`` (see the module docstring for what is accepted).

    Raises :class:`~newsclean.errors.InputError` for anything else, and
    :class:`~newsclean.errors.BinaryInputError` for a response whose ``Content-Type`` is
    binary (an image, a PDF, ...).
    """
    if isinstance(page, (str, bytes, bytearray, memoryview)):
        return Page(markup=page)
    if isinstance(page, (etree._Element, etree._ElementTree)):
        return _from_lxml(page)
    if _is_soup(page):
        return _from_soup(page)
    response = _from_response(page)
    if response is not None:
        return response
    raise InputError(
        "page must be str or bytes, an lxml or BeautifulSoup tree, or an HTTP response "
        f"(with url, headers and content or body), not {type(page).__name__}"
    )


# -- trees ------------------------------------------------------------------------------
def _from_lxml(page: etree._Element | etree._ElementTree) -> Page:
    root = page.getroot() if isinstance(page, etree._ElementTree) else page
    if root is None:
        return Page(markup="")
    if not isinstance(root, lxml.html.HtmlElement):  # trafilatura takes lxml.html trees only
        return Page(markup=etree.tostring(root, encoding="unicode", method="html"), kind="html")
    return Page(tree=_owned_copy(root), kind="html")


def _owned_copy(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A copy of ``root`` and its subtree to extract from, without the comments and
    processing instructions that :func:`~newsclean.sources.parse.parse_html` leaves out.

    Copying costs an eighth of serialising and parsing again (median 2.2 vs 17.0 ms a page
    in ``benchmarks/inputs.py``), and gives the same article on every page measured."""
    tree: lxml.html.HtmlElement = copy.deepcopy(root)
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return tree


def _is_soup(page: object) -> bool:
    bs4 = sys.modules.get("bs4")  # a soup exists only where the caller imported bs4
    return bs4 is not None and isinstance(page, bs4.element.Tag)


def _from_soup(page: Any) -> Page:
    if _built_with_lxml(page):
        try:
            return Page(tree=soup_to_tree(page), kind="html")
        except (ValueError, TypeError) as exc:  # a name or value lxml refuses after all
            log.debug("soup not copied into lxml (%s): rendered instead", exc)
    return Page(markup=str(page), kind="html")


def _built_with_lxml(tag: Any) -> bool:
    """Whether bs4's lxml HTML parser built the soup ``tag`` belongs to."""
    soup = tag
    for parent in tag.parents:
        soup = parent
    builder = getattr(soup, "builder", None)
    return type(soup).__name__ == "BeautifulSoup" and getattr(builder, "NAME", None) == "lxml"


# -- responses --------------------------------------------------------------------------
def _from_response(page: object) -> Page | None:
    """The page in an HTTP response object, or ``None`` when ``page`` is not one."""
    if not (hasattr(page, "url") and hasattr(page, "headers")):
        return None
    body = _body(page)
    if body is None:
        return None
    content_type = _header(page, "Content-Type")
    mime, charset = _media_type(content_type)
    kind = _check_type(mime, body)
    url = page.url
    return Page(markup=body, url=str(url) if url else None, charset=charset, kind=kind)


def _body(response: Any) -> bytes | None:
    for name in ("content", "body"):  # requests/httpx, Scrapy
        try:
            value = getattr(response, name, None)
        except Exception as exc:  # httpx raises ResponseNotRead for a stream not yet read
            raise InputError(f"the response's {name} cannot be read ({type(exc).__name__}: {exc})") from exc
        if isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value)
        if isinstance(value, str):
            return value.encode("utf-8")  # a body already decoded: UTF-8 says so exactly
    return None


def _header(response: Any, name: str) -> str:
    """A header's value as text (Scrapy's headers hold bytes), ``""`` when absent."""
    try:  # case-insensitive mappings (requests, httpx, Scrapy) or a plain dict
        value = response.headers.get(name)
        if value is None:
            value = response.headers.get(name.lower())
    except Exception:  # a headers object without a usable get(): no header
        return ""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else ""


_CHARSET = regex.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]{1,40})""", regex.IGNORECASE)


def _media_type(content_type: str) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from ``text/html; charset="UTF-8"``."""
    mime = content_type.split(";", 1)[0].strip().lower()
    m = _CHARSET.search(content_type)
    return mime, m.group(1) if m else None


_HTML_TYPES = frozenset(("text/html", "application/xhtml+xml"))
# text that is not a page: data, code, style sheets, feeds
_NOT_PAGES = frozenset(
    (
        "text/css",
        "text/javascript",
        "text/ecmascript",
        "text/csv",
        "text/tab-separated-values",
        "text/calendar",
        "text/vcard",
        "text/xml",
        "application/json",
        "application/ld+json",
        "application/javascript",
        "application/ecmascript",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
    )
)
# labels that say nothing about the content: the bytes decide
_UNKNOWN_TYPES = frozenset(("", "application/octet-stream", "binary/octet-stream", "application/unknown"))


def _check_type(mime: str, body: bytes) -> Literal["html"] | None:
    """``"html"`` for an HTML type, ``None`` for text or an unknown type; an error for a
    type that is no page."""
    if mime in _HTML_TYPES:
        return "html"
    if mime in _UNKNOWN_TYPES:
        return None
    if mime in _NOT_PAGES or mime.endswith(("+json", "+xml")):
        raise InputError(f"the response is {mime}, not an HTML or text page")
    if mime.startswith("text/"):
        return None
    raise BinaryInputError(sniff_binary(body) or mime)


# -- a URL given for the page -----------------------------------------------------------
_URL_ONLY = regex.compile(r"\s{0,200}(?:(?:https?|ftp)://|www\.)[^\s<>\"]{1,4000}\s{0,200}", regex.IGNORECASE)


def looks_like_url(text: str) -> bool:
    """Whether ``text`` is one URL and nothing else (``"https://example.com/a/story"``):
    the address of a page passed where its content was expected (newsclean does not fetch)."""
    return len(text) <= 4400 and _URL_ONLY.fullmatch(text) is not None
