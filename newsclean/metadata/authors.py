"""``authors`` and ``author_organizations`` from the page's markup: every source of author
names (JSON-LD, meta tags, microdata, byline elements, labelled bylines, author-page links,
the ``<title>``) gives evidence; the first source naming persons wins, and a structured
source that agrees with it may add co-authors."""

from __future__ import annotations

from typing import Any

import regex

from newsclean import lexicon
from newsclean.hosts import site_label
from newsclean.metadata import jsonld
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.names import classify, clean_author, name_key, same_person, unique_people
from newsclean.metadata.signals import Signals, meta_source
from newsclean.textutil import REGEX_TIMEOUT, compact_key, compile_phrases

__all__ = ["AUTHOR_META", "pick_authors"]

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


_DOMAIN_LIKE = regex.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_OWN_STAFF = frozenset(lexicon.terms("staff_words"))  # "The Example Team"
# "By Jane Doe", "Written by: Jane Doe": the labels of every phrase file's ``author_lead_labels``
_LEAD_LABEL = compile_phrases(lexicon.terms("author_lead_labels"), prefix="^", suffix=r"\s*:?\s*")
_TITLE_PIECES = regex.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def pick_authors(
    out: PageMetadata,
    sig: Signals,
    meta: dict[str, list[str]],
    art: dict[str, Any],
    articles: list[dict[str, Any]],
    by_id: dict[str, dict[str, Any]],
) -> None:
    site_keys = {name_key(n) for n in (out.site_name,) if n}
    site_names = tuple(n for n in (out.site_name, site_label(sig.page_url)) if n)
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
            add(meta_source(key), [(v, "") for v in values[:10]])
    for n in ("1", "2"):
        label = (meta.get(f"twitter:label{n}") or [""])[0].casefold()
        if label in ("written by", "author", "authors", "geschrieben von", "verfasst von", "autor"):
            add("meta:twitter", [(v, "") for v in meta.get(f"twitter:data{n}", [])[:1]])
    if sig.itemprop.get("author") or sig.itemprop.get("creator"):
        add("microdata", [(v, "") for v in (sig.itemprop.get("author") or sig.itemprop["creator"])[:1]])
    bylines = sig.bylines
    for i, text in enumerate(bylines):
        # a byline element nested in this one (its text a part of this one's) is more precise:
        # "Sam Vale Head Brewer, Co-Founder" holds "Sam Vale"
        if i + 1 < len(bylines) and bylines[i + 1] in text and bylines[i + 1] != text:
            inner = clean_author(bylines[i + 1], site_names=site_names)[0]
            if inner and any(same_person(inner[0], p) or p.startswith(inner[0]) for p in clean_author(text)[0]):
                continue
        before = len(evidence)
        add("byline-element", [(text, "")])
        if len(evidence) > before:
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
    key = compact_key(name)
    host = (site_label(page_url) or "").casefold()
    site = compact_key(out.site_name or "")
    return bool(key) and (key in (host, site))
