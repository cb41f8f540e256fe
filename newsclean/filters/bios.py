"""``author_bios``: author bios and contact lines; the name and outlet fill empty metadata."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.metadata.authors import name_case
from newsclean.textutil import REGEX_TIMEOUT, compile_phrases, phrase_alternation, word_count

_NAME = r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|von|van|de|der|den|da|di|del|la|le)){1,4})"
_OUTLET = r"(?P<outlet>\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:&|of|the|and|für|\p{Lu}[\p{L}\p{N}&.'’-]*)){0,6})"


@dataclass(frozen=True)
class AuthorBios(LexiconFilter):
    """Remove author bios and contact lines near the start or end of the body.

    Removes blocks such as::

        John T. Bennett covers national security and foreign policy for U.S. News &
        World Report. You can contact him at or follow him on Twitter.
        Jane Doe is a staff writer at The Example Times.
        You can reach her at jane@example.com. Follow her on Twitter @janedoe.
        Max Mustermann ist Redakteur im Ressort Politik. Sie erreichen ihn unter ...

    The name found goes to ``authors`` and the outlet ("... for U.S. News & World Report")
    to ``site_name``, each only when still empty. A bio must open with a person's name and
    a bio verb or role ("covers", "writes about", "is a reporter"), or with a contact
    phrase, be short (``max_words``), and sit within ``edge`` blocks of the start or end of
    the body, so a sentence about a professor in the middle of a story stays.
    """

    name: ClassVar[str] = "author_bios"
    max_words: int = 90
    edge: int = 4

    @cached_property
    def _bio(self) -> regex.Pattern[str]:
        roles = phrase_alternation(self.terms("bio_role_nouns"))
        verbs = (
            r"(?:covers|writes\s+(?:about|for)|reports\s+(?:on|for)|has\s+(?:covered|written\s+for)|berichtet|schreibt)"
        )
        role = (
            r"(?:is|was|ist|war)\s+(?:a|an|the|ein|eine|der|die|our|unser|unsere)?\s*"
            r"(?:[\p{L}-]+\s+){0,3}?" + roles + r"\b"
        )
        outlet = r"(?:[^.]{0,200}?\s(?:for|at|with|bei|für)\s+" + _OUTLET + r"\s*[.,])?"
        return regex.compile(r"^\s*" + _NAME + r",?\s+(?:" + verbs + "|" + role + ")" + outlet, regex.V0)

    @cached_property
    def _contact(self) -> regex.Pattern[str]:
        return compile_phrases(self.terms("contact_phrases"), prefix=r"^\s*", suffix=r"(?!\w)")

    def __call__(self, doc: Document) -> None:
        # Peel from each end: a block is at the edge when fewer than ``edge`` kept blocks
        # stand between it and the start (or end), so a second run finds nothing more.
        for order in (list(doc.blocks), list(reversed(doc.blocks))):
            kept = 0
            for block in order:
                if kept >= self.edge:
                    break
                skipped = block.kind in (Kind.CODE, Kind.TABLE, Kind.HEADING) or word_count(block.text) > self.max_words
                if skipped or not self._judge(doc, block):
                    kept += 1

    def _judge(self, doc: Document, block: Block) -> bool:
        """Remove ``block`` if it is a bio or contact line; whether it was removed."""
        if doc._index(block) is None:  # already removed by the pass from the other end
            return True
        m = self._bio.match(block.text, timeout=REGEX_TIMEOUT)
        if m:
            name = name_case(m.group("name"))
            if not doc.meta.get("authors"):
                doc.add_authors([name], source="bio")
            if m.group("outlet"):
                doc.set_meta("site_name", m.group("outlet").strip(" .,"), source="bio")
            doc.remove(block, filter=self.name, reason=f"author bio of {name}")
            return True
        if self._contact.match(block.text, timeout=REGEX_TIMEOUT):
            doc.remove(block, filter=self.name, reason="author contact line")
            return True
        return False
