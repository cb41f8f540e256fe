"""``normalize``: whitespace and Unicode clean-up, before any other filter looks at text."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
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
# zero-width space/joiner-less marks, BOM, word joiner, soft hyphen; C0/C1 controls but \t \n
_INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad\u180e\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = regex.compile(r"[^\S\n]+")  # any horizontal whitespace, NBSP and thin spaces included
_ANY_SPACE = regex.compile(r"\s+")


def normalize_text(text: str, *, keep_lines: bool = False, fix_mojibake: bool = True) -> str:
    """``"Caf\\u00c3\\u00a9\\u00a0au\\u200blait "`` → ``"Café au lait"``.

    Repeated until nothing changes (at most three rounds): a repair can reveal another,
    and normalising twice must give what normalising once gave.
    """
    for _ in range(3):
        fixed = _normalize_once(text, keep_lines=keep_lines, fix_mojibake=fix_mojibake)
        if fixed == text:
            break
        text = fixed
    return text


def _normalize_once(text: str, *, keep_lines: bool, fix_mojibake: bool) -> str:
    if fix_mojibake and not text.isascii():
        text = ftfy.fix_text(text, _FTFY)
    elif not text.isascii() or "\r" in text:
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text, timeout=REGEX_TIMEOUT)
    if keep_lines:
        lines = (_SPACES.sub(" ", line, timeout=REGEX_TIMEOUT).rstrip() for line in text.split("\n"))
        return "\n".join(lines).strip("\n")
    return _ANY_SPACE.sub(" ", text, timeout=REGEX_TIMEOUT).strip()


@dataclass(frozen=True)
class Normalize:
    """Normalise Unicode and whitespace in every block; drop blocks left with no text.

    Non-breaking, thin and other spaces become plain spaces and runs of whitespace one
    space (code blocks keep their lines); zero-width characters, soft hyphens and control
    characters go; text is NFC-normalised and, with ``fix_mojibake``, text decoded with
    the wrong encoding is repaired by ftfy (``"CafÃ©"`` → ``"Café"``). Quotes, dashes and
    full-width characters are left as they are.

    Example: ``"Hello\\u00a0 world\\u200b"`` → ``"Hello world"``.
    """

    name: ClassVar[str] = "normalize"
    fix_mojibake: bool = True

    def __call__(self, doc: Document) -> None:
        for block in doc:
            text = normalize_text(block.text, keep_lines=block.kind is Kind.CODE, fix_mojibake=self.fix_mojibake)
            if not text:
                doc.discard(block)
            elif text != block.text:
                doc.replace_block(block, block.with_text(text))
