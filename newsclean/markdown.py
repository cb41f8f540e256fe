"""Body blocks → Markdown (CommonMark, with GFM pipe tables).

:func:`render` writes each run of blocks as its Markdown construct:

- a heading as ``#`` … ``######`` by its level;
- the items of one list as ``-`` or ``1.`` lines, nested items indented under their
  parent's text;
- the rows of one table as a pipe table whose first row is the header row; a "table"
  whose rows hold at most one filled cell each is page layout, written as paragraphs;
- the paragraphs of one quote as ``>`` lines;
- code as a fenced block with the language, when the page named it;
- links inline as ``[text](url)``; images as ``![alt](src)`` before the block they go
  with, when asked.

Text is escaped so that it reads back as the same text: characters that would start
emphasis, code, links or HTML are backslash-escaped, and so is a block opening like a
Markdown construct (``# not a heading``, ``- not an item``, ``1. not an item``,
``> not a quote``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from newsclean.blocks import BodyBlock, Cell, Image, Kind, Link

__all__ = ["escape", "render"]

_INLINE = re.compile(r"[\\`*_\[\]]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_ORDERED_START = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
_TRAILING_HASHES = re.compile(r"(?<=[ \t])(#+)$")
_BACKTICKS = re.compile(r"`+")
_INFO = re.compile(r"[^\w+#.-]")
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f()<>\\\"\s]")
_WORD = re.compile(r"\w+")
_UNTIDY = re.compile(r"[^\S ]|  |^ | $")  # whitespace other than single inner spaces


def _inline_escape(text: str) -> str:
    return _INLINE.sub(r"\\\g<0>", text)


def _escape_start(text: str) -> str:
    """Escape what would make a line starting with ``text`` a block construct."""
    first = text[:1]
    if first in ("#", ">", "~", "=", "+", "-"):
        if first not in "+-" or len(text) == 1 or text[1] in " \t" or not text.strip("- "):
            return "\\" + text
        return text
    if first.isdigit():
        m = _ORDERED_START.match(text)
        if m:
            return m.group(1) + "\\" + text[m.end(1) :]
    return text


def escape(text: str) -> str:
    """``text`` (one line) escaped to read back as itself at the start of a Markdown block."""
    return _escape_start(_inline_escape(text))


def _destination(url: str) -> str:
    """``url`` as a link destination: spaces, control characters, parentheses, angle
    brackets, quotes and backslashes percent-encoded."""
    return _URL_UNSAFE.sub(lambda m: quote(m.group(0), safe=""), url)


def _inline(text: str, links: Sequence[Link], used: list[int] | None = None) -> str:
    """One line of Markdown: ``text`` escaped, with ``links`` (in order) written inline.

    With ``used`` (a table cell: the row's links are spread over its cells), only the
    leading links found in ``text`` are written, and their number is appended to it."""
    if _UNTIDY.search(text):  # (normalised text has single spaces only: nothing to do)
        text = " ".join(text.split())
    if not links:
        return _escape_start(_inline_escape(text))
    parts: list[str] = []
    at = 0
    count = 0
    for link in links:
        anchor = " ".join(link.text.split())
        found = text.find(anchor, at) if anchor else -1
        if found < 0:
            if used is not None:
                break
            continue
        count += 1
        before = _inline_escape(text[at:found])
        if before.endswith("!"):  # "![" would open an image
            before = before[:-1] + "\\!"
        parts.append(before)
        parts.append(f"[{_inline_escape(anchor)}]({_destination(link.url)})")
        at = found + len(anchor)
    parts.append(_inline_escape(text[at:]))
    if used is not None:
        used.append(count)
    return _escape_start("".join(parts))


def _images(images: Sequence[Image]) -> list[str]:
    return [f"![{_inline_escape(' '.join(i.alt.split()))}]({_destination(i.src)})" for i in images]


def _key(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").casefold()))


class _Writer:
    def __init__(self, links: bool, images: bool) -> None:
        self.with_links = links
        self.with_images = images
        self.chunks: list[str] = []

    def inline(self, block: BodyBlock) -> str:
        return _inline(block.text, block.links if self.with_links else ())

    def images(self, blocks: Sequence[BodyBlock]) -> None:
        if self.with_images:
            self.chunks.extend(_images([i for b in blocks for i in b.images]))

    def heading(self, block: BodyBlock) -> None:
        level = min(max(block.level, 1), 6)
        self.chunks.append("#" * level + " " + _TRAILING_HASHES.sub(r"\\\1", self.inline(block)))

    def paragraph(self, block: BodyBlock) -> None:
        self.chunks.append(self.inline(block))

    def code(self, block: BodyBlock) -> None:
        code = block.text.strip("\n")
        longest = max((len(m) for m in _BACKTICKS.findall(code)), default=0)
        fence = "`" * max(3, longest + 1)
        self.chunks.append(f"{fence}{_INFO.sub('', block.language)}\n{code}\n{fence}")

    def run(self, run: Sequence[BodyBlock]) -> None:
        """One run of blocks (see :func:`_runs`); quote paragraphs are written as
        paragraphs: :func:`render` puts a quote's blocks behind ``>``."""
        first = run[0]
        if first.kind is not Kind.LIST_ITEM:
            self.images(run)
        if first.kind is Kind.HEADING:
            self.heading(first)
        elif first.kind is Kind.LIST_ITEM:
            self.items(run)
        elif first.kind is Kind.TABLE:
            self.table(run)
        elif first.kind is Kind.CODE:
            self.code(first)
        else:
            for b in run:
                self.paragraph(b)

    def items(self, run: Sequence[BodyBlock]) -> None:
        lines: list[str] = []
        levels: list[list[int]] = []  # per open level: [indent, number, content column, ordered]
        for b in run:
            depth = min(max(b.level, 0), len(levels))
            del levels[depth + 1 :]
            if len(levels) == depth:
                levels.append([levels[-1][2] if levels else 0, 0, 0, b.ordered])
            level = levels[depth]
            if level[3] != b.ordered:  # a new list at this level: numbering starts again
                level[1], level[3] = 0, b.ordered
            level[1] += 1
            marker = f"{level[1]}." if b.ordered else "-"
            level[2] = level[0] + len(marker) + 1
            prefix = " ".join(_images(b.images)) + " " if self.with_images and b.images else ""
            lines.append(" " * level[0] + marker + " " + prefix + self.inline(b))
        self.chunks.append("\n".join(lines))

    def table(self, run: Sequence[BodyBlock]) -> None:
        rows = [list(b.cells) or [Cell(b.text)] for b in run]
        if all(sum(1 for c in row if c.text) <= 1 for row in rows):  # layout, not data
            for b in run:
                self.paragraph(b)
            return
        width = max(len(row) for row in rows)
        lines = []
        for n, (b, row) in enumerate(zip(run, rows, strict=True)):
            links = b.links if self.with_links else ()
            cells, used = [], [0]
            for c in row:
                cells.append(_inline(c.text, links[sum(used) :], used).replace("|", "\\|"))
            cells += [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
            if n == 0:
                lines.append("|" + " --- |" * width)
        self.chunks.append("\n".join(lines))


def _runs(blocks: Sequence[BodyBlock]) -> list[list[BodyBlock]]:
    """Consecutive blocks of one list, table or quote together; every other block alone."""
    runs: list[list[BodyBlock]] = []
    for b in blocks:
        last = runs[-1][-1] if runs else None
        grouped = b.kind in (Kind.LIST_ITEM, Kind.TABLE, Kind.QUOTE)
        if grouped and last is not None and last.kind is b.kind and last.group == b.group and last.quote == b.quote:
            runs[-1].append(b)
        else:
            runs.append([b])
    return runs


def render(
    blocks: Sequence[BodyBlock],
    *,
    title: str | None = None,
    links: bool = True,
    images: bool = False,
    with_title: bool = False,
) -> str:
    """The blocks as a Markdown document ('' for none). ``title`` opens it as a ``#``
    heading when ``with_title``; a heading repeating it before the body text is left out."""
    writer = _Writer(links, images)
    if with_title and title and title.strip():
        writer.chunks.append("# " + _TRAILING_HASHES.sub(r"\\\1", escape(" ".join(title.split()))))
    title_key = _key(title)
    started = False
    runs = _runs(blocks)
    i = 0
    while i < len(runs):
        first = runs[i][0]
        if first.kind is Kind.HEADING and not started and title_key and _key(first.text) == title_key:
            i += 1
            continue
        started = started or first.kind is not Kind.HEADING
        if first.quote is None:
            writer.run(runs[i])
            i += 1
            continue
        inner = _Writer(links, images)  # a block quote: its blocks, each line behind "> "
        while i < len(runs) and runs[i][0].quote == first.quote:
            inner.run(runs[i])
            i += 1
        writer.chunks.append("\n".join("> " + line if line else ">" for line in "\n\n".join(inner.chunks).split("\n")))
    return "\n\n".join(writer.chunks) + "\n" if writer.chunks else ""
