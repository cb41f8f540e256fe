"""``clean()``: pick the source, run the pipeline, build the :class:`Article`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from newsclean.article import Article
from newsclean.document import Document
from newsclean.errors import ExtractionError, InputError, InputTooLargeError, NewscleanError
from newsclean.limits import DEFAULT_LIMITS, Budget, Limits
from newsclean.pipeline import Pipeline
from newsclean.sources.detect import decode, detect_kind, sanitize
from newsclean.sources.html import html_document
from newsclean.sources.text import text_document

__all__ = ["clean", "default_pipeline"]

log = logging.getLogger(__name__)

PageKind = Literal["auto", "text", "html"]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The shipped pipeline (built once and shared: pipelines never change)."""
    return Pipeline.default()


def clean(
    page: str | bytes,
    *,
    url: str | None = None,
    kind: PageKind = "auto",
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
) -> Article:
    """Clean one page: HTML or plain text, ``str`` or ``bytes`` in any encoding.

    ``kind`` forces the input type (``"text"`` or ``"html"``); ``"auto"`` detects it.
    ``pipeline`` replaces the default filters (see :class:`~newsclean.Pipeline`).
    ``limits`` bounds size, blocks, nesting and time (see :class:`~newsclean.Limits`).
    Raises :class:`~newsclean.InputError` for input that cannot be a page (wrong type,
    binary data, undecodable or too large); every error raised is a
    :class:`~newsclean.NewscleanError`. A page with no article text gives an Article
    with empty ``text`` and the warning ``"no-article-text"``.
    """
    if kind not in ("auto", "text", "html"):
        raise InputError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
    # --- robustness (issue 5): limits, binary/undecodable input, nesting, time budget ---
    limits = limits or DEFAULT_LIMITS
    budget = Budget(limits)
    if isinstance(page, (bytes, bytearray, memoryview)):
        _check_size(len(page) if not isinstance(page, memoryview) else page.nbytes, limits)
        text = decode(bytes(page), html_hint=None if kind == "auto" else kind == "html")
    elif isinstance(page, str):
        _check_size(len(page), limits)
        text = page
    else:
        raise InputError(f"page must be str or bytes, not {type(page).__name__}")
    text = sanitize(text)
    if kind == "auto":
        kind = "html" if detect_kind(text) == "html" else "text"
    if kind == "html":
        doc = _extract(lambda: html_document(text, url=url, max_depth=limits.max_depth))
    else:
        doc = _extract(lambda: text_document(text))
    if len(doc.blocks) > limits.max_blocks:
        log.warning("page has %d blocks; keeping the first %d", len(doc.blocks), limits.max_blocks)
        doc.blocks = doc.blocks[: limits.max_blocks]
        doc.warnings.append("truncated-blocks")
    if url:
        doc.set_meta("url", url, source="argument", overwrite=True)
    if budget.spent("the filters"):
        doc.warnings.append("time-budget-exceeded")
    else:
        doc = (pipeline or default_pipeline()).run(doc, stop=budget.spent)
    return to_article(doc)


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
    if not paragraphs:
        warnings.append("no-article-text")
    meta = doc.meta
    authors = meta.get("authors") or []
    return Article(
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        title=_str(meta.get("title")),
        subtitle=_str(meta.get("subtitle")),
        authors=list(authors) if isinstance(authors, list) else [],
        published=_str(meta.get("published")),
        site_name=_str(meta.get("site_name")),
        url=_str(meta.get("url")),
        language=_str(meta.get("language")),
        description=_str(meta.get("description")),
        removed=sorted(doc.removed, key=lambda r: r.position),
        sources=dict(doc.meta_sources),
        kind=doc.source,
        warnings=warnings,
        # page metadata (newsclean.metadata)
        modified=_str(meta.get("modified")),
        author_organizations=_strs(meta.get("author_organizations")),
        canonical_url=_str(meta.get("canonical_url")),
        section=_str(meta.get("section")),
        tags=_strs(meta.get("tags")),
        image=_str(meta.get("image")),
        blocks=[b.to_body() for b in doc.blocks if b.text],
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _strs(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []
