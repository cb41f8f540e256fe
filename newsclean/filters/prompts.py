"""Prompts around the article: share buttons, newsletter and subscription asks, social
follows, comment-section furniture and copyright lines. One filter per idea, all driven by
the phrase lists in :mod:`newsclean.lexicon`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter, PhrasePromptFilter
from newsclean.textutil import REGEX_TIMEOUT, PhraseSearch


@dataclass(frozen=True)
class SharePrompts(PhrasePromptFilter):
    """Remove share and save prompts: ``"Share this article"``, ``"Share on Facebook"``,
    ``"Artikel teilen"``, ``"Print this"``. Body text that happens to use the word
    ("Shares fell 3%.") is not a phrase match and stays."""

    name: ClassVar[str] = "share_prompts"
    lexicon_key: ClassVar[str] = "share_phrases"
    reason: ClassVar[str] = "share prompt"
    max_words: int = 25


@dataclass(frozen=True)
class NewsletterPrompts(PhrasePromptFilter):
    """Remove newsletter, subscription, app and donation asks: ``"Sign up for our
    newsletter ..."``, ``"Subscribe now ..."``, ``"Jetzt abonnieren"``,
    ``"Newsletter abonnieren"``."""

    name: ClassVar[str] = "newsletter_prompts"
    lexicon_key: ClassVar[str] = "newsletter_phrases"
    reason: ClassVar[str] = "newsletter or subscription prompt"
    max_words: int = 50


@dataclass(frozen=True)
class SocialPrompts(PhrasePromptFilter):
    """Remove follow-us prompts: ``"Follow us on Twitter"``, ``"Like us on Facebook"``,
    ``"Folgen Sie uns auf Instagram"``."""

    name: ClassVar[str] = "social_prompts"
    lexicon_key: ClassVar[str] = "social_phrases"
    reason: ClassVar[str] = "social media prompt"
    max_words: int = 30


@dataclass(frozen=True)
class CommentFurniture(PhrasePromptFilter):
    """Remove comment-section furniture: ``"Leave a Reply"``, ``"Your email address will
    not be published."``, ``"Kommentar schreiben"``. Reader comments themselves are not
    touched here."""

    name: ClassVar[str] = "comment_furniture"
    lexicon_key: ClassVar[str] = "comment_phrases"
    reason: ClassVar[str] = "comment-section furniture"
    max_words: int = 40


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

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE or block.n_words > self.max_words:
                continue
            if self._opening.match(block.text, timeout=REGEX_TIMEOUT):
                doc.remove(block, filter=self.name, reason="copyright line")
            elif self._phrases.search(block.text):
                doc.remove(block, filter=self.name, reason="rights notice")
