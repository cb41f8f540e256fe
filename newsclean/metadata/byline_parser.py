"""Byline parsing: from ``"By JANE DOE and John Smith, Associated Press | Updated 5:02 PM"``
to person names (``["Jane Doe", "John Smith"]``) and organisations (``["Associated Press"]``).

The parser is strict on purpose: a byline is a short run of name-shaped words, roles,
outlets, dates and known noise (``"+ More"``, ``"Email the author"``). Any ordinary
lower-case word outside those sets means the text is a sentence, not a byline, so
``"By the time we arrived ..."`` is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from newsclean import lexicon
from newsclean.textutil import REGEX_TIMEOUT, compile_phrases, first_word, first_words, match

__all__ = ["CONTACTS", "ORG_WORDS", "PARTICLES", "Byline", "BylineParser", "byline_parser", "name_case"]

# Lower-case words allowed inside a name ("Anna von der Heide", "Omar bin Faris"), from
# every phrase file's ``name_particles``.
PARTICLES = frozenset(lexicon.terms("name_particles"))
# Words that make a credited name an organisation's ("Associated Press"): ``org_words``.
ORG_WORDS = frozenset(lexicon.terms("org_words"))
_EMAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
_URL = r"(?:https?://|www\.)\S{1,300}"
_HANDLE = r"@\w{1,30}"
CONTACTS = regex.compile(_EMAIL + "|" + _URL + "|" + _HANDLE)
_INITIALS_ONLY = regex.compile(r"(?:\p{Lu}\.)+")
_LETTERS = regex.compile(r"\p{L}+")
_BARE_SEPARATOR = regex.compile(r"[,|·•/–—]|\s-\s")
_SEPARATORS = regex.compile(r"\s*(?:[|·•/\n]|\s[-–—]\s|\s*[–—]\s*)\s*")
_NAME_SPLIT = regex.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b)\s*", regex.IGNORECASE)
_FOR_OUTLET = compile_phrases(lexicon.terms("outlet_prepositions"), prefix=r"\s+", suffix=r"\s+(?=\p{Lu})")
_INITIALS = regex.compile(r"(?:\p{Lu}\.){1,3}|\p{Lu}")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}\p{Lu}'’.-]*|\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*")
_DATE_NUMBER = regex.compile(r"\d{1,4}(?:[:./-]\d{1,4}){0,3}(?:st|nd|rd|th|h)?")
_DATE_GLUE = frozenset({"at", "on", "the", "of", "um", "am", "den", "-", "–", "—"})


def name_case(name: str) -> str:
    """``"JANE O'NEIL-SMITH"`` → ``"Jane O'Neil-Smith"``; mixed-case names are kept as they are."""
    if not name.isupper():
        return name

    def word(w: str) -> str:
        if w.casefold() in PARTICLES:
            return w.casefold()
        if _INITIALS_ONLY.fullmatch(w):
            return w
        return _LETTERS.sub(lambda m: m.group(0).capitalize(), w)

    return " ".join(word(w) for w in name.split())


@dataclass(frozen=True)
class Byline:
    """What a byline says: person names, organisations, and whether it carried a date."""

    names: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    dated: bool = False


class BylineParser:
    """Parse bylines with the byline words of ``languages`` (all shipped ones if None).

    A parser is immutable after construction; get shared ones from :func:`byline_parser`.
    """

    def __init__(
        self,
        languages: tuple[str, ...] | None = None,
        extra_prefixes: tuple[str, ...] = (),
        max_chars: int = 300,
    ) -> None:
        def t(key: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
            return lexicon.terms(key, languages, extra)

        self.max_chars = max_chars
        self.prefix = compile_phrases(
            t("byline_prefixes", extra_prefixes), prefix=r"^\s*", suffix=r"(?:\s*:)?(?=\s|$)\s*"
        )
        self.roles = frozenset(t("roles"))
        self.noise = frozenset(t("byline_noise"))
        self.agencies = frozenset(t("agencies"))
        self.date_words = frozenset(t("months") + t("weekdays") + t("time_words") + t("date_labels"))
        self.date_label = compile_phrases(t("date_labels"), prefix=r"(?:^|\s)", suffix=r"\b:?")
        self.role_tail = compile_phrases(t("roles"), prefix=r"\s*,?\s*", suffix=r"\s*$")
        self.openers = first_words(t("byline_prefixes", extra_prefixes))

    # -- public ------------------------------------------------------------------
    def parse(self, text: str, *, require_prefix: bool = True) -> Byline | None:
        """The byline in ``text``, or ``None`` if ``text`` is not a byline.

        With ``require_prefix`` (the default) the text must open with a byline word
        (``By``, ``Von``, ...); otherwise a bare ``"Jane Doe, Staff Writer"`` counts too,
        as long as it carries a role or an outlet.
        """
        text = text.strip()
        if not text or len(text) > self.max_chars:
            return None
        after_date = self._after_date(text)
        if after_date is not None:  # "March 3, 2020 by Jane Doe": the date, then a byline
            byline = self.parse(after_date)
            if byline is not None:
                return replace(byline, dated=True)
        if require_prefix and first_word(text) not in self.openers:
            return None
        if not require_prefix and not _BARE_SEPARATOR.search(text):
            return None  # a bare byline separates name and role/outlet: "Jane Doe, Staff Writer"
        m = match(self.prefix, text)
        if m:
            rest = text[m.end() :]
        elif require_prefix:
            return None
        else:
            rest = text
        names: list[str] = []
        orgs: list[str] = []
        dated = False
        saw_role = False
        for segment in self._segments(rest):
            kind, found = self._segment(segment)
            if kind == "sentence":
                return None
            dated |= kind == "date"
            saw_role |= kind == "role" or self._has_role(segment)
            names.extend(found if kind == "names" else ())
            orgs.extend(found if kind == "org" else ())
            if kind == "names+org":
                names.extend(found[:-1])
                orgs.append(found[-1])
        # without a byline word, only a role or a real outlet ("For Daily Mail Australia",
        # "Associated Press") makes a line of names a byline: "Best Practices for Vehicle
        # Rentals" is a heading
        if not m and (not names or not (saw_role or any(self._is_outlet(o) for o in orgs))):
            return None
        return Byline(tuple(_dedupe(names)), tuple(_dedupe(orgs)), dated)

    def _after_date(self, text: str, max_words: int = 12) -> str | None:
        """What follows a leading timestamp when a byline word comes next
        (``"5:45 AM PST 11/19/2019 by Jane Doe"``, ``"Posted on March 3, 2020 by Jane"``
        → ``"by Jane ..."``), else ``None``."""
        words = text.split(maxsplit=max_words)
        head = words[0].strip(",.;:()[]|").casefold()
        if not (head[:1].isdigit() or head in self.date_words):
            return None
        for i in range(1, min(len(words), max_words)):
            if words[i].casefold() in self.openers and self._is_date(" ".join(words[:i])):
                return " ".join(words[i:])
        return None

    def _is_outlet(self, org: str) -> bool:
        return org.casefold() in self.agencies or _is_org(org)

    def could_open(self, word: str) -> bool:
        """Whether a line whose first word (case-folded) is ``word`` may be a byline or a
        timestamp: a cheap test before :meth:`parse` and :meth:`is_date_line`."""
        return word in self.openers or word in self.date_words or word in _DATE_GLUE or word[:1].isdigit()

    def is_date_line(self, text: str) -> bool:
        """Whether ``text`` is only a date/time stamp (``"Updated 5:02 PM EST, March 3, 2020"``)."""
        text = text.strip()
        return 0 < len(text) <= 120 and self._is_date(text)

    def _has_role(self, segment: str) -> bool:
        return any(
            p.strip(" .").casefold() in self.roles for p in _NAME_SPLIT.split(segment, timeout=REGEX_TIMEOUT)
        ) or bool(self.role_tail.search(segment, timeout=REGEX_TIMEOUT))

    def is_role(self, text: str) -> bool:
        return text.strip(" ,.|").casefold() in self.roles

    # -- internals ---------------------------------------------------------------
    def _segments(self, rest: str) -> list[str]:
        if "@" in rest or "www." in rest or "://" in rest:
            rest = CONTACTS.sub(" | ", rest, timeout=REGEX_TIMEOUT)
        # a date label starts a new segment even without a separator ("Jane Doe Updated 5 PM")
        label = self.date_label.search(rest, timeout=REGEX_TIMEOUT)
        if label and label.start() > 0:
            rest = rest[: label.start()] + " | " + rest[label.start() :]
        parts = _SEPARATORS.split(rest, timeout=REGEX_TIMEOUT)
        return [p.strip(" ,;:+") for p in parts if p.strip(" ,;:+")]

    def _segment(self, seg: str) -> tuple[str, list[str]]:
        folded = seg.casefold()
        if folded in self.noise or folded.strip("+ ") in self.noise:
            return "noise", []
        if self._is_date(seg):
            return "date", []
        if folded in self.roles:
            return "role", []
        if folded in self.agencies:
            return "org", [seg]
        outlet = None
        parts = _FOR_OUTLET.split(seg, maxsplit=1, timeout=REGEX_TIMEOUT)
        if len(parts) == 2 and _looks_capitalised(parts[1]):
            seg, outlet = parts[0], parts[1].strip()
        names: list[str] = []
        for part in _NAME_SPLIT.split(seg, timeout=REGEX_TIMEOUT):
            part = part.strip(" .")
            if not part:
                continue
            low = part.casefold()
            if low in self.noise or low in self.roles or self._is_date(part):
                continue
            role = self.role_tail.search(part, timeout=REGEX_TIMEOUT)
            if role and role.start() > 0:
                part = part[: role.start()].strip(" ,")
            if low in self.agencies or _is_org(part):
                outlet = outlet or part
                continue
            if not _is_name(part):
                return "sentence", []
            names.append(name_case(part))
        if outlet:
            return ("names+org", [*names, outlet]) if names else ("org", [outlet])
        return ("names", names) if names else ("noise", [])

    def _is_date(self, text: str) -> bool:
        """Only numbers, month/weekday/time words and date labels: a timestamp."""
        substantive = False
        for raw in text.split():
            t = raw.strip(",.;:()[]|").casefold()
            if not t or t in _DATE_GLUE:
                continue
            if t in self.date_words or _DATE_NUMBER.fullmatch(t):
                substantive = True
            else:
                return False
        return substantive


def _looks_capitalised(text: str) -> bool:
    first = text.strip()[:1]
    return first.isupper()


def _is_org(part: str) -> bool:
    words = part.split()
    return (
        len(words) >= 1
        and any(w.strip(".,").casefold() in ORG_WORDS for w in words)
        and all(w[:1].isupper() or w.casefold() in PARTICLES or w in {"&", "of", "the"} for w in words)
    )


def _is_name(part: str) -> bool:
    """2-5 name-shaped words (capitalised words, initials, particles); no digits."""
    tokens = part.split()
    if not 2 <= len(tokens) <= 5 or any(c.isdigit() for c in part):
        return False
    if tokens[0].casefold() in _NOT_NAME_START:
        return False
    for tok in tokens:
        if tok.casefold() in PARTICLES:
            continue
        if _INITIALS.fullmatch(tok) or _NAME_WORD.fullmatch(tok):
            continue
        return False
    return True


# Words that open a phrase or a heading, never a person's name.
_NOT_NAME_START = frozenset(
    [
        "the",
        "a",
        "an",
        "how",
        "what",
        "why",
        "when",
        "where",
        "who",
        "which",
        "this",
        "these",
        "our",
        "your",
        "my",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "wie",
        "was",
        "warum",
        "le",
        "la",
        "les",
        "el",
        "los",
    ]
)


def _dedupe(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return list(seen.values())


@lru_cache(maxsize=32)
def byline_parser(languages: tuple[str, ...] | None = None, extra_prefixes: tuple[str, ...] = ()) -> BylineParser:
    """A shared parser per configuration (parsers are immutable)."""
    return BylineParser(languages, extra_prefixes)
