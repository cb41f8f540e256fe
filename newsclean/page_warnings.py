"""What stands between the reader and an article: error pages, paywalls, consent walls.

:func:`page_warnings` looks at the body a source extracted (before the filters), the page
title and, for HTML, what the page showed besides its body (:class:`PageEvidence`: its
schema.org data and the page furniture taken out before extraction), and names each
condition it finds with a machine-readable warning. Structure comes first; phrases
(lexicon keys ``error_page_phrases`` and ``consent_phrases``) only where the structure
is silent:

- ``error-page``: a 404, a soft 404 or any "page not found" page, over a small body. A
  status number (``404``, ``410``) standing in a short segment of the title or of the
  first heading (``"Error 404 | Example"``, ``"404"``); else the status wording (the
  HTTP reason phrases, the "page not found" title of error pages and its translations)
  making up a short segment of the title or first heading, or a short block among the
  body's first ones, or standing anywhere in a tiny body (:data:`TINY_BODY`);
- ``paywall``: the body is cut by a subscription prompt: the page's schema.org data
  declares it not free (``isAccessibleForFree: false``, the markup of paywalled content)
  or the structural steps took out an element named as a paywall prompt, and the body
  left is short;
- ``consent-wall``: the page holds only a cookie or consent interstitial: the structural
  steps took out a cookie notice and next to no text remains (in the body and on the
  page), or a small page is mostly inside an element named as a cookie notice, or the
  body is consent wording and little else.

Phrases are matched case-blind, as whole words in scripts written with spaces and as
plain substrings in scripts without (Japanese, Chinese, Thai).

    >>> from newsclean.document import Block, Kind
    >>> page_warnings([Block(Kind.PARAGRAPH, "Sorry, we could not find that.", 0)], title="Error 404 | Example")
    ['error-page']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsclean import lexicon
from newsclean.document import Block, Kind
from newsclean.page_features import PageEvidence

__all__ = ["page_warnings"]

#: a body this short (characters) can be nothing but an error message, a prompt or a wall
SMALL_BODY = 1500
#: a body this short holds nothing but a message: the status wording may stand anywhere in it
TINY_BODY = 500
#: text besides the consent wording that a consent wall may hold
CONSENT_REST = 400
#: words a title segment or a block may hold besides the status number or wording
STATUS_EXTRA_WORDS = 3
#: the same for scripts written without spaces, in characters
STATUS_EXTRA_CHARS = 12
#: the body's first blocks, where an error message stands
FIRST_BLOCKS = 5

_STATUS = re.compile(r"(?<![\d.,/:-])(?:404|410)(?![\d.,/:-])")
# what separates a title's segments: "Page not found | Example Times", "Error 404 - Example"
_SEGMENTS = re.compile(r"\s+[|\-–—:·•»]\s+|\s*[|–—·•»]\s*")
_PAYWALL_PROMPT = "paywall prompt"
_COOKIE_NOTICE = "cookie notice"


def _spaced(char: str) -> bool:
    """Whether ``char`` belongs to a script written with spaces between words."""
    return not ("\u2e80" <= char <= "\u9fff" or "\u3040" <= char <= "\u30ff" or "\u0e00" <= char <= "\u0eff")


def _bounded(text: str, start: int, end: int, phrase: str) -> bool:
    """Whether ``text[start:end]`` stands as whole words: no letter or digit glued to a
    phrase end that is itself a letter of a spaced script."""

    def glued(inside: str, outside: str) -> bool:
        return inside.isalnum() and outside.isalnum() and _spaced(inside)

    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not glued(phrase[0], before) and not glued(phrase[-1], after)


def _short_around(text: str, start: int, end: int) -> bool:
    """Whether ``text`` holds little besides ``text[start:end]``: at most
    :data:`STATUS_EXTRA_WORDS` words, or :data:`STATUS_EXTRA_CHARS` characters where the
    script has no spaces."""
    rest = text[:start] + " " + text[end:]
    words = rest.split()
    if all(_spaced(w[0]) for w in words):
        return len(words) <= STATUS_EXTRA_WORDS
    return len("".join(words)) <= STATUS_EXTRA_CHARS


@dataclass(frozen=True)
class _Phrases:
    """Case-folded phrases, matched as whole words (spaced scripts) or substrings."""

    phrases: tuple[str, ...]

    def find(self, text: str, *, alone: bool = False) -> str | None:
        """The first phrase ``text`` holds (``alone``: with little else around it)."""
        folded = " ".join(text.casefold().split())
        for phrase in self.phrases:
            start = folded.find(phrase)
            while start >= 0:
                end = start + len(phrase)
                if _bounded(folded, start, end, phrase) and (not alone or _short_around(folded, start, end)):
                    return phrase
                start = folded.find(phrase, start + 1)
        return None


@cache
def _phrases(key: str) -> _Phrases:
    return _Phrases(tuple(sorted(lexicon.terms(key), key=len, reverse=True)))


def page_warnings(
    blocks: Sequence[Block], *, title: str | None = None, evidence: PageEvidence | None = None
) -> list[str]:
    """The warnings (``error-page``, ``paywall``, ``consent-wall``) a page earns, in that
    order. ``blocks`` is the body as extracted (before the filters), ``title`` the page
    title, ``evidence`` what the page showed besides its body (HTML input)."""
    out = []
    if _error_page(blocks, title or (evidence.title if evidence else "")):
        out.append("error-page")
    if _paywall(blocks, evidence):
        out.append("paywall")
    if _consent_wall(blocks, evidence):
        out.append("consent-wall")
    return out


def _chars(blocks: Sequence[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _segments(text: str) -> list[str]:
    """A title's segments (``"Page not found | Example"``: ``"Page not found"``, ``"Example"``)."""
    return [s for s in _SEGMENTS.split(text[:300]) if s.strip()]


def _status_number(text: str) -> bool:
    """A status number standing in a short segment of ``text``."""
    for segment in _segments(text):
        folded = " ".join(segment.split())
        m = _STATUS.search(folded)
        if m and _short_around(folded, m.start(), m.end()):
            return True
    return False


def _error_page(blocks: Sequence[Block], title: str) -> bool:
    """A small body under a status number or the status wording (see the module's doc)."""
    if _chars(blocks) > SMALL_BODY:
        return False
    heading = next((b.text for b in blocks[:FIRST_BLOCKS] if b.kind is Kind.HEADING), "")
    if _status_number(title) or _status_number(heading):
        return True
    phrases = _phrases("error_page_phrases")
    if any(phrases.find(s, alone=True) for s in (*_segments(title), *_segments(heading))):
        return True
    if _chars(blocks) <= TINY_BODY:  # next to nothing but the message: the wording anywhere in it
        return any(phrases.find(b.text[:300]) for b in blocks[:FIRST_BLOCKS])
    return any(len(b.text) < 200 and phrases.find(b.text, alone=True) for b in blocks[:FIRST_BLOCKS])


def _paywall(blocks: Sequence[Block], evidence: PageEvidence | None) -> bool:
    """A page declared not free, or whose paywall prompt went before extraction, with a
    short body."""
    if evidence is None or _chars(blocks) >= SMALL_BODY:
        return False
    return evidence.paywalled or evidence.furniture.get(_PAYWALL_PROMPT, 0) > 0


def _consent_wall(blocks: Sequence[Block], evidence: PageEvidence | None) -> bool:
    """A cookie notice taken out and next to no text left, in the body or on the page; a
    small page mostly inside an element named as a cookie notice; or consent wording in a
    body that holds little else."""
    size = _chars(blocks)
    if evidence is not None and 0 < evidence.visible <= SMALL_BODY:
        if evidence.furniture.get(_COOKIE_NOTICE, 0) and size <= CONSENT_REST:
            return True
        if evidence.consent_chars * 2 >= evidence.visible:
            return True
    if not blocks or size > SMALL_BODY:
        return False
    phrases = _phrases("consent_phrases")
    consent = [b for b in blocks if phrases.find(b.text[:600])]
    return bool(consent) and size - _chars(consent) <= CONSENT_REST
