"""``related_sections``: a related-content heading and the run of headlines under it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.textutil import ends_sentence, strip_punct


@dataclass(frozen=True)
class RelatedSections(LexiconFilter):
    """Remove a block that only names a related-content section, and the headlines under it.

    Removes, wherever such a label stands alone (a heading or a short block; a label that
    ends with a preposition may carry a name: "Mehr aus Stadtblatt")::

        Weitere Themen                       Noticias relacionadas
        Empfohlene Beiträge                  You may also like
        Why the Fed raised rates again       (a headline after the label: removed too)
        Five things to know about the vote   (and the next one)

    and keeps what follows once a real paragraph (a sentence, or more than
    ``max_headline_words`` words) starts again. ``related_links`` handles the same idea
    for list items; this filter catches the label itself and runs of paragraph-shaped
    headlines that trafilatura did not mark as a list. A label in the first ``min_share``
    of the body is kept unless headlines follow it (a section title like "Trending" in the
    middle of a story about trends stays).
    """

    name: ClassVar[str] = "related_sections"
    max_label_words: int = 8
    max_headline_words: int = 20
    min_share: float = 0.5
    extra_headings: tuple[str, ...] = ()

    @cached_property
    def _labels(self) -> frozenset[str]:
        return frozenset(self.terms("related_headings", self.extra_headings))

    @cached_property
    def _open_labels(self) -> tuple[str, ...]:
        """Labels ending with a preposition (``open_label_ends``), which a site or section name completes."""
        ends = frozenset(self.terms("open_label_ends"))
        return tuple(label + " " for label in self._labels if label.rsplit(" ", 1)[-1] in ends)

    def _is_label(self, block: Block) -> bool:
        if block.kind not in (Kind.HEADING, Kind.PARAGRAPH) or block.n_words > self.max_label_words:
            return False
        text = strip_punct(block.text)
        if text in self._labels:
            return True
        # "Mehr aus Stadtleben", "More from The Example Post": an open label and a name
        opener = next((o for o in self._open_labels if text.startswith(o)), None)
        if opener is None:
            return False
        name = block.text.strip().split()[len(opener.split()) :]
        return 0 < len(name) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in name)

    def _is_headline(self, block: Block) -> bool:
        if block.kind in (Kind.CODE, Kind.QUOTE):
            return False
        if block.link_ratio >= 0.6:
            return True
        return 0 < block.n_words <= self.max_headline_words and not ends_sentence(block.text)

    def __call__(self, doc: Document) -> None:
        while self._pass(doc):  # a removal moves later labels towards the end: settle
            pass

    def _pass(self, doc: Document) -> bool:
        blocks = doc.blocks
        n = len(blocks)
        doomed: list[tuple[list[Block], str]] = []
        i = 0
        while i < n:
            block = blocks[i]
            if not self._is_label(block):
                i += 1
                continue
            j = i + 1
            while j < n and self._is_headline(blocks[j]) and not self._is_label(blocks[j]):
                j += 1
            if j > i + 1 or i >= self.min_share * n:
                reason = f"related-content section {block.text.strip()!r}"
                if j > i + 1:
                    reason += f" with {j - i - 1} headline(s)"
                doomed.append((blocks[i:j], reason))
            i = j
        for run, reason in doomed:
            doc.remove_many(run, filter=self.name, reason=reason)
        return bool(doomed)
