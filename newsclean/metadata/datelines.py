"""Dates as pages print them: ``"March 3, 2020"``, ``"3. März 2020"``, ``"le 1er mars 2020"``,
``"3 de marzo de 2020"``, ``"3 марта 2020 г."``, ``"2020年3月3日"``, ``"03/04/2020"``.

The formats are data: each language's file in :mod:`newsclean.lexicon` has a calendar
(:func:`newsclean.lexicon.calendar`: its months, the order of a date written in digits, the
words that may join or follow the parts) and the labels that say whether a date is the
publication date (``"Published"``, ``"Veröffentlicht am"``, ``"公開日"``) or an update
(``"Updated"``, ``"Mis à jour le"``).
:func:`find_dates` reads every date in a short text, each with the kind its label gives.

    >>> [(d.day, d.kind) for d in find_dates("Published March 3, 2020 · Updated 5 Mar 2020")]
    [('2020-03-03', 'published'), ('2020-03-05', 'updated')]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from newsclean import lexicon
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["DATE_LANGUAGES", "Dateline", "find_dates", "numeric_order"]

#: the languages whose phrase file has a calendar
DATE_LANGUAGES = tuple(lang for lang in lexicon.available() if lexicon.calendar(lang))
_MAX_TEXT = 400
_LABEL_REACH = 48  # characters before a date where its label may stand


@dataclass(frozen=True)
class Dateline:
    """One date read in a text: the day (``YYYY-MM-DD``), what its label says it is
    (``"published"``, ``"updated"`` or ``""``) and where it starts in the text."""

    day: str
    kind: str
    start: int


@dataclass(frozen=True)
class _Reader:
    word: regex.Pattern[str]  # a date with the month in words
    digits: regex.Pattern[str]  # a date in digits
    months: dict[str, int]
    labels: tuple[tuple[str, str], ...]  # (label, kind), longest first


def _alternation(words: set[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=4)
def _reader(languages: tuple[str, ...]) -> _Reader:
    months: dict[str, int] = {}
    joiners: set[str] = set()
    day_suffixes: set[str] = set()
    year_suffixes: set[str] = set()
    markers: list[str] = []
    labels: dict[str, str] = {}
    for lang in languages:
        cal = lexicon.calendar(lang)
        for number, names in enumerate(cal.get("months", ()), start=1):
            for name in names.split():
                months.setdefault(name.casefold(), number)
        joiners.update(w.casefold() for w in cal.get("joiners", ()))
        day_suffixes.update(w.casefold() for w in cal.get("day_suffixes", ()))
        year_suffixes.update(w.casefold() for w in cal.get("year_suffixes", ()))
        if len(cal.get("ymd_markers", ())) == 3 and not markers:
            markers = list(cal["ymd_markers"])
        phrases = lexicon.load(lang)
        for kind, key in (("updated", "date_updated_labels"), ("published", "date_published_labels")):
            for label in phrases.get(key, ()):
                labels.setdefault(label.casefold(), kind)
    month = rf"(?P<m>{_alternation(set(months))})\.?" if months else r"(?P<m>(?!))"
    suffix = rf"(?:{_alternation(day_suffixes)})?" if day_suffixes else ""
    joiner = rf"(?:(?:{_alternation(joiners)})\s+)?" if joiners else ""
    year = r"(?P<y>(?:19|20)\d{2})(?!\d)"
    year_tail = rf"(?:\s*(?:{_alternation(year_suffixes)}))?" if year_suffixes else ""
    day = r"(?P<d>[0-3]?\d)"
    # "3 March 2020", "3. März 2020", "3 de marzo de 2020" | "March 3, 2020", "Mar. 3rd 2020"
    word = (
        rf"(?<![\p{{L}}\d]){day}{suffix}[\s.,/-]{{0,3}}{joiner}{month}(?!\p{{L}})[\s.,/-]{{0,3}}{joiner}{year}{year_tail}"
        rf"|(?<![\p{{L}}\d]){month.replace('?P<m>', '?P<m2>')}(?!\p{{L}})\s*(?P<d2>[0-3]?\d){suffix}(?!\d),?\s*"
        rf"{joiner}(?P<y2>(?:19|20)\d{{2}})(?!\d)"
    )
    cjk = ""
    if markers:
        y, m, d = (regex.escape(x) for x in markers)
        cjk = rf"|(?P<y4>(?:19|20)\d{{2}})\s*{y}\s*(?P<m4>[01]?\d)\s*{m}\s*(?P<d4>[0-3]?\d)\s*{d}"
    # "2020-03-03", "2020/3/3" | "03.04.2020", "3/4/2020" (ordered by the language)
    digits = (
        r"(?<![\d.])(?P<y3>(?:19|20)\d{2})(?P<s>[-/.])(?P<m3>[01]?\d)(?P=s)(?P<d3>[0-3]?\d)(?![\d])"
        r"|(?<![\d./-])(?P<a>[0-3]?\d)(?P<t>[./-])\s?(?P<b>[0-3]?\d)(?P=t)\s?(?P<y5>(?:19|20)\d{2})(?!\d)" + cjk
    )
    ordered = tuple(sorted(labels.items(), key=lambda kv: -len(kv[0])))
    return _Reader(
        regex.compile(word, regex.IGNORECASE),
        regex.compile(digits),
        months,
        ordered,
    )


def find_dates(text: str, numeric_order: str = "") -> list[Dateline]:
    """The dates printed in ``text`` (at most its first 400 characters), in order.

    Month names and labels of every language with date data are read (no two languages
    give a word different meanings). ``numeric_order`` (``"dmy"`` or ``"mdy"``, see
    :func:`numeric_order`) reads ``03/04/2020``; without it such a date is not read. A
    date that can be read one way only (``13/04/2020``) is read that way.
    """
    text = text[:_MAX_TEXT]
    if not text or not any(c.isdigit() for c in text):
        return []
    order = numeric_order
    reader = _reader(DATE_LANGUAGES)
    found: list[tuple[int, int, str]] = []
    for m in reader.word.finditer(text, timeout=REGEX_TIMEOUT):
        name = (m.group("m") or m.group("m2") or "").casefold().rstrip(".")
        number = reader.months.get(name)
        day = _day(m.group("y") or m.group("y2"), number, m.group("d") or m.group("d2"))
        if day:
            found.append((m.start(), m.end(), day))
    for m in reader.digits.finditer(text, timeout=REGEX_TIMEOUT):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        if m.group("y3"):
            day = _day(m.group("y3"), int(m.group("m3")), m.group("d3"))
        elif m.groupdict().get("y4"):
            day = _day(m.group("y4"), int(m.group("m4")), m.group("d4"))
        else:
            a, b = int(m.group("a")), int(m.group("b"))
            if b > 12 or (order == "mdy" and a <= 12):
                day = _day(m.group("y5"), a, str(b))
            elif a > 12 or order == "dmy" or a == b:
                day = _day(m.group("y5"), b, str(a))
            else:  # "03/04/2020" with no order known: either day
                day = None
        if day:
            found.append((m.start(), m.end(), day))
    found.sort()
    out: list[Dateline] = []
    previous = 0
    for start, end, day in found:
        out.append(Dateline(day, _label(text[max(previous, start - _LABEL_REACH) : start], reader), start))
        previous = end
    return out


def numeric_order(language: str | None) -> str:
    """How ``language`` orders a date in digits (``"dmy"``, ``"mdy"``), ``""`` if unknown."""
    if not language or language not in DATE_LANGUAGES:
        return ""
    order = lexicon.calendar(language).get("numeric_order", "")
    return order if order in ("dmy", "mdy") else ""


def _day(year: str | None, month: int | None, day: str | None) -> str | None:
    if not year or not month or not day:
        return None
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


_LABEL_END = regex.compile(r"[\s:：,|·•\-–—/()\[\]]+$")


def _label(before: str, reader: _Reader) -> str:
    """``"published"`` or ``"updated"`` when the text just before a date ends with such a label."""
    head = _LABEL_END.sub("", before.casefold(), timeout=REGEX_TIMEOUT)
    for word in ("on", "am", "le", "el", "em", "il", "op", "at", "um", "à", "a las", "the"):
        if head.endswith(" " + word):
            head = _LABEL_END.sub("", head[: -len(word) - 1], timeout=REGEX_TIMEOUT)
            break
    words = head.rsplit(None, 1)
    if len(words) == 2 and words[1].strip(".,") in _weekdays():  # "Published Tuesday, March 3"
        head = _LABEL_END.sub("", words[0], timeout=REGEX_TIMEOUT)
    for label, kind in reader.labels:
        if head.endswith(label) and (
            len(head) == len(label)
            or not head[-len(label) - 1].isalpha()
            or label[0] >= "\u2e80"  # CJK: no spaces between words
            or _glued(before, label)
        ):
            return kind
    return ""


def _glued(before: str, label: str) -> bool:
    """A label glued to the word before it by markup without spaces ("Jane DoeUpdated on"):
    a capital letter opens it right after a small one."""
    at = before.casefold().rfind(label)
    return 0 < at < len(before) and before[at].isupper() and before[at - 1].islower()


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(lexicon.terms("weekdays"))
