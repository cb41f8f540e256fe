"""``social_prompts``: follow-us prompts and prompts to follow an account on named networks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Document, Kind
from newsclean.filters.base import LEAD_NOISE, PhrasePromptFilter
from newsclean.textutil import REGEX_TIMEOUT, first_words, phrase_alternation


@dataclass(frozen=True)
class SocialPrompts(PhrasePromptFilter):
    """Remove follow-us prompts: ``"Follow us on Twitter"``, ``"Like us on Facebook"``,
    ``"Folgen Sie uns auf Instagram"``, and prompts to follow a named account on named
    networks: ``"Follow The Example Times Opinion section on Facebook, Twitter (@ExampleOpinion) and
    Instagram."`` (a follow verb, a short name, then only networks: "Follow the money on
    Wall Street" names no network and stays)."""

    name: ClassVar[str] = "social_prompts"
    lexicon_key: ClassVar[str] = "social_phrases"
    reason: ClassVar[str] = "social media prompt"
    max_words: int = 30

    @cached_property
    def _follow(self) -> regex.Pattern[str]:
        verbs = phrase_alternation(self.terms("follow_verbs"))
        networks = phrase_alternation(self.terms("social_networks"))
        network = networks + r"(?:\s*\(@?[\w.]{1,40}\))?"
        on = phrase_alternation(self.terms("network_prepositions"))
        conjunction = phrase_alternation(self.terms("conjunctions"))
        return regex.compile(
            LEAD_NOISE
            + verbs
            + r"\s(?:[^\n.]{1,80}?\s)?"
            + on
            + r"\s+"
            + network
            + r"(?:\s*(?:,|"
            + conjunction
            + r")\s*(?:"
            + on
            + r"\s+)?"
            + network
            + r"){0,8}\s*[.!]?",
            regex.IGNORECASE,
        )

    @cached_property
    def _follow_openers(self) -> frozenset[str]:
        return first_words(self.terms("follow_verbs"))

    def __call__(self, doc: Document) -> None:
        super().__call__(doc)
        for block in doc:
            if block.lead_word not in self._follow_openers or block.kind is Kind.CODE or block.n_words > self.max_words:
                continue
            if self._follow.fullmatch(block.text.strip(), timeout=REGEX_TIMEOUT):
                doc.remove(block, filter=self.name, reason=f"{self.reason}: follow on a social network")
