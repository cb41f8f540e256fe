"""``comment_furniture``: the comment section's forms and notices ("Leave a Reply")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean.filters.base import PhrasePromptFilter


@dataclass(frozen=True)
class CommentFurniture(PhrasePromptFilter):
    """Remove comment-section furniture: ``"Leave a Reply"``, ``"Your email address will
    not be published."``, ``"Kommentar schreiben"``. Reader comments themselves are not
    touched here."""

    name: ClassVar[str] = "comment_furniture"
    lexicon_key: ClassVar[str] = "comment_phrases"
    reason: ClassVar[str] = "comment-section furniture"
    max_words: int = 40
