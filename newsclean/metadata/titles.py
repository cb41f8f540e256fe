"""Headlines without the site name glued on: ``"Headline | Site"``, ``"Site - Headline"``,
``"Headline — Site"`` → ``"Headline"``.

An affix is removed when it is the site's name (``og:site_name``, the publisher, the
host name), when another title candidate of the page (``<h1>``, ``og:title``) confirms the
shorter headline, or, for ``|``-style separators only, when it is a short tail after a
longer headline. A dash inside a headline (``"Covid-19 - what we know"``) is left alone
unless one of those holds.
"""

from __future__ import annotations

from typing import Any

import regex

from newsclean.hosts import registered_domain, site_label
from newsclean.metadata import jsonld
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.names import name_key
from newsclean.metadata.signals import Signals, first_meta, meta_source
from newsclean.textutil import REGEX_TIMEOUT, compact_key, fold_accents, word_count

__all__ = ["clean_title", "pick_title", "same_title", "tidy_title", "title_affix", "title_key"]

_SEPARATOR = regex.compile(
    r"\s+(?:[|•·»~/]|[-–—]{1,2}|::)\s+|\s*[|｜]\s*"
    r"|(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])\s*[_－—]\s*(?=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])"
)
_STRONG = regex.compile(r"[|｜•·»~/_]|::")
_NON_WORD = regex.compile(r"[^\w]+")


def title_key(text: str) -> str:
    return _NON_WORD.sub(" ", fold_accents(text), timeout=REGEX_TIMEOUT).strip()


def same_title(a: str, b: str) -> bool:
    """Equal once case, accents, punctuation and spacing are ignored."""
    ka, kb = title_key(a), title_key(b)
    return bool(ka) and ka == kb


def _is_site(part: str, site_names: list[str], *, exact: bool = False) -> bool:
    """Whether ``part`` is one of the site's names (or, unless ``exact``, a form of one:
    ``"Example News"`` for the site ``example``)."""
    key = compact_key(part)
    if not key:
        return False
    for name in site_names:
        site = compact_key(name)
        if not site:
            continue
        if exact:
            if key == site:
                return True
            continue
        if key == site or (
            len(site) >= 4 and (key.startswith(site) or key.endswith(site)) and len(key) <= 2 * len(site)
        ):
            return True
        if len(key) >= 4 and site.startswith(key):
            return True
    return False


def clean_title(text: str, site_names: list[str], others: list[str] = ()) -> str:  # type: ignore[assignment]
    """``text`` without a site-name prefix or suffix (see the module doc)."""
    text = " ".join(text.split())
    if not text:
        return text
    pieces = _SEPARATOR.split(text, timeout=REGEX_TIMEOUT)
    if len(pieces) < 2:
        return text
    seps = [m.group(0) for m in _SEPARATOR.finditer(text, timeout=REGEX_TIMEOUT)]
    # another candidate equal to a contiguous run of the pieces confirms that run
    other_keys = {title_key(o) for o in others if o and title_key(o) != title_key(text)}
    best = None
    for i in range(len(pieces)):
        for j in range(len(pieces), i, -1):
            if (i, j) == (0, len(pieces)):
                continue
            run = _join(pieces, seps, i, j)
            if title_key(run) in other_keys and (best is None or len(run) > len(best)):
                best = run
    if best and not all(_is_site(p, site_names) for p in best.split()):
        return best
    # a "by Jane Doe" piece is a byline: it and what follows it are no part of the headline
    by = [i for i, p in enumerate(pieces) if p.casefold().startswith("by ") and len(p.split()) <= 7]
    if by and by[0] > 0:
        pieces, seps = pieces[: by[0]], seps[: by[0] - 1]
        if len(pieces) == 1:
            return pieces[0]
    start, end = 0, len(pieces)
    while end - start > 1 and _is_site(pieces[end - 1], site_names):
        end -= 1
    while end - start > 1 and _is_site(pieces[start], site_names):
        start += 1
    if (start, end) != (0, len(pieces)):
        return _join(pieces, seps, start, end)
    # a short tail after a strong separator ("Headline | Example") is a site name
    if len(pieces) >= 2 and _STRONG.search(seps[-1], timeout=REGEX_TIMEOUT):
        head = _join(pieces, seps, 0, len(pieces) - 1)
        tail = pieces[-1]
        if len(tail.split()) <= 4 and len(head.split()) >= 3 and len(head) > len(tail):
            return head
    return text


def title_affix(raw: str, title: str) -> str | None:
    """The name a page's ``<title>`` adds to its headline: ``"Headline | Example News"``
    with the headline ``"Headline"`` gives ``"Example News"`` (one piece of at most six
    words before or after it), else ``None``."""
    text = " ".join(raw.split())
    pieces = _SEPARATOR.split(text, timeout=REGEX_TIMEOUT)
    if len(pieces) < 2 or not title:
        return None
    seps = [m.group(0) for m in _SEPARATOR.finditer(text, timeout=REGEX_TIMEOUT)]
    key = title_key(title)
    if title_key(_join(pieces, seps, 0, len(pieces) - 1)) == key:
        affix = pieces[-1]
    elif title_key(_join(pieces, seps, 1, len(pieces))) == key:
        affix = pieces[0]
    else:
        return None
    affix = affix.strip()
    return affix if affix and len(affix.split()) <= 6 and title_key(affix) != key else None


def _join(pieces: list[str], seps: list[str], i: int, j: int) -> str:
    out = pieces[i]
    for k in range(i + 1, j):
        out += seps[k - 1] + pieces[k]
    return out.strip()


def pick_title(
    out: PageMetadata,
    sig: Signals,
    meta: dict[str, list[str]],
    art: dict[str, Any],
    page: dict[str, Any],
    *,
    article: bool = True,
) -> None:
    """The headline: JSON-LD ``headline``, ``og:title``, ``twitter:title``, microdata, the
    ``<title>``, each without site affixes and never the site's own name; one that an
    ``<h1>`` confirms wins. On an article (``article``: the page declares one), an ``<h1>``
    about the same subject beats SEO variants of it; on other pages (products, services,
    listings) the page's own title is the name readers search for, so it beats an
    ``<h1>`` that is a slogan."""
    site_names = [n for n in (out.site_name, site_label(sig.page_url), registered_domain(sig.page_url)) if n]
    candidates: list[tuple[str, str]] = []
    headline = jsonld.text_of(art.get("headline")) or jsonld.text_of(art.get("name"))
    if headline:
        candidates.append((headline, "json-ld"))
    for key in ("og:title", "twitter:title"):
        got = first_meta(meta, (key,))
        if got:
            candidates.append((got[0], meta_source(key)))
    for value in sig.itemprop.get("headline", [])[:1]:
        candidates.append((value, "microdata"))
    if sig.title:
        candidates.append((sig.title, "html:title"))
    raw = [c for c, _ in candidates]
    cleaned = [(tidy_title(clean_title(c, site_names, raw + sig.h1[:3])), src) for c, src in candidates]
    h1s = [h for h in (tidy_title(h) for h in sig.h1[:5]) if 0 < len(h.split()) <= 40]
    # the site's own name is no headline (a blog's name in og:title or its <h1>), unless
    # the page has nothing else (a home page)
    named = [(c, src) for c, src in cleaned if c and not _is_site(c, site_names, exact=True)]
    h1_named = [h for h in h1s if not _is_site(h, site_names, exact=True)]
    if named or h1_named:
        cleaned, h1s = named, h1_named
    title = _choose(cleaned, h1s, candidates, site_names, article)
    if title is not None:
        text, src = title
        if text.isupper() and " " in text:  # an all-capitals <h1>: a candidate's own casing
            text, src = next(((c, s) for c, s in cleaned if same_title(c, text) and not c.isupper()), (text, src))
        out.set("title", text, src)


def _choose(
    cleaned: list[tuple[str, str]],
    h1s: list[str],
    candidates: list[tuple[str, str]],
    site_names: list[str],
    article: bool,
) -> tuple[str, str] | None:
    # a candidate confirmed by an <h1> wins; then the first in order of preference
    for c, src in cleaned:
        if any(same_title(c, h) for h in h1s):
            return c, src
    # an <h1> holding a candidate and a dateline or byline ("Headline Posted on May 3 by X")
    for h in h1s[:1]:
        hk = title_key(h)
        for c, src in cleaned:
            ck = title_key(c)
            if len(ck.split()) >= 3 and ck != hk and (hk.startswith(ck) or hk.endswith(ck)):
                return c, src
    # an <h1> that a candidate contains (the candidate had an affix we did not recognise)
    for h in h1s:
        if any(name_key(h) and name_key(h) in name_key(c) and len(h) >= 0.5 * len(c) for c, _ in candidates):
            return h, "html:h1"
    # the headline readers see: an <h1> about the same thing as the metadata titles (these
    # are often SEO variants of it), and not the site's name
    if article or not cleaned:
        for h in h1s[:2]:
            if word_count(h) < 2 or any(compact_key(h) == compact_key(n) for n in site_names):
                continue
            if not cleaned or max(_overlap(h, c) for c, _ in cleaned) >= 0.3:
                return h, "html:h1"
    return cleaned[0] if cleaned else None


# Markdown left in a title: "## Heading", "*emphasis*", "__strong__"
_HEADING_MARK = regex.compile(r"^#{1,6}\s+")
_EMPHASIS = regex.compile(r"(?<=^|[\s(\[])([*_]{1,2})(?=[^\s*_])(.{1,200}?)(?<=[^\s*_])\1(?=$|[\s.,:;!?)\]])")
# pictographs and stars, not ASCII signs ("C++") nor marks of a name ("™", "®")
_SYMBOL = r"(?:(?![\x00-\x7f™®©℠])[\p{So}\p{Sk}\p{Sm}])"
_EDGE_SYMBOLS = regex.compile(rf"^(?:{_SYMBOL}|\s)+|(?:{_SYMBOL}|\s)+$")
_UNSPACED_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII forms
_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "'": "'", "‘": "’"}


def tidy_title(text: str) -> str:
    """A title without Markdown marks (``"## Title"``, ``"*Book* (1792)"``), wrapping quotes
    or decorative symbols at its ends (``"🎤 Title ⋆"``)."""
    text = " ".join(text.split())
    if not text:
        return text
    text = _HEADING_MARK.sub("", text, timeout=REGEX_TIMEOUT)
    text = _EMPHASIS.sub(r"\2", text, timeout=REGEX_TIMEOUT)
    text = _EDGE_SYMBOLS.sub("", text, timeout=REGEX_TIMEOUT)
    if not _UNSPACED_SCRIPT.search(text, timeout=REGEX_TIMEOUT):  # "Work？" in a Latin title: "Work?"
        text = text.translate(_FULLWIDTH)
    close = _QUOTE_PAIRS.get(text[:1])
    if close and text.endswith(close) and len(text) > 2 and close not in text[1:-1]:
        text = text[1:-1].strip()
    return text


def _overlap(a: str, b: str) -> float:
    """Share of ``a``'s longer words that ``b`` has too."""
    wa = {w for w in title_key(a).split() if len(w) > 3}
    wb = set(title_key(b).split())
    return len(wa & wb) / len(wa) if wa else 0.0
