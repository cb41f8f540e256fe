"""Dates as ISO 8601: ``2020-03-03`` or, when the page states a time, ``2020-03-03T17:02:00-05:00``.

:func:`normalize` reads the date strings of structured data (ISO 8601 and its common
variants, RFC 2822, ``"March 3, 2020"``, ``"03.03.2020"``); :func:`htmldate_published`
asks htmldate (installed with trafilatura) for pages whose markup states no date, and
rejects its answer when it is only a copyright year.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import regex
from lxml import etree

from newsclean import lexicon
from newsclean.metadata import jsonld
from newsclean.metadata.datelines import find_dates, numeric_order
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
# month names and abbreviations -> number, from every phrase file's calendar
_MONTHS = {
    name.casefold(): number
    for lang in lexicon.available()
    for number, names in enumerate(lexicon.calendar(lang).get("months", ()), start=1)
    for name in names.split()
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


@dataclass(frozen=True)
class Evidence:
    """One statement of a date: its ISO value, where it came from (the name that goes to
    ``sources``), what it claims to be (``"published"``, ``"modified"``, ``"updated"`` for a
    printed update stamp, ``""`` for a printed date without label) and, for a printed date,
    how far from the headline it stands (elements after the first ``<h1>``; ``None``
    before it)."""

    iso: str
    source: str
    kind: str
    printed: bool = False
    near: int | None = None

    @property
    def day(self) -> str:
        return self.iso[:10]


def pick_dates(
    out: PageMetadata,
    sig: Signals,
    meta: dict[str, list[str]],
    art: dict[str, Any],
    page: dict[str, Any],
    tree: Any,
    html: str,
    url: str | None,
    now: str | date | None = None,
) -> None:
    """``published`` and ``modified`` from every statement of a date (see :func:`resolve`)."""
    bound = moment(now)
    structured = _structured(sig, meta, art, page)
    modified = [e for e in structured if e.kind == "modified" and _before(e.iso, bound)]
    if modified:
        out.set("modified", modified[0].iso, modified[0].source)
    printed = _printed(sig, out.language or sig.lang, bound)
    from_url = _url_date(url or out.canonical_url or sig.page_url)
    evidence = [e for e in structured if _before(e.iso, bound)] + printed
    if from_url and _before(from_url.iso, bound):
        evidence.append(from_url)
    found = resolve(evidence)
    if found is None or found.source.startswith("json-ld:hand"):
        day = htmldate_published(tree, html, url=url, max_date=bound)
        month = _url_month(url or out.canonical_url or sig.page_url)
        if day and (found is None or day != found.day) and (not month or day.startswith(month)):
            found = Evidence(day, "htmldate", "published")
    if found is not None:
        out.set("published", found.iso, found.source.replace("json-ld:hand", "json-ld"))
    # never later than the page's own latest date
    if out.published and out.modified:
        p, m = as_datetime(out.published), as_datetime(out.modified)
        if p and m and p.date() > m.date():
            out.modified = None
            out.sources.pop("modified", None)


def resolve(evidence: list[Evidence]) -> Evidence | None:
    """The publication date among ``evidence``: the date the page shows as the article's.

    1. A printed date labelled as the publication date ("Published ...").
    2. A structured publication date (JSON-LD, meta, microdata) that the page prints too.
    3. A printed date without label near the headline, the nearest first.
    4. The structured publication date, unprinted (the original publication beats a
       printed update stamp); the day in the URL corrects a UTC stamp one day off it.
    5. A printed update stamp ("Updated ...") on a page that states no publication date:
       the only date readers are shown.
    6. The date in the URL.

    A printed date on a page without ``<h1>`` (so no known headline) counts only after
    the structured dates. Of the statements of the chosen day, a structured one lends the
    result its time and source.
    """
    printed = [e for e in evidence if e.printed and e.near is not None]
    unplaced = [e for e in evidence if e.printed and e.near is None]
    structured = [e for e in evidence if e.kind == "published" and not e.printed and e.source != "url"]
    url = next((e for e in evidence if e.source == "url"), None)
    shown = {e.day for e in printed}
    labelled = [e for e in printed if e.kind == "published"]
    plain = sorted((e for e in printed if e.kind == ""), key=_distance)
    updated = sorted((e for e in printed if e.kind == "updated"), key=_distance)
    pick = (
        next(iter(labelled), None) or next((e for e in structured if e.day in shown), None) or next(iter(plain), None)
    )
    if pick is None and structured:
        first = structured[0]
        if url and "T" in first.iso and url.day != first.day and _one_day(first.iso, url.day):
            return Evidence(url.day, first.source + "+url", "published")
        return first
    if pick is None:
        pick = (
            next(iter(updated), None)
            or url
            or next((e for e in unplaced if e.kind != "updated"), None)
            or next(iter(unplaced), None)
        )
    if pick is not None and pick.printed:
        same = next((e for e in structured if e.day == pick.day), None)
        return same or pick  # the printed day, stated with its time by the markup
    return pick


def _distance(e: Evidence) -> tuple[int, int]:
    """Printed dates after the headline first, nearest first; then those above it."""
    near = e.near if e.near is not None else 10**6
    return (0, near) if near >= 0 else (1, -near)


def _structured(sig: Signals, meta: dict[str, list[str]], art: dict[str, Any], page: dict[str, Any]) -> list[Evidence]:
    """Publication and modification dates stated in markup, in order of preference."""
    raw: list[tuple[str, str, str]] = []  # (value, source, kind)
    for key in ("datePublished", "dateCreated", "uploadDate"):
        raw.append((jsonld.text_of(art.get(key)) or "", "json-ld", "published"))
    raw.append((jsonld.text_of(art.get("dateModified")) or "", "json-ld", "modified"))
    for key in PUBLISHED_META:
        raw.extend((v, meta_source(key), "published") for v in meta.get(key, ())[:1])
    for key in MODIFIED_META:
        raw.extend((v, meta_source(key), "modified") for v in meta.get(key, ())[:1])
    raw.extend((v, "microdata", "published") for v in sig.itemprop.get("datepublished", [])[:1])
    raw.extend((v, "microdata", "modified") for v in sig.itemprop.get("datemodified", [])[:1])
    raw.extend((v, "html:time", "published") for v in sig.time_published[:1])
    raw.append((jsonld.text_of(page.get("datePublished")) or "", "json-ld", "published"))
    raw.append((jsonld.text_of(page.get("dateModified")) or "", "json-ld", "modified"))
    out: list[Evidence] = []
    for value, source, kind in raw:
        iso = normalize(value)
        if iso:
            # schema.org dates are ISO 8601; "Jun 24, 2025" in JSON-LD is a hand-filled
            # template value (often the site's last deploy): weak evidence
            hand = source == "json-ld" and not is_iso(value)
            out.append(Evidence(iso, "json-ld:hand" if hand else source, kind))
    return out


def _printed(sig: Signals, language: str | None, bound: str | None) -> list[Evidence]:
    """The dates the page prints near its headline, in ``<time>`` elements and in elements
    whose class names a date, with the label each carries; none from comments, related
    stories, sidebars or footers."""
    order = numeric_order((language or "")[:2].casefold() or None)
    out: list[Evidence] = []
    for item in sig.date_texts:
        if item.aside or (item.near is not None and not -_ABOVE_REACH <= item.near <= _PRINTED_REACH):
            continue
        found: list[tuple[str, str, bool]] = []  # (iso, kind, stamp)
        if item.where == "time":
            if not item.display and item.text[:1].isdigit():
                continue  # a stamp without printed text: readers see no date there
            iso = normalize(item.text) if item.text[:1].isdigit() else None
            labels = find_dates(item.display, order) if item.display else []
            kind = labels[0].kind if labels else ""
            if iso:
                found.append((iso, kind, True))
            elif labels:
                found.extend((d.day, d.kind, False) for d in labels)
            else:
                found.extend((d.day, d.kind, False) for d in find_dates(item.text, order))
        else:
            dates = find_dates(item.text, order)
            if item.where == "header":  # a dateline, not a date in a sentence
                dates = [d for d in dates if d.start <= _DATELINE_START]
            found.extend((d.day, d.kind, False) for d in dates)
        for iso, kind, stamp in found:
            if _before(iso, bound):
                out.append(Evidence(iso, "html:time" if stamp else "html:dateline", kind, True, item.near))
    # the same day printed elsewhere with an update label is that update stamp
    updated = {e.day for e in out if e.kind == "updated"}
    return [Evidence(e.iso, e.source, "updated", True, e.near) if e.kind == "" and e.day in updated else e for e in out]


_DATELINE_START = 40  # a dateline's date starts within its first characters ("Updated on March 3, ...")
_PRINTED_REACH = 80  # elements after the first <h1> within which a printed date is the article's
_ABOVE_REACH = 15  # elements above it (a date over the headline; higher up: the page's own header)

_URL_DATE = regex.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")
_URL_MONTH = regex.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:/|$)")


def _url_date(url: str | None) -> Evidence | None:
    """The date in a page address (``/2025/12/18/``)."""
    if not url:
        return None
    m = _URL_DATE.search(url, timeout=REGEX_TIMEOUT)
    if not m:
        return None
    iso = normalize(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    return Evidence(iso, "url", "published") if iso else None


def _url_month(url: str | None) -> str | None:
    """The ``YYYY-MM`` of an address holding a year and month (``/2025/12/``)."""
    m = _URL_MONTH.search(url or "", timeout=REGEX_TIMEOUT)
    return f"{m.group(1)}-{int(m.group(2)):02d}" if m else None


def _one_day(iso: str, day_: str) -> bool:
    stamp = as_datetime(iso)
    try:
        other = datetime.fromisoformat(day_).date()
    except ValueError:
        return False
    return stamp is not None and abs((stamp.date() - other).days) == 1


def _before(iso: str, bound: str | None) -> bool:
    """Whether a date is no later than the day after ``bound`` (time zones: the page may
    be a day ahead of the clock that fetched it)."""
    if not bound:
        return True
    try:
        limit = datetime.fromisoformat(bound[:10]).date() + timedelta(days=1)
    except ValueError:
        return True
    try:
        return datetime.fromisoformat(iso[:10]).date() <= limit
    except ValueError:
        return False


def moment(now: str | date | None) -> str | None:
    """``now`` (a date, a datetime or an ISO 8601 string such as a WARC date) as the
    ``YYYY-MM-DD`` day it names; ``None`` when not given. Raises ``ValueError`` for a
    string that is no date."""
    if now is None:
        return None
    if isinstance(now, datetime):
        return now.date().isoformat()
    if isinstance(now, date):
        return now.isoformat()
    day_ = normalize(now) if isinstance(now, str) and is_iso(now) else None
    if not day_:
        raise ValueError(f"now must be a date, a datetime or an ISO 8601 date string, not {now!r}")
    return day_[:10]
