"""Author strings from page metadata → clean person names and organisations.

Structured sources (JSON-LD, meta tags, byline elements) give author strings of every
shape: ``"Jane Doe"``, ``"By JANE DOE and John Smith"``, ``"Levi Parsons For Daily Mail
Australia"``, ``"https://example.com/author/jane"``, ``"Email the author"``,
``"Jane Doe, MD"``. :func:`clean_author` turns one such string into person names (name-
cased, no roles, dates, emails, URLs or handles) and organisations, and
:func:`same_person` / :func:`name_key` compare names across sources.

Structured strings are trusted more than body text: a one-word author (``"stephenlega"``)
or a lower-case one is kept when a page's markup says it is the author, while
:class:`~newsclean.metadata.byline_parser.BylineParser` (for body text) insists on 2-5
capitalised words.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from newsclean import lexicon
from newsclean.metadata.byline_parser import (
    CONTACTS,
    ORG_WORDS,
    PARTICLES,
    BylineParser,
    byline_parser,
    name_case,
)
from newsclean.textutil import REGEX_TIMEOUT, compile_phrases, fold_accents, phrase_alternation

__all__ = ["clean_author", "is_bad_name", "name_key", "same_person"]

_SPLIT = regex.compile(
    r"\s*(?:[|;/\n·•⋅、，]|,|\s&\s|&(?=\s)|\band\b|\bund\b|\bet\b|\bwith\b|\bavec\b|\s[-–—]\s"
    r"|\s(?:y|e|en|i|og|и)\s(?=\p{Lu}))\s*",  # "Ana Ruiz y Luis Gil", "Jan de Vries en Piet Bos"
    regex.IGNORECASE,
)
# Co-authors in brackets: "Jean Dupont (avec Marie Curie et Paul Martin)", "Jane Doe (with John Roe)".
_WITH = compile_phrases(lexicon.terms("coauthor_words"), prefix=r"\(", suffix=r"\s+([^()]{2,200})\)")
# "Doe, Jane" (last name first, as library catalogues and some CMSs write authors).
_LAST_FIRST = regex.compile(r"(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?)?)")
# "Jane Doe for Example News", "Jane Doe at Example University": the rest is no name
_FOR_OUTLET = compile_phrases(
    (*lexicon.terms("outlet_prepositions"), *lexicon.terms("workplace_prepositions")),
    prefix=r"\s+",
    suffix=r"\s+(?=\p{Lu}|the\b)",
)
_HONORIFIC = compile_phrases(lexicon.terms("honorifics"), prefix="^", suffix=r"\.?\s+")
# Credentials after a name: "MD", "PhD", "RN", "E-RYT 200", "CFP®".
_CREDENTIAL = regex.compile(
    r"\p{Lu}[\p{Lu}.®-]{0,6}[a-z]?[\p{Lu}.]{0,3}"
    r"|(?i:ph\.?\s?d|m\.?\s?d|m\.?\s?sc?|b\.?\s?sc?|m\.?\s?a|mba|jr|sr|ii|iii|iv)\.?"
)
# Byline labels glued to the name or followed by a colon: "ByAmy Roeder", "by:Jane", "Author: Jane".
_LOOSE_PREFIX = regex.compile(
    r"^(?:(?:recipe|story|words|text|article|post|photos?)\s+)?(?:authored\s+by|written\s+by|posted\s+by|by|von|par|"
    r"eingestellt\s+von|geschrieben\s+von|verfasst\s+von|ver(?:ö|oe)ffentlicht\s+von|"
    r"author|autor|autorin|verfasst\s+von)\s*:\s*|^(?-i:By|Von)(?=(?-i:\p{Lu}\p{Ll}))|^(?:recipe|story|words|article)\s+by\s+"
    r"|^(?:author|autor|autorin)\s+(?=\p{Lu})|^(?:eingestellt|geschrieben|verfasst|ver(?:ö|oe)ffentlicht)\s+von\s+"
    # the byline word of other languages before a capitalised name: "Par Jean Dupont", "Por Ana Ruiz",
    # "Door Jan Bos", "Przez Jana Nowak", "di Mario Rossi" (lower case: "Di Maria" is a name)
    r"|^(?:par|por|door|przez|автор|(?-i:di))\s+(?=\p{Lu})",
    regex.IGNORECASE,
)
# Words that head an institution's name ("Center for ...", "Example Inc."): ``org_heads``.
_ORG_HEADS = frozenset(lexicon.terms("org_heads"))
# Credits that are not authorship: "Updated by ...", "Reviewed by ...", "Edited by ...".
_NOT_AUTHOR_TAIL = regex.compile(
    r"(?:^|[\s,.;|·•-])(?:last\s+)?(?:updated|reviewed|edited|fact[- ]?checked|medically\s+reviewed|illustrated|"
    r"photographed|photos?|translated|aktualisiert|geprüft|bearbeitet|übersetzt)\s+(?:by|von)\b.{0,300}$",
    regex.IGNORECASE,
)
# "... on Friday, December 19", "... on behalf of X", "... am 3. März": the rest is no name.
_DATE_TAIL = regex.compile(
    r"\s+(?:on\s+behalf\s+of\b|(?:on|am|at|um|le)\s+(?=\d|"
    + phrase_alternation((*lexicon.terms("months"), *lexicon.terms("weekdays")))  # every phrase file's
    + r"\b)).{0,300}$",
    regex.IGNORECASE,
)
_DOMAIN = regex.compile(r"(?:[\w-]{1,63}\.){1,4}(?:com|net|org|de|at|ch|uk|co|io|info|eu|fr|es|it|nl|in|us|ca|au)")
_SYMBOL = regex.compile(r"[@:/\\|<>{}\[\]#=+*©®™%$§]")
_TEMPLATE = regex.compile(r"[\w-]{1,40}(?:\.[\w-]{1,40}){3,8}|\{\{.{0,80}\}\}|\$\{.{0,80}\}")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")
_MAX_WORDS = 6


@lru_cache(maxsize=8)
def _parser(languages: tuple[str, ...] | None) -> BylineParser:
    return byline_parser(languages)


def clean_author(
    raw: str, *, languages: tuple[str, ...] | None = None, site_names: tuple[str, ...] = ()
) -> tuple[list[str], list[str]]:
    """``(persons, organisations)`` named by one structured author string.

    ``site_names`` (the site's name, its host) mark ``"Podium Staff"``-like strings as the
    outlet's own byline (an organisation), not a person called "Podium"."""
    if not raw or len(raw) > 300:
        return [], []
    parser = _parser(languages)
    text = " ".join(raw.split())
    text = _NOT_AUTHOR_TAIL.sub("", text, timeout=REGEX_TIMEOUT).strip()
    text = _DATE_TAIL.sub("", text, timeout=REGEX_TIMEOUT).strip()
    if not text:
        return [], []
    if CONTACTS.fullmatch(text, timeout=REGEX_TIMEOUT):
        return [], []
    text = CONTACTS.sub(" | ", text, timeout=REGEX_TIMEOUT)
    m = parser.prefix.match(text, timeout=REGEX_TIMEOUT) or _LOOSE_PREFIX.match(text, timeout=REGEX_TIMEOUT)
    if m:
        text = text[m.end() :]
    if _is_org_name(text):
        return [], [text.strip(" .,")]
    text = _WITH.sub(r", \1", text, timeout=REGEX_TIMEOUT)
    text = _first_names_first(text)
    persons: list[str] = []
    orgs: list[str] = []
    parts = [p.strip(" ,.;:|+()[]\"'") for p in _SPLIT.split(text, timeout=REGEX_TIMEOUT)]
    for part in parts:
        if not part:
            continue
        m = parser.prefix.match(part, timeout=REGEX_TIMEOUT)
        if m:
            part = part[m.end() :].strip()
        outlet = None
        pieces = _FOR_OUTLET.split(part, maxsplit=1, timeout=REGEX_TIMEOUT)
        if (len(pieces) == 2 and pieces[1][:1].isupper()) or (len(pieces) == 2 and pieces[1].startswith("the ")):
            part, outlet = pieces[0].strip(), pieces[1].strip(" .")
        role = parser.role_tail.search(part, timeout=REGEX_TIMEOUT)
        if role and role.start() > 0:
            rest = part[: role.start()].strip(" ,")
            if " " not in rest or any(
                _site_key(rest) in _site_key(n) or _site_key(n) in _site_key(rest) for n in site_names
            ):
                orgs.append(part)  # "Podium Staff", "SFist Contributor": the outlet's own byline
                continue
            part = rest
        if outlet:
            orgs.append(outlet)
        part = _strip_leading_time(part, parser)
        part = _strip_trailing_time(part, parser)
        part = _undouble(part)
        tokens = part.split()
        caps = len(tokens)
        while caps > 0 and tokens[caps - 1].isupper() and len(tokens[caps - 1]) >= 2:
            caps -= 1
        if caps >= 2 and len(tokens) - caps >= 2 and not tokens[0].isupper():
            # "Jane Roe CITY HERALD": an all-caps outlet glued after a name
            orgs.append(" ".join(tokens[caps:]))
            part = " ".join(tokens[:caps])
        if part.casefold().strip(" .") in parser.agencies:
            orgs.append(part)  # "Jane Doe, AFP": the agency she writes for
            continue
        if persons and _is_credential(part):
            continue  # "Jane Doe, MD", "Ann Lee, E-RYT 200"
        if persons and " " in persons[-1] and " " not in part.strip() and "-" not in part[:1]:
            continue  # "Kim Stone, Dietitian", "Sam Vale, Co-Founder": a one-word title after a full name
        kind = classify(part, parser)
        if kind == "person":
            persons.append(_tidy(part))
        elif kind == "org":
            orgs.append(part)
    return unique_people(persons), unique_people(orgs)


def _first_names_first(text: str) -> str:
    """``"Doe, Jane"`` → ``"Jane Doe"``; ``"Doe, Jane; Roe, John"`` → ``"Jane Doe, John Roe"``
    (every ``;``-separated piece must be "Last, First"; ``"Doe, MD"`` is a credential)."""
    pieces = [p.strip() for p in text.split(";")]
    flipped = []
    for piece in pieces:
        m = _LAST_FIRST.fullmatch(piece, timeout=REGEX_TIMEOUT)
        if not m or _is_credential(m.group(2)) or m.group(2).casefold().strip(".") in ("jr", "sr"):
            return text
        flipped.append(f"{m.group(2)} {m.group(1)}")
    return ", ".join(flipped)


def classify(part: str, parser: BylineParser | None = None) -> str:
    """``"person"``, ``"org"`` or ``"junk"`` for one name-sized piece of an author string."""
    parser = parser or _parser(None)
    folded = part.casefold().strip(" .")
    if not folded or not _LETTER.search(part) or _SYMBOL.search(part, timeout=REGEX_TIMEOUT):
        return "junk"
    if folded in parser.noise or folded in parser.roles or parser.is_date_line(part) or parser.is_role(part):
        return "junk"
    if folded in parser.openers:  # a byline word left alone ("By", "Von")
        return "junk"
    if _DIGIT.search(part):  # "12 min read", "March 3, 2020"; "john123" is a user name
        if _looks_username(part):
            return "person"
        words = part.split()
        if (
            2 <= len(words) <= 4
            and words[0][:1].isdigit()
            and all(w[:1].isupper() for w in words[1:])
            and not any(w.casefold() in _STOPWORDS for w in words)
            and not parser.is_date_line(part)
        ):
            return "org"  # "98 Buck Social", "3i Global": a brand with a number
        return "junk"
    if folded in parser.agencies:
        return "org"
    words = part.split()
    if len(words) > _MAX_WORDS:
        return "junk"
    if any(w.strip(".,").casefold() in ORG_WORDS for w in words) or folded.endswith((" team", " editors", " staff")):
        return "org"
    if folded in _NOT_NAMES:
        return "junk"
    if folded in {"team", "staff", "editors", "editorial"}:
        return "org"
    if len(words) > 1 and any(w[:1].islower() and w not in PARTICLES for w in words) and not part.islower():
        return "junk"  # "Personal finance": a phrase, not a name
    if _DOMAIN.fullmatch(part, timeout=REGEX_TIMEOUT):
        return "org"  # "example-zeitung.de": the site, not a person
    if _TEMPLATE.fullmatch(part, timeout=REGEX_TIMEOUT):
        return "junk"  # "page.head.extra.author": an unfilled template key
    if words[0] in ("The", "Die", "Der", "Das") and all(w[:1].isupper() for w in words[1:]):
        return "org"  # "The Texas Newsroom"
    if any(w.casefold() in _STOPWORDS for w in words):
        return "junk"
    return "person"


# Ordinary words that never occur in a person's name: their presence means the string
# is a phrase ("Email the author", "View all posts", "Hours ago"), not a name.
_STOPWORDS = frozenset(lexicon.terms("not_name_words")) - PARTICLES


def _site_key(text: str) -> str:
    return name_key(text).replace(" ", "") or "\x00"


def _is_org_name(text: str) -> bool:
    """A whole author string that names an institution ("Center for Drug Evaluation and Research")."""
    words = text.strip(" .,").split()
    return (
        2 <= len(words) <= 10
        and any(w.casefold().strip(",") in _ORG_HEADS for w in words)
        and all(w[:1].isupper() or w in ("of", "for", "and", "the", "&", "für", "und", "der", "des") for w in words)
    )


_RELATIVE_TIME = frozenset(lexicon.terms("relative_time_words"))  # "3 hours ago", "vor 3 Stunden"


def _strip_leading_time(part: str, parser: BylineParser) -> str:
    """``"Hours Ago Josh Constine"`` → ``"Josh Constine"`` (a timestamp glued before a name)."""
    tokens = part.split()
    n = 0
    while n < len(tokens) - 1 and (tokens[n].casefold().strip(",.") in parser.date_words or tokens[n][:1].isdigit()):
        n += 1
    # "May Smith" and "98 Buck Social" stay: a stamp has a date or time word ("3 hours ago")
    run = [t.casefold().strip(",.") for t in tokens[:n]]
    relative = any(t in _RELATIVE_TIME for t in run)
    stamp = relative or (any(t[:1].isdigit() for t in run) and any(t in parser.date_words for t in run))
    return " ".join(tokens[n:]) if n and stamp else part


def _strip_trailing_time(part: str, parser: BylineParser) -> str:
    """``"Luke Kim December 17, 2025"`` → ``"Luke Kim"`` (a date glued after a name)."""
    tokens = part.split()
    n = len(tokens)
    while n > 1 and (tokens[n - 1].casefold().strip(",.") in parser.date_words or tokens[n - 1][:1].isdigit()):
        n -= 1
    dated = any(t[:1].isdigit() for t in tokens[n:])  # "Jane May" stays: a date has a number
    return " ".join(tokens[:n]) if n < len(tokens) and dated else part


def _undouble(part: str) -> str:
    """``"Jane Doe Jane Doe"`` (a name printed twice by nested markup) → ``"Jane Doe"``."""
    tokens = part.split()
    half = len(tokens) // 2
    if len(tokens) >= 2 and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    return part


def _is_credential(part: str) -> bool:
    tokens = part.split()
    if len(tokens) == 2 and tokens[1].isdigit():
        tokens = tokens[:1]
    shaped = all(_CREDENTIAL.fullmatch(t, timeout=REGEX_TIMEOUT) for t in tokens)
    return shaped and (len(tokens) == 1 or all(len(t) <= 3 for t in tokens))


# Placeholders and account words that CMSs put where an author name belongs.
_NOT_NAMES = frozenset(lexicon.terms("author_placeholders"))


_USERNAME = regex.compile(r"[\p{L}_.-]{2,30}\d{0,4}")
_NOT_WORD_OR_SPACE = regex.compile(r"[^\w\s]")


def _looks_username(part: str) -> bool:
    return " " not in part and bool(_USERNAME.fullmatch(part, timeout=REGEX_TIMEOUT))


def _tidy(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.;:")
    if " " in name and name.isupper():
        name = name_case(name)
    return name


def name_key(name: str) -> str:
    """A comparison key: case, accents, honorifics and punctuation ignored."""
    name = _HONORIFIC.sub("", name.strip(), timeout=REGEX_TIMEOUT)
    return " ".join(_NOT_WORD_OR_SPACE.sub(" ", fold_accents(name), timeout=REGEX_TIMEOUT).split())


def same_person(a: str, b: str) -> bool:
    """``"Jane Doe"`` ~ ``"JANE DOE"`` ~ ``"Jane A. Doe"`` ~ ``"Dr. Jane Doe"``."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1]:
        return True
    return ka.replace(" ", "") == kb.replace(" ", "")


def is_bad_name(name: str) -> bool:
    """Whether a returned author would be junk: an email, URL, handle, date, noise or role
    word (a person or an organisation credited as the author is not)."""
    return bool(CONTACTS.search(name, timeout=REGEX_TIMEOUT)) or classify(name) == "junk"


def unique_people(names: list[str]) -> list[str]:
    """``names`` in order, each person once (``"JANE DOE"``, ``"Jane A. Doe"`` and ``"Jane Doe"``
    are one person: see :func:`same_person`); empty names dropped."""
    out: list[str] = []
    for n in names:
        if n and not any(same_person(n, o) for o in out):
            out.append(n)
    return out
