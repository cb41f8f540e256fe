"""schema.org data in JSON-LD (``<script type="application/ld+json">``) and microdata.

:func:`article_objects` finds the objects that describe the page's article (``NewsArticle``,
``BlogPosting``, ``Article`` and friends; ``WebPage`` as a fallback), through ``@graph``
lists, nested ``mainEntity`` objects and arrays. :func:`author_entries` reads ``author``
in every shape it comes in: a string, a ``Person``/``Organization`` object, a list of
either, or an ``@id`` reference into the graph.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from html import unescape
from typing import Any

import regex

from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["article_objects", "author_entries", "load_blocks", "text_of", "types_of", "walk"]

log: logging.Logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    t.casefold()
    for t in [
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicHealthAnnouncement",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SocialMediaPosting",
        "LiveBlogPosting",
        "DiscussionForumPosting",
        "Review",
        "Recipe",
        "HowTo",
        "MedicalWebPage",
        "Guide",
        "LegalService",
    ]
)
PAGE_TYPES = frozenset(
    t.casefold() for t in ["WebPage", "ItemPage", "AboutPage", "QAPage", "FAQPage", "CollectionPage"]
)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_NODES = 2000


def load_blocks(scripts: list[str]) -> list[Any]:
    """The parsed JSON of each JSON-LD script (broken ones skipped, light repairs tried)."""
    out: list[Any] = []
    for raw in scripts:
        raw = raw.strip()
        if raw.startswith("<!--"):
            raw = raw[4:].rsplit("-->", 1)[0]
        raw = raw.strip().rstrip(";")
        if not raw:
            continue
        for attempt in (raw, _CONTROL.sub(" ", raw, timeout=REGEX_TIMEOUT)):
            try:
                out.append(json.loads(attempt, strict=False))
                break
            except (ValueError, RecursionError):
                continue
        else:
            log.debug("unreadable JSON-LD block skipped")
    return out


def walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict in ``node``, breadth of ``@graph``/lists/``mainEntity`` included (bounded)."""
    stack = [(node, depth)]
    seen = 0
    while stack and seen < _MAX_NODES:
        item, d = stack.pop(0)
        seen += 1
        if isinstance(item, list):
            stack.extend((x, d + 1) for x in item)
        elif isinstance(item, dict):
            yield item
            if d < 4:
                for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "about"):
                    if key in item:
                        stack.append((item[key], d + 1))


def types_of(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {v.rsplit("/", 1)[-1].casefold() for v in values if isinstance(v, str)}


def article_objects(blocks: list[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """``(articles, pages, by_id)``: article-typed objects, page-typed objects, and every
    object with an ``@id`` (to resolve references)."""
    articles: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    for block in blocks:
        for obj in walk(block):
            oid = obj.get("@id")
            if isinstance(oid, str) and len(obj) > 1:
                by_id.setdefault(oid, obj)
            kinds = types_of(obj)
            if kinds & ARTICLE_TYPES:
                articles.append(obj)
            elif kinds & PAGE_TYPES:
                pages.append(obj)
    return articles, pages, by_id


def text_of(value: Any) -> str | None:
    """A plain string from a schema.org value (string, ``{"name": ...}``, ``{"@value": ...}``, list)."""
    if isinstance(value, str):
        value = unescape(value).strip()
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "contentUrl", "@id"):
            got = text_of(value.get(key))
            if got:
                return got
        return None
    if isinstance(value, list):
        for v in value:
            got = text_of(v)
            if got:
                return got
    return None


def author_entries(value: Any, by_id: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """``[(name, kind)]`` for a schema.org ``author``; ``kind`` is ``"person"``,
    ``"organization"`` or ``""`` (a bare string: the caller decides)."""
    out: list[tuple[str, str]] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:30]:
        if isinstance(item, str):
            if item.strip():
                out.append((unescape(item).strip(), ""))
        elif isinstance(item, dict):
            ref = item.get("@id")
            if isinstance(ref, str) and "name" not in item and ref in by_id:
                item = by_id[ref]
            kinds = types_of(item)
            kind = "organization" if kinds & {"organization", "newsmediaorganization", "corporation"} else ""
            kind = "person" if "person" in kinds else kind
            name = item.get("name")
            if isinstance(name, list):
                out.extend((unescape(n).strip(), kind) for n in name if isinstance(n, str) and n.strip())
            elif isinstance(name, str) and name.strip():
                out.append((unescape(name).strip(), kind))
            elif isinstance(name, dict):
                got = text_of(name)
                if got:
                    out.append((got, kind))
            elif item.get("givenName") or item.get("familyName"):
                full = " ".join(str(item.get(k) or "").strip() for k in ("givenName", "familyName")).strip()
                if full:
                    out.append((full, kind or "person"))
    return out
