"""The one structure every stage reads and writes: a :class:`Document` of :class:`Block` s.

A source (plain text or HTML) turns the input into a Document; filters, in order, remove
blocks (or parts of a block's text) and fill in metadata; the API turns the Document into
an :class:`~newsclean.article.Article`.

A Document belongs to one ``clean()`` call: filters mutate it in place through the
methods below, which keep the audit trail complete: :attr:`Document.removed` (what was
taken out), :attr:`Document.moved` (body text that went into metadata) and
:attr:`Document.edits` (words changed in place); see :mod:`newsclean.audit`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from newsclean.article import Removal
from newsclean.audit import Edit, Move, word_changes
from newsclean.blocks import BodyBlock, Cell, Image, Kind, Link
from newsclean.metadata.names import same_person, unique_people
from newsclean.textutil import first_word, word_count

if TYPE_CHECKING:  # the page-type modules read documents: no import at run time
    from newsclean.page_features import PageEvidence
    from newsclean.page_type import PageType

__all__ = ["METADATA_FIELDS", "Block", "Document", "Kind"]

_T = TypeVar("_T")


class _memo(Generic[_T]):
    """``functools.cached_property`` without its lock: before Python 3.12, every first
    access takes a per-class lock, which costs more than counting a block's words (and
    every block's words are counted). Blocks belong to one ``clean()`` call, so there is
    no race to guard against; at worst a value is computed twice."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func: Callable[[Any], _T] = func
        self.name: str = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _memo[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> _memo[_T] | _T:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value  # a non-data descriptor: the next access finds this
        return value


@dataclass(frozen=True, init=False)
class Block:
    """One unit of text: a paragraph, heading, list item, quote, caption, ...

    ``position`` is the block's index in the source order (stable while blocks are
    removed). ``group`` ties together blocks of one list or table (``None`` otherwise).
    ``link_ratio`` is the share of the text that is link text (HTML only, else 0.0).
    ``marker`` is the bullet or list marker the source saw (text mode), e.g. ``"•"``.
    ``level`` is a heading's level or a list item's nesting depth (0: top level);
    ``ordered`` marks an item of a numbered list; ``cells`` are a table row's cells (its
    ``text`` joins the non-empty ones with ``" | "``); ``links``, ``images`` and a code
    block's ``language`` are what the source saw; ``quote`` ties the blocks of one block
    quote (see :class:`~newsclean.blocks.BodyBlock`).
    """

    kind: Kind
    text: str
    position: int
    group: int | None = None
    link_ratio: float = 0.0
    marker: str = ""
    level: int = 0
    ordered: bool = False
    cells: tuple[Cell, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    language: str = ""
    quote: int | None = None

    def __init__(
        self,
        kind: Kind,
        text: str,
        position: int,
        group: int | None = None,
        link_ratio: float = 0.0,
        marker: str = "",
        level: int = 0,
        ordered: bool = False,
        cells: tuple[Cell, ...] = (),
        links: tuple[Link, ...] = (),
        images: tuple[Image, ...] = (),
        language: str = "",
        quote: int | None = None,
    ) -> None:
        # the fields set directly: a frozen dataclass's own __init__ costs a call per field,
        # and every source makes a block per line or paragraph (about three times as fast)
        fields = self.__dict__
        fields["kind"], fields["text"], fields["position"], fields["group"] = kind, text, position, group
        fields["link_ratio"], fields["marker"], fields["level"], fields["ordered"] = link_ratio, marker, level, ordered
        fields["cells"], fields["links"], fields["images"] = cells, links, images
        fields["language"], fields["quote"] = language, quote

    @_memo
    def n_words(self) -> int:
        """Number of words (see :func:`~newsclean.textutil.word_count`), computed once."""
        return word_count(self.text)

    @_memo
    def lead_word(self) -> str:
        """The first word, case-folded: what phrase filters look up before matching."""
        return first_word(self.text)

    @property
    def display(self) -> str:
        """The text as the source showed it, list marker included (``"• Headline"``)."""
        return f"{self.marker} {self.text}" if self.marker else self.text

    def with_text(self, text: str, fix: Callable[[str], str] | None = None) -> Block:
        """The block with ``text``; with ``fix``, the texts it holds (link anchors, cells,
        image alt texts) are passed through ``fix`` too, so they keep matching the text
        (``text`` being ``fix`` of the old text)."""
        if fix is None or not (self.links or self.cells or self.images):
            return replace(self, text=text)
        return replace(
            self,
            text=text,
            links=tuple(Link(fix(k.text), k.url) for k in self.links),
            cells=tuple(Cell(fix(c.text), c.header) for c in self.cells),
            images=tuple(Image(i.src, fix(i.alt)) for i in self.images),
        )

    def to_body(self) -> BodyBlock:
        """The block as ``Article.blocks`` gives it. Links whose anchor text a filter cut
        out of the text are left out; a table row whose text a filter changed gets its
        cells from the new text."""
        links = self.links
        if links:
            kept, at = [], 0
            for link in links:
                found = self.text.find(link.text, at) if link.text else -1
                if found >= 0:
                    kept.append(link)
                    at = found + len(link.text)
            links = tuple(kept) if len(kept) < len(links) else links
        cells = self.cells
        if cells and " | ".join(c.text for c in cells if c.text) != self.text:
            cells = tuple(Cell(t) for t in self.text.split(" | "))
        return BodyBlock(
            self.kind,
            self.text,
            self.position,
            self.level,
            self.group,
            self.ordered,
            cells,
            links,
            self.images,
            self.language,
            self.quote,
        )


def _position(block: Block) -> int:
    return block.position


METADATA_FIELDS = (
    "title",
    "subtitle",
    "authors",
    "published",
    "site_name",
    "url",
    "language",
    "description",
    # page metadata (HTML input, see newsclean.metadata)
    "modified",
    "author_organizations",
    "canonical_url",
    "section",
    "tags",
    "image",
)


@dataclass
class Document:
    """Blocks in reading order plus the metadata gathered so far and the removals made.

    ``source`` is ``"text"`` or ``"html"``. ``meta`` maps field names (see
    :data:`METADATA_FIELDS`) to values; ``meta_sources`` says where each came from.
    ``done`` holds the names of one-shot steps already taken on this document (a filter
    that decides once per page, like ``main_region``, adds its name); ``cuts`` counts the
    pieces cut out of blocks (see :meth:`cut`). ``moved`` and ``edits`` hold the rest of
    the audit trail (:meth:`take`, :meth:`move`, :meth:`edit`). ``current`` is the block
    that iterating over the document (``for block in doc``) handed out last: the block a
    filter was working on when it failed (see :mod:`newsclean.timeouts`). ``page_type``
    is the source's decision on what kind of page this is (:mod:`newsclean.page_type`)
    and ``evidence`` what the page showed of it besides its body (HTML source only).
    """

    blocks: list[Block]
    source: str = "text"
    meta: dict[str, object] = field(default_factory=dict)
    meta_sources: dict[str, str] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    done: set[str] = field(default_factory=set)
    cuts: int = 0
    moved: list[Move] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    current: Block | None = field(default=None, compare=False, repr=False)
    page_type: PageType | None = None
    evidence: PageEvidence | None = None

    def __iter__(self) -> Iterator[Block]:
        """The blocks as they stand now (a filter may remove blocks while iterating), each
        noted as :attr:`current` while the loop's body works on it."""
        for block in list(self.blocks):
            self.current = block
            yield block
        self.current = None

    def __len__(self) -> int:
        return len(self.blocks)

    # -- removal -------------------------------------------------------------------
    def _index(self, block: Block) -> int | None:
        """Where ``block`` (this very object) stands in :attr:`blocks`, or ``None``.

        Blocks stand in source order, so a binary search on ``position`` finds it in
        O(log n) and removing or replacing a block stays cheap on long pages (the
        pipeline is linear in the number of blocks); a linear scan covers documents
        whose blocks are out of order.
        """
        blocks = self.blocks
        i = bisect.bisect_left(blocks, block.position, key=_position)
        while i < len(blocks) and blocks[i].position == block.position:
            if blocks[i] is block:
                return i
            i += 1
        return next((i for i, b in enumerate(blocks) if b is block), None)

    def _drop(self, block: Block) -> None:
        i = self._index(block)
        if i is not None:
            # in place: copying the list for each removal made a page that loses many blocks
            # quadratic (a copy of 100,000 references per removal); ``for block in doc``
            # iterates over a copy, so loops that remove as they go are not affected
            del self.blocks[i]

    def remove(self, block: Block, *, filter: str, reason: str) -> None:
        """Drop ``block`` from the body, recording who removed it and why."""
        self._drop(block)
        self.removed.append(
            Removal(filter=filter, reason=reason, text=block.display, position=block.position, kind=block.kind.value)
        )

    def discard(self, block: Block) -> None:
        """Drop a block that holds no visible text (nothing worth recording)."""
        self._drop(block)

    def take(self, block: Block, field: str, *, source: str, filter: str = "", reason: str = "") -> bool:
        """Move a block's text out of the body into metadata field ``field``, recorded as a
        :class:`~newsclean.audit.Move` (not a removal: the text is kept, in the metadata).
        Returns whether the field was set (the block stays in the body otherwise)."""
        if not self.set_meta(field, block.text, source=source):
            return False
        self._drop(block)
        self.move(block, field, block.text, filter=filter or source, reason=reason or f"moved to {field}")
        return True

    def move(self, block: Block, to: str, text: str, *, filter: str, reason: str) -> None:
        """Record that ``text`` of ``block`` went into metadata field ``to``. :meth:`take`
        records its moves itself; a filter calls this for what it read out of a block it
        removes or keeps (the names of a byline it removes, for ``authors``)."""
        self.moved.append(Move(filter, to, text, reason, block.position, block.kind.value))

    def edit(
        self, block: Block, text: str, *, filter: str, reason: str, fix: Callable[[str], str] | None = None
    ) -> Block:
        """Give ``block`` the text ``text`` in place (see :meth:`Block.with_text` for
        ``fix``), recording the words that changed as :class:`~newsclean.audit.Edit` s
        (nothing for a change of whitespace alone). Returns the new block."""
        new = block.with_text(text, fix)
        self.replace_block(block, new)
        for before, after in word_changes(block.text, text):
            self.edits.append(Edit(filter, reason, before, after, block.position, block.kind.value))
        return new

    def remove_many(self, blocks: list[Block], *, filter: str, reason: str) -> None:
        """Drop several blocks at once (one record each, in reading order)."""
        ids = {id(b) for b in blocks}
        self.blocks = [b for b in self.blocks if id(b) not in ids]
        self.removed.extend(
            Removal(filter, reason, b.display, b.position, b.kind.value) for b in sorted(blocks, key=_position)
        )

    def cut(self, block: Block, start: int, end: int, *, filter: str, reason: str) -> Block | None:
        """Remove ``block.text[start:end]`` (a part of a block) and record it.

        Whitespace left at the seam is tidied. If nothing is left the whole block goes.
        Returns the new block, or ``None`` when the whole block went.
        """
        self.cuts += 1
        removed = block.text[start:end].strip()
        before, after = block.text[:start].rstrip(), block.text[end:].lstrip()
        seam = "" if after[:1] in _NO_SPACE_BEFORE else " "  # "first run (AP)." -> "first run."
        rest = (before + seam + after).strip()
        if not rest:
            self.remove(block, filter=filter, reason=reason)
            return None
        new = block.with_text(rest)
        self.replace_block(block, new)
        if removed:
            self.removed.append(
                Removal(filter=filter, reason=reason, text=removed, position=block.position, kind=block.kind.value)
            )
        return new

    def replace_block(self, old: Block, new: Block) -> None:
        """Put ``new`` where ``old`` stands (for text changes that are not removals)."""
        i = self._index(old)
        if i is not None:
            self.blocks[i] = new  # in place, as in :meth:`_drop`

    # -- metadata ------------------------------------------------------------------
    def set_meta(self, name: str, value: object, *, source: str, overwrite: bool = False) -> bool:
        """Set a metadata field if it is empty (or ``overwrite``); returns whether it was set."""
        if name not in METADATA_FIELDS:
            raise KeyError(f"unknown metadata field {name!r}; known: {', '.join(METADATA_FIELDS)}")
        if not value:
            return False
        if self.meta.get(name) and not overwrite:
            return False
        self.meta[name] = value
        self.meta_sources[name] = source
        return True

    def add_authors(self, names: list[str], *, source: str) -> list[str]:
        """Add person names to ``authors``, deduplicated (``"JANE DOE"``, ``"Jane A. Doe"``
        and ``"Jane Doe"`` are one person).

        Names read from the body text (sources ``byline-text:*`` and ``bio``) only join
        names the page markup already gave when they corroborate them: a body byline that
        repeats one of the marked-up authors may add co-authors; one that names none of
        them (a sidebar, a quoted author) is ignored. Returns the names added.
        """
        current = list(self.meta.get("authors") or [])  # type: ignore[call-overload]
        from_body = source.startswith(_BODY_SOURCES)
        have_markup = bool(current) and not self.meta_sources.get("authors", "").startswith(_BODY_SOURCES)
        if from_body and have_markup and not any(same_person(n, c) for n in names for c in current):
            return []
        new = [n for n in unique_people(names) if not any(same_person(n, c) for c in current)]
        if new:
            self.meta["authors"] = current + new
            self.meta_sources.setdefault("authors", source)
        return new


# Punctuation that follows a word without a space: where a cut leaves it next to a word.
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}…")

# Metadata sources that read the body text rather than the page markup.
_BODY_SOURCES = ("byline-text", "bio", "text:")
