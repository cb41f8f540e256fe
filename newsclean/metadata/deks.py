"""``subtitle``: the dek (standfirst) in the article's header, never a text from elsewhere.

A dek stands between the headline and the body. It is taken from, in order:

1. an element whose class names a dek (``dek``, ``standfirst``, ``subtitle``,
   ``article-summary``, ``header-description``, ...) among the first elements after the
   headline's ``<h1>``, outside comments, related stories and sidebars;
2. schema.org ``alternativeHeadline`` (microdata, then JSON-LD);
3. on an article, the header's own shape: a heading right under the headline, or the
   first text under it when a byline or date follows it before the body.

Never a dek: the headline again, a section label (``"Introduction"``, ``"Key
Takeaways"``: fewer than four words), a byline or date line, a label ending with a colon,
another story's excerpt or a promotion elsewhere on the page (they are not in the header).
"""

from __future__ import annotations

from typing import Any

import regex

from newsclean.metadata import jsonld
from newsclean.metadata.byline_parser import byline_parser
from newsclean.metadata.datelines import find_dates
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.signals import Placed, Signals
from newsclean.metadata.titles import same_title, title_key
from newsclean.textutil import REGEX_TIMEOUT, word_count

__all__ = ["pick_subtitle"]

_REACH = 40  # elements after the headline within which its dek stands
_MIN_WORDS = 4  # fewer: a label ("Key Takeaways"), unless a sentence ("Glides like air.")
_MAX_WORDS = 80
_BODY = 200  # characters of a paragraph that make it the body's
_HEADINGS = frozenset(["h2", "h3", "h4"])
_BYLINE_NAMES = regex.compile(r"author|byline|by-line|writer|autor|date|time|publish|posted|meta")
# a credit line: "By Jane", "Reviewed by: Jane", "Fact checked by Jane", "Par Jean", "di Mario"
_CREDIT = regex.compile(
    r"^(?:(?:(?:written|reviewed|medically\s+reviewed|fact[- ]?checked|edited|posted|reported|words|text|story|"
    r"photos?|updated)\s+)?by|von|par|por|door|przez|di)\b\s*:?\s*\p{Lu}",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"\w+")


def pick_subtitle(out: PageMetadata, sig: Signals, art: dict[str, Any], *, article: bool) -> None:
    """``subtitle``: the dek under the headline (see the module doc), with its source."""
    titles = [t for t in (out.title, *sig.h1[:3]) if t]
    anchor = _headline_at(out, sig)
    if anchor is not None:
        body = _body_at(sig.header, anchor)
        for dek in sig.deks:
            if not dek.aside and 0 < dek.at - anchor <= _REACH and dek.at < body and _is_dek(dek.text, titles):
                out.set("subtitle", dek.text, "html:dek")
                return
    for value in sig.itemprop.get("alternativeheadline", [])[:1]:
        if _is_dek(value, titles):
            out.set("subtitle", value, "microdata")
            return
    alternative = jsonld.text_of(art.get("alternativeHeadline"))
    if alternative and _is_dek(alternative, titles):
        out.set("subtitle", alternative, "json-ld")
        return
    if anchor is not None:
        found = _header_dek(sig.header, anchor, titles, article=article)
        if found:
            out.set("subtitle", found, "html:header")


def _headline_at(out: PageMetadata, sig: Signals) -> int | None:
    """The place of the ``<h1>`` holding the headline (else of the first ``<h1>``)."""
    if not sig.h1_at:
        return None
    for text, at in zip(sig.h1, sig.h1_at, strict=False):
        if out.title and same_title(text, out.title):
            return at
    return sig.h1_at[0]


def _body_at(header: list[Placed], anchor: int) -> float:
    """Where the body begins: the first long paragraph after the headline."""
    return next((h.at for h in header if h.at > anchor and h.tag == "p" and len(h.text) > _BODY), float("inf"))


def _header_dek(header: list[Placed], anchor: int, titles: list[str], *, article: bool) -> str | None:
    """On an article, a heading right under the headline; on any page, the first text under
    it when a byline or a date follows it before the body."""
    items = [h for h in header if 0 < h.at - anchor <= _REACH and not any(same_title(h.text, t) for t in titles)]
    if not items:
        return None
    first = items[0]
    if not _is_dek(first.text, titles):
        return None
    if first.tag in _HEADINGS:
        return first.text if article else None
    if first.tag not in ("p", "div", "span"):
        return None
    for later in items[1:6]:
        if _is_byline(later):
            return first.text
        if len(later.text) > _BODY:  # the body began
            return None
    return None


def _is_byline(item: Placed) -> bool:
    """A byline or a dateline: "By Jane Doe", "Reviewed by: ...", "March 3, 2020", or an
    element so named."""
    if _BYLINE_NAMES.search(item.names.casefold(), timeout=REGEX_TIMEOUT):
        return True
    text = item.text
    return (
        bool(find_dates(text[:60]))
        or bool(_CREDIT.match(text, timeout=REGEX_TIMEOUT))
        or byline_parser(None).parse(text) is not None
    )


def _is_dek(text: str, titles: list[str]) -> bool:
    """A dek's shape: a sentence or a phrase of four words or more, not the headline (nor
    a part of it), not a byline or dateline, not a label ("Contents:") nor a sentence
    running on into the body ("I bet you didn't know this, but…")."""
    words = word_count(text) - sum(1 for t in text.split() if not _WORD.search(t, timeout=REGEX_TIMEOUT))
    end = text.rstrip()[-1:]
    if words > _MAX_WORDS or words < (2 if end in ".!。！" else _MIN_WORDS):
        return False
    if end in (":", "…") or text.rstrip().endswith("..."):
        return False
    key = title_key(text)
    if any(same_title(text, t) or key in title_key(t) for t in titles):
        return False
    return not _is_byline(Placed(text, 0))
