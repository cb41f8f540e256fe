"""Page metadata: authors, dates, titles, site names, and where each came from.

``extract(html, tree=None, url=None)`` reads an HTML page's markup (JSON-LD, meta tags,
byline elements, ``<title>``/``<h1>``, ...) into a :class:`PageMetadata`;
:mod:`newsclean.metadata.authors` parses byline text for the filters.
"""

from newsclean.metadata.page import PageMetadata, extract

__all__ = ["PageMetadata", "extract"]
