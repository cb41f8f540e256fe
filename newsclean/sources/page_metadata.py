"""The page's metadata (:class:`~newsclean.metadata.PageMetadata`) into a document."""

from __future__ import annotations

from newsclean.document import METADATA_FIELDS, Document
from newsclean.metadata import PageMetadata

__all__ = ["fill_metadata"]


def fill_metadata(doc: Document, page: PageMetadata, url: str | None) -> None:
    """Fill the document's metadata from the page markup (newsclean.metadata), with sources."""
    for name in METADATA_FIELDS:
        value = getattr(page, name, None)
        if value and name != "authors":
            doc.set_meta(name, value, source=page.sources.get(name, "html"))
    if page.authors:
        doc.add_authors(page.authors, source=page.sources.get("authors", "html"))
    if page.canonical_url and not url:
        doc.set_meta("url", page.canonical_url, source=page.sources.get("canonical_url", "html"))
