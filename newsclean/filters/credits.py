"""``photo_credits``: photo and media credits, whole lines or trailing pieces of captions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import REGEX_TIMEOUT, phrase_alternation, word_count


@dataclass(frozen=True)
class PhotoCredits(LexiconFilter):
    """Remove photo credits.

    Whole blocks that are only a credit::

        Photo: AP                          Foto: dpa/Max Mustermann
        (Getty Images)                     Bild: imago images/Sven Simon
        AP Photo/Evan Vucci                Photo by Jane Doe on Unsplash

    and credits in parentheses inside a caption or paragraph, which are cut out:
    ``"The launch pad at dawn. (Photo: NASA)"`` → ``"The launch pad at dawn."``.
    A credit label must be followed by ``:`` (or "by"), and what follows must be short
    (``max_credit_words``): ``"Photo: ..."`` opening a long paragraph is not a credit.
    """

    name: ClassVar[str] = "photo_credits"
    extra_agencies: tuple[str, ...] = ()
    max_credit_words: int = 10

    @cached_property
    def _agencies(self) -> str:
        return phrase_alternation(self.terms("agencies", self.extra_agencies))

    @cached_property
    def _labels(self) -> str:
        return phrase_alternation(self.terms("credit_labels"))

    @cached_property
    def _whole(self) -> regex.Pattern[str]:
        label = r"(?:" + self._labels + r")\s*(?:(?:credit|by|von)\s*)?[:|/]\s*[^\n]{1,200}"
        by_line = r"(?:photo|image|foto|bild)s?\s+(?:by|von)\s+[^\n]{1,120}"
        agency = (
            r"(?:" + self._agencies + r")(?:\s*(?:photo|photos|images?|foto|bild))?(?:\s*[/|,]\s*[^\n/]{1,60}){0,3}"
        )
        return regex.compile(
            LEAD_NOISE + r"[(\[]?\s*(?:" + label + "|" + by_line + "|" + agency + r")\s*[)\]]?\.?",
            regex.IGNORECASE,
        )

    @cached_property
    def _inline(self) -> regex.Pattern[str]:
        inner = (
            r"(?:(?:" + self._labels + r")\s*(?:credit\s*)?:\s*[^()\n]{1,80}"
            r"|(?:" + self._agencies + r")(?:\s*(?:photo|images?|foto))?(?:\s*/\s*[^()\n]{1,60})?)"
        )
        return regex.compile(r"\s*\(\s*" + inner + r"\s*\)", regex.IGNORECASE)

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE:
                continue
            if word_count(block.text) <= self.max_credit_words + 3 and self._whole.fullmatch(
                block.text, timeout=REGEX_TIMEOUT
            ):
                doc.remove(block, filter=self.name, reason="photo credit")
                continue
            current = block
            while current is not None:
                m = self._inline.search(current.text, timeout=REGEX_TIMEOUT)
                if not m:
                    break
                current = doc.cut(current, m.start(), m.end(), filter=self.name, reason="photo credit in parentheses")
