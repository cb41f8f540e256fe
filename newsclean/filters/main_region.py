"""``main_region``: in a whole-page text dump, keep the article's stretch and drop the page
chrome around it (menus, headers, footers, comment threads)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.metadata.byline_parser import BylineParser, byline_parser
from newsclean.textutil import ends_sentence, strip_punct

_PROSE = (Kind.PARAGRAPH, Kind.QUOTE, Kind.LIST_ITEM)
_CLAUSE_MARKS = (". ", ", ", "; ", ": ", "? ", "! ", "。", "、", "，")
_HEADER_LINES = 3  # byline and timestamp lines an article's header holds at most


@dataclass(frozen=True)
class MainRegion(LexiconFilter):
    """Keep the one contiguous stretch of prose that holds the article; drop what lies
    outside it when that is page chrome.

    Plain text from a naive scraper holds the whole page: navigation lines, a search box,
    "Previous Post / Next Post", the footer, comment threads. Each block scores its word
    count when it reads as prose (``min_words``+ words ending like a sentence, or
    ``long_words``+ words with clause punctuation at least every 20 words; a menu or a
    tag list flattened into one line has none) and a penalty when it does not (short lines, link labels, text
    repeated elsewhere on the page);
    the stretch with the highest total is the article (a maximum-sum run, so short
    subheadings between paragraphs stay). Section markers ("Related stories", "Don't
    miss") cost ``marker_cost``, so only a substantial stretch of prose continues past
    one, and once a stretch of ``min_article_words`` has been seen, the start of a
    comment thread ends the search. When the page's first byline or timestamp lines
    ("By Jane Doe", "MARCH 3, 2021 09:15") are followed by prose, that prose opens the
    article: a stretch holding it counts ``header_bonus`` more when stretches are compared
    (a short story beats a longer contact notice in the footer), without reaching further.

    Example: for ``Home / News / Sport / <title> / <5 paragraphs> / Comments / <reader
    comments> / About us / Privacy``, everything but the title (kept for ``headline``)
    and the 5 paragraphs is removed.

    The filter only acts when the text outside the stretch is substantial
    (``min_outside_blocks`` blocks): clean article text passes untouched. It only acts on
    ``sources`` (plain text by default; HTML has had its main content found already).
    """

    name: ClassVar[str] = "main_region"
    sources: tuple[str, ...] = ("text",)
    min_words: int = 8
    long_words: int = 30
    penalty: float = 0.6
    min_outside_blocks: int = 6
    keep_heading_lines: int = 1
    min_article_words: int = 60
    marker_cost: float = 15.0
    header_bonus: float = 30.0
    max_header_words: int = 20

    @cached_property
    def _bylines(self) -> BylineParser:
        return byline_parser(self.languages)

    def _header_line(self, block: Block) -> bool:
        """A byline or a timestamp line ("By Jane Doe", "MARCH 3, 2021 09:15")."""
        bylines = self._bylines
        if block.n_words > self.max_header_words or not bylines.could_open(block.lead_word):
            return False
        return bylines.is_date_line(block.text) or bylines.parse(block.text) is not None

    def _header(self, blocks: list[Block]) -> int | None:
        """Where the article's first prose block stands when the page's first byline or
        timestamp lines open it, else ``None`` (later bylines belong to teasers)."""
        i = next((i for i, block in enumerate(blocks) if self._header_line(block)), len(blocks))
        j = i + 1
        while j < len(blocks) and j < i + 1 + _HEADER_LINES and self._header_line(blocks[j]):
            j += 1
        return j if j < len(blocks) and self._score(blocks[j], False) > 0 else None

    @cached_property
    def _markers(self) -> frozenset[str]:
        return frozenset(self.terms("related_headings") + self.terms("comment_phrases")) | self._comments

    @cached_property
    def _comments(self) -> frozenset[str]:
        return frozenset(self.terms("comment_headings"))

    @cached_property
    def _comment_counts(self) -> frozenset[str]:
        return frozenset(self.terms("comment_counts"))

    @cached_property
    def _comment_verbs(self) -> tuple[str, ...]:
        return tuple(f"{verb}:" for verb in self.terms("comment_verbs"))

    def _marker(self, block: Block) -> str | None:
        """``"comments"`` or ``"section"`` for a marker line, else ``None``.

        Comment threads open with a heading ("Comments", "34 responses to ...") and their
        entries with an author line ("jdoe says:", "Jane on May 2, 2019 at 4:47 pm said:").
        """
        n = block.n_words
        if n > 14:
            return None
        text = block.text
        key = strip_punct(text)
        words = key.split()  # "[ 23 comments ]" counts as "23 comments"
        if len(words) >= 2 and words[0].isdigit() and strip_punct(words[1]) in self._comment_counts:
            return "comments"
        if (
            text.endswith(":")
            and text.casefold().endswith(self._comment_verbs)
            and (n <= 3 or any(c.isdigit() for c in text))
        ):
            return "comments"
        if n > 6:
            return None
        if key in self._comments:
            return "comments"
        return "section" if key in self._markers else None

    def _score(self, block: Block, repeated: bool) -> float:
        """Positive for prose, negative for chrome (a block repeated on the page is chrome)."""
        n = block.n_words
        if repeated:
            return -self.penalty * (min(n, 25) + 2)
        text = block.text
        prose = block.kind in _PROSE and (
            (n >= self.min_words and ends_sentence(text))
            or (n >= self.long_words and sum(text.count(p) for p in _CLAUSE_MARKS) * 20 >= n)
        )
        if prose:
            return float(n)
        return -self.penalty * (min(n, 25) + 2)

    def __call__(self, doc: Document) -> None:
        if doc.source not in self.sources or self.name in doc.done or len(doc.blocks) < self.min_outside_blocks:
            return
        doc.done.add(self.name)  # one decision per page: the stretch is not narrowed again
        blocks = doc.blocks
        seen = Counter(b.text for b in blocks if b.n_words >= 3)
        opening = self._header(blocks)
        best, best_span = 0.0, (0, 0)
        total, start = 0.0, 0
        for i, block in enumerate(blocks):  # maximum-sum contiguous run (Kadane)
            marker = self._marker(block)
            if marker == "comments" and best >= self.min_article_words:
                break  # reader comments follow the article: no later run is the article
            score = -self.marker_cost if marker else self._score(block, seen[block.text] > 1)
            if total <= 0:
                total, start = 0.0, i
            total += score
            # a run holding the article's opening (after its byline) is preferred, without
            # letting that run bridge more chrome than any other: the bonus only compares
            bonus = self.header_bonus if opening is not None and start <= opening <= i else 0.0
            if total + bonus > best:
                best, best_span = total + bonus, (start, i + 1)
        first, last = best_span
        if best <= 0 or len(blocks) - (last - first) < self.min_outside_blocks:
            return
        head = {id(b) for b in self._title_lines(blocks[:first])}
        before = [b for b in blocks[:first] if id(b) not in head]
        if before:
            doc.remove_many(before, filter=self.name, reason="page chrome before the article text")
        if blocks[last:]:
            doc.remove_many(blocks[last:], filter=self.name, reason="page chrome after the article text")

    def _title_lines(self, before: list[Block]) -> list[Block]:
        """The article's header right before its text, kept for ``bylines`` and ``headline``:
        the byline and timestamp lines next to the text, and the heading-like line before."""
        kept: list[Block] = []
        rest = list(before)
        while rest and len(kept) < _HEADER_LINES and self._header_line(rest[-1]):
            kept.append(rest.pop())
        titles = 0
        for block in reversed(rest):
            if titles >= self.keep_heading_lines:
                break
            if (
                block.kind in (Kind.HEADING, Kind.PARAGRAPH)
                and 3 <= block.n_words <= 25
                and not ends_sentence(block.text)
            ):
                kept.append(block)
                titles += 1
        return kept
