"""What the shipped filters share: language options and the phrase-prompt filter shape."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean import lexicon
from newsclean.document import Block, Document, Kind
from newsclean.textutil import compile_phrases, first_words, match

# Leading decoration that does not change what a short block says: bullets, arrows, emoji,
# and the inverted marks opening a Spanish question or exclamation.
# Bounded: a block of 100,000 bullets would otherwise be re-tried at every one of them.
LEAD_NOISE = r"^[\s\p{So}\p{Sk}•·▪►▶→»>*#|–—¡¿-]{0,40}"


@dataclass(frozen=True)
class LexiconFilter:
    """Base of filters that read phrase lists from :mod:`newsclean.lexicon`.

    ``languages``: which phrase files to use (``None``: every shipped language).
    """

    name: ClassVar[str] = ""
    languages: tuple[str, ...] | None = None

    def terms(self, key: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        return lexicon.terms(key, self.languages, extra)


@dataclass(frozen=True)
class PhrasePromptFilter(LexiconFilter):
    """Remove short blocks that open with one of the phrases under ``lexicon_key``.

    Subclasses set ``name``, ``lexicon_key`` and ``reason``. ``extra_phrases`` adds
    phrases; ``max_words`` bounds the block (longer blocks are body text that happens to
    start with a phrase).
    """

    lexicon_key: ClassVar[str] = ""
    reason: ClassVar[str] = ""
    extra_phrases: tuple[str, ...] = ()
    max_words: int = 40

    @cached_property
    def _phrases(self) -> tuple[str, ...]:
        return self.terms(self.lexicon_key, self.extra_phrases)

    @cached_property
    def _pattern(self) -> regex.Pattern[str]:
        return compile_phrases(self._phrases, prefix=LEAD_NOISE, suffix=r"(?!\w)")

    @cached_property
    def _openers(self) -> frozenset[str]:
        return first_words(self._phrases)

    def _prompt(self, block: Block) -> regex.Match[str] | None:
        """The phrase ``block`` opens with, if it is short enough to be a prompt."""
        if block.lead_word not in self._openers or block.kind is Kind.CODE or block.n_words > self.max_words:
            return None
        return match(self._pattern, block.text)

    def _remove(self, doc: Document, block: Block, m: regex.Match[str]) -> None:
        doc.remove(block, filter=self.name, reason=f"{self.reason}: starts with {m.group(0).strip()!r}")

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if m := self._prompt(block):
                self._remove(doc, block, m)
