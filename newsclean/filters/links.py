"""Linked lines in the body: ``linked_runs`` (runs of them closing the body: related
headlines, tags, link lists) and ``allcaps_links`` (one link set in capitals)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.textutil import match

# a numbered reference or a DOI: a source list, which is content
_REFERENCE = regex.compile(r"\s*(?:\[\d{1,3}\]|\d{1,3}\.\s|doi\b)|.{0,300}\bdoi\s*:", regex.IGNORECASE)


@dataclass(frozen=True)
class LinkedRuns:
    """Remove a run of linked lines that closes the body.

    HTML input only (it needs the link share of each block). Removes two or more
    consecutive short paragraphs, headings or quotes (embedded teasers of other stories),
    each almost all link text, that end the
    body (at most ``slack`` other blocks after them): related stories or tags that the
    page set as paragraphs rather than a list::

        ... last paragraph of the story.
        Korkeasaaren karhut heräsivät jo – talviunet jäivät poikkeuksellisen lyhyiksi   (a link)
        Vuosi 2018 toi kylmää, kuumaa ja kuivaa                                       (a link)
        Astronomie                                                                    (a link)

    Kept: a single linked line (a source link, "Read the report"), linked lines in the
    middle of the body, a run that is the whole body, numbered references and DOIs
    (``[1] Alarm fatigue: ...``), and lines of more than ``max_words`` words.
    """

    name: ClassVar[str] = "linked_runs"
    min_link_ratio: float = 0.8
    max_words: int = 25
    min_run: int = 2
    slack: int = 1

    def _linked(self, block: Block) -> bool:
        return (
            block.kind in (Kind.PARAGRAPH, Kind.HEADING, Kind.QUOTE)
            and block.link_ratio >= self.min_link_ratio
            and block.n_words <= self.max_words
            and not match(_REFERENCE, block.text)
        )

    def __call__(self, doc: Document) -> None:
        if doc.source != "html":
            return
        blocks = doc.blocks
        n = len(blocks)
        end = n
        for _ in range(self.slack + 1):  # the run may be followed by up to ``slack`` blocks
            start = end
            while start > 0 and self._linked(blocks[start - 1]):
                start -= 1
            if end - start >= self.min_run and start > 0:
                doc.remove_many(blocks[start:end], filter=self.name, reason="run of linked lines closing the body")
                return
            end -= 1
            if end <= 0:
                return


@dataclass(frozen=True)
class AllcapsLinks:
    """Remove a paragraph that is one link written in capital letters.

    HTML input only (it needs the link share of each block). Running text is not set in
    capitals; a whole paragraph that is a link in capitals is another story's headline
    or a button placed in the body::

        The judges praised his final dance on Monday night.
        SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'     (a link)
        GET THE QUIZ: INSTANT DOWNLOAD!                          (a link)

    Kept: headings (a list of products may link each name), lines under ``min_words``
    words or ``min_letters`` letters, lines less than ``min_link_ratio`` link text or
    less than ``min_upper`` upper-case letters ("Read the NASA report" stays).
    """

    name: ClassVar[str] = "allcaps_links"
    min_link_ratio: float = 0.9
    min_upper: float = 0.9
    min_words: int = 4
    min_letters: int = 12

    def __call__(self, doc: Document) -> None:
        if doc.source != "html":
            return
        for block in doc:
            if block.kind is Kind.PARAGRAPH and block.link_ratio >= self.min_link_ratio and self._shouted(block):
                doc.remove(block, filter=self.name, reason="a link in capital letters: a teaser or a button")

    def _shouted(self, block: Block) -> bool:
        if block.n_words < self.min_words:
            return False
        letters = [c for c in block.text if c.isalpha()]
        if len(letters) < self.min_letters:
            return False
        return sum(c.isupper() for c in letters) >= self.min_upper * len(letters)
