"""``calls_to_action``: sales and engagement pitches closing the article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean.document import Document, Kind
from newsclean.filters.base import PhrasePromptFilter


@dataclass(frozen=True)
class CallsToAction(PhrasePromptFilter):
    """Remove calls to action among the last blocks of the body.

    Removes short blocks near the end that open with a pitch (``cta_phrases`` of
    :mod:`newsclean.lexicon`)::

        Book a demo to see how our platform can help your restaurant thrive.
        Start your free 30-day pass with the example app.
        Enjoyed this article? Share it with a friend!
        Thanks for reading! Like this story? Share it with a friend!
        Jetzt bestellen und mehr erfahren.

    Only the last ``edge`` blocks are looked at, and only blocks of at most ``max_words``
    words (tables never): "Learn more about the vaccine trial in our guide." in the
    middle of a story is body text. Headings above a removed pitch are not touched.
    """

    name: ClassVar[str] = "calls_to_action"
    lexicon_key: ClassVar[str] = "cta_phrases"
    reason: ClassVar[str] = "call to action"
    edge: int = 4
    max_words: int = 45

    def __call__(self, doc: Document) -> None:
        removed = True
        while removed:  # a removal brings an earlier block within the edge: settle
            removed = False
            for block in doc.blocks[-self.edge :]:
                if block.kind is not Kind.TABLE and (m := self._prompt(block)):
                    self._remove(doc, block, m)
                    removed = True
