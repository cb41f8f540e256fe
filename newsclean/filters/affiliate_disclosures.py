"""``affiliate_disclosures``: "we may earn a commission" notices around the article."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from newsclean.document import Document, Kind
from newsclean.filters.base import LexiconFilter
from newsclean.textutil import PhraseSearch


@dataclass(frozen=True)
class AffiliateDisclosures(LexiconFilter):
    """Remove affiliate and sponsorship disclosures.

    Removes short blocks that hold a disclosure phrase anywhere, such as::

        This guide includes affiliate links: we may earn a small fee at no extra cost to
        you.
        Purchases made through links on this page may earn us a commission.
        Dieser Artikel enthält Affiliate-Links.

    The phrases are the ``disclosure_phrases`` of :mod:`newsclean.lexicon`; a block longer
    than ``max_words`` is body text that discusses commissions and stays.
    """

    name: ClassVar[str] = "affiliate_disclosures"
    extra_phrases: tuple[str, ...] = ()
    max_words: int = 60

    @cached_property
    def _phrases(self) -> PhraseSearch:
        return PhraseSearch.of(self.terms("disclosure_phrases", self.extra_phrases))

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE or block.n_words > self.max_words:
                continue
            m = self._phrases.search(block.text)
            if m:
                doc.remove(block, filter=self.name, reason=f"affiliate disclosure: {m.group(0)!r}")
