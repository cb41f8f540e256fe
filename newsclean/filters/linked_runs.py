"""``linked_runs``: runs of linked lines closing the body (related headlines, tags, link lists)."""

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
        Kaupungin uusi kirjasto avautuu ensi viikolla – lainaajia odotetaan jonoksi   (a link)
        Syksyn sienisato jäi odotettua pienemmäksi                                    (a link)
        Astronomie                                                                    (a link)

    Kept: a single linked line (a source link, "Read the report"), linked lines in the
    middle of the body, a run that is the whole body, numbered references and DOIs
    (``[1] Night shifts and sleep: ...``), and lines of more than ``max_words`` words.
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
