"""Per-language phrase lists (``en.toml``, ``de.toml``, ...): the data the filters match.

Each file holds the same keys (see ``en.toml`` for what each means). Adding a language
is adding a file; :func:`available` lists what is shipped. Lists are merged across the
languages a filter is configured for, lower-cased and deduplicated. ``shared.toml`` holds
the words no one language owns (name particles such as "van" or "de", written alike in many
languages): its lists join every language's, whichever languages a filter is configured for.

A phrase belongs in a file when it is general wording: it occurs on at least two independent
sites of the benchmark corpora (``python -m benchmarks.lexicon_audit`` counts them), or it is
documented standard wording. A file documents such a phrase in its ``documented`` table, next
to the list that holds it, with the source of the wording::

    copyright_phrases = ["all rights reserved"]
    documented."all rights reserved" = "the copyright notice of the Buenos Aires Convention"

:func:`documented` reads those notes.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["SHARED", "available", "calendar", "documented", "load", "sections", "terms"]

#: the file of words no one language owns, merged into every :func:`terms`
SHARED = "shared"


@cache
def available() -> tuple[str, ...]:
    """Language codes with a shipped phrase file, sorted (not :data:`SHARED`)."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name[:-5] for f in files if f.name.endswith(".toml") and f.name != f"{SHARED}.toml"))


def sections() -> tuple[str, ...]:
    """Every phrase file's name: the languages, then :data:`SHARED`."""
    return (*available(), SHARED)


@cache
def _read(language: str) -> dict[str, Any]:
    if language not in sections():
        raise KeyError(f"no phrase file for language {language!r}; shipped: {', '.join(available())}")
    return tomllib.loads(resources.files(__name__).joinpath(f"{language}.toml").read_text("utf-8"))


@cache
def load(language: str) -> dict[str, tuple[str, ...]]:
    """The phrase lists of one language (or of :data:`SHARED`), as immutable tuples
    (``KeyError`` if not shipped)."""
    return {k: tuple(v) for k, v in _read(language).items() if isinstance(v, list)}


@cache
def documented(language: str) -> Mapping[str, str]:
    """Phrase (case-folded) -> where the wording comes from, for the phrases of ``language``
    kept as documented standard wording (``KeyError`` if not shipped)."""
    notes = _read(language).get("documented", {})
    return MappingProxyType({str(k).casefold(): str(v) for k, v in notes.items()})


@cache
def calendar(language: str) -> Mapping[str, Any]:
    """How ``language`` writes a date: its ``[calendar]`` table (``months``, January first,
    each its names and abbreviations; ``numeric_order``; ``joiners``; ``day_suffixes``;
    ``year_suffixes``; ``ymd_markers``), read-only; empty when the file has none
    (``KeyError`` if not shipped). A calendar, not phrases: no phrase discipline applies."""
    table = _read(language).get("calendar", {})
    return MappingProxyType({str(k): tuple(v) if isinstance(v, list) else v for k, v in table.items()})


def terms(key: str, languages: tuple[str, ...] | None = None, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Merged, lower-cased, deduplicated phrases under ``key`` for ``languages`` (all if None)
    and :data:`SHARED`."""
    langs = available() if languages is None else languages
    seen: dict[str, None] = {}
    for lang in (*langs, SHARED):
        for phrase in load(lang).get(key, ()):
            seen.setdefault(phrase.casefold(), None)
    for phrase in extra:
        seen.setdefault(phrase.casefold(), None)
    return tuple(seen)
