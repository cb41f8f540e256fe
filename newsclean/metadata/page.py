"""Page metadata from HTML: :func:`extract` gathers every signal in one walk over the tree
(:mod:`.signals`) and has each field picked by its module, recording the source it came from:

- ``site_name``, ``canonical_url``: :mod:`.site` (markup first; the ``<title>`` affix and
  the host's registered domain once the title is known);
- ``authors`` / ``author_organizations``: :mod:`.authors` with :mod:`.names`;
- ``published`` / ``modified``: :mod:`.dates`, weighing printed datelines
  (:mod:`.datelines`), ``<time>`` elements, structured data, the URL and htmldate;
- ``title``: :mod:`.titles`; ``subtitle``: :mod:`.deks` (the article header only);
- ``language``, ``description``, ``section``, ``tags``, ``image``: markup, here.

See the README's metadata table for every source in order of preference.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urljoin

import regex

from newsclean.metadata import jsonld
from newsclean.metadata.authors import pick_authors
from newsclean.metadata.dates import pick_dates
from newsclean.metadata.deks import pick_subtitle
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.signals import Signals, collect, first_meta, meta_source
from newsclean.metadata.site import complete_site_name, pick_canonical_url, pick_site_name
from newsclean.metadata.titles import pick_title, same_title, title_key
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["PageMetadata", "extract"]


def extract(tree: Any, *, url: str | None = None, html: str = "", now: str | date | None = None) -> PageMetadata:
    """The metadata of an HTML page from its parsed tree (see
    :func:`newsclean.sources.parse.parse_html`), which is read, never changed. ``html``, the
    page's markup, lets the date search tell a copyright year from a publication date."""
    out = PageMetadata()
    if tree is None:
        return out
    sig = collect(tree)
    out.signals = sig
    blocks = jsonld.load_blocks(sig.jsonld)
    articles, pages, by_id = jsonld.article_objects(blocks)
    art = _main_article(articles, sig, url)
    page = pages[0] if pages else {}
    meta = sig.meta

    pick_site_name(out, meta, art, page, blocks)
    pick_canonical_url(out, sig, art, page, url)
    sig.page_url = out.canonical_url or url
    pick_authors(out, sig, meta, art, articles, by_id)
    pick_dates(out, sig, meta, art, page, tree, html, url, now)
    # an article declares itself so (products, services and listings do not)
    article = bool(articles) or _og_type(meta) == "article"
    pick_title(out, sig, meta, art, page, article=article)
    complete_site_name(out, sig)
    pick_subtitle(out, sig, art, article=article)
    _rest(out, sig, meta, art, page)
    return out


def _og_type(meta: dict[str, list[str]]) -> str:
    got = first_meta(meta, ("og:type",))
    return got[0].strip().casefold() if got else ""


def _main_article(articles: list[dict[str, Any]], sig: Signals, url: str | None) -> dict[str, Any]:
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


def _rest(
    out: PageMetadata, sig: Signals, meta: dict[str, list[str]], art: dict[str, Any], page: dict[str, Any]
) -> None:
    # language
    if sig.lang:
        out.set("language", _lang(sig.lang), "html:lang")
    out.set("language", _lang(jsonld.text_of(art.get("inLanguage")) or ""), "json-ld")
    got = first_meta(meta, ("content-language", "og:locale", "dc.language", "language"))
    if got:
        out.set("language", _lang(got[0]), meta_source(got[1]))
    # description
    for key in ("og:description", "description", "twitter:description", "dc.description"):
        got = first_meta(meta, (key,))
        if got:
            out.set("description", got[0], meta_source(key))
    out.set("description", jsonld.text_of(art.get("description")), "json-ld")
    # section and tags
    got = first_meta(meta, ("article:section", "parsely-section", "sailthru.section", "section"))
    if got:
        out.set("section", got[0], meta_source(got[1]))
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
            out.set("tags", _split_tags(meta[key]), meta_source(key))
    # image
    got = first_meta(meta, ("og:image", "og:image:url", "og:image:secure_url"))
    if got:
        out.set("image", got[0], "meta:og")
    out.set("image", jsonld.text_of(art.get("image")), "json-ld")
    got = first_meta(meta, ("twitter:image", "twitter:image:src"))
    if got:
        out.set("image", got[0], "meta:twitter")
    out.set("image", sig.image_src, "link:image_src")
    if out.image and out.canonical_url and not out.image.startswith(("http://", "https://")):
        out.image = urljoin(out.canonical_url, out.image)


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
