"""``related_links``: runs of headline-like list items (related stories, "more from")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.textutil import capitalised_share, ends_sentence, strip_punct


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
    """

    name: ClassVar[str] = "related_links"
    min_words: int = 2
    max_words: int = 25
    share: float = 0.6
    max_body_share: float = 0.5
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
            at_end = tail_ok[end]
            verdict = self._judge(items, before, at_end)
            if verdict:
                heading = [before] if before is not None and self._is_related_heading(before) else []
                to_remove.append((heading + items, verdict))
        for run, reason in to_remove:
            doc.remove_many(run, filter=self.name, reason=reason)

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
