"""``photo_credits``: photo and media credits, whole lines or trailing pieces of captions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.textutil import PHRASE_FLAGS, REGEX_TIMEOUT, match, phrase_alternation

# an opening parenthesis and the word after it: where an inline credit may start (stdlib
# ``re``, linear: the whitespace run is one space in normalised text)
_PAREN_WORD = re.compile(r"\(\s*(\w+)")
_PAREN_ANY = re.compile(r"\(\s*(\w*)")  # when a label or agency opens with a sign ("© dpa")
_LEAD_WORD = re.compile(r"\w+")
_CREDIT_SPLIT = regex.compile(r"[\s/|,;]+")
# signs a credit may hold between names, next to the lexicon's ``credit_glue`` words
_CREDIT_SIGNS = frozenset(["&", "/", "-", "©", "(c)"])

# a dateline's place: "WASHINGTON", "HAYWARD, Calif.", "ST. JOSEPH, Mich.", "SANTA FE, N.M."
_DATELINE_PLACE = regex.compile(
    r"\s*(?:\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.]{1,15}(?:\s\p{Lu}[\p{L}.]{1,15})?)?)?\s*"
)
# what follows the agency in a dateline: a dash, or (after a bare "(CNN)") the sentence
_DATELINE_DASH = regex.compile(r"\s*[—–-]|\s*\p{Lu}")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether the parenthesized agency at ``text[start:end]`` is a story's dateline:
    at most a capitalised place name before it, a dash or the sentence after it."""
    if start > 60 or not _DATELINE_PLACE.fullmatch(text, 0, start, timeout=REGEX_TIMEOUT):
        return False
    if not _DATELINE_DASH.match(text, end, timeout=REGEX_TIMEOUT):
        return False
    return start > 0 or len(text) - end > 40  # "(AP) Photo: ..." alone is still a credit


def _lead_word(phrase: str) -> str:
    """The word ``phrase`` opens with; ``""`` when it opens with a sign ("© dpa")."""
    m = _LEAD_WORD.match(phrase)
    return m.group(0) if m else ""


def _spelled_out(text: str, start: int, end: int, glue: frozenset[str]) -> bool:
    """Whether the parenthesized word at ``text[start:end]`` abbreviates the words before
    it, as in "the National Weather Service (NWS)" or "artificial general
    intelligence (AGI)": an agency's initials there define a name, they credit no photo.
    The initials skip the words in ``glue`` and "&"."""
    letters = text[start:end].strip().strip("()").strip()
    if not (2 <= len(letters) <= 8 and letters.isalpha()):
        return False
    initials: list[str] = []
    for word in reversed(text[max(0, start - 200) : start].split()):
        if len(initials) == len(letters):
            break
        if word == "&" or word.casefold() in glue:
            continue
        initials.append(word[:1])
    return "".join(reversed(initials)).casefold() == letters.casefold()


# "... aus Oberstdorf. © dpa / MAX MUSTERMANN": a caption's closing © credit (not a block
# that opens with ©: that is a copyright line, see ``copyright_lines``)
_CAPTION_CREDIT = regex.compile(r"\S[^©]{0,400}?(?:^|\s)©\s*(?P<credit>[^©\n]{1,80}?)\s*$")


@dataclass(frozen=True)
class PhotoCredits(LexiconFilter):
    """Remove photo credits.

    Whole blocks that are only a credit::

        Photo: AP                          Foto: dpa/Max Mustermann
        (Getty Images)                     Bild: imago images/Sven Simon
        AP Photo/Evan Vucci                Photo by Jane Doe on Unsplash

    and credits in parentheses inside a caption or paragraph, which are cut out:
    ``"The launch pad at dawn. (Photo: NASA)"`` → ``"The launch pad at dawn."``.
    An agency in parentheses in a dateline (``"WASHINGTON (AP) — ..."``, ``"(CNN) The
    president ..."``: at the start of a paragraph, after nothing but a place name) is
    part of the story and stays, and so does one that abbreviates the words before it
    (``"the National Weather Service (NWS)"``).
    A short block (``max_caption_words``) that ends with a ``©`` credit is a photo caption
    and goes whole: ``"Erika Musterfrau, Skispringerin aus Oberstdorf. © dpa / MAX MUSTERMANN"``
    (a block holding a web address is left alone: a source line, not a caption). So does
    one that opens with a zoom button's label glued to the caption (``zoom_labels``:
    ``"VergrößernEine kleine Aussparung im Display."``).
    A credit label must be followed by ``:`` (or "by"), and what follows must be short
    (``max_credit_words``): ``"Photo: ..."`` opening a long paragraph is not a credit.
    """

    name: ClassVar[str] = "photo_credits"
    extra_agencies: tuple[str, ...] = ()
    max_credit_words: int = 10
    max_caption_words: int = 40

    @cached_property
    def _agencies(self) -> str:
        return phrase_alternation(self.terms("agencies", self.extra_agencies))

    @cached_property
    def _labels(self) -> str:
        return phrase_alternation(self.terms("credit_labels"))

    @cached_property
    def _suffix(self) -> str:
        """The optional word after a label: ``Photo credit: ...`` (``credit_label_suffixes``)."""
        return r"(?:" + phrase_alternation(self.terms("credit_label_suffixes")) + r"\s*)?"

    @cached_property
    def _media(self) -> str:
        """The optional media word after an agency: ``AP Photo``, ``Getty Images`` (``agency_media``)."""
        return r"(?:\s*" + phrase_alternation(self.terms("agency_media")) + r")?"

    @cached_property
    def _glue(self) -> frozenset[str]:
        return frozenset(self.terms("credit_glue")) | _CREDIT_SIGNS

    @cached_property
    def _abbreviation_glue(self) -> frozenset[str]:
        return frozenset(self.terms("abbreviation_glue"))

    @cached_property
    def _labelled(self) -> regex.Pattern[str]:
        """``Photo: AP``, ``Foto: dpa/Max Muster``, ``Photo by Jane Doe on Unsplash``."""
        by = phrase_alternation(self.terms("credit_by"))
        return regex.compile(
            LEAD_NOISE + r"[(\[]?\s*(?:" + self._labels + r")\s*" + self._suffix + r"(?::|\||\s" + by + r"\s)"
            r"\s*(?P<rest>[^\n]{1,200}?)\s*[)\]]?\.?",
            PHRASE_FLAGS,
        )

    @cached_property
    def _agency(self) -> regex.Pattern[str]:
        """``(Getty Images)``, ``AP Photo/Evan Vucci``, ``Reuters``."""
        return regex.compile(
            LEAD_NOISE
            + r"[(\[]?\s*(?:"
            + self._agencies
            + r")"
            + self._media
            + r"(?:\s*[/|,;]\s*(?P<rest>[^\n]{1,120}?))?\s*[)\]]?\.?",
            PHRASE_FLAGS,
        )

    def _opens_credit(self, lead: str) -> bool:
        """Whether a block whose first word is ``lead`` may open with a label or an agency
        (the word is one of theirs, or starts with one: "GettyImages"): the cheap pretest
        before :meth:`_is_credit`, whose patterns only allow signs and brackets before it."""
        heads, lengths = self._inline_openers
        return "" in heads or lead in heads or any(lead[:n] in heads for n in lengths if n < len(lead))

    @cached_property
    def _zoom_heads(self) -> tuple[str, ...]:
        """The words zoom labels open with: a caption glued to one opens with a word that
        starts with it (``""``: a label opening with a sign, any block may)."""
        return tuple(sorted({_lead_word(p.strip().casefold()) for p in self.terms("zoom_labels")}))

    def _is_credit(self, text: str) -> bool:
        for pattern in (self._agency, self._labelled):
            m = pattern.fullmatch(text, timeout=REGEX_TIMEOUT)
            if m and (m.group("rest") is None or self._creditish(m.group("rest"))):
                return True
        return False

    def _creditish(self, rest: str) -> bool:
        """Names, agencies and "/" separators only: not the start of a sentence or a headline."""
        tokens = [t for t in _CREDIT_SPLIT.split(rest) if t]
        if not tokens or len(tokens) > self.max_credit_words:
            return False
        if self._agency.fullmatch(rest, timeout=REGEX_TIMEOUT):
            return True
        return all(t[:1].isupper() or t[:1].isdigit() or t.casefold() in self._glue for t in tokens)

    @cached_property
    def _inline(self) -> regex.Pattern[str]:
        inner = (
            r"(?:(?:" + self._labels + r")\s*" + self._suffix + r":\s*[^()\n]{1,80}"
            r"|(?:" + self._agencies + r")" + self._media + r"(?:\s*/\s*[^()\n]{1,60})?)"
        )
        return regex.compile(r"\(\s*" + inner + r"\s*\)", PHRASE_FLAGS)

    @cached_property
    def _inline_openers(self) -> tuple[frozenset[str], tuple[int, ...]]:
        """The words labels and agencies open with (``""`` for one opening with a sign, as
        ``"© dpa"``), and their lengths: a text word that opens with one of them ("getty" in
        "GettyImages") may start an inline credit."""
        phrases = self.terms("credit_labels") + self.terms("agencies", self.extra_agencies)
        heads = frozenset(_lead_word(p.strip().casefold()) for p in phrases)
        return heads, tuple(sorted({len(h) for h in heads}))

    def _inline_credit(self, text: str, start: int) -> tuple[int, int] | None:
        """The span of the first inline credit at or after ``start``, with the whitespace
        before it.

        The full pattern is tried only after a parenthesis followed by a word a label or
        an agency opens with: a block of many parentheses costs one cheap scan, not one
        case-blind alternation per parenthesis.
        """
        heads, lengths = self._inline_openers
        for candidate in (_PAREN_ANY if "" in heads else _PAREN_WORD).finditer(text, start):
            word = candidate.group(1).casefold()
            if word not in heads and not any(word[:n] in heads for n in lengths if n < len(word)):
                continue
            m = self._inline.match(text, candidate.start(), timeout=REGEX_TIMEOUT)
            if m:
                begin = m.start()
                while begin > start and text[begin - 1].isspace():
                    begin -= 1
                return begin, m.end()
        return None

    def __call__(self, doc: Document) -> None:
        for block in doc:
            if block.kind is Kind.CODE:
                continue
            current: Block | None = block
            start = 0
            while current is not None and (span := self._inline_credit(current.text, start)):
                if _dateline(current.text, *span) or _spelled_out(current.text, *span, self._abbreviation_glue):
                    start = span[1]
                    continue
                current = doc.cut(current, *span, filter=self.name, reason="photo credit in parentheses")
            if current is None or current.n_words > self.max_caption_words:
                continue
            lead = current.lead_word
            short = current.n_words <= self.max_credit_words + 3
            if short and self._opens_credit(lead) and self._is_credit(current.text):
                doc.remove(current, filter=self.name, reason="photo credit")
            elif "©" in current.text and self._is_caption(current.text):
                doc.remove(current, filter=self.name, reason="photo caption ending with a © credit")
            elif lead.startswith(self._zoom_heads) and match(self._zoom, current.text):
                doc.remove(current, filter=self.name, reason="photo caption carrying its zoom button")

    @cached_property
    def _zoom(self) -> regex.Pattern[str]:
        """A zoom button's label glued to the caption after it: ``"VergrößernEine Aussparung ..."``."""
        return regex.compile(
            r"\s*" + phrase_alternation(self.terms("zoom_labels")) + r"(?=\p{Lu}\p{Ll})",
            PHRASE_FLAGS,
        )

    def _is_caption(self, text: str) -> bool:
        m = _CAPTION_CREDIT.search(text, timeout=REGEX_TIMEOUT)
        return m is not None and "http" not in text and self._creditish(m.group("credit"))
