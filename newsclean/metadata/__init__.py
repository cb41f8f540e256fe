"""Page metadata: authors, dates, titles, site names, and where each came from.

``extract(tree, url=None, html="")`` reads a parsed HTML page's markup into a
:class:`PageMetadata`: :mod:`.signals` walks the tree once, and :mod:`.titles`,
:mod:`.authors` (with :mod:`.names`), :mod:`.dates` and :mod:`.site` pick their fields from
what it found; :mod:`.page` assembles them. :mod:`.byline_parser` parses byline text for
the filters.
"""

from newsclean.metadata.fields import PageMetadata
from newsclean.metadata.page import extract

__all__ = ["PageMetadata", "extract"]
