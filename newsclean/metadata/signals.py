"""The one walk over a page's tree that collects every metadata signal: ``<meta>`` values,
JSON-LD scripts, the ``<title>`` and ``<h1>``s, canonical and image links, ``rel=author`` and
author-page links, labelled bylines ("By ...", "Written by ..."), microdata, byline and dek
elements (by their class names) and publication ``<time>`` elements.

The field modules (:mod:`.titles`, :mod:`.authors`, :mod:`.dates`, :mod:`.site`) pick their
values from the :class:`Signals`; nothing else reads the tree for metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import regex
from lxml import etree

from newsclean import lexicon
from newsclean.textutil import REGEX_TIMEOUT, phrase_alternation

__all__ = ["DateText", "Placed", "Signals", "collect", "first_meta", "meta_source"]

# Class-name parts that make an "author" element something else: a comment's author, an
# avatar, a bio box, a label, a listing item flag ("summary-item-has-author").
_NOT_BYLINE = frozenset(
    [
        "comment",
        "comments",
        "testimonial",
        "avatar",
        "image",
        "img",
        "photo",
        "bio",
        "biography",
        "social",
        "form",
        "website",
        "picture",
        "review",
        "reviewer",
        "quote",
        "has",
        "share",
        "follow",
        "label",
        "title",
        "position",
        "job",
        "role",
        "description",
        "about",
        "date",
        "time",
        "icon",
        "url",
        "email",
        "twitter",
        "more",
        "posts",
        "list",
    ]
)
_BIO_NAME = regex.compile(
    r"(\p{Lu}[\p{L}'’.-]{0,30}(?:\s+(?:\p{Lu}[\p{L}'’.-]{0,30}|von|van|de|der)){1,3}),?\s+"
    r"(?:is|was|ist|war|has|hat|covers|writes|schreibt|berichtet)\b"
)

_CLASS_PARTS = regex.compile(r"[-_]+")
# class-name parts that mark an author element: every phrase file's ``byline_classes``
_BYLINE_PARTS = frozenset(lexicon.terms("byline_classes"))
_DEK_CLASS = regex.compile(
    r"(?:^|[-_])(?:dek|deck|standfirst|sub-?headline|strapline|kicker-text|article-?summary|summary|"
    r"article-?intro|article-?lead|lede|teaser-?text|intro-?text|intro|summary-?text|excerpt|"
    r"(?:header|post|entry|article|page|story)-?(?:description|desc|teaser)|"
    r"chapo|chapeau|entradilla|sumario|sommario|vorspann|anreisser)(?:$|[-_])"
    r"|sub-?title|subhea?d",  # "articleSubtitle", "entry__subtitle", "v2-subhed"
    regex.IGNORECASE,
)
_NOT_DEK = regex.compile(r"menu|nav|card|item|list|related|footer|widget|promo|sidebar|block-setting", regex.IGNORECASE)


@dataclass
class Signals:
    """Everything the one walk over the tree collects."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[str] = field(default_factory=list)
    title: str | None = None
    h1: list[str] = field(default_factory=list)
    canonical: str | None = None
    lang: str | None = None
    rel_author: list[tuple[str, Any]] = field(default_factory=list)
    author_links: list[tuple[str, Any]] = field(default_factory=list)
    labelled: list[str] = field(default_factory=list)
    itemprop: dict[str, list[str]] = field(default_factory=dict)
    bylines: list[str] = field(default_factory=list)
    #: elements whose class names a dek, with their place among the page's elements
    deks: list[Placed] = field(default_factory=list)
    #: the places of the ``<h1>`` elements (as ``h1``), and the short texts after each of
    #: the first ones: a page's header, where its dek and byline stand
    h1_at: list[int] = field(default_factory=list)
    header: list[Placed] = field(default_factory=list)
    time_published: list[str] = field(default_factory=list)
    image_src: str | None = None
    page_url: str | None = None  # the canonical URL, else the URL passed in
    #: printed dates: ``<time>`` elements, elements whose class names a date, and the short
    #: texts right after the first ``<h1>`` (see :class:`DateText`)
    date_texts: list[DateText] = field(default_factory=list)
    #: elements between the first ``<h1>`` and the first long paragraph after it (the body)
    prose_at: int | None = None


@dataclass(frozen=True)
class Placed:
    """A text and its place: ``at`` among the page's elements, the element's ``tag`` and
    class names; ``aside`` when it stands in comments, related stories, a sidebar or a
    footer."""

    text: str
    at: int
    tag: str = ""
    names: str = ""
    aside: bool = False


@dataclass(frozen=True)
class DateText:
    """A text that may print the article's date, and where it stands.

    ``where`` is ``"time"`` (a ``<time>`` element: ``text`` is its ``datetime``
    attribute, else its text), ``"class"`` (an element whose class or id names a date or a
    byline) or ``"header"`` (a short text among the first elements after the first
    ``<h1>``). ``near`` is the number of elements from the first ``<h1>`` to it (negative
    above it; ``None`` on a page without ``<h1>``); ``aside`` marks a text inside comments,
    related stories, a sidebar, a footer or navigation: the dates there are other pages' or
    readers'. ``at`` is its place among the page's elements.
    """

    text: str
    where: str
    near: int | None
    aside: bool
    display: str = ""  # a <time> element's printed text, beside its datetime attribute
    at: int = 0


def _text(el: etree._Element, limit: int = 600, joiner: str = "") -> str:
    """The element's text, whitespace collapsed, at most ``limit`` characters (reading no
    more of a large element than that)."""
    parts: list[str] = []
    size = 0
    try:
        for piece in el.itertext():
            if piece:
                parts.append(piece)
                size += len(piece)
                if size > limit * 2:
                    break
    except ValueError:
        return ""
    return " ".join(joiner.join(parts)[: limit * 2].split())[:limit]


def _spaced_text(el: etree._Element, limit: int = 300) -> str:
    """Text with a space between elements (``<span>Jane Doe</span><span>Editor</span>``)."""
    return _text(el, limit, " ")


def _own_author_page(href: str) -> bool:
    """A link to an author page of the site itself (relative, or without a foreign host
    such as a social network's profile page)."""
    if not _AUTHOR_HREF_HINT.search(href.casefold()) or not _AUTHOR_HREF.search(href, timeout=REGEX_TIMEOUT):
        return False
    host = urlsplit(href).hostname or ""
    return not host or not any(host.endswith(s) for s in _SOCIAL_HOSTS)


_SOCIAL_HOSTS = (
    "bsky.app",
    "twitter.com",
    "x.com",
    "facebook.com",
    "linkedin.com",
    "instagram.com",
    "github.com",
    "medium.com",
    "youtube.com",
    "tiktok.com",
    "threads.net",
    "mastodon.social",
    "pinterest.com",
    "reddit.com",
)


def _byline_text(el: etree._Element) -> str:
    """The byline an element holds: the author link or name element inside it, else its text
    when short; for a long author box, its first name-shaped line."""
    for a in el.iter("a"):
        href = a.get("href") or ""
        if _AUTHOR_HREF.search(href, timeout=REGEX_TIMEOUT) or "author" in (a.get("rel") or ""):
            text = _text(a, 200)
            if text and len(text.split()) <= 6:
                return text
    for child in el.iter():
        if child is el or not isinstance(child.tag, str):
            continue
        cls = (child.get("class") or "").casefold()
        if "name" in cls and "image" not in cls:
            text = _spaced_text(child, 200)
            if text and len(text.split()) <= 6:
                return text
    text = _spaced_text(el)
    if text and len(text.split()) <= 25:
        return text
    for child in el.iter():
        if child is el or not isinstance(child.tag, str) or len(child):
            continue
        text = _text(child, 200)
        if 2 <= len(text.split()) <= 4 and all(w[:1].isupper() for w in text.split()):
            return text
    return ""


def collect(tree: etree._Element) -> Signals:
    s = Signals()
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    s.lang = lang
    h1_at: int | None = None
    for n, el in enumerate(root.iter(etree.Element)):  # elements only: no comments or processing instructions
        tag = el.tag
        if tag in _HEAD_TAGS:
            _head_signal(el, tag, s)
            continue
        if tag == "h1":
            text = _text(el, 400)
            if text:
                s.h1.append(text)
                s.h1_at.append(n)
                if h1_at is None:
                    h1_at = n
        elif tag == "a":
            if "author" in (el.get("rel") or "").casefold().split():
                text = _text(el, 200)
                if text:
                    s.rel_author.append((text, el))
            elif len(s.author_links) < 6 and _own_author_page(el.get("href") or ""):
                text = _text(el, 200)
                if text and len(text.split()) <= 5:
                    s.author_links.append((text, el))
        own = el.text
        if own and len(s.labelled) < 6 and len(own) < 400 and len(own.strip()) < 40:
            label = own.strip().casefold().rstrip(":").strip()
            if label in _LABELS:
                rest = _spaced_text(el)[len(own.strip()) :].strip(" :")
                nxt = el.getnext()
                hops = 0
                while not rest and nxt is not None and hops < 3:
                    rest = _spaced_text(nxt) if isinstance(nxt.tag, str) else ""
                    nxt, hops = nxt.getnext(), hops + 1
                bio = _BIO_NAME.match(rest, timeout=REGEX_TIMEOUT) if rest else None
                if bio:  # "About the author: Jane Doe is a reporter ..."
                    s.labelled.append(bio.group(1))
                elif rest and len(rest.split()) <= 12:
                    s.labelled.append(rest)
            elif label.startswith(_LABEL_STARTS) and len(own.split()) <= 8 and not _in_navigation(el):
                full = _spaced_text(el)  # (a menu's "By Event Type" is no byline)
                if len(full.split()) <= 12:
                    s.labelled.append(full)
        prop = el.get("itemprop")
        if prop:
            for p in prop.split():
                p = p.casefold()
                if p in ("author", "creator", "headline", "alternativeheadline", "datepublished", "datemodified"):
                    if p in ("datepublished", "datemodified"):
                        value = el.get("datetime") or el.get("content") or _text(el, 100)
                    elif p in ("author", "creator"):
                        name = el.find(".//*[@itemprop='name']")
                        value = el.get("content") or (_text(name, 200) if name is not None else _text(el, 200))
                    else:
                        value = el.get("content") or _text(el, 600)
                    if value:
                        s.itemprop.setdefault(p, []).append(value)
        if tag == "time" and (el.get("pubdate") is not None or "published" in (el.get("class") or "")):
            value = el.get("datetime") or _text(el, 100)
            if value:
                s.time_published.append(value)
        cls = el.get("class")
        if cls and len(cls) < 300:
            byline, dek = _class_kind(cls)
            if byline and len(s.bylines) < 8:
                text = _byline_text(el)
                if text and text not in s.bylines:
                    s.bylines.append(text)
            if dek and len(s.deks) < 8:
                text = _text(el, 1200)
                if text and 3 <= len(text.split()) <= 80:
                    s.deks.append(Placed(text, n, str(tag), cls, _aside(el)))
        if s.h1_at and n - s.h1_at[-1] <= _HEADER_ITEMS and len(s.h1_at) <= 3 and n > s.h1_at[-1]:
            _header_item(el, n, s)
        if len(s.date_texts) < _MAX_DATE_TEXTS and (
            cls
            or tag == "time"
            or el.get("id")
            or (h1_at is not None and s.prose_at is None and n - h1_at <= _HEADER_REACH)
        ):
            _date_signal(el, n, h1_at, s)
    if h1_at is not None:  # the texts above the headline: how far above it
        s.date_texts = [replace(d, near=d.at - h1_at) if d.near is None else d for d in s.date_texts]
    return s


_MAX_DATE_TEXTS = 40
_HEADER_REACH = 40  # elements after the first <h1> whose short texts may be its dateline
_PROSE = 200  # characters of a paragraph's own text that make it the body's
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|dateline|stamp|updated|meta|datum|fecha|data")
# Containers whose dates are not the article's: comments, related stories, sidebars, footers.
_ASIDE_TAGS = frozenset(["aside", "footer", "nav"])
# the article's own containers: an aside marker above them is the page layout's, not the text's
_ARTICLE_TAGS = frozenset(["article", "main", "body"])
_ASIDE_PARTS = frozenset(
    [
        "comment",
        "comments",
        "related",
        "recommended",
        "recommendations",
        "sidebar",
        "widget",
        "popular",
        "trending",
        "reply",
        "replies",
        "respond",
        "discussion",
        "footer",
        "breadcrumb",
        "breadcrumbs",
        "newsletter",
        "promo",
        "latest",
        "archive",
        "more",
        "next",
        "prev",
        "previous",
        "kommentar",
        "kommentare",
        "verwandt",
        "weitere",
        "relacionados",
        "correlati",
        "similar",
    ]
)


def _date_signal(el: etree._Element, n: int, h1_at: int | None, s: Signals) -> None:
    """A ``<time>``, an element whose class names a date, or a short text after the first
    ``<h1>``: a place where the article's date may be printed."""
    near = n - h1_at if h1_at is not None else None
    tag = el.tag
    if tag == "time":
        stamp = (el.get("datetime") or "").strip()
        display = _text(el, 120)
        if stamp or display:
            s.date_texts.append(DateText(stamp or display, "time", near, _aside(el), display if stamp else "", n))
        return
    names = ((el.get("class") or "") + " " + (el.get("id") or "")).strip()
    if names and _dated_names(names):
        text = _text(el, 200)
        if text and any(c.isdigit() for c in text) and len(text) < 200:
            s.date_texts.append(DateText(text, "class", near, _aside(el), at=n))
            return
    if near is None or near <= 0 or s.prose_at is not None:
        return
    if tag == "p" and len(el.text or "") > _PROSE:
        s.prose_at = near  # the body begins: no more header texts
    elif near <= _HEADER_REACH and el.text and any(c.isdigit() for c in el.text):
        text = _text(el, 200)
        if len(text) < 160:
            s.date_texts.append(DateText(text, "header", near, False, at=n))


_HEADER_ITEMS = 25  # elements after an <h1> that may belong to the page's header
_HEADER_TAGS = frozenset(["p", "div", "span", "h2", "h3", "h4", "h5", "h6", "strong", "em", "small", "address", "time"])


def _header_item(el: etree._Element, n: int, s: Signals) -> None:
    """An element with text of its own among the first after an ``<h1>``."""
    tag = str(el.tag)
    if tag not in _HEADER_TAGS or not ((el.text or "").strip() or tag[0] == "h"):
        return
    text = _text(el, 600)
    if text:
        s.header.append(Placed(text, n, tag, ((el.get("class") or "") + " " + (el.get("id") or "")).strip()))


def _in_navigation(el: etree._Element) -> bool:
    """Whether ``el`` stands in a ``<nav>``, a ``<header>`` of the site or a menu."""
    parent = el.getparent()
    hops = 0
    while parent is not None and hops < 12:
        if parent.tag == "nav" or (parent.get("role") or "") in ("menu", "navigation", "menubar"):
            return True
        parent, hops = parent.getparent(), hops + 1
    return False


def _aside(el: etree._Element) -> bool:
    """Whether ``el`` stands inside comments, related stories, a sidebar, a footer or
    navigation (looking up to the article's own container)."""
    parent = el.getparent()
    hops = 0
    while parent is not None and hops < 25 and parent.tag not in _ARTICLE_TAGS:
        if parent.tag in _ASIDE_TAGS:
            return True
        names = ((parent.get("class") or "") + " " + (parent.get("id") or "")).casefold()
        if names.strip() and _aside_names(names):
            return True
        parent, hops = parent.getparent(), hops + 1
    return False


@lru_cache(maxsize=4096)
def _dated_names(names: str) -> bool:
    """Class and id names of a date or byline, not of an aside (cached: pure)."""
    low = names.casefold()
    return bool(_DATE_CLASS.search(low)) and not _aside_names(low)


@lru_cache(maxsize=4096)
def _aside_names(names: str) -> bool:
    """Class and id names of comments, related stories, sidebars, footers (cached: pure)."""
    return any(part in _ASIDE_PARTS for token in names.split() for part in _CLASS_PARTS.split(token))


# Elements read for page-level signals only (or not at all); their own text and class are
# not content.
_HEAD_TAGS = frozenset(["meta", "script", "title", "link", "style", "noscript", "svg", "template"])


def _head_signal(el: etree._Element, tag: str, s: Signals) -> None:
    """``<meta>`` values, JSON-LD scripts, the ``<title>``, canonical and image links."""
    if tag == "meta":
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            s.meta.setdefault(key.strip().casefold(), []).append(content.strip())
    elif tag == "script":
        if (el.get("type") or "").strip().casefold() == "application/ld+json" and el.text:
            s.jsonld.append(el.text)
    elif tag == "title":
        if s.title is None:
            s.title = _text(el, 400) or None
    elif tag == "link":
        rel = (el.get("rel") or "").casefold().split()
        href = el.get("href")
        if href:
            if "canonical" in rel and s.canonical is None:
                s.canonical = href.strip()
            elif "image_src" in rel:
                s.image_src = href.strip()


# a link to an author's page: a path segment of every phrase file's ``author_paths`` followed by
# the author's own segment ("/author/jane-doe/"), or an author query ("?author=jane")
_AUTHOR_PATHS = lexicon.terms("author_paths")
_AUTHOR_HREF = regex.compile(
    r"/" + phrase_alternation(_AUTHOR_PATHS) + r"/[^/?#]{2,80}/?(?:[?#].*)?$|[?&]_?author=[^&#]{2,80}",
    regex.IGNORECASE,
)
# one scan for the words one of which every href that _AUTHOR_HREF matches holds (a cheap
# test first; stdlib ``re``: a literal alternation cannot backtrack, and it runs on every link
# of the page, where ``regex``'s per-call overhead would show)
_AUTHOR_HREF_HINT = re.compile("|".join(map(re.escape, sorted({*_AUTHOR_PATHS, "author"}))))
# the whole text of a label before the author's name ("Written by", "About the author"), and the
# labels that open an author element's text ("By Jane Doe"): ``author_labels``, ``author_lead_labels``
_LABELS = frozenset(lexicon.terms("author_labels"))
_LABEL_STARTS = tuple(label + " " for label in lexicon.terms("author_lead_labels"))

_BYLINE_HINTS = tuple(sorted(_BYLINE_PARTS))  # a class attribute holding none has no byline class
_DEK_HINTS = (
    "dek",
    "chap",
    "entradilla",
    "sumario",
    "sommario",
    "vorspann",
    "anreisser",
    "desc",
    "deck",
    "standfirst",
    "sub",
    "strapline",
    "kicker",
    "summary",
    "intro",
    "lead",
    "lede",
    "teaser",
    "excerpt",
)


@lru_cache(maxsize=4096)
def _class_kind(cls: str) -> tuple[bool, bool]:
    """Whether a class attribute marks a byline element, a dek element (cached: pure)."""
    low = cls.casefold()
    byline = dek = False
    if any(h in low for h in _BYLINE_HINTS):
        byline = any(_is_byline_class(t) for t in low.split())
    if any(h in low for h in _DEK_HINTS):
        dek = any(
            _DEK_CLASS.search(t, timeout=REGEX_TIMEOUT) and not _NOT_DEK.search(t, timeout=REGEX_TIMEOUT)
            for t in low.split()
        )
    return byline, dek


def _is_byline_class(token: str) -> bool:
    """``byline``, ``post-author``, ``author__name``, ``publish-date-author``: yes;
    ``comment-author``, ``author-avatar``, ``summary-item-has-author``: no."""
    parts = _CLASS_PARTS.split(token)
    where = [i for i, p in enumerate(parts) if p in _BYLINE_PARTS]
    if not where:
        return False
    first = where[0]
    for i, p in enumerate(parts):
        if p in _NOT_BYLINE and not (p in ("date", "time") and (i < first or "byline" in parts)):
            return False
    return True


def first_meta(meta: dict[str, list[str]], keys: tuple[str, ...]) -> tuple[str, str] | None:
    for key in keys:
        for value in meta.get(key, ()):
            if value:
                return value, key
    return None


def meta_source(key: str) -> str:
    if key.startswith(("og:", "article:")):
        return "meta:og"
    if key.startswith("twitter:"):
        return "meta:twitter"
    if key.startswith(("dc.", "dcterms.")):
        return "meta:dc"
    if key.startswith("parsely"):
        return "meta:parsely"
    if key.startswith("sailthru"):
        return "meta:sailthru"
    if key.startswith("citation_"):
        return "meta:citation"
    return "meta:" + key
