"""``site_name`` and ``canonical_url``.

The site's name, in order of preference: ``og:site_name``; the JSON-LD publisher of the
article or page; a JSON-LD ``WebSite`` name; ``application-name``; then, once the title
is known (:func:`complete_site_name`), the name the ``<title>`` adds to the headline
(``"Headline | Example News"``), and last the host's registered domain
(``example.co.uk``, public-suffix aware), with the source ``"host"``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from newsclean.hosts import registered_domain
from newsclean.metadata import jsonld
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.signals import Signals, first_meta, meta_source
from newsclean.metadata.titles import title_affix

__all__ = ["complete_site_name", "pick_canonical_url", "pick_site_name"]


def pick_site_name(
    out: PageMetadata, meta: dict[str, list[str]], art: dict[str, Any], page: dict[str, Any], blocks: list[Any]
) -> None:
    got = first_meta(meta, ("og:site_name",))
    if got:
        out.set("site_name", got[0], "meta:og")
    publisher = jsonld.text_of(art.get("publisher")) or jsonld.text_of(page.get("publisher"))
    if publisher and not publisher.startswith(("http", "#", "/")):
        out.set("site_name", publisher, "json-ld")
    for block in blocks:
        for obj in jsonld.walk(block):
            if jsonld.types_of(obj) & {"website"}:
                name = jsonld.text_of(obj.get("name"))
                if name and not name.startswith("http"):
                    out.set("site_name", name, "json-ld")
    got = first_meta(meta, ("application-name", "apple-mobile-web-app-title"))
    if got:
        out.set("site_name", got[0], meta_source(got[1]))


def complete_site_name(out: PageMetadata, sig: Signals) -> None:
    """A site name for a page whose markup names none: the name its ``<title>`` (or
    ``og:title``) adds to the headline (source ``"title-affix"``), else its host's
    registered domain (source ``"host"``)."""
    if out.site_name:
        return
    og = first_meta(sig.meta, ("og:title",))
    for raw in (sig.title, og[0] if og else None):
        affix = title_affix(raw, out.title) if raw and out.title else None
        if affix:
            out.set("site_name", affix, "title-affix")
            return
    out.set("site_name", registered_domain(sig.page_url), "host")


def pick_canonical_url(
    out: PageMetadata, sig: Signals, art: dict[str, Any], page: dict[str, Any], url: str | None
) -> None:
    def absolute(href: str | None) -> str | None:
        if not href or href.startswith(("javascript:", "#", "data:")):
            return None
        full = urljoin(url, href) if url else href
        return full if urlsplit(full).scheme in ("http", "https") else None

    out.set("canonical_url", absolute(sig.canonical), "link:canonical")
    got = first_meta(sig.meta, ("og:url",))
    if got:
        out.set("canonical_url", absolute(got[0]), "meta:og")
    for obj in (art, page):
        value = obj.get("url") or obj.get("mainEntityOfPage")
        out.set("canonical_url", absolute(jsonld.text_of(value)), "json-ld")
