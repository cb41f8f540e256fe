"""A second extractor's view of where the article is: readability-lxml's.

trafilatura and readability find the main content in different ways: trafilatura walks
XPath expressions for likely content containers and prunes what looks like furniture;
readability scores every paragraph's parent by its text, commas and class names, and
takes the best-scoring container with its siblings. Where one of them picks the wrong
region of a page, the other often picks the right one, so on a page whose extraction
looks doubtful the two views together say more than either alone.

:func:`readability_body` runs readability-lxml on the page tree and gives its article as
a body tree of the kind trafilatura gives (``p``, ``head``, ``list``/``item``, ``quote``,
``table``/``row``/``cell``, ``ref``; converted by trafilatura's own sanitizer, its
containers dissolved and loose text gathered into paragraphs), so that the rest of the
HTML source reads it like any other extraction. It costs about as much as a second
extraction and is only called on doubtful pages (:mod:`newsclean.sources.region`);
readability-lxml is imported on first use, so ``import newsclean`` does not pay for it.
"""

from __future__ import annotations

import copy
import logging
from functools import cache
from typing import Any

from lxml import etree

from newsclean.sources.flat_body import flatten_body

__all__ = ["readability_body"]

log: logging.Logger = logging.getLogger(__name__)


@cache
def _sanitizer() -> tuple[Any, Any]:
    """trafilatura's sanitizer of readability output and its options (built once)."""
    from trafilatura.external import sanitize_tree
    from trafilatura.settings import Extractor

    return sanitize_tree, Extractor(output_format="txt", comments=False, links=True, tables=True)


def readability_body(tree: etree._Element) -> etree._Element | None:
    """readability-lxml's article of ``tree`` as a flat body tree (``None`` when it finds
    none or fails). ``tree`` is left unchanged."""
    from readability import Document

    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
    except Exception as exc:  # readability raises on pages it cannot score
        log.debug("readability failed: %s", exc)
        return None
    if not summary.strip():
        return None
    import lxml.html

    sanitize, options = _sanitizer()
    try:
        article, _ = sanitize(lxml.html.fragment_fromstring(summary, create_parent="div"), options)
    except (etree.ParserError, ValueError) as exc:
        log.debug("readability output unreadable: %s", exc)
        return None
    if not "".join(article.itertext()).strip():
        return None
    etree.strip_tags(article, "div")  # containers dissolved: the blocks become children
    article.tag = "body"
    flatten_body(article)
    body: etree._Element = article
    return body
