"""Page metadata from HTML: :func:`extract` gathers every signal in one walk over the tree
and picks each field by a fixed order of preference, recording the source it came from.

Order of preference (the first source that has a usable value wins; see the README):

- ``title``: JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``, each with
  site-name affixes removed; a candidate the page's ``<h1>`` confirms beats one it does not.
- ``authors`` / ``author_organizations``: JSON-LD ``author``, meta tags (``author``,
  ``article:author``, ``parsely-author``, ``sailthru.author``, Dublin Core, ``byl``),
  microdata ``itemprop=author``, ``rel=author`` links, byline elements.
- ``published`` / ``modified``: JSON-LD, meta tags, ``<time>`` / ``itemprop``; htmldate
  for pages that state no publication date in markup.
- ``site_name``, ``language``, ``canonical_url``, ``description``, ``section``, ``tags``,
  ``image``, ``subtitle``: markup, as listed in :data:`FIELD_SOURCES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import regex
from lxml import etree

from newsclean.metadata import dates, jsonld
from newsclean.metadata.names import classify, clean_author, name_key, same_person, unique_people
from newsclean.metadata.titles import clean_title, same_title, title_key
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["PageMetadata", "extract"]

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
_DOMAIN_LIKE = regex.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_OWN_STAFF = frozenset(["team", "staff", "editors", "desk", "redaktion", "newsroom"])
_CLASS_PARTS = regex.compile(r"[-_]+")
_BYLINE_PARTS = frozenset(
    [
        "byline",
        "author",
        "authors",
        "authorname",
        "author-name",
        "writer",
        "autor",
        "autorin",
        "verfasser",
        "byl",
        "bylines",
        "contributor",
        "contributors",
    ]
)
_DEK_CLASS = regex.compile(
    r"(?:^|[-_])(?:dek|deck|standfirst|sub-?title|sub-?headline|subhead|strapline|kicker-text|article-?summary|"
    r"article-?intro|article-?lead|lede|teaser-?text|intro-?text|summary-?text|excerpt)(?:$|[-_])",
    regex.IGNORECASE,
)
_NOT_DEK = regex.compile(r"menu|nav|card|item|list|related|footer|widget|promo|sidebar|block-setting", regex.IGNORECASE)
_SPACE = regex.compile(r"\s+")

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
AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "dc.creator.name",
    "citation_author",
    "citation_authors",
    "dc.contributor",
    "byl",
    "article.author",
    "cxenseparse:author",
    "authors",
)


@dataclass
class PageMetadata:
    """What the page's markup says about the article; ``sources`` names each field's origin."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    author_organizations: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: Any, source: str) -> bool:
        if not value or getattr(self, name):
            return False
        setattr(self, name, value)
        self.sources[name] = source
        return True


@dataclass
class _Signals:
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
    deks: list[str] = field(default_factory=list)
    time_published: list[str] = field(default_factory=list)
    image_src: str | None = None
    page_url: str | None = None  # the canonical URL, else the URL passed in


def _text(el: etree._Element, limit: int = 600) -> str:
    try:
        raw = "".join(el.itertext())
    except ValueError:
        return ""
    return _SPACE.sub(" ", raw[: limit * 2], timeout=REGEX_TIMEOUT).strip()[:limit]


def _spaced_text(el: etree._Element, limit: int = 300) -> str:
    """Text with a space between elements (``<span>Jane Doe</span><span>Editor</span>``)."""
    try:
        raw = " ".join(t for t in el.itertext() if t)
    except ValueError:
        return ""
    return _SPACE.sub(" ", raw[: limit * 2], timeout=REGEX_TIMEOUT).strip()[:limit]


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


def _collect(tree: etree._Element) -> _Signals:
    s = _Signals()
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    s.lang = lang
    for el in root.iter(etree.Element):  # elements only: no comments or processing instructions
        tag = el.tag
        if tag in _HEAD_TAGS:
            _head_signal(el, tag, s)
            continue
        if tag == "h1":
            text = _text(el, 400)
            if text:
                s.h1.append(text)
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
            elif label.startswith(_LABEL_STARTS) and len(own.split()) <= 8:
                full = _spaced_text(el)
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
            if dek and len(s.deks) < 4:
                text = _text(el, 1200)
                if text and 4 <= len(text.split()) <= 80:
                    s.deks.append(text)
    return s


# Elements read for page-level signals only (or not at all); their own text and class are
# not content.
_HEAD_TAGS = frozenset(["meta", "script", "title", "link", "style", "noscript", "svg", "template"])


def _head_signal(el: etree._Element, tag: str, s: _Signals) -> None:
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


_AUTHOR_HREF = regex.compile(
    r"/(?:author|authors|autor|autoren|writers?|contributors?|people|journalists?|reporters?|byline|profiles?|"
    r"producers|staff|team-member|redaktion/autor)/[^/?#]{2,80}/?(?:[?#].*)?$|[?&]_?author=[^&#]{2,80}",
    regex.IGNORECASE,
)
# words one of which every href that _AUTHOR_HREF matches holds (a cheap test first)
_AUTHOR_HREF_HINTS = (
    "author",
    "autor",
    "writer",
    "contributor",
    "people",
    "journalist",
    "reporter",
    "byline",
    "profile",
    "producers",
    "staff",
    "team-member",
)
# one scan for all of them (stdlib ``re``: a literal alternation cannot backtrack, and it
# runs on every link of the page, where ``regex``'s per-call overhead would show)
_AUTHOR_HREF_HINT = re.compile("|".join(map(re.escape, _AUTHOR_HREF_HINTS)))
_LABELS = frozenset(
    [
        "by",
        "written by",
        "words by",
        "story by",
        "posted by",
        "authored by",
        "author",
        "authors",
        "reported by",
        "byline",
        "von",
        "verfasst von",
        "geschrieben von",
        "autor",
        "autorin",
        "autoren",
        "par",
        "écrit par",
        "article by",
        "post by",
        "about the author",
        "about the authors",
        "meet the author",
        "über den autor",
        "über die autorin",
        "zum autor",
        "zur autorin",
    ]
)
_LABEL_STARTS = ("by ", "written by ", "posted by ", "authored by ", "von ", "verfasst von ", "geschrieben von ")
_LEAD_LABEL = regex.compile(r"^(?:written\s+by|posted\s+by|authored\s+by|by|von|verfasst\s+von)\s*:?\s*", regex.I)
_TITLE_PIECES = regex.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_BYLINE_HINTS = ("auth", "byline", "by-line", "writer", "autor", "verfasser")
_DEK_HINTS = (
    "dek",
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


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> tuple[str, str] | None:
    for key in keys:
        for value in meta.get(key, ()):
            if value:
                return value, key
    return None


def _meta_source(key: str) -> str:
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


def _load_tree(html: str) -> Any:
    from newsclean.sources.parse import parse_html

    return parse_html(html)


def extract(html: str, tree: Any = None, url: str | None = None) -> PageMetadata:
    """The metadata of an HTML page. Pass ``tree`` (an lxml tree of ``html``) to skip
    parsing; it is read, never changed."""
    out = PageMetadata()
    if tree is None:
        tree = _load_tree(html)
    if tree is None:
        return out
    sig = _collect(tree)
    blocks = jsonld.load_blocks(sig.jsonld)
    articles, pages, by_id = jsonld.article_objects(blocks)
    art = _main_article(articles, sig, url)
    page = pages[0] if pages else {}
    meta = sig.meta

    _site_name(out, meta, art, page, blocks)
    _urls(out, sig, art, page, url)
    sig.page_url = out.canonical_url or url
    _title(out, sig, meta, art, page)
    _authors(out, sig, meta, art, articles, by_id)
    _dates(out, sig, meta, art, page, tree, html, url)
    _rest(out, sig, meta, art, page)
    return out


def _main_article(articles: list[dict], sig: _Signals, url: str | None) -> dict:
    """The article object about this page: the one whose headline is the page's title or
    ``<h1>``, or whose URL is the page's; else the first."""
    if len(articles) <= 1:
        return articles[0] if articles else {}
    titles = [t for t in [sig.title, *sig.h1[:3], *sig.meta.get("og:title", [])[:1]] if t]
    urls = {u.rstrip("/") for u in (url, sig.canonical, *sig.meta.get("og:url", [])[:1]) if u}
    for obj in articles:
        headline = jsonld.text_of(obj.get("headline")) or jsonld.text_of(obj.get("name")) or ""
        if headline and any(same_title(headline, t) or title_key(headline) in title_key(t) for t in titles):
            return obj
        own = jsonld.text_of(obj.get("url")) or jsonld.text_of(obj.get("mainEntityOfPage")) or ""
        if own and own.rstrip("/") in urls:
            return obj
    return articles[0]


# -- fields -------------------------------------------------------------------------
def _site_name(out: PageMetadata, meta: dict[str, list[str]], art: dict, page: dict, blocks: list) -> None:
    got = _first(meta, ("og:site_name",))
    if got:
        out.set("site_name", got[0], "meta:og")
    publisher = jsonld.text_of(art.get("publisher")) or jsonld.text_of(page.get("publisher"))
    if publisher and not publisher.startswith(("http", "#", "/")):
        out.set("site_name", publisher, "json-ld")
    for block in blocks:
        for obj in jsonld._walk(block):
            if jsonld.types_of(obj) & {"website"}:
                name = jsonld.text_of(obj.get("name"))
                if name and not name.startswith("http"):
                    out.set("site_name", name, "json-ld")
    got = _first(meta, ("application-name", "apple-mobile-web-app-title"))
    if got:
        out.set("site_name", got[0], _meta_source(got[1]))


def _urls(out: PageMetadata, sig: _Signals, art: dict, page: dict, url: str | None) -> None:
    def absolute(href: str | None) -> str | None:
        if not href or href.startswith(("javascript:", "#", "data:")):
            return None
        full = urljoin(url, href) if url else href
        return full if urlsplit(full).scheme in ("http", "https") else None

    out.set("canonical_url", absolute(sig.canonical), "link:canonical")
    got = _first(sig.meta, ("og:url",))
    if got:
        out.set("canonical_url", absolute(got[0]), "meta:og")
    for obj in (art, page):
        value = obj.get("url") or obj.get("mainEntityOfPage")
        out.set("canonical_url", absolute(jsonld.text_of(value)), "json-ld")


def _title(out: PageMetadata, sig: _Signals, meta: dict[str, list[str]], art: dict, page: dict) -> None:
    site_names = [n for n in (out.site_name, _host_name(sig.page_url)) if n]
    candidates: list[tuple[str, str]] = []
    headline = jsonld.text_of(art.get("headline")) or jsonld.text_of(art.get("name"))
    if headline:
        candidates.append((headline, "json-ld"))
    for key in ("og:title", "twitter:title"):
        got = _first(meta, (key,))
        if got:
            candidates.append((got[0], _meta_source(key)))
    for value in sig.itemprop.get("headline", [])[:1]:
        candidates.append((value, "microdata"))
    if sig.title:
        candidates.append((sig.title, "html:title"))
    raw = [c for c, _ in candidates]
    cleaned = [(clean_title(c, site_names, raw + sig.h1[:3]), src) for c, src in candidates]
    cleaned = [(c, src) for c, src in cleaned if c]
    h1s = [h for h in sig.h1[:5] if 0 < len(h.split()) <= 40]
    # a candidate confirmed by an <h1> wins; then the first in order of preference
    for c, src in cleaned:
        if any(same_title(c, h) for h in h1s):
            out.set("title", c, src)
            return
    # an <h1> that a candidate contains (the candidate had an affix we did not recognise)
    for h in h1s:
        if any(name_key(h) and name_key(h) in name_key(c) and len(h) >= 0.5 * len(c) for c, _ in candidates):
            out.set("title", h, "html:h1")
            return
    # the headline readers see: an <h1> about the same thing as the metadata titles (these
    # are often SEO variants of it), and not the site's name
    for h in h1s[:2]:
        if len(h.split()) < 2 or any(_compact_key(h) == _compact_key(n) for n in site_names):
            continue
        if not cleaned or max(_overlap(h, c) for c, _ in cleaned) >= 0.3:
            out.set("title", h, "html:h1")
            return
    if cleaned:
        out.set("title", cleaned[0][0], cleaned[0][1])


def _compact_key(text: str) -> str:
    return title_key(text).replace(" ", "")


def _overlap(a: str, b: str) -> float:
    """Share of ``a``'s longer words that ``b`` has too."""
    wa = {w for w in title_key(a).split() if len(w) > 3}
    wb = set(title_key(b).split())
    return len(wa & wb) / len(wa) if wa else 0.0


def _host_name(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp")]
    return parts[-2] if len(parts) >= 2 else None


def _authors(
    out: PageMetadata,
    sig: _Signals,
    meta: dict[str, list[str]],
    art: dict,
    articles: list[dict],
    by_id: dict[str, dict],
) -> None:
    site_keys = {name_key(n) for n in (out.site_name,) if n}
    site_names = tuple(n for n in (out.site_name, _host_name(sig.page_url)) if n)
    title_by = None
    for t in [sig.title, *meta.get("og:title", [])[:1]]:
        for piece in _TITLE_PIECES.split(t or "", timeout=REGEX_TIMEOUT)[1:]:
            if piece.casefold().startswith("by ") and len(piece.split()) <= 7:
                title_by = piece
    evidence: list[tuple[str, list[str], list[str]]] = []  # (source, persons, organisations)

    def add(source: str, raws: list[tuple[str, str]], *, strict: bool = False) -> None:
        persons: list[str] = []
        orgs: list[str] = []
        for raw, kind in raws:
            if kind == "organization":
                if classify(raw) != "junk":
                    orgs.append(raw.strip())
                continue
            p, o = clean_author(raw, site_names=site_names)
            orgs.extend(o)
            for name in p:
                if name_key(name) in site_keys or (kind != "person" and _is_site_like(name, out, sig.page_url)):
                    orgs.append(name)
                else:
                    persons.append(name)
        if strict:  # weak evidence: only name-shaped persons, no organisations
            persons = [p for p in persons if _name_shaped(p)]
            orgs = [o for o in orgs if o.split()[-1].casefold() in _OWN_STAFF]  # "The Meetingnotes Team"
        if persons or orgs:
            evidence.append((source, persons, orgs))

    for obj in [art, *(a for a in articles[:3] if a is not art)]:
        if obj.get("author") is not None or obj.get("creator") is not None:
            add("json-ld", jsonld.author_entries(obj.get("author") or obj.get("creator"), by_id))
            break
    for key in AUTHOR_META:
        values = [v for v in meta.get(key, ()) if not v.startswith(("http://", "https://", "/"))]
        if key == "citation_author":  # "Last, First" per value
            values = [" ".join(reversed(v.split(",", 1))).strip() if v.count(",") == 1 else v for v in values]
        if values:
            add(_meta_source(key), [(v, "") for v in values[:10]])
    for n in ("1", "2"):
        label = (meta.get(f"twitter:label{n}") or [""])[0].casefold()
        if label in ("written by", "author", "authors", "geschrieben von", "verfasst von", "autor"):
            add("meta:twitter", [(v, "") for v in meta.get(f"twitter:data{n}", [])[:1]])
    if sig.itemprop.get("author") or sig.itemprop.get("creator"):
        add("microdata", [(v, "") for v in (sig.itemprop.get("author") or sig.itemprop["creator"])[:1]])
    bylines = sig.bylines
    for i, text in enumerate(bylines):
        # a byline element nested in this one (its text a part of this one's) is more precise:
        # "Matt Check Head Winemaker, Co-Founder" holds "Matt Check"
        if i + 1 < len(bylines) and bylines[i + 1] in text and bylines[i + 1] != text:
            inner = clean_author(bylines[i + 1], site_names=site_names)[0]
            if inner and any(same_person(inner[0], p) or p.startswith(inner[0]) for p in clean_author(text)[0]):
                continue
        n = len(evidence)
        add("byline-element", [(text, "")])
        if len(evidence) > n:
            break
    for text in sig.labelled:
        add("byline-label", [(text, "")], strict=True)
        if evidence and evidence[-1][0] == "byline-label":
            break
    for src, links in (("link:rel-author", sig.rel_author), ("link:author-page", sig.author_links)):
        if links:
            names = _first_cluster(links)
            add(src, [(t, "") for t in names if _slug_names(t, links)])
            add(src, [(t, "") for t in names if not _slug_names(t, links)], strict=True)
    if title_by:
        add("html:title", [(title_by, "")])

    chosen: list[str] = []
    source = ""
    first = -1
    for i, (src, persons, _) in enumerate(evidence):
        if persons:
            chosen, source, first = list(persons), src, i
            break
    if chosen:
        # a later source that names one of the chosen authors may name co-authors too
        # (markup lists - byline elements, author-page links - are not used for this: they
        # mix in reviewers, editors and labels)
        for i, (src, persons, _) in enumerate(evidence):
            if i == first:
                continue
            agrees = src.startswith(("json-ld", "meta:")) and any(same_person(p, c) for p in persons for c in chosen)
            if agrees:
                chosen[:] = unique_people(chosen + persons)
    orgs: list[str] = []
    for _, _, o in evidence:
        orgs.extend(x for x in o if not any(name_key(x) == name_key(y) for y in orgs))
    if any(not _DOMAIN_LIKE.fullmatch(o) for o in orgs):  # "etimes.in" beside a real byline is the CMS default
        orgs = [o for o in orgs if not _DOMAIN_LIKE.fullmatch(o)]
    out.set("authors", chosen, source)
    if orgs:
        out.set("author_organizations", orgs, next(src for src, _, o in evidence if o))


_NAME_SEPARATOR = regex.compile(r"\s*(?:,|&|\band\b|\bund\b)\s*")


def _name_shaped(text: str) -> bool:
    """Weak evidence (a label's neighbour, an author-page link) must look like names:
    2-5 capitalised words per name, after the byline word."""
    text = _LEAD_LABEL.sub("", text.strip(), timeout=REGEX_TIMEOUT)
    for part in _NAME_SEPARATOR.split(text, timeout=REGEX_TIMEOUT):
        words = part.split()
        if not words:
            continue
        if not 2 <= len(words) <= 5:
            return False
        if not all(w[:1].isupper() or w in ("von", "van", "de", "der", "den", "da", "di", "la", "le") for w in words):
            return False
    return True


def _slug_names(text: str, links: list[tuple[str, Any]]) -> bool:
    """An author-page link whose address ends in the link text (``/author/amanda/`` ↔ "Amanda")."""
    key = name_key(text).replace(" ", "-")
    for t, el in links:
        if t == text:
            slug = (el.get("href") or "").rstrip("/").rsplit("/", 1)[-1].casefold()
            return bool(key) and slug == key
    return False


def _first_cluster(links: list[tuple[str, Any]]) -> list[str]:
    """The first link's text and those of links close to it (same grandparent): a
    byline's co-authors, not the authors of a related-articles list further down."""
    first = links[0][1]
    parent = first.getparent()
    scope = parent.getparent() if parent is not None and parent.getparent() is not None else parent
    names = [links[0][0]]
    for text, el in links[1:]:
        p = el.getparent()
        if p is not None and (p is parent or p.getparent() is scope) and text not in names:
            names.append(text)
    return names[:6]


def _is_site_like(name: str, out: PageMetadata, page_url: str | None) -> bool:
    """A one-word "author" that is the site's name or host (``"ServiceTitan"``)."""
    key = name_key(name).replace(" ", "")
    host = (_host_name(page_url) or "").casefold()
    site = name_key(out.site_name or "").replace(" ", "")
    return bool(key) and (key in (host, site))


def _dates(
    out: PageMetadata,
    sig: _Signals,
    meta: dict[str, list[str]],
    art: dict,
    page: dict,
    tree: Any,
    html: str,
    url: str | None,
) -> None:
    published: list[tuple[str, str]] = []  # every structured publication date, in order of preference
    for key in ("datePublished", "dateCreated", "uploadDate"):
        published.append((jsonld.text_of(art.get(key)) or "", "json-ld"))
    out.set("modified", dates.normalize(jsonld.text_of(art.get("dateModified"))), "json-ld")
    for key in PUBLISHED_META:
        published.extend((v, _meta_source(key)) for v in meta.get(key, ())[:1])
    for key in MODIFIED_META:
        for value in meta.get(key, ())[:1]:
            out.set("modified", dates.normalize(value), _meta_source(key))
    published.extend((v, "microdata") for v in sig.itemprop.get("datepublished", [])[:1])
    for value in sig.itemprop.get("datemodified", [])[:1]:
        out.set("modified", dates.normalize(value), "microdata")
    published.extend((v, "html:time") for v in sig.time_published[:1])
    published.append((jsonld.text_of(page.get("datePublished")) or "", "json-ld"))
    out.set("modified", dates.normalize(jsonld.text_of(page.get("dateModified"))), "json-ld")
    candidates = [(d, src) for d, src in ((dates.normalize(v), src) for v, src in published) if d]
    first_raw = next((v for v, _ in published if dates.normalize(v)), "")
    if candidates and not dates.is_iso(first_raw):
        # schema.org dates are ISO 8601; "Jun 24, 2025" in JSON-LD is a hand-filled template
        # (often the site's last deploy): the page's own date display decides, if it has one
        found = dates.htmldate_published(tree, html, url=url, max_date=None)
        if found:
            out.set("published", found, "htmldate")
    if candidates:
        best, src = candidates[0]
        # a publication stamp identical to the modification stamp is often the last save
        # time written into both; another structured source with an earlier date wins
        if out.modified and best == out.modified:
            stamp = dates.as_datetime(best)
            earlier = [(d, s) for d, s in candidates[1:] if (t := dates.as_datetime(d)) and stamp and t < stamp]
            if earlier and earlier[0][0][:10] != best[:10]:
                best, src = earlier[0]
        out.set("published", best, src)
    if not out.published:
        found = dates.htmldate_published(tree, html, url=url, max_date=out.modified)
        out.set("published", found, "htmldate")
    _url_day(out, url or out.canonical_url)
    # never later than the page's own latest date
    if out.published and out.modified:
        p, m = dates.as_datetime(out.published), dates.as_datetime(out.modified)
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
    local = dates.normalize(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    stamp = dates.as_datetime(out.published)
    if not local or not stamp or local == out.published[:10]:
        return
    if abs((stamp.date() - datetime.fromisoformat(local).date()).days) == 1:
        out.published = local
        out.sources["published"] += "+url"


def _rest(out: PageMetadata, sig: _Signals, meta: dict[str, list[str]], art: dict, page: dict) -> None:
    # language
    if sig.lang:
        out.set("language", _lang(sig.lang), "html:lang")
    out.set("language", _lang(jsonld.text_of(art.get("inLanguage")) or ""), "json-ld")
    got = _first(meta, ("content-language", "og:locale", "dc.language", "language"))
    if got:
        out.set("language", _lang(got[0]), _meta_source(got[1]))
    # description
    for key in ("og:description", "description", "twitter:description", "dc.description"):
        got = _first(meta, (key,))
        if got:
            out.set("description", got[0], _meta_source(key))
    out.set("description", jsonld.text_of(art.get("description")), "json-ld")
    # section and tags
    got = _first(meta, ("article:section", "parsely-section", "sailthru.section", "section"))
    if got:
        out.set("section", got[0], _meta_source(got[1]))
    out.set("section", jsonld.text_of(art.get("articleSection")), "json-ld")
    tags = meta.get("article:tag") or []
    if tags:
        out.set("tags", _split_tags(tags), "meta:og")
    keywords = art.get("keywords")
    if isinstance(keywords, list):
        out.set("tags", _split_tags([k for k in keywords if isinstance(k, str)]), "json-ld")
    elif isinstance(keywords, str):
        out.set("tags", _split_tags([keywords]), "json-ld")
    for key in ("news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
        if meta.get(key):
            out.set("tags", _split_tags(meta[key]), _meta_source(key))
    # image
    got = _first(meta, ("og:image", "og:image:url", "og:image:secure_url"))
    if got:
        out.set("image", got[0], "meta:og")
    out.set("image", jsonld.text_of(art.get("image")), "json-ld")
    got = _first(meta, ("twitter:image", "twitter:image:src"))
    if got:
        out.set("image", got[0], "meta:twitter")
    out.set("image", sig.image_src, "link:image_src")
    if out.image and out.canonical_url and not out.image.startswith(("http://", "https://")):
        out.image = urljoin(out.canonical_url, out.image)
    # subtitle: explicit dek markup only (a meta description is not a dek)
    for dek in sig.deks + sig.itemprop.get("alternativeheadline", []):
        if (not out.title or not same_title(dek, out.title)) and out.set("subtitle", dek, "html:dek"):
            break
    out.set("subtitle", jsonld.text_of(art.get("alternativeHeadline")), "json-ld")


_LANG_TAG = regex.compile(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


def _lang(value: str) -> str | None:
    m = _LANG_TAG.match(value or "", timeout=REGEX_TIMEOUT)
    return m.group(1).casefold() if m else None


def _split_tags(values: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for tag in value.split(","):
            tag = " ".join(tag.split())
            if tag and len(tag) <= 80 and tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
    return out[:50]
