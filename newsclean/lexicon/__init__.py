"""Per-language phrase lists (``en.toml``, ``de.toml``, ...): the data the filters match.

Each file holds the same keys (see ``en.toml`` for what each means). Adding a language
is adding a file; :func:`available` lists what is shipped. Lists are merged across the
languages a filter is configured for, lower-cased and deduplicated.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["available", "load", "terms"]


@cache
def available() -> tuple[str, ...]:
    """Language codes with a shipped phrase file, sorted."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name[:-5] for f in files if f.name.endswith(".toml")))


@cache
def load(language: str) -> dict[str, tuple[str, ...]]:
    """The phrase lists of one language, as immutable tuples (``KeyError`` if not shipped)."""
    if language not in available():
        raise KeyError(f"no phrase file for language {language!r}; shipped: {', '.join(available())}")
    raw = tomllib.loads(resources.files(__name__).joinpath(f"{language}.toml").read_text("utf-8"))
    return {k: tuple(v) for k, v in raw.items() if isinstance(v, list)}


def terms(key: str, languages: tuple[str, ...] | None = None, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Merged, lower-cased, deduplicated phrases under ``key`` for ``languages`` (all if None)."""
    langs = available() if languages is None else languages
    seen: dict[str, None] = {}
    for lang in langs:
        for phrase in load(lang).get(key, ()):
            seen.setdefault(phrase.casefold(), None)
    for phrase in extra:
        seen.setdefault(phrase.casefold(), None)
    return tuple(seen)
