"""``inserts``: promos dropped into the body: "[Photo Gallery: ...]", "READ MORE: ...", "Advertisement"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import (
    PHRASE_FLAGS,
    REGEX_TIMEOUT,
    compile_phrases,
    first_words,
    match,
    phrase_alternation,
    strip_punct,
)


@dataclass(frozen=True)
class Inserts(LexiconFilter):
    """Remove labelled promos inside the body, whole blocks or bracketed pieces of one.

    Whole blocks::

        [Photo Gallery: NASA's Curiosity Lands on Mars.]
        [Read: Why the Fed Raised Rates]          (See:, Watch:, Related: ... in brackets)
        READ MORE: Five things to know about the vote
        Related: Senate passes the bill           Mehr zum Thema: Die Wahl in Bayern
        Advertisement                             Anzeige
        Click here to subscribe to our podcast    Hier klicken für mehr
        VIDEO: Watch the launch                   Bildergalerie: Das Fest in Bildern

    Inside a paragraph, a bracketed labelled piece (``"... said. [Read: ...] He ..."``) is
    cut out and the rest kept. A sentence that merely mentions a gallery ("The photo gallery
    opened in May.") stays: the label must open the block and be followed by ``:`` or a
    similar separator, or the block must be nothing but a label. ``extra_labels`` adds
    labels; ``max_words`` bounds a labelled block (a long one is body text).
    """

    name: ClassVar[str] = "inserts"
    extra_labels: tuple[str, ...] = ()
    max_words: int = 30

    @cached_property
    def _labels(self) -> str:
        return phrase_alternation(self.terms("insert_labels", self.extra_labels))

    @cached_property
    def _bracketed(self) -> regex.Pattern[str]:
        return regex.compile(r"[\[(]\s*(" + self._labels + r")\s*:[^\[\]()]{0,400}[\])]", PHRASE_FLAGS)

    @cached_property
    def _labelled(self) -> regex.Pattern[str]:
        return regex.compile(LEAD_NOISE + "(" + self._labels + r")\s*(?::|»|>>|>|\||–|—|-\s)\s*\S", PHRASE_FLAGS)

    @cached_property
    def _click(self) -> regex.Pattern[str]:
        return compile_phrases(self.terms("click_prefixes"), prefix=LEAD_NOISE, suffix=r"(?!\w)")

    @cached_property
    def _openers(self) -> frozenset[str]:
        return first_words(self.terms("insert_labels", self.extra_labels) + self.terms("click_prefixes"))

    @cached_property
    def _standalone(self) -> frozenset[str]:
        return frozenset(self.terms("standalone_labels", self.extra_labels))

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE:
                continue
            rest: Block | None = block
            if ":" in block.text and ("[" in block.text or "(" in block.text):
                m = self._bracketed.fullmatch(block.text.strip(), timeout=REGEX_TIMEOUT)
                if m and block.n_words <= self.max_words * 2:
                    doc.remove(block, filter=self.name, reason=f"bracketed {m.group(1)!r} insert")
                    continue
                rest = self._cut_inline(doc, block)
            if rest is not None:
                self._whole_block(doc, rest)

    def _whole_block(self, doc: Document, block: Block) -> None:
        text = block.text
        if strip_punct(text) in self._standalone:
            doc.remove(block, filter=self.name, reason="label standing alone")
        elif block.n_words <= self.max_words and block.lead_word in self._openers:
            m = match(self._labelled, text)
            if m:
                doc.remove(block, filter=self.name, reason=f"{m.group(1)!r} promo line")
            elif m := match(self._click, text):
                doc.remove(block, filter=self.name, reason=f"{m.group(0).strip()!r} call to action")

    def _cut_inline(self, doc: Document, block: Block) -> Block | None:
        """Cut bracketed inserts out of a paragraph; returns what is left of it (or None)."""
        current: Block | None = block
        while current is not None:
            m = self._bracketed.search(current.text, timeout=REGEX_TIMEOUT)
            if not m:
                break
            reason = f"bracketed {m.group(1)!r} insert inside a paragraph"
            current = doc.cut(current, m.start(), m.end(), filter=self.name, reason=reason)
        return current
