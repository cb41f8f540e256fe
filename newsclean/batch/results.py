"""The outcome of one record of a batch: :class:`Cleaned` or :class:`Failed`.

``Result`` is their union, and ``result.ok`` tells them apart for type checkers too::

    for result in clean_many(records):
        if result.ok:
            result.article.text  # Cleaned: article is an Article
        else:
            result.error["type"]  # Failed: error is {"type": ..., "message": ...}

Ids are always strings: a record's own id (a non-string one as its JSON text, ``5`` ->
``"5"``), else its position or line number.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from newsclean.article import Article
from newsclean.errors import ConfigError

__all__ = [
    "ARTICLE_FIELDS",
    "FORMAT_FIELDS",
    "OUTPUT_FIELDS",
    "Cleaned",
    "Failed",
    "Result",
    "article_fields",
    "check_fields",
    "record_id",
]

#: every field an output record can take from an :class:`~newsclean.Article`, in order:
#: its dataclass fields, then ``markdown`` (:meth:`Article.to_markdown
#: <newsclean.Article.to_markdown>`, made only when asked for)
ARTICLE_FIELDS: tuple[str, ...] = (*(f.name for f in fields(Article)), "markdown")

#: the body's forms: an output record carries the body once, in the form its format names
_BODY = ("text", "paragraphs", "blocks", "markdown")
#: the article fields written for each output format: the metadata and audit fields, and
#: the body as ``text``, as ``markdown``, or (``json``) as ``text`` with its typed ``blocks``
FORMAT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", *(f for f in ARTICLE_FIELDS if f not in _BODY)),
    "markdown": ("markdown", *(f for f in ARTICLE_FIELDS if f not in _BODY)),
    "json": ("text", *(f for f in ARTICLE_FIELDS if f not in _BODY), "blocks"),
}
#: the article fields a batch writes by default (format ``text``)
OUTPUT_FIELDS: tuple[str, ...] = FORMAT_FIELDS["text"]


def article_fields(article: Article, names: Collection[str]) -> dict[str, Any]:
    """The fields ``names`` (checked: :func:`check_fields`) of ``article`` as plain,
    JSON-serialisable data, in the order of ``names``."""
    values = article.to_dict()
    if "markdown" in names:
        values["markdown"] = article.to_markdown()
    return {name: values[name] for name in check_fields(names)}


def record_id(value: object) -> str:
    """A record id as a string: a string as it is, anything else as its JSON text."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def check_fields(names: Collection[str]) -> tuple[str, ...]:
    """``names`` as a tuple of article fields; :class:`~newsclean.ConfigError` for others."""
    unknown = [n for n in names if n not in ARTICLE_FIELDS]
    if unknown:
        raise ConfigError(f"unknown article field(s) {unknown}; known: {', '.join(ARTICLE_FIELDS)}")
    return tuple(names)


@dataclass(frozen=True)
class Cleaned:
    """A record that was cleaned: ``article`` holds the result (``error`` is ``None``).

    ``extra`` holds the input fields named in ``keep`` (copied unchanged).
    """

    id: str
    article: Article
    url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    error: None = None

    @property
    def ok(self) -> Literal[True]:
        return True

    def to_dict(self, fields: Collection[str] = OUTPUT_FIELDS) -> dict[str, Any]:
        """One JSON-serialisable object: the id, the kept fields, then the article fields
        named in ``fields`` (by default those of :data:`OUTPUT_FIELDS`; see :data:`ARTICLE_FIELDS`)."""
        return {"id": self.id, **self.extra, **article_fields(self.article, fields)}


@dataclass(frozen=True)
class Failed:
    """A record that could not be cleaned: ``error`` is ``{"type": ..., "message": ...}``
    (``article`` is ``None``)."""

    id: str
    error: dict[str, str]
    url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    article: None = None

    @property
    def ok(self) -> Literal[False]:
        return False

    def to_dict(self, fields: Collection[str] = OUTPUT_FIELDS) -> dict[str, Any]:
        """The id, the kept fields, ``url`` when the record had one, and ``error``."""
        out: dict[str, Any] = {"id": self.id, **self.extra}
        if self.url is not None:
            out["url"] = self.url
        out["error"] = self.error
        return out


#: the outcome of one record (``isinstance(x, Result)`` works too)
Result = Cleaned | Failed
