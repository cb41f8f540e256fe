"""Where did the source's text go? The check the audit-trail tests share.

:func:`traced_clean` cleans a page while noting every block the source produced: the
extraction's blocks (before the HTML source's own steps, which may drop some: a JSON-LD
body used instead) and the document the source hands to the pipeline. :func:`unaccounted`
lists the words of those blocks that are neither in the body nor in a removal, a move or
an edit (the ``before`` side) of the article: an empty list means the audit trail is
complete.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from newsclean import Article, clean
from newsclean.audit import words as audit_words
from newsclean.document import Block, Document
from newsclean.sources.bodytree import body_blocks
from newsclean.sources.html import html_document
from newsclean.sources.text import text_document


def words(text: str) -> Counter[str]:
    """The words of ``text``, counted (split as :func:`newsclean.audit.words` splits them:
    a word glued to the next where a JSON-LD body lost a paragraph break counts)."""
    return Counter(audit_words(text))


@contextmanager
def _tracing() -> Iterator[list[list[Block]]]:
    """Patches the sources so that every list of blocks they produce is noted."""
    seen: list[list[Block]] = []

    def note_blocks(real: Callable[..., list[Block]]) -> Callable[..., list[Block]]:
        def wrapper(*args: Any, **kwargs: Any) -> list[Block]:
            blocks = real(*args, **kwargs)
            seen.append(list(blocks))
            return blocks

        return wrapper

    def note_document(real: Callable[..., Document]) -> Callable[..., Document]:
        def wrapper(*args: Any, **kwargs: Any) -> Document:
            doc = real(*args, **kwargs)
            seen.append(list(doc.blocks))
            return doc

        return wrapper

    with (
        mock.patch("newsclean.sources.html.body_blocks", note_blocks(body_blocks)),
        mock.patch("newsclean.api.html_document", note_document(html_document)),
        mock.patch("newsclean.api.text_document", note_document(text_document)),
    ):
        yield seen


def traced_clean(page: str | bytes, **options: Any) -> tuple[list[list[Block]], Article]:
    """``clean(page, **options)`` and the lists of blocks its source produced."""
    with _tracing() as seen:
        article = clean(page, **options)
    return seen, article


def unaccounted(produced: list[list[Block]], article: Article) -> list[tuple[str, int]]:
    """The words (with how many of each are missing) of the produced blocks that the
    article does not account for. Each list of blocks needs its words to be found; a word
    the source produced twice in one list (two paragraphs) must be found twice."""
    found = words(article.text)
    for removal in article.removed:
        found += words(removal.text)
    for move in article.moved:
        found += words(move.text)
    for edit in article.edits:
        found += words(edit.before)
    needed: Counter[str] = Counter()
    for blocks in produced:
        needed |= sum((words(b.text) for b in blocks), Counter())
    return sorted((w, n - found[w]) for w, n in needed.items() if n > found[w])
