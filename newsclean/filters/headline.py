"""``headline``: the title and dek at the top of the body move into ``title``/``subtitle``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean import lexicon
from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.filters.bylines import Bylines
from newsclean.metadata.byline_parser import BylineParser, byline_parser
from newsclean.textutil import ends_sentence, strip_punct

_TOKEN = regex.compile(r"\w+")

_SKIPPABLE = (Kind.PARAGRAPH, Kind.HEADING)
_TAKEN = ":leading-block"  # the source suffix of metadata this filter took from the body


def _same(a: str, b: str) -> bool:
    """The same headline: equal up to spacing and surrounding punctuation, or, when ``a``
    is shaped like a headline (no full stop or colon at the end), sharing at least 80% of
    the shorter one's words ("Milan Design Week | Michael X's installation" vs the page
    title "Milan Design Week | X's installation"). A lead sentence that paraphrases the
    title ends with a full stop and is kept."""
    if strip_punct(" ".join(a.split())) == strip_punct(" ".join(b.split())):
        return True
    if a.rstrip().endswith((".", ":")):
        return False
    wa, wb = set(_TOKEN.findall(a.casefold())), set(_TOKEN.findall(b.casefold()))
    shorter = min(len(wa), len(wb))
    return shorter >= 4 and len(wa & wb) >= 0.8 * shorter and max(len(wa), len(wb)) <= 2 * shorter


@dataclass(frozen=True)
class Headline(LexiconFilter):
    """Take the leading headline and dek out of the body into ``title`` and ``subtitle``.

    Text input::

        Crumbling: Nearly 20 Senior Syrian Military Officers Defect    -> title
        A senior Syrian rebel official says the defection ...          -> subtitle
        By + More                                                      (left to ``bylines``)

    A first block counts as a title when it is short (``max_title_words``), is not a
    byline and does not end with a full stop or a colon. The next block counts as the
    dek when it has ``min_dek_words`` to ``max_dek_words`` words (fewer: a section label
    such as "Introduction"), is not the headline again, and a byline follows it or it is a
    heading. When the page's markup already gave the subtitle, a first block repeating it
    is that dek printed again and moves out of the body (except where the lead opens the
    body, below).
    The filter runs after the removing filters, so a byline between dek and body has
    already gone (its removal record still marks the place). HTML input already has a
    title from the page: a leading heading that repeats it is taken out of the body, and
    a heading right after it becomes the subtitle (and stays in the body too when the
    page's language opens articles with the lead under the headline: German, Spanish,
    French, Polish; see ``lead_classes`` in :mod:`newsclean.lexicon`). Up to
    ``max_kickers`` short labels above that headline (a section kicker: ``"TECH"``,
    ``"Review"``, ``"News>"``; at most ``max_kicker_words`` words, no sentence
    punctuation) are removed with it. Nothing else is recorded as removed: the text
    moves to the metadata, and each such block is recorded in ``Article.moved`` (a
    heading that repeats the page's title as moved to ``title``, where its text is).
    """

    name: ClassVar[str] = "headline"
    max_title_words: int = 30
    min_dek_words: int = 4  # "Introduction", "Key Takeaways", "Prefer to watch?" are labels, not deks
    max_dek_words: int = 70
    max_kickers: int = 2
    max_kicker_words: int = 3

    @cached_property
    def parser(self) -> BylineParser:
        return byline_parser(self.languages)

    def __call__(self, doc: Document) -> None:
        lead = doc.blocks[: 2 + self.max_kickers]
        if len(lead) < 2:
            return
        title = doc.meta.get("title")
        first = lead[0]
        if doc.meta_sources.get("title", "").endswith(_TAKEN):
            return  # this filter already took the title out of this body
        if isinstance(title, str) and title:
            kickers = self._kickers(lead, title)
            if kickers:
                doc.remove_many(kickers, filter=self.name, reason="section label above the headline")
                first = lead[len(kickers)]
            if first.kind in _SKIPPABLE and _same(first.text, title):
                doc.discard(first)
                doc.move(first, "title", first.text, filter=self.name, reason="repeats the page title")
                self._dek(doc, doc.blocks[:2], require_heading=True)
            return
        if self._is_title(first):
            doc.take(first, "title", source=f"{doc.source}{_TAKEN}", filter=self.name, reason="leading headline")
            self._dek(doc, lead[1:], require_heading=False)

    def _kickers(self, lead: list[Block], title: str) -> list[Block]:
        """The short labels before a block that repeats the page title ([] if none)."""
        for n in range(1, min(self.max_kickers, len(lead) - 1) + 1):
            block = lead[n - 1]
            if block.kind not in _SKIPPABLE or not 0 < block.n_words <= self.max_kicker_words:
                return []
            if ends_sentence(block.text) or _same(block.text, title):
                return []
            if lead[n].kind in _SKIPPABLE and _same(lead[n].text, title):
                return lead[:n]
        return []

    def _is_title(self, block: Block) -> bool:
        text = block.text
        return (
            block.kind in _SKIPPABLE
            and 0 < block.n_words <= self.max_title_words
            and not text.rstrip().endswith((".", ":"))
            and not self._is_byline(text)
        )

    def _dek(self, doc: Document, rest: list[Block], *, require_heading: bool) -> None:
        if not rest:
            return
        subtitle = doc.meta.get("subtitle")
        if subtitle:  # the page's dek printed again at the top of the body moves out of it
            first = rest[0]
            lead_stays = doc.source == "html" and _lead_opens_body(doc.meta.get("language"))
            if (
                isinstance(subtitle, str)
                and first.kind in _SKIPPABLE
                and _same(first.text, subtitle)
                and not lead_stays
            ):
                doc.discard(first)
                doc.move(first, "subtitle", first.text, filter=self.name, reason="repeats the page's subtitle")
            return
        dek = rest[0]
        if dek.kind not in _SKIPPABLE or not self.min_dek_words <= len(_TOKEN.findall(dek.text)) <= self.max_dek_words:
            return
        title = doc.meta.get("title")
        if isinstance(title, str) and _same(dek.text, title):  # the headline printed twice
            return
        if self._is_byline(dek.text):
            return
        after = rest[1].position if len(rest) > 1 else float("inf")
        between = [r.text for r in doc.removed if r.filter == Bylines.name and dek.position < r.position < after]
        if len(rest) > 1:
            between.append(rest[1].text)
        followed_by_byline = any(self.parser.parse(text) is not None for text in between)
        is_heading = dek.kind is Kind.HEADING
        if is_heading or (not require_heading and followed_by_byline):
            if doc.source == "html" and _lead_opens_body(doc.meta.get("language")):
                doc.set_meta("subtitle", dek.text, source=f"{doc.source}{_TAKEN}")  # and it stays
            else:
                doc.take(
                    dek, "subtitle", source=f"{doc.source}{_TAKEN}", filter=self.name, reason="dek under the headline"
                )

    def _is_byline(self, text: str) -> bool:
        return self.parser.parse(text) is not None or self.parser.is_date_line(text)


def _lead_opens_body(language: object) -> bool:
    """Whether the press of ``language`` opens the article text with the lead under the
    headline (its phrase file lists ``lead_classes``, see :mod:`newsclean.sources.lead_paragraph`):
    then a dek under an HTML headline is the lead and stays in the body."""
    if not isinstance(language, str) or language not in lexicon.available():
        return False
    return bool(lexicon.load(language).get("lead_classes"))
