"""``inserts``: promos dropped into the body: "[Photo Gallery: ...]", "READ MORE: ...", "Advertisement"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import REGEX_TIMEOUT, compile_phrases, match, phrase_alternation, strip_punct, word_count


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
        return regex.compile(r"[\[(]\s*(" + self._labels + r")\s*:[^\[\]()]{0,400}[\])]", regex.IGNORECASE)

    @cached_property
    def _labelled(self) -> regex.Pattern[str]:
        return regex.compile(LEAD_NOISE + "(" + self._labels + r")\s*(?::|»|>>|>|\||–|—|-\s)\s*\S", regex.IGNORECASE)

    @cached_property
    def _click(self) -> regex.Pattern[str]:
        return compile_phrases(self.terms("click_prefixes"), prefix=LEAD_NOISE, suffix=r"(?!\w)")

    @cached_property
    def _standalone(self) -> frozenset[str]:
        return frozenset(self.terms("standalone_labels", self.extra_labels))

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE:
                continue
            text = block.text
            if strip_punct(text) in self._standalone:
                doc.remove(block, filter=self.name, reason="label standing alone")
                continue
            words = word_count(text)
            m = self._bracketed.fullmatch(text.strip(), timeout=REGEX_TIMEOUT)
            if m and words <= self.max_words * 2:
                doc.remove(block, filter=self.name, reason=f"bracketed {m.group(1)!r} insert")
                continue
            if words <= self.max_words:
                m = match(self._labelled, text)
                if m:
                    doc.remove(block, filter=self.name, reason=f"{m.group(1)!r} promo line")
                    continue
                m = match(self._click, text)
                if m:
                    doc.remove(block, filter=self.name, reason=f"{m.group(0).strip()!r} call to action")
                    continue
            rest = self._cut_inline(doc, block)
            if rest is not None and rest is not block and strip_punct(rest.text) in self._standalone:
                # "Advertisement [Read: ...]": the label is left standing alone once cut
                doc.remove(rest, filter=self.name, reason="label standing alone")

    def _cut_inline(self, doc: Document, block: Block) -> Block | None:
        """Cut bracketed inserts out of ``block``; the block left (``None`` if none)."""
        current: Block | None = block
        while current is not None:
            m = self._bracketed.search(current.text, timeout=REGEX_TIMEOUT)
            if not m:
                return current
            reason = f"bracketed {m.group(1)!r} insert inside a paragraph"
            current = doc.cut(current, m.start(), m.end(), filter=self.name, reason=reason)
