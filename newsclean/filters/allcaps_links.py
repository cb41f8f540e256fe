"""``allcaps_links``: a paragraph that is one link in capital letters (a teaser, a button)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean.document import Block, Document, Kind


@dataclass(frozen=True)
class AllcapsLinks:
    """Remove a paragraph that is one link written in capital letters.

    HTML input only (it needs the link share of each block). Running text is not set in
    capitals; a whole paragraph that is a link in capitals is another story's headline
    or a button placed in the body::

        The judges praised his final song on Monday night.
        MAYOR QUITS AFTER 'SINGING ON THE BRIDGE' CONTEST        (a link)
        GRAB THE GUIDE: FREE PDF FOR MEMBERS!                    (a link)

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
