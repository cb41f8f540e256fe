"""``normalize``: whitespace and Unicode clean-up, before any other filter looks at text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

import ftfy
import regex

from newsclean.document import Document, Kind
from newsclean.textutil import REGEX_TIMEOUT

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)
# Deleted outright: zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel
# separator, and C0/C1 control characters, except those that separate text (tab, line
# and page breaks, information separators, NEL, line/paragraph separators): those become
# a space or a newline.
_DELETE: dict[int, str | None] = dict.fromkeys(
    [0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E, *range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0x80, 0xA0)]
)
_DELETE.update({0x0B: "\n", 0x0C: "\n", 0x1C: "\n", 0x1D: "\n", 0x1E: "\n", 0x1F: " ", 0x85: "\n"})
_DELETE.update({0x2028: "\n", 0x2029: "\n"})
# What text decoded with the wrong codec looks like (UTF-8 read as Windows-1252/Latin-1):
# a lead byte character followed by a continuation-byte character, or a C1 control.
# Single character classes cannot backtrack: the standard library's faster ``re`` scans them.
_MOJIBAKE_HINT = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]"
)
_NEEDS_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in _DELETE) + "]")
_SPACES = regex.compile(r"[^\S\n]+")  # horizontal whitespace, NBSP and thin spaces included
_INDENT_SPACES = re.compile(r"[^\S\n\t]")  # one such character (not a tab)


def normalize_text(text: str, *, keep_lines: bool = False, fix_mojibake: bool = True) -> str:
    """``"Caf\\u00c3\\u00a9\\u00a0au lait\\u200b "`` → ``"Café au lait"``.

    The clean-up steps are ordered so that one round leaves nothing for a second
    (characters are deleted before NFC composes what they separated); only a mojibake
    repair, which can reveal another, or mojibake revealed by the round's deletions repeats
    the round (at most three in all), so that normalising twice gives what normalising once
    gave.
    """
    if _clean_already(text):
        return text
    for _ in range(3):
        repaired = fix_mojibake and _looks_mangled(text)
        if repaired:
            text = ftfy.fix_text(text, _FTFY)
        text = _tidy(text, keep_lines=keep_lines)
        # deleting a control character can join a mangled pair ("Ã\x1b¦" -> "Ã¦"): repair it too
        if not repaired and not (fix_mojibake and _looks_mangled(text)):
            break
    return text


def _code_line(line: str) -> str:
    """A line of code: its indentation kept (each space-like character as one space, tabs
    as tabs), runs of spaces after it as one space, none at the end."""
    body = line.lstrip()
    if not body:
        return ""
    indent = _INDENT_SPACES.sub(" ", line[: len(line) - len(body)])
    return indent + str(_SPACES.sub(" ", body, timeout=REGEX_TIMEOUT)).rstrip()


def _clean_already(text: str) -> bool:
    """Whether a round would leave ``text`` as it is, told cheaply: printable text (no
    control, format or separator characters but the plain space, so nothing to delete or
    turn into a space) without a space at either end or two in a row, in NFC, with no
    sign of mojibake. Most blocks are such text and skip the round."""
    return (
        text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and (text.isascii() or (_MOJIBAKE_HINT.search(text) is None and unicodedata.is_normalized("NFC", text)))
    )


def _looks_mangled(text: str) -> bool:
    return not text.isascii() and _MOJIBAKE_HINT.search(text) is not None


def _tidy(text: str, *, keep_lines: bool) -> str:
    """Line breaks, invisible and control characters, NFC, whitespace (one idempotent round)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_DELETE)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if keep_lines:
        return "\n".join(_code_line(line) for line in text.split("\n")).strip("\n")
    return " ".join(text.split())


def describe_change(text: str, *, fix_mojibake: bool = True) -> str:
    """What :func:`normalize_text` changes in ``text``, for the audit trail:
    ``"mojibake repaired; invisible or control characters deleted"``, ..."""
    steps = []
    if fix_mojibake and _looks_mangled(text):
        steps.append("mojibake repaired")
    if _NEEDS_TRANSLATE.search(text):
        steps.append("invisible or control characters deleted")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text.translate(_DELETE)):
        steps.append("Unicode composed (NFC)")
    return "; ".join(steps) or "whitespace"


@dataclass(frozen=True)
class Normalize:
    """Normalise Unicode and whitespace in every block; drop blocks left with no text.

    Non-breaking, thin and other spaces become plain spaces and runs of whitespace one
    space (code blocks keep their lines); zero-width characters, soft hyphens and control
    characters go; text is NFC-normalised and, with ``fix_mojibake``, text decoded with
    the wrong encoding is repaired by ftfy (``"CafÃ©"`` → ``"Café"``). Quotes, dashes and
    full-width characters are left as they are.

    Example: ``"Hello\\u00a0 world\\u200b"`` → ``"Hello world"``.

    A block whose words changed (not only its whitespace) is recorded in ``Article.edits``
    with the words before and after and what changed them (:func:`describe_change`).
    """

    name: ClassVar[str] = "normalize"
    fix_mojibake: bool = True

    def __call__(self, doc: Document) -> None:
        for block in doc:
            keep_lines = block.kind is Kind.CODE
            text = normalize_text(block.text, keep_lines=keep_lines, fix_mojibake=self.fix_mojibake)
            if not text:
                doc.discard(block)
            elif text != block.text:
                fix = partial(normalize_text, keep_lines=keep_lines, fix_mojibake=self.fix_mojibake)
                reason = describe_change(block.text, fix_mojibake=self.fix_mojibake)
                doc.edit(block, text, filter=self.name, reason=reason, fix=fix)
