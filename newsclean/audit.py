"""The audit trail beyond removals: text that moved into metadata, and edits to a block's words.

Every piece of the text a source produced ends up in one of four places, so a reader can
follow each one:

- the body (``Article.text``, ``Article.blocks``);
- a removal (``Article.removed``, :class:`~newsclean.article.Removal`): a filter, or a
  step of the source, took it out;
- a move (``Article.moved``, :class:`Move`): it left the body for a metadata field, e.g.
  the leading headline for ``title``, a byline's names for ``authors``;
- an edit (``Article.edits``, :class:`Edit`): a filter changed words in place (the text
  before and after), e.g. ``normalize`` repairing mojibake (``"CafÃ©"`` → ``"Café"``).

Only changes of the words are edits: whitespace that changes (runs of spaces, no-break
spaces, line breaks) leaves the words as they were and is not recorded, so the many
pages whose spacing is tidied get no record for it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import regex

__all__ = ["Edit", "Move", "word_changes", "words"]

_WORD = regex.compile(r"\w+")
_GLUED = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")  # a lower-case letter, then an upper-case one


@dataclass(frozen=True)
class Move:
    """One piece of body text that left the body for a metadata field.

    ``filter`` is the name of the filter that moved it, ``to`` the field
    (``"title"``, ``"subtitle"``, ``"authors"``, ``"site_name"``), ``text`` what the field
    got from the block (a whole block for a title; one name for ``authors``, the rest of
    the byline being a :class:`~newsclean.article.Removal`), ``reason`` why, and
    ``position`` and ``kind`` the block it came from (as for a removal).
    """

    filter: str
    to: str
    text: str
    reason: str
    position: int = -1
    kind: str = ""


@dataclass(frozen=True)
class Edit:
    """One change of words inside a block that stays in the body.

    ``before`` is the changed stretch of words as the block had it, ``after`` as the body
    has it now (``""`` when words were deleted); ``filter``, ``reason``, ``position`` and
    ``kind`` as for a removal. A block changed in several places gets one edit per place.
    """

    filter: str
    reason: str
    before: str
    after: str
    position: int = -1
    kind: str = ""


def words(text: str) -> list[str]:
    """The words the audit trail accounts for: runs of word characters, split where a
    lower-case letter meets an upper-case one, so that text glued where its separator was
    lost (a JSON-LD body whose paragraphs run together: ``"for youDrinking coffee"``)
    still holds each word. ``words("the iPhone'sNew case")`` → ``["the", "i", "Phone",
    "s", "New", "case"]``."""
    return [part for run in _WORD.findall(text) for part in _GLUED.split(run)]


def word_changes(before: str, after: str) -> list[tuple[str, str]]:
    """The stretches of words that differ between two versions of a text, as ``(before,
    after)`` pairs in reading order; ``[]`` when only whitespace differs.

        >>> word_changes("CafÃ© au\u00a0 lait", "Café au lait")
        [('CafÃ©', 'Café')]
    """
    old, new = before.split(), after.split()
    if old == new:
        return []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (" ".join(old[i1:i2]), " ".join(new[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    ]
