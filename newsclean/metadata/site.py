"""``site_name`` and ``canonical_url`` from the page's markup."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from newsclean.metadata import jsonld
from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.signals import Signals, first_meta, meta_source

__all__ = ["pick_canonical_url", "pick_site_name"]


def pick_site_name(out: PageMetadata, meta: dict[str, list[str]], art: dict, page: dict, blocks: list) -> None:
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


def pick_canonical_url(out: PageMetadata, sig: Signals, art: dict, page: dict, url: str | None) -> None:
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
