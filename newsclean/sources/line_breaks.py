"""Blocks that a page wrote as the lines of one paragraph: split at their line breaks.

Some editors build a whole article out of line breaks: paragraphs separated by an empty
line (``<br><br>``), a subheading on a line of its own, a list as marked lines
(``a) ...<br>b) ...<br>c) ...``, ``1. ...<br>2. ...``, ``• ...<br>• ...``). Read as one
block, all of it runs together into a single paragraph.

:func:`split_lines` works on the extractor's body tree (``p`` elements with ``lb`` line
breaks) and cuts a paragraph where a reader sees a new block:

- at an empty line (two line breaks in a row): a paragraph break;
- after a long line that ends a sentence, before a line that starts one (paragraphs set
  apart by a single line break);
- around a run of at least :data:`MIN_ITEMS` lines that open with markers of one kind in
  sequence (letters or numbers counting up, or the same bullet): the lines become the
  items of a ``list``;
- after a sentence that ends in a colon, announcing what follows (a list, a quote, a verse);
- around a heading line: a short line (at most :data:`HEADING_WORDS` words) that does not
  end like a sentence, a clause or a label, followed by a much longer line of prose that
  starts a sentence.

Other line breaks stay (a poem, an address, a signature keep their lines).
"""

from __future__ import annotations

import copy

import regex
from lxml import etree

from newsclean.textutil import REGEX_TIMEOUT, ends_sentence, word_count

__all__ = ["HEADING_WORDS", "MIN_ITEMS", "split_lines"]

MIN_ITEMS = 2
HEADING_WORDS = 10
_PROSE_WORDS = 12  # a line this long, or ending like a sentence, is prose
# a line's marker: "a)" "(b)" "1." "2)" "iv)" or a bullet, then a space and text (not the en
# or em dash: lines opening with one are the turns of a dialogue as often as list items)
_MARKER = regex.compile(
    r"^\s*(?:\(?(?P<letter>[a-zA-Z])\)|\(?(?P<number>\d{1,2})[.)]|\(?(?P<roman>[ivxIVX]{1,4})\)"
    r"|(?P<bullet>[•·▪◦‣∙●○■□►▶✓✔✗➢➤→*-]))\s+\S"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# a line ending in one of these goes on (a clause, a label, a lead-in to what follows)
_GOES_ON = tuple(",;:-–—(/&+")
_ANNOUNCING = (":", "：")
_ANNOUNCING_WORDS = 4  # "Note:", "Update:" are labels, not sentences

Marker = tuple[str, "int | str"]


def _marker(line: str) -> Marker | None:
    """The line's marker as (kind, value): ("letter", 0) for "a)", ("number", 3) for "3.",
    ("bullet", "•"); ``None`` for a line without one."""
    m = _MARKER.match(line, timeout=REGEX_TIMEOUT)
    if m is None:
        return None
    if m.group("letter"):
        return ("letter", ord(m.group("letter").casefold()) - ord("a"))
    if m.group("number"):
        return ("number", int(m.group("number")))
    if m.group("roman"):
        value = _ROMAN.get(m.group("roman").casefold())
        return ("roman", value) if value else None
    return ("bullet", m.group("bullet"))


def _follows(previous: Marker | None, current: Marker | None) -> bool:
    """Whether ``current`` continues the list ``previous`` marks (next letter or number, same bullet)."""
    if previous is None or current is None or previous[0] != current[0]:
        return False
    if current[0] == "bullet":
        return previous[1] == current[1]
    return isinstance(previous[1], int) and current[1] == previous[1] + 1


def _listed(markers: list[Marker | None]) -> list[bool]:
    """For each line, whether it belongs to a run of :data:`MIN_ITEMS` or more marked lines."""
    listed = [False] * len(markers)
    start = 0
    for k in range(1, len(markers) + 1):
        if k < len(markers) and _follows(markers[k - 1], markers[k]):
            continue
        if k - start >= MIN_ITEMS and markers[start] is not None:
            listed[start:k] = [True] * (k - start)
        start = k
    return listed


def _is_prose(line: str) -> bool:
    """A line that ends a sentence, announces what follows, or is long."""
    if ends_sentence(line) or word_count(line) >= _PROSE_WORDS:
        return True
    return line.endswith(_ANNOUNCING) and word_count(line) >= _ANNOUNCING_WORDS


def _ends_paragraph(line: str, following: str) -> bool:
    """A long line ending a sentence, before a line that starts one: paragraphs written
    with a single line break between them."""
    return bool(following) and ends_sentence(line) and word_count(line) >= _PROSE_WORDS and not following[0].islower()


def _is_heading(line: str, following: str | None) -> bool:
    """A short line that does not end like a sentence or go on, before a longer line of
    prose that starts a sentence (not the lower-case rest of one: hard-wrapped text)."""
    if not line or not following or not _is_prose(following) or following[0].islower():
        return False
    if len(line) > 0.6 * len(following):
        return False
    return len(line.split()) <= HEADING_WORDS and not ends_sentence(line) and not line.endswith(_GOES_ON)


def _pieces(p: etree._Element) -> list[etree._Element]:
    """``p`` cut at its ``lb`` children: one new ``p`` per line (empty lines included),
    inline children copied."""
    pieces: list[etree._Element] = []
    current = p.makeelement("p", {})
    current.text = p.text
    for child in p:
        if child.tag == "lb":
            pieces.append(current)
            current = p.makeelement("p", {})
            current.text = child.tail
            continue
        current.append(copy.deepcopy(child))
    pieces.append(current)
    return pieces


def _line(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _blocks(pieces: list[etree._Element]) -> list[etree._Element] | None:
    """The blocks the lines make (``None``: the paragraph stays as it is)."""
    lines = [_line(piece) for piece in pieces]
    listed = _listed([_marker(line) for line in lines])
    cut_after = [False] * len(lines)  # a block ends after line k
    for k, line in enumerate(lines):
        following = next((t for t in lines[k + 1 :] if t), None)
        after = lines[k + 1] if k + 1 < len(lines) else ""
        if not line or listed[k] or (after and listed[k + 1]) or _ends_paragraph(line, after):
            cut_after[k] = True
        elif line.endswith(_ANNOUNCING) and word_count(line) >= _ANNOUNCING_WORDS and following:
            cut_after[k] = True  # a sentence announcing what follows: a list, a quote, a verse
        elif _is_heading(line, following) and lines[k + 1]:
            cut_after[k] = True
            if k:
                cut_after[k - 1] = True
    if not any(cut_after[:-1]):
        return None
    blocks: list[etree._Element] = []
    current: etree._Element | None = None
    for k, piece in enumerate(pieces):
        if not lines[k]:
            current = None
            continue
        if listed[k]:
            if not blocks or blocks[-1].tag != "list" or current is not None:
                blocks.append(piece.makeelement("list", {}))
            piece.tag = "item"
            blocks[-1].append(piece)
            current = None
            continue
        if current is None:
            current = piece
            blocks.append(piece)
        else:  # the same block goes on: keep the line break
            current.append(current.makeelement("lb", {}))
            current[-1].tail = piece.text
            for child in list(piece):
                current.append(child)
        if cut_after[k]:
            current = None
    return blocks


def split_lines(body: etree._Element) -> int:
    """Split ``body``'s paragraphs at the line breaks that end a block (see the module
    docstring); the number of paragraphs split."""
    split = 0
    for p in [el for el in body if el.tag == "p" and el.find("lb") is not None]:
        blocks = _blocks(_pieces(p))
        if not blocks:
            continue
        blocks[-1].tail = p.tail
        at = body.index(p)
        body.remove(p)
        for offset, el in enumerate(blocks):
            body.insert(at + offset, el)
        split += 1
    return split
