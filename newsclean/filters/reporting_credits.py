"""``reporting_credits``: reporting and editing credits closing the story."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import compile_phrases, match, phrase_alternation, search

_SKIP = (Kind.CODE, Kind.TABLE)


def _last(doc: Document, edge: int) -> list[Block]:
    return [b for b in doc.blocks[-edge:] if b.kind not in _SKIP]


@dataclass(frozen=True)
class ReportingCredits(LexiconFilter):
    """Remove reporting and editing credits among the last blocks of the body.

    Removes short blocks (``max_words``) in the last ``edge`` blocks that open with a
    credit (``credit_openers`` of :mod:`newsclean.lexicon`, then a capitalised name) or
    end with a contribution phrase (``contribution_phrases``)::

        Reporting by Jane Doe; Editing by John Roe
        (Reporting by Jane Doe, additional reporting by Max Muster)
        Associated Press writers Jane Doe and John Roe contributed to this report.
        Jane Doe contributed to this report from Hong Kong.

    The names are editors and helpers as much as authors: they do not go to ``authors``.
    A sentence about a report in the middle of the story ("She contributed to this
    report's findings ...") is not among the last blocks, or not short, and stays.
    """

    name: ClassVar[str] = "reporting_credits"
    edge: int = 4
    max_words: int = 60

    @cached_property
    def _opener(self) -> regex.Pattern[str]:
        opener = LEAD_NOISE + r"[(\[]?\s*"
        return compile_phrases(self.terms("credit_openers"), prefix=opener, suffix=r"(?-i:\s+\p{Lu})")

    @cached_property
    def _contribution(self) -> regex.Pattern[str]:
        # the phrase closes the block, maybe with a place: "... contributed to this report from Hong Kong."
        place = phrase_alternation(self.terms("place_prepositions"))
        return compile_phrases(
            self.terms("contribution_phrases"),
            prefix=r"(?<!\w)",
            suffix=r"(?:\s+" + place + r"\s[^.;\n]{1,60})?[\s.)\]]*$",
        )

    def __call__(self, doc: Document) -> None:
        removed = True
        while removed:  # a removal brings an earlier block within the edge: settle
            removed = False
            for block in _last(doc, self.edge):
                if block.n_words > self.max_words:
                    continue
                m = match(self._opener, block.text) or search(self._contribution, block.text)
                if m:
                    doc.remove(block, filter=self.name, reason=f"reporting credit ({m.group(0).strip(' ([')!r})")
                    removed = True
