"""``newsletter_prompts``: newsletter, subscription, app and donation asks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean.filters.base import PhrasePromptFilter


@dataclass(frozen=True)
class NewsletterPrompts(PhrasePromptFilter):
    """Remove newsletter, subscription, app and donation asks: ``"Sign up for our
    newsletter ..."``, ``"Subscribe now ..."``, ``"Jetzt abonnieren"``,
    ``"Newsletter abonnieren"``."""

    name: ClassVar[str] = "newsletter_prompts"
    lexicon_key: ClassVar[str] = "newsletter_phrases"
    reason: ClassVar[str] = "newsletter or subscription prompt"
    max_words: int = 50
