"""``bylines``: byline, timestamp and role lines; the names go to ``authors``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.metadata.byline_parser import BylineParser, byline_parser
from newsclean.textutil import compile_phrases, ends_sentence, search


@dataclass(frozen=True)
class Bylines(LexiconFilter):
    """Remove standalone byline blocks and put the person names they hold into ``authors``
    (each name that joins ``authors`` is recorded in ``Article.moved`` too).

    Removes short blocks such as::

        By Jane Doe                                  -> authors ["Jane Doe"]
        By + More                                    -> (broken byline, no name)
        By JANE DOE and JOHN ROE, Associated Press   -> ["Jane Doe", "John Roe"]
        Von Max Mustermann und Erika Musterfrau      -> ["Max Mustermann", "Erika Musterfrau"]
        By Jane Doe, Staff Writer | Updated 5:02 PM EST, March 3, 2020
        Jane Doe, Staff Writer                       (a bare name with a role)
        Updated 5:02 PM EST, March 3, 2020           (a timestamp line; a lone number or
                                                      weekday, "3" or "Monday", is not one)
        Stand: 12.03.2021, 10:45 Uhr
        Reading time: 4 minutes                      (a reading time: a number and a
        Feb 14, 2022 • 7 Minute Read                  ``reading_time_labels`` phrase,
        Lesezeit: 4 Minuten                           in at most ``max_reading_words``,
                                                      not a sentence: "Reading time fell
                                                      to 4 minutes." stays)

    Keeps sentences that only start like a byline: ``"By the time we arrived, the house
    was gone."``, ``"Von der Leyen sagte am Montag ..."``. ``extra_prefixes`` adds byline
    words (e.g. ``("Reportage:",)``); ``max_words`` bounds a byline's length.
    """

    name: ClassVar[str] = "bylines"
    extra_prefixes: tuple[str, ...] = ()
    max_words: int = 30
    max_reading_words: int = 10

    @cached_property
    def _reading_time(self) -> regex.Pattern[str]:
        return compile_phrases(self.terms("reading_time_labels"), prefix=r"(?<!\w)", suffix=r"(?!\w)")

    def _is_reading_time(self, block: Block) -> bool:
        text = block.text
        return (
            block.n_words <= self.max_reading_words
            and not ends_sentence(text)
            and any(c.isdigit() for c in text)
            and search(self._reading_time, text) is not None
        )

    @cached_property
    def _date_labels(self) -> frozenset[str]:
        return frozenset(self.terms("date_labels"))

    def _bare_word(self, text: str) -> bool:
        """A lone number or word ("3", "2016", "Monday"): a step number, a table cell or a
        day heading of a schedule, not a timestamp ("19/12/2025", "Published:" and
        "Updated 5 PM" are)."""
        token = text.strip()
        if " " in token or token.endswith(":"):
            return False
        return token.isdigit() or (token.isalpha() and token.casefold() not in self._date_labels)

    @cached_property
    def parser(self) -> BylineParser:
        return byline_parser(self.languages, self.extra_prefixes)

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind in (Kind.CODE, Kind.TABLE) or block.n_words > self.max_words:
                continue
            byline = self.parser.parse(block.text)
            if byline is None and block.n_words <= 12 and not ends_sentence(block.text):
                byline = self.parser.parse(block.text, require_prefix=False)
            if byline is not None:
                for name in doc.add_authors(list(byline.names), source=f"byline-text:{doc.source}"):
                    doc.move(block, "authors", name, filter=self.name, reason="named in a byline")
                doc.remove(block, filter=self.name, reason=_describe(byline.names, byline.dated))
            elif self.parser.is_date_line(block.text) and not self._bare_word(block.text):
                doc.remove(block, filter=self.name, reason="timestamp line")
            elif self.parser.is_role(block.text):
                doc.remove(block, filter=self.name, reason="author role line")
            elif self._is_reading_time(block):
                doc.remove(block, filter=self.name, reason="reading time")


def _describe(names: tuple[str, ...], dated: bool) -> str:
    what = f"byline naming {', '.join(names)}" if names else "byline without a name"
    return what + (" (with date)" if dated else "")
