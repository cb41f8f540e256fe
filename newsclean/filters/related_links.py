"""``related_links``: runs of headline-like list items (related stories, "more from")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.textutil import REGEX_TIMEOUT, capitalised_share, ends_sentence, strip_punct, words


@dataclass(frozen=True)
class RelatedLinks(LexiconFilter):
    """Remove runs of list items that are headlines of other stories, not body lists.

    Removed (a run at the end of the body, or under a "Related"/"Mehr zum Thema" heading,
    or made of links)::

        • Obama Exempts Military Personnel From Cuts; Civilian Workers, Weapons At Bigger Risk
        • Check out U.S. News Weekly: an insider's guide to politics and policy
        • Mars Curiosity Rover Touches Down Safely

    Kept (a body list: items are sentences, or the list is introduced by a colon, or it
    sits between paragraphs and its items are not headline-shaped)::

        The plan has three parts:
        - Taxes on imports rise by 5 percent.
        - Exporters get a rebate.

    Judged per run of consecutive list items: an item is headline-like when it has
    ``min_words``-``max_words`` words and does not end like a sentence, or is mostly a link.
    A run goes when at least ``share`` of its items are headline-like and it is at the end
    of the body, under a related-links heading, or (in the middle) all items are
    headline-cased links or headlines and no colon introduces it. A run that holds more
    than ``max_body_share`` of the body's text is the body itself (a listicle, a list of
    steps) and stays, unless a related-links heading introduces it. On HTML input, a run
    in which no item holds a link stays too (unless such a heading introduces it): related
    stories are linked, while ingredients, steps and key points are not.

    A list under the article's own heading (a subheading of the body or the title, not a
    related-links heading, with at most one short paragraph between) is the article's
    content and stays when its items are prose (most end like a sentence or run to
    ``prose_words`` words) or are the post's subject: the heading announces as many items
    as the list holds ("34 tools I use every day" over 34 items), or most items share a
    word with the heading::

        ## 5 Fonts for Long Reads
        • Merriweather, a serif made for screens
        • Source Serif, open source and sturdy
        ...
    """

    name: ClassVar[str] = "related_links"
    min_words: int = 2
    max_words: int = 25
    share: float = 0.6
    max_body_share: float = 0.5
    prose_words: int = 15
    extra_headings: tuple[str, ...] = ()

    @cached_property
    def _headings(self) -> frozenset[str]:
        return frozenset(self.terms("related_headings", self.extra_headings))

    def __call__(self, doc: Document) -> None:
        blocks = doc.blocks
        i = 0
        runs: list[tuple[int, int]] = []
        while i < len(blocks):
            if blocks[i].kind is Kind.LIST_ITEM:
                j = i
                while j < len(blocks) and blocks[j].kind is Kind.LIST_ITEM and blocks[j].group == blocks[i].group:
                    j += 1
                runs.append((i, j))
                i = j
            else:
                i += 1
        # tail_ok[i]: nothing but list items and short lines from block i to the end
        tail_ok = [True] * (len(blocks) + 1)
        for k in range(len(blocks) - 1, -1, -1):
            tail_ok[k] = tail_ok[k + 1] and (blocks[k].kind is Kind.LIST_ITEM or blocks[k].n_words < 8)
        to_remove: list[tuple[list[Block], str]] = []
        total = sum(len(b.text) for b in blocks) or 1
        for start, end in runs:
            items = blocks[start:end]
            before = blocks[start - 1] if start > 0 else None
            under_heading = before is not None and self._is_related_heading(before)
            if doc.source == "html" and not under_heading and not any(b.link_ratio for b in items):
                continue  # the page links none of them: a list of the article's own
            if not under_heading and sum(len(b.text) for b in items) > self.max_body_share * total:
                continue
            if not under_heading and self._own_list(items, blocks[max(0, start - 2) : start]):
                continue
            at_end = tail_ok[end]
            verdict = self._judge(items, before, at_end)
            if verdict:
                heading = [before] if before is not None and self._is_related_heading(before) else []
                to_remove.append((heading + items, verdict))
        for run, reason in to_remove:
            doc.remove_many(run, filter=self.name, reason=reason)

    def _own_list(self, items: list[Block], before: list[Block]) -> bool:
        """Whether the run is a list of the article's own: under one of its headings (right
        before it, or before one short paragraph), its items prose or the heading's subject."""
        heading: Block | None = None
        if before and before[-1].kind is Kind.HEADING:
            heading = before[-1]
        elif len(before) == 2 and before[0].kind is Kind.HEADING and before[1].n_words <= 40:
            heading = before[0]
        if heading is None or self._is_related_heading(heading):
            return False
        prose = sum(ends_sentence(b.text) or b.n_words >= self.prose_words for b in items)
        if prose >= 0.5 * len(items):
            return True
        return _announces(heading.text, len(items)) or _shares_subject(heading.text, items)

    def _headline_like(self, item: Block) -> bool:
        if item.link_ratio >= 0.7:
            return True
        n = item.n_words
        return self.min_words <= n <= self.max_words and not ends_sentence(item.text)

    def _is_related_heading(self, block: Block) -> bool:
        return block.n_words <= 8 and strip_punct(block.text) in self._headings

    def _judge(self, items: list[Block], before: Block | None, at_end: bool) -> str | None:
        headline_share = sum(self._headline_like(b) for b in items) / len(items)
        if headline_share < self.share:
            return None
        if before is not None and self._is_related_heading(before):
            return f"related links under the heading {before.text!r}"
        introduced = before is not None and before.text.rstrip().endswith(":")
        if introduced:
            return None
        if at_end:
            return "run of headline-like list items at the end of the body"
        linked = sum(b.link_ratio >= 0.7 for b in items) / len(items)
        cased = sum(capitalised_share(b.text) >= 0.75 for b in items) / len(items)
        if len(items) >= 2 and (linked >= 0.8 or (cased >= 0.8 and headline_share == 1.0)):
            return "run of linked or headline-cased list items inside the body"
        return None


_NUMBER = regex.compile(r"(?<![\p{N}.,])\p{N}{1,4}(?![\p{N}.,]\p{N})")


def _announces(heading: str, n_items: int) -> bool:
    """Whether the heading names the list's length ("34 tools", "Top 10"), for lists of 3+ items."""
    return n_items >= 3 and any(_to_int(m) == n_items for m in _NUMBER.findall(heading, timeout=REGEX_TIMEOUT))


def _to_int(digits: str) -> int | None:
    try:
        return int(digits)
    except ValueError:  # digits of scripts int() does not read
        return None


def _shares_subject(heading: str, items: list[Block]) -> bool:
    """Whether most items share a word of 4+ letters with the heading (the list is about the
    heading's subject, as "Lisbon" in "Where to eat in Lisbon" and its items)."""
    subject = {w.casefold() for w in words(heading) if len(w) >= 4}
    if not subject:
        return False
    sharing = sum(bool(subject & {w.casefold() for w in words(b.text)}) for b in items)
    return sharing >= 0.6 * len(items)
