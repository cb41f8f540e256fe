"""Dates as ISO 8601: ``2020-03-03`` or, when the page states a time, ``2020-03-03T17:02:00-05:00``.

:func:`normalize` reads the date strings of structured data (ISO 8601 and its common
variants, RFC 2822, ``"March 3, 2020"``, ``"03.03.2020"``); :func:`htmldate_published`
asks htmldate (installed with trafilatura) for pages whose markup states no date, and
rejects its answer when it is only a copyright year.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import regex
from lxml import etree

from newsclean.metadata import jsonld
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.signals import Signals, meta_source
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["MODIFIED_META", "PUBLISHED_META", "day", "htmldate_published", "is_iso", "normalize", "pick_dates"]

log: logging.Logger = logging.getLogger(__name__)

_ISO = regex.compile(
    r"(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?\s*"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2}|[+-]\d{2}\b|UTC|GMT)?)?"
)
_DMY = regex.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})")
_YMD_SLASH = regex.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "january jan januar jänner janvier",
            "february feb februar février fevrier",
            "march mar märz mars",
            "april apr avril",
            "may mai",
            "june jun juni juin",
            "july jul juli juillet",
            "august aug août",
            "september sep sept septembre",
            "october oct oktober okt octobre",
            "november nov novembre",
            "december dec dezember dez décembre",
        ]
    )
    for m in names.split()
}
_WORDY = regex.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?P<m1>\p{L}{3,9})\.?,?\s+(?P<y1>\d{4}))"
    r"|(?:(?P<m2>\p{L}{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
)
_COPYRIGHT = regex.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", regex.IGNORECASE)


def normalize(value: Any) -> str | None:
    """An ISO 8601 string for a date value, or ``None`` when it is not a plausible date.

    A time is kept only when the value states one (a bare ``T00:00:00`` without offset
    counts as none); an offset is kept when stated (``Z`` becomes ``+00:00``).
    """
    if not isinstance(value, str):
        return None
    text = value.strip()[:80]
    if not text:
        return None
    m = _ISO.search(text, timeout=REGEX_TIMEOUT)
    if m:
        return _from_parts(
            m.group("y"), m.group("m"), m.group("d"), m.group("H"), m.group("M"), m.group("S"), m.group("tz")
        )
    for pattern in (_DMY, _YMD_SLASH):
        m = pattern.search(text, timeout=REGEX_TIMEOUT)
        if m:
            return _from_parts(m.group("y"), m.group("m"), m.group("d"))
    if ":" in text:
        try:
            parsed = parsedate_to_datetime(text)  # RFC 2822: "Tue, 03 Mar 2020 17:02:00 -0500"
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed:
            return _valid(parsed.isoformat())
    m = _WORDY.search(text, timeout=REGEX_TIMEOUT)
    if m:
        month = _MONTHS.get((m.group("m1") or m.group("m2")).casefold())
        if month:
            return _from_parts(m.group("y1") or m.group("y2"), str(month), m.group("d1") or m.group("d2"))
    return None


def _from_parts(
    y: str, m: str, d: str, hh: str | None = None, mm: str | None = None, ss: str | None = None, tz: str | None = None
) -> str | None:
    try:
        date = datetime(int(y), int(m), int(d))
    except ValueError:
        return None
    if not 1990 <= date.year <= 2100:
        return None
    out = date.strftime("%Y-%m-%d")
    if hh is None or mm is None:
        return out
    h, mi, s = int(hh), int(mm), int(ss or 0)
    if h > 23 or mi > 59 or s > 59:
        return out
    if (h, mi, s) == (0, 0, 0) and not tz:
        return out
    out += f"T{h:02d}:{mi:02d}:{s:02d}"
    if tz:
        tz = tz.upper()
        if tz in ("Z", "UTC", "GMT"):
            out += "+00:00"
        else:
            digits = tz[1:].replace(":", "")
            digits = digits + "00" if len(digits) == 2 else digits
            out += f"{tz[0]}{digits[:2]}:{digits[2:4]}"
    return out


def _valid(iso: str) -> str | None:
    return normalize(iso) if _ISO.match(iso) else None


def is_iso(value: str) -> bool:
    """Whether a date string is written in ISO 8601 (``2020-03-03``, ``2020-03-03T17:02Z``)."""
    return bool(_ISO.match(value.strip()[:40], timeout=REGEX_TIMEOUT)) and value.strip()[4:5] == "-"


def day(iso: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date."""
    return iso[:10] if iso else None


def as_datetime(iso: str) -> datetime | None:
    """An aware datetime for comparisons (dates without offset are taken as UTC)."""
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _markup_end(tree: Any) -> str:
    """The last 200,000 characters of ``tree`` rendered (a page given as a tree, no markup)."""
    try:
        return str(etree.tostring(tree, encoding="unicode", method="html"))[-200000:]
    except (TypeError, ValueError):
        return ""


def htmldate_published(tree: Any, html: str, *, url: str | None, max_date: str | None) -> str | None:
    """htmldate's publication date for ``tree`` (``YYYY-MM-DD``), or ``None``. ``html`` is
    the page's markup, or ``""`` for a page given as a tree.

    A bare January 1st that is the page's copyright year is dropped: that is htmldate's
    last resort, the copyright line, not a publication date.
    """
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    params: dict[str, Any] = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d", "url": url}
    if max_date:
        params["max_date"] = max_date[:10]
    try:
        found = find_date(tree, **params)
    except Exception as err:  # htmldate raises on odd trees; a missing date is not fatal
        log.debug("htmldate failed: %s", err)
        return None
    if not found:
        return None
    if found.endswith("-01-01"):
        markup = html[-200000:] if html else _markup_end(tree)
        years = {m.group(1) for m in _COPYRIGHT.finditer(markup, timeout=REGEX_TIMEOUT)}
        if found[:4] in years:
            return None
    return found


PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "article.published",
    "date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
)
MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "modified_time",
)


def pick_dates(
    out: PageMetadata,
    sig: Signals,
    meta: dict[str, list[str]],
    art: dict,
    page: dict,
    tree: Any,
    html: str,
    url: str | None,
) -> None:
    """``published`` and ``modified``: structured dates (JSON-LD, meta tags, microdata,
    ``<time>``) in order of preference, htmldate where the markup states none or states
    a hand-filled one; a publication stamp never later than the modification stamp."""
    published: list[tuple[str, str]] = []  # every structured publication date, in order of preference
    for key in ("datePublished", "dateCreated", "uploadDate"):
        published.append((jsonld.text_of(art.get(key)) or "", "json-ld"))
    out.set("modified", normalize(jsonld.text_of(art.get("dateModified"))), "json-ld")
    for key in PUBLISHED_META:
        published.extend((v, meta_source(key)) for v in meta.get(key, ())[:1])
    for key in MODIFIED_META:
        for value in meta.get(key, ())[:1]:
            out.set("modified", normalize(value), meta_source(key))
    published.extend((v, "microdata") for v in sig.itemprop.get("datepublished", [])[:1])
    for value in sig.itemprop.get("datemodified", [])[:1]:
        out.set("modified", normalize(value), "microdata")
    published.extend((v, "html:time") for v in sig.time_published[:1])
    published.append((jsonld.text_of(page.get("datePublished")) or "", "json-ld"))
    out.set("modified", normalize(jsonld.text_of(page.get("dateModified"))), "json-ld")
    candidates = [(d, src) for d, src in ((normalize(v), src) for v, src in published) if d]
    first_raw = next((v for v, _ in published if normalize(v)), "")
    if candidates and not is_iso(first_raw):
        # schema.org dates are ISO 8601; "Jun 24, 2025" in JSON-LD is a hand-filled template
        # (often the site's last deploy): the page's own date display decides, if it has one
        found = htmldate_published(tree, html, url=url, max_date=None)
        if found:
            out.set("published", found, "htmldate")
    if candidates:
        best, src = candidates[0]
        # a publication stamp identical to the modification stamp is often the last save
        # time written into both; another structured source with an earlier date wins
        if out.modified and best == out.modified:
            stamp = as_datetime(best)
            earlier = [(d, s) for d, s in candidates[1:] if (t := as_datetime(d)) and stamp and t < stamp]
            if earlier and earlier[0][0][:10] != best[:10]:
                best, src = earlier[0]
        out.set("published", best, src)
    if not out.published:
        found = htmldate_published(tree, html, url=url, max_date=out.modified)
        out.set("published", found, "htmldate")
    _url_day(out, url or out.canonical_url)
    # never later than the page's own latest date
    if out.published and out.modified:
        p, m = as_datetime(out.published), as_datetime(out.modified)
        if p and m and p > m:
            if out.sources.get("published") == "htmldate":
                out.published = None
                out.sources.pop("published", None)
            else:
                out.modified = None
                out.sources.pop("modified", None)


_URL_DATE = regex.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")


def _url_day(out: PageMetadata, url: str | None) -> None:
    """A UTC timestamp one day off the date in the page's URL (``/2025/12/18/``) was
    published on the URL's (local) day late in the evening: keep the local day."""
    if not url or not out.published or "T" not in out.published:
        return
    m = _URL_DATE.search(url, timeout=REGEX_TIMEOUT)
    if not m:
        return
    local = normalize(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    stamp = as_datetime(out.published)
    if not local or not stamp or local == out.published[:10]:
        return
    if abs((stamp.date() - datetime.fromisoformat(local).date()).days) == 1:
        out.published = local
        out.sources["published"] += "+url"
