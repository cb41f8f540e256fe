"""``share_prompts``: share and save buttons set as text ("Share this article")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean.filters.base import PhrasePromptFilter


@dataclass(frozen=True)
class SharePrompts(PhrasePromptFilter):
    """Remove share and save prompts: ``"Share this article"``, ``"Share on Facebook"``,
    ``"Artikel teilen"``, ``"Print this"``. Body text that happens to use the word
    ("Shares fell 3%.") is not a phrase match and stays."""

    name: ClassVar[str] = "share_prompts"
    lexicon_key: ClassVar[str] = "share_phrases"
    reason: ClassVar[str] = "share prompt"
    max_words: int = 25
