"""The result of cleaning: :class:`Article`, and :class:`Removal`, one entry of its audit trail
(the others, :class:`~newsclean.audit.Move` and :class:`~newsclean.audit.Edit`, are in
:mod:`newsclean.audit`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from newsclean.audit import Edit, Move
from newsclean.blocks import BodyBlock
from newsclean.markdown import render


@dataclass(frozen=True, init=False)
class Removal:
    """One piece of text a filter took out of the body.

    ``filter`` is the filter's stable name (the one to pass to ``Pipeline.without``),
    ``reason`` a short human-readable rule, ``text`` what was removed, ``position``
    the index of the block it came from in the source order and ``kind`` that block's
    kind (``"paragraph"``, ``"list_item"``, ``"heading"``, ...).
    """

    filter: str
    reason: str
    text: str
    position: int = -1
    kind: str = ""

    def __init__(self, filter: str, reason: str, text: str, position: int = -1, kind: str = "") -> None:
        # the fields set directly: a frozen dataclass's own __init__ costs a call per field,
        # and a page's filters make a removal for every piece of chrome they take out
        fields = self.__dict__
        fields["filter"], fields["reason"], fields["text"], fields["position"] = filter, reason, text, position
        fields["kind"] = kind


@dataclass
class Article:
    """Clean body text plus metadata and the list of every removal.

    ``text`` holds the body paragraphs separated by one blank line. ``paragraphs`` holds
    the same paragraphs as a list, and ``blocks`` the same body as typed blocks (headings,
    list items, table rows with their cells, quotes, code; with their links): see
    :class:`~newsclean.blocks.BodyBlock` and :meth:`to_markdown`. Metadata fields are
    ``None`` (or an empty list) when the page does not provide them; ``sources`` says
    where each metadata field came from (e.g. ``{"title": "text:leading-line", "authors":
    "bio"}``). ``warnings`` carries machine-readable notes such as ``"no-article-text"``,
    ``"not-an-article"``, ``"error-page"``, ``"paywall"`` and ``"consent-wall"``.
    ``page_type`` is what kind of page this is (``"article"``, ``"listing"``,
    ``"collection"``, ``"forum"``, ``"product"``, ``"documentation"``, ``"service"``;
    text input: ``"article"`` or ``None``), ``page_type_confidence`` how sure (0-1), and
    ``sources["page_type"]`` the evidence, e.g. ``"listing 0.88: url=news prose=0.12
    teasers=24 top=teasers,l_slugs"``.

    The audit trail: ``removed`` lists what filters (and the source's steps) took out of
    the body, ``moved`` the body text that went into a metadata field (the headline into
    ``title``, a byline's names into ``authors``), and ``edits`` the words a filter changed
    in place (a mojibake repair); see :mod:`newsclean.audit`. Together with the body they
    account for every word of the blocks the source produced.

    ``authors`` are who the page credits: the persons its byline names, or, when it names
    no person, the organisations credited instead (``"Reuters"``, ``"Example Staff"``);
    ``author_organizations`` lists every organisation named as an author.
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
    moved: list[Move] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
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
    blocks: list[BodyBlock] = field(default_factory=list)
    # -- what kind of page (newsclean.page_type) --
    page_type: str | None = None
    page_type_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-serialisable data (lists and dicts of str/int/bool/None)."""
        out = asdict(replace(self, blocks=[]))
        out["blocks"] = [b.to_dict() for b in self.blocks]
        return out

    def to_markdown(self, *, links: bool = True, images: bool = False, title: bool = False) -> str:
        """The body as Markdown (CommonMark, with GFM pipe tables): ``#`` headings, ``-`` and
        ``1.`` lists with their nesting, tables with a header row, ``>`` quotes, fenced code,
        inline ``[links](url)`` (unless ``links`` is off) and ``![alt](src)`` images (when
        ``images`` is on). Body text is escaped so that it reads back as the same text.
        The title opens the document as a ``#`` heading only when ``title`` is on; a body
        heading that repeats it is left out either way. See :mod:`newsclean.markdown`."""
        return render(self.blocks, title=self.title, links=links, images=images, with_title=title)

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
