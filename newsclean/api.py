"""``clean()``: pick the source, run the pipeline, build the :class:`Article`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Literal

from newsclean.article import Article
from newsclean.document import Document
from newsclean.errors import ExtractionError, InputError, InputTooLargeError, NewscleanError
from newsclean.limits import DEFAULT_LIMITS, Budget, Limits
from newsclean.metadata.dates import moment
from newsclean.page_type import text_page_type
from newsclean.page_warnings import page_warnings
from newsclean.pipeline import Pipeline
from newsclean.sources.detect import decode, detect_kind, sanitize
from newsclean.sources.html import HtmlOptions, html_document
from newsclean.sources.inputs import Page, looks_like_url, read_page
from newsclean.sources.text import text_document

__all__ = ["PageKind", "clean"]

log: logging.Logger = logging.getLogger(__name__)

PageKind = Literal["auto", "text", "html"]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    """``Pipeline.default()``, built once: pipelines never change, so one serves every call."""
    return Pipeline.default()


def clean(
    page: object,
    *,
    url: str | None = None,
    kind: PageKind = "auto",
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    html_options: HtmlOptions | None = None,
    encoding: str | None = None,
    now: str | date | None = None,
) -> Article:
    """Clean one page: HTML or plain text, ``str`` or ``bytes`` in any encoding, or what a
    scraper holds: an lxml tree, a BeautifulSoup soup or ``Tag``, an HTTP response
    (requests, httpx, Scrapy; see :mod:`newsclean.sources.inputs`). Trees and soups given
    are copied, never changed.

    ``url`` is the page's URL; a response's final URL (after redirects) is used when it is
    not given. ``encoding`` decodes ``bytes`` (and a response body) with that codec,
    overriding the charset a response declares and the page's ``<meta charset>``.
    ``kind`` forces the input type (``"text"`` or ``"html"``); ``"auto"`` detects it
    (a tree, a soup and a ``text/html`` response are HTML).
    ``pipeline`` replaces the default filters (see :class:`~newsclean.Pipeline`).
    ``limits`` bounds size, blocks, nesting and time (see :class:`~newsclean.Limits`).
    ``html_options`` tunes the HTML extraction (see :class:`~newsclean.HtmlOptions`).
    ``now`` (a date, a datetime or an ISO 8601 string such as a WARC record's date) is when
    the page was fetched: no publication date after it is accepted, and the same page read
    with the same ``now`` gives the same dates on any day. Without it, dates are bounded by
    the day of the call.
    Raises :class:`~newsclean.InputError` for input that cannot be a page (wrong type,
    binary data or a response whose ``Content-Type`` is no page, undecodable or too large);
    every error raised is a :class:`~newsclean.NewscleanError`. A page with no article
    text gives an Article with empty ``text`` and the warning ``"no-article-text"``; a
    page that is nothing but a URL, the warning ``"input-looks-like-url"``. A page that is
    not an article (``page_type``) keeps its body and gets ``"not-an-article"``; error
    pages, paywalls and consent walls are named in ``warnings`` too
    (:mod:`newsclean.page_warnings`).
    """
    if kind not in ("auto", "text", "html"):
        raise InputError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
    try:
        moment(now)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    limits = limits or DEFAULT_LIMITS
    budget = Budget(limits)
    given = read_page(page)
    url_source = "argument" if url else "response"
    url = url or given.url
    kind = given.kind if kind == "auto" and given.kind else kind
    doc = _document(given, kind, url=url, encoding=encoding, limits=limits, options=html_options, now=now)
    doc.warnings.extend(page_warnings(doc.blocks, title=_str(doc.meta.get("title")), evidence=doc.evidence))
    if len(doc.blocks) > limits.max_blocks:
        log.warning("page has %d blocks; keeping the first %d", len(doc.blocks), limits.max_blocks)
        reason = f"beyond the first {limits.max_blocks} blocks (Limits.max_blocks)"
        doc.remove_many(doc.blocks[limits.max_blocks :], filter="max_blocks", reason=reason)
        doc.warnings.append("truncated-blocks")
    if url:
        doc.set_meta("url", url, source=url_source, overwrite=True)
    if budget.spent("the filters"):
        doc.warnings.append("time-budget-exceeded")
    else:
        doc = (pipeline or _default_pipeline()).run(doc, stop=budget.spent)
    article = to_article(doc)
    if log.isEnabledFor(logging.INFO):
        counts = article.removal_counts()
        log.info(
            "cleaned %s page%s: %d paragraph(s) kept, %d removal(s)%s%s",
            doc.source,
            f" {url}" if url else "",
            len(article.paragraphs),
            len(article.removed),
            f" ({', '.join(f'{name} {n}' for name, n in counts.items())})" if counts else "",
            f"; warnings: {', '.join(article.warnings)}" if article.warnings else "",
        )
    return article


def _document(
    given: Page,
    kind: PageKind,
    *,
    url: str | None,
    encoding: str | None,
    limits: Limits,
    options: HtmlOptions | None,
    now: str | date | None = None,
) -> Document:
    """The page's document, from its tree or its decoded markup (HTML or text source)."""
    tree = given.tree
    if tree is not None:
        if kind == "text":
            raise InputError("kind='text' was given with a parsed tree; pass the page's text instead")
        return _extract(lambda: html_document(tree, url=url, options=options, max_depth=limits.max_depth, now=now))
    text = sanitize(_text(given, kind, encoding, limits))
    if kind == "auto":
        kind = "html" if detect_kind(text) == "html" else "text"
    if kind == "html":
        doc = _extract(lambda: html_document(text, url=url, options=options, max_depth=limits.max_depth, now=now))
    else:
        doc = _extract(lambda: text_document(text))
    if looks_like_url(text):
        log.warning("the page is a URL, not the page's content: %.200s", text.strip())
        doc.warnings.append("input-looks-like-url")
    return doc


def _text(given: Page, kind: PageKind, encoding: str | None, limits: Limits) -> str:
    """The page's markup as text: bytes decoded (``encoding``, else the declared charset
    and what the bytes say), after the size check."""
    markup = given.markup if given.markup is not None else ""
    _check_size(markup.nbytes if isinstance(markup, memoryview) else len(markup), limits)
    if isinstance(markup, str):
        return markup
    html_hint = None if kind == "auto" else kind == "html"
    return decode(bytes(markup), html_hint=html_hint, charset=given.charset, encoding=encoding)


def _check_size(size: int, limits: Limits) -> None:
    if size > limits.max_input_bytes:
        raise InputTooLargeError(size, limits.max_input_bytes)


def _extract(source: Callable[[], Document]) -> Document:
    """Run a source (HTML or text), turning any failure inside it (trafilatura, lxml, a
    regex timeout) into an :class:`~newsclean.errors.ExtractionError`."""
    try:
        return source()
    except NewscleanError:
        raise
    except (Exception, RecursionError) as exc:
        raise ExtractionError(exc) from exc


def to_article(doc: Document) -> Article:
    """Build the :class:`Article` from a document that went through the pipeline."""
    paragraphs = [b.text for b in doc.blocks if b.text]
    warnings = list(doc.warnings)
    page = doc.page_type if doc.source == "html" else text_page_type(doc.blocks)
    if page is not None and page.type != "article":
        warnings.append("not-an-article")
    if not paragraphs or "error-page" in warnings or "consent-wall" in warnings:
        warnings.append("no-article-text")
    sources = dict(doc.meta_sources)
    if page is not None:
        sources["page_type"] = page.compact()
    meta = doc.meta
    authors = _strs(meta.get("authors"))
    organizations = _strs(meta.get("author_organizations"))
    if not authors and organizations:  # the byline credits no person: the organisation it credits
        authors = organizations[:_MAX_CREDITED]
        sources["authors"] = sources.get("author_organizations", "html")
    return Article(
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        title=_str(meta.get("title")),
        subtitle=_str(meta.get("subtitle")),
        authors=authors,
        published=_str(meta.get("published")),
        site_name=_str(meta.get("site_name")),
        url=_str(meta.get("url")),
        language=_str(meta.get("language")),
        description=_str(meta.get("description")),
        removed=sorted(doc.removed, key=lambda r: r.position),
        moved=sorted(doc.moved, key=lambda m: m.position),
        edits=sorted(doc.edits, key=lambda e: e.position),
        sources=sources,
        kind=doc.source,
        warnings=warnings,
        # page metadata (newsclean.metadata)
        modified=_str(meta.get("modified")),
        author_organizations=organizations,
        canonical_url=_str(meta.get("canonical_url")),
        section=_str(meta.get("section")),
        tags=_strs(meta.get("tags")),
        image=_str(meta.get("image")),
        blocks=[b.to_body() for b in doc.blocks if b.text],
        page_type=page.type if page else None,
        page_type_confidence=page.confidence if page else None,
    )


_MAX_CREDITED = 3  # organisations credited as authors when no person is


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _strs(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []
