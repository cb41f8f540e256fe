"""The result of cleaning: :class:`Article`, and :class:`Removal`, one entry of its audit trail."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Removal:
    """One piece of text a filter took out of the body.

    ``filter`` is the filter's stable name (the one to pass to ``Pipeline.without``),
    ``reason`` a short human-readable rule, ``text`` what was removed and ``position``
    the index of the block it came from in the source order.
    """

    filter: str
    reason: str
    text: str
    position: int = -1


@dataclass
class Article:
    """Clean body text plus metadata and the list of every removal.

    ``text`` holds the body paragraphs separated by one blank line. ``paragraphs`` holds
    the same paragraphs as a list. Metadata fields are ``None`` (or an empty list) when
    the page does not provide them; ``sources`` says where each metadata field came from
    (e.g. ``{"title": "text:leading-line", "authors": "bio"}``). ``warnings`` carries
    machine-readable notes such as ``"no-article-text"``.
    """

    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    removed: list[Removal] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    kind: str = "text"
    warnings: list[str] = field(default_factory=list)
    # -- page metadata beyond the core fields (HTML input; see README "Metadata") --
    modified: str | None = None
    author_organizations: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-serialisable data (lists and dicts of str/int/None)."""
        return asdict(self)

    def removal_counts(self) -> dict[str, int]:
        """How many pieces each filter removed (``{"bylines": 1, "inserts": 2}``), filters
        in the reading order of their first removal."""
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.filter] = counts.get(r.filter, 0) + 1
        return counts

    def removals_by(self, filter_name: str) -> list[Removal]:
        """The removals made by one filter, in order."""
        return [r for r in self.removed if r.filter == filter_name]
