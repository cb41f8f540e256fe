"""``calls_to_action``: sales and engagement pitches closing the article."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import compile_phrases, match


@dataclass(frozen=True)
class CallsToAction(LexiconFilter):
    """Remove calls to action among the last blocks of the body.

    Removes short blocks near the end that open with a pitch (``cta_phrases`` of
    :mod:`newsclean.lexicon`)::

        Book a demo to see how our platform can help your restaurant thrive.
        Start your free trial today.
        Enjoy the post? Pin it for later!
        Thanks for reading! Like this story? Share it with a friend!
        Jetzt kostenlos testen und mehr erfahren.

    Only the last ``edge`` blocks are looked at, and only blocks of at most ``max_words``
    words: "Learn more about the vaccine trial in our guide." in the middle of a story is
    body text. Headings above a removed pitch are not touched.
    """

    name: ClassVar[str] = "calls_to_action"
    extra_phrases: tuple[str, ...] = ()
    edge: int = 4
    max_words: int = 45

    @cached_property
    def _pattern(self) -> regex.Pattern[str]:
        return compile_phrases(self.terms("cta_phrases", self.extra_phrases), prefix=LEAD_NOISE, suffix=r"(?!\w)")

    def __call__(self, doc: Document) -> None:
        removed = True
        while removed:  # a removal brings an earlier block within the edge: settle
            removed = False
            for block in doc.blocks[-self.edge :]:
                if block.kind in (Kind.CODE, Kind.TABLE) or block.n_words > self.max_words:
                    continue
                m = match(self._pattern, block.text)
                if m:
                    doc.remove(block, filter=self.name, reason=f"call to action: starts with {m.group(0).strip()!r}")
                    removed = True
