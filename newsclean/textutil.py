"""Small text helpers shared by sources and filters: phrase patterns and shape measures.

Every pattern built here is an alternation of literal phrases, anchored, with no nested
quantifiers, so matching is linear in the text length; callers only ever match against
single blocks, whose length the filters bound before matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

# A generous per-call budget: the patterns are linear, this only guards against the
# unforeseen (a pathological block cannot hang a batch).
REGEX_TIMEOUT = 1.0

WORD = regex.compile(r"\w+(?:[’'.-]\w+)*")
_PUNCT = " \t\n\r.:;,!?-–—|/\\()[]{}<>«»\"'“”‘’•·*#>…"  # a set of characters to trim
_CLOSERS = "\"”’»)'"
_SPACE_IN_PHRASE = regex.compile(r"\s+")


# Flags for every pattern built from lexicon phrases: case-blind, with full case folding
# because the phrase lists are case-folded ("abschließen" is stored as "abschliessen").
PHRASE_FLAGS = regex.IGNORECASE | regex.FULLCASE | regex.V0


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    parts = [r"\s+".join(regex.escape(w) for w in _SPACE_IN_PHRASE.split(p)) for p in unique]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def compile_phrases(phrases: Iterable[str], *, prefix: str = "", suffix: str = "") -> regex.Pattern[str]:
    """Compile ``prefix + (phrase|phrase|...) + suffix``, case-insensitive."""
    return regex.compile(prefix + phrase_alternation(phrases) + suffix, PHRASE_FLAGS)


@dataclass(frozen=True)
class PhraseSearch:
    """Literal phrases looked for anywhere in a text, as whole words, case-blind.

    A big case-blind alternation costs tens of microseconds per block even when nothing
    matches (the usual case), so each phrase contributes one key word (its longest,
    case-folded) and the pattern only runs on text that holds one of the keys: a text
    without any key cannot hold any phrase.

        >>> PhraseSearch.of(["all rights reserved"]).search("(c) 2024. All  Rights Reserved.")
        <regex.Match object; span=(10, 30), match='All  Rights Reserved'>
    """

    pattern: regex.Pattern[str]
    keys: tuple[str, ...]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseSearch:
        unique = sorted({p.strip() for p in phrases if p.strip()})
        keys = {max(words(p) or [p], key=len).casefold() for p in unique}
        # a key holding another key adds nothing: a text with it holds the shorter one too
        needed = [k for k in keys if not any(o != k and o in k for o in keys)]
        return cls(compile_phrases(unique, prefix=r"(?<!\w)", suffix=r"(?!\w)"), tuple(sorted(needed)))

    def search(self, text: str) -> regex.Match[str] | None:
        folded = text.casefold()
        if not any(k in folded for k in self.keys):
            return None
        return self.pattern.search(text, timeout=REGEX_TIMEOUT)


def fold_accents(text: str) -> str:
    """``text`` case-folded, without accents and other combining marks (``"Müller"`` →
    ``"muller"``); ASCII text skips the Unicode decomposition."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def compact_key(text: str) -> str:
    """Letters and digits only, case- and accent-folded, for comparing names written in
    different ways: ``"Service-Titan Inc."`` → ``"servicetitaninc"``, ``"Müller"`` → ``"muller"``."""
    return "".join(c for c in fold_accents(text) if c.isalnum())


def search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern.search`` with the library's regex timeout."""
    return pattern.search(text, timeout=REGEX_TIMEOUT)


def match(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern.match`` with the library's regex timeout."""
    return pattern.match(text, timeout=REGEX_TIMEOUT)


def fullmatch(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern.fullmatch`` with the library's regex timeout."""
    return pattern.fullmatch(text, timeout=REGEX_TIMEOUT)


def words(text: str) -> list[str]:
    """Word tokens (letters/digits with inner apostrophes, dots or hyphens).

    No timeout on purpose: :data:`WORD` cannot backtrack (a separator is never a word
    character, so every character is consumed one way), and the ``regex`` timeout check
    makes matching about five times slower on the long blocks every filter counts.
    """
    return WORD.findall(text)


_FIRST_WORD = re.compile(r"\w+")  # linear; ``re`` is faster per call than ``regex``


def first_word(text: str) -> str:
    """The first word of ``text``, case-folded (``"• READ MORE: x"`` → ``"read"``); ``""`` if none.

    Filters use it to skip, with one set lookup, blocks that cannot start with any of
    their phrases before running a pattern."""
    m = _FIRST_WORD.search(text, 0, 200)
    return m.group(0).casefold() if m else ""


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The set of :func:`first_word` of each phrase (``""`` for a phrase with no word)."""
    return frozenset(first_word(p) for p in phrases)


# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")


# A cheap superset of those scripts' code points (stdlib ``re``, plain ranges): most
# non-ASCII text (accents, curly quotes) has none, and skips the Unicode-property scan.
_MAYBE_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf\u2ff0-\u9fff\ua9e0-\uaa7f"
    "\uf900-\ufaff\uff66-\uff9d\U0001b000-\U0001b2ff\U0001f200-\U0001f2ff\U00020000-\U0003ffff]"
)


def word_count(text: str) -> int:
    """Number of words: whitespace-separated tokens, plus one per two characters of a
    script written without spaces (Chinese, Japanese, Thai, ...). A cheap shape measure."""
    n = len(text.split())
    if not text.isascii() and _MAYBE_UNSPACED.search(text):
        n += len(_UNSPACED.findall(text, timeout=REGEX_TIMEOUT)) // 2
    return n


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (terminal punctuation, maybe closing quotes)."""
    return text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?", "…", "。", "！", "？", "।", "؟"))


def capitalised_share(text: str) -> float:
    """Share of words of 4+ letters that start with an upper-case letter (headline case)."""
    long_words = [w for w in words(text) if len(w) >= 4 and w[0].isalpha()]
    if not long_words:
        return 0.0
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words)


def strip_punct(text: str) -> str:
    """Text without surrounding punctuation and whitespace, case-folded (for label lookups)."""
    return text.strip(_PUNCT).casefold()
