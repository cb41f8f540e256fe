"""What the page's markup says about the article: :class:`PageMetadata`, its fields and the
source each came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.metadata.signals import Signals

__all__ = ["PageMetadata"]


@dataclass
class PageMetadata:
    """What the page's markup says about the article; ``sources`` names each field's origin.
    ``signals`` keeps what the walk over the tree collected, for readers of the page's
    markup beyond these fields (the page type, :mod:`newsclean.page_features`)."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    author_organizations: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    signals: Signals | None = field(default=None, repr=False, compare=False)

    def set(self, name: str, value: Any, source: str) -> bool:
        if not value or getattr(self, name):
            return False
        setattr(self, name, value)
        self.sources[name] = source
        return True
