"""``author_bios``: author bios and contact lines; the name and outlet fill empty metadata."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.metadata.byline_parser import name_case
from newsclean.textutil import REGEX_TIMEOUT, compile_phrases, first_words, phrase_alternation

# a block that is only an e-mail address or a social profile address (one or two of them)
_ADDRESS = (
    r"(?:[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
    r"|(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|threads|bsky)\.(?:com|net|app)(?:/in)?/@?[\w.-]{1,60}/?)"
)
_BARE_CONTACT = regex.compile(
    r"\s*(?:e-?mail:?\s*)?" + _ADDRESS + r"(?:\s*[|,/;]?\s*" + _ADDRESS + r")?\s*", regex.IGNORECASE
)


@dataclass(frozen=True)
class AuthorBios(LexiconFilter):
    """Remove author bios and contact lines near the start or end of the body.

    Removes blocks such as::

        John Roe covers energy and climate policy for The Example Post & Courier.
        You can contact him at or follow him on social media.
        Jane Doe is a staff writer at The Example Times.
        Got a tip? Write to jane@example.com. Follow her on Twitter @janedoe.
        Max Mustermann ist Redakteur im Ressort Politik. Sie erreichen ihn unter ...

    The name found goes to ``authors`` and the outlet ("... for The Example Post & Courier")
    to ``site_name``, each only when still empty. A bio must open with a person's name and
    a bio verb or role ("covers", "writes about", "is a reporter"), or with a contact
    phrase, be short (``max_words``), and sit at an edge of the body: fewer than ``edge``
    long paragraphs (``long_words`` words or more) before it or after it, so a sentence
    about a reporter in the middle of a story stays. At the edges, a block that is
    nothing but an e-mail address or a social-network profile address
    (``jane.doe@example.com``, ``twitter.com/janedoe``) is a contact line too, but only
    as part of a bio: right after or before a bio, a contact line or another such address
    (an author's card: e-mail and profile), or naming one of the article's authors
    (``jdoe@``). Otherwise it is the article's own contact information (a closing
    ``box-office@example.org`` alone) and stays.
    """

    name: ClassVar[str] = "author_bios"
    max_words: int = 90
    edge: int = 3
    long_words: int = 40

    @cached_property
    def _bio(self) -> regex.Pattern[str]:
        """A name, a bio verb or a role (``bio_copulas``, ``bio_articles``, ``bio_role_nouns``),
        then maybe an outlet (``bio_outlet_prepositions``, a capitalised name with ``outlet_glue``).
        Only the role nouns match case-blind: a name and an outlet are told by their capitals."""
        particles = phrase_alternation(self.terms("name_particles"))
        name = r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|" + particles + r")){1,4})"
        glue = phrase_alternation(self.terms("outlet_glue"))
        outlet_name = r"(?P<outlet>\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:&|" + glue + r"|\p{Lu}[\p{L}\p{N}&.'’-]*)){0,6})"
        verbs = phrase_alternation(self.terms("bio_verbs"))
        role = (
            phrase_alternation(self.terms("bio_copulas"))
            + r"\s+"
            + phrase_alternation(self.terms("bio_articles"))
            + r"?\s*(?:[\p{L}-]+\s+){0,3}?(?i:"
            + phrase_alternation(self.terms("bio_role_nouns"))
            + r")\b"
        )
        prepositions = phrase_alternation(self.terms("bio_outlet_prepositions"))
        outlet = r"(?:[^.]{0,200}?\s" + prepositions + r"\s+" + outlet_name + r"\s*[.,])?"
        return regex.compile(r"^\s*" + name + r",?\s+(?:" + verbs + "|" + role + ")" + outlet, regex.V0)

    @cached_property
    def _contact(self) -> regex.Pattern[str]:
        return compile_phrases(self.terms("contact_phrases"), prefix=r"^\s*", suffix=r"(?!\w)")

    def __call__(self, doc: Document) -> None:
        # body paragraphs are long; a bio has at most `edge` of them on one side
        long_before = 0
        long_total = sum(1 for b in doc.blocks if self._long(b))
        order = [b.position for b in doc.blocks]
        bios: set[int] = set()  # positions of the bios and contact lines found
        addresses: list[Block] = []
        for block in doc:
            long_after = long_total - long_before - self._long(block)
            long_before += self._long(block)
            if block.kind in (Kind.CODE, Kind.TABLE, Kind.HEADING):
                continue
            if min(long_before - self._long(block), long_after) >= self.edge:
                continue
            if block.n_words > self.max_words:
                continue
            # a bio opens with the name's capital letter: a cheap pretest before the pattern
            m = self._bio.match(block.text, timeout=REGEX_TIMEOUT) if block.text.lstrip()[:1].isupper() else None
            if m:
                name = name_case(m.group("name"))
                if not doc.meta.get("authors"):
                    for added in doc.add_authors([name], source="bio"):
                        doc.move(block, "authors", added, filter=self.name, reason="named in an author bio")
                outlet = m.group("outlet")
                if outlet and doc.set_meta("site_name", outlet.strip(" .,"), source="bio"):
                    doc.move(block, "site_name", outlet.strip(" .,"), filter=self.name, reason="named in an author bio")
                doc.remove(block, filter=self.name, reason=f"author bio of {name}")
                bios.add(block.position)
            elif self._could_contact(block) and self._contact.match(block.text, timeout=REGEX_TIMEOUT):
                doc.remove(block, filter=self.name, reason="author contact line")
                bios.add(block.position)
            elif block.n_words <= 3 and _BARE_CONTACT.fullmatch(block.text, timeout=REGEX_TIMEOUT):
                addresses.append(block)
        bios.update(b.position for b in addresses)
        for block in addresses:
            why = _bio_address(block, order, bios, doc)
            if why:
                doc.remove(block, filter=self.name, reason=f"author contact address ({why})")

    @cached_property
    def _contact_openers(self) -> frozenset[str]:
        return first_words(self.terms("contact_phrases"))

    def _could_contact(self, block: Block) -> bool:
        """Whether the block's first word opens a contact phrase (the pattern allows only
        spaces before the phrase; ``""``: a phrase opening with a sign, any block may)."""
        return block.lead_word in self._contact_openers or "" in self._contact_openers

    def _long(self, block: Block) -> bool:
        return block.kind is Kind.PARAGRAPH and block.n_words >= self.long_words


def _bio_address(block: Block, order: list[int], bios: set[int], doc: Document) -> str | None:
    """Why a bare address is an author's, else ``None``: next to a bio, contact line or other
    address (in ``order``, the body's positions before the filter ran), or naming an author.
    ``bios`` holds the positions of those bios, contact lines and addresses."""
    i = order.index(block.position)
    if any(0 <= k < len(order) and order[k] in bios for k in (i - 1, i + 1)):
        return "next to a bio or another contact address"
    address = block.text.casefold()
    authors = doc.meta.get("authors")
    for author in authors if isinstance(authors, list) else []:
        names = [w.casefold() for w in str(author).split() if len(w) >= 3]
        if names and names[-1] in address:
            return f"names {author}"
    return None
