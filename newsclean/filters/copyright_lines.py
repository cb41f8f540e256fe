"""``copyright_lines``: copyright and rights lines ("© 2024 Example Media. All rights reserved.")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import REGEX_TIMEOUT, PhraseSearch


@dataclass(frozen=True)
class CopyrightLines(LexiconFilter):
    """Remove copyright and rights lines: ``"© 2024 Example Media. All rights reserved."``,
    ``"Copyright 2020 The Associated Press."``, ``"Alle Rechte vorbehalten."``.

    A block goes when it is short (``max_words``) and either opens with ``©``, ``(c)`` or
    ``Copyright`` followed by a year, symbol or "by", or holds a rights phrase. A sentence
    about copyright ("The copyright lawsuit was filed Tuesday.") stays.
    """

    name: ClassVar[str] = "copyright_lines"
    extra_phrases: tuple[str, ...] = ()
    max_words: int = 40

    @cached_property
    def _opening(self) -> regex.Pattern[str]:
        return regex.compile(LEAD_NOISE + r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}|by\b))", regex.IGNORECASE)

    @cached_property
    def _phrases(self) -> PhraseSearch:
        return PhraseSearch.of(self.terms("copyright_phrases", self.extra_phrases))

    @staticmethod
    def _could_open(block: Block) -> bool:
        """The cheap pretest of :attr:`_opening`: past the signs it allows in front, a
        copyright line opens with "©" (a sign: within the first 41 characters), "(c)" or
        "copyright", which may be glued to the year ("Copyright2024"): its first word
        starts with "c"."""
        return block.lead_word[:1] == "c" or "©" in block.text[:41]

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE or block.n_words > self.max_words:
                continue
            if self._could_open(block) and self._opening.match(block.text, timeout=REGEX_TIMEOUT):
                doc.remove(block, filter=self.name, reason="copyright line")
            elif self._phrases.search(block.text):
                doc.remove(block, filter=self.name, reason="rights notice")
