"""A Scrapy item pipeline that adds the cleaned article to items holding a page.

Install with ``pip install 'newsclean[scrapy]'`` and switch it on in ``settings.py``::

    ITEM_PIPELINES = {"newsclean.scrapy.CleanPipeline": 300}
    NEWSCLEAN_FIELDS = ["text", "title", "authors", "published"]   # what to add (default)

A spider yields items holding the page: the ``Response`` itself (its charset and final
URL are used), its ``body`` (bytes) or the ``html`` (str), for instance
``{"url": response.url, "response": response}``. Settings (all optional):

=========================  ===============================  ===================================================
setting                    default                          what it does
=========================  ===============================  ===================================================
``NEWSCLEAN_PIPELINE``     the shipped pipeline             a pipeline config file (TOML, as
                                                            ``Pipeline.from_config``) or dict
``NEWSCLEAN_LIMITS``       ``Limits()``                     a dict of :class:`~newsclean.Limits` fields
                                                            (``{"max_input_bytes": 5_000_000}``)
``NEWSCLEAN_PAGE_FIELDS``  ``["response", "body", "html"]``  item fields that may hold the page; the first one
                                                            present is used
``NEWSCLEAN_URL_FIELD``    ``"url"``                        item field with the page URL (a response's own
                                                            URL is used when the item has none)
``NEWSCLEAN_FIELDS``       text, title, authors, published  :class:`~newsclean.Article` fields to add
``NEWSCLEAN_FIELD_NAMES``  ``{}``                           item field names for them (``{"text": "body_text"}``)
``NEWSCLEAN_ERROR_FIELD``  ``"newsclean_error"``            where a page's error goes (``{"type", "message"}``);
                                                            empty: nowhere
``NEWSCLEAN_ON_ERROR``     ``"keep"``                       ``"drop"``: drop an item whose page fails
``NEWSCLEAN_DROP_PAGE``    ``False``                        remove the page field once cleaned (a response or
                                                            megabytes of HTML seldom belong in the output)
=========================  ===============================  ===================================================

Items without a page field pass unchanged. A ``scrapy.Item`` class must declare the
fields written. Counts go to the crawl stats (``newsclean/cleaned``,
``newsclean/no_page``, ``newsclean/error/<ErrorType>``). Cleaning runs in the crawler's
thread, tens of milliseconds a page.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem
except ImportError as _missing:  # pragma: no cover - depends on the environment
    raise ImportError("newsclean.scrapy needs Scrapy: pip install 'newsclean[scrapy]'") from _missing

from newsclean.api import clean
from newsclean.batch.results import ARTICLE_FIELDS, article_fields
from newsclean.errors import ConfigError, NewscleanError
from newsclean.limits import Limits
from newsclean.pipeline import Pipeline

__all__ = ["ARTICLE_FIELDS", "CleanPipeline"]

log: logging.Logger = logging.getLogger(__name__)

DEFAULT_FIELDS = ("text", "title", "authors", "published")
DEFAULT_PAGE_FIELDS = ("response", "body", "html")


class CleanPipeline:
    """Adds the cleaned fields of the page an item holds (see the module docstring)."""

    def __init__(
        self,
        *,
        pipeline: Pipeline | None = None,
        limits: Limits | None = None,
        page_fields: Sequence[str] = DEFAULT_PAGE_FIELDS,
        url_field: str = "url",
        fields: Sequence[str] = DEFAULT_FIELDS,
        field_names: Mapping[str, str] | None = None,
        error_field: str | None = "newsclean_error",
        on_error: str = "keep",
        drop_page: bool = False,
        stats: Any = None,
    ) -> None:
        unknown = [f for f in [*fields, *(field_names or {})] if f not in ARTICLE_FIELDS]
        if unknown:
            raise ConfigError(f"unknown article fields {unknown}; known: {list(ARTICLE_FIELDS)}")
        if on_error not in ("keep", "drop"):
            raise ConfigError(f"NEWSCLEAN_ON_ERROR must be 'keep' or 'drop', not {on_error!r}")
        if isinstance(page_fields, str) or not page_fields:
            raise ConfigError("NEWSCLEAN_PAGE_FIELDS must be a non-empty list of field names")
        self.pipeline = pipeline
        self.limits: Limits | None = limits
        self.page_fields: tuple[str, ...] = tuple(page_fields)
        self.url_field = url_field
        self.fields: tuple[str, ...] = tuple(fields)
        self.field_names: dict[str, str] = dict(field_names or {})
        self.error_field: str | None = error_field or None
        self.on_error = on_error
        self.drop_page = drop_page
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanPipeline:
        """The pipeline configured by the crawler's ``NEWSCLEAN_*`` settings."""
        settings = crawler.settings
        config = settings.get("NEWSCLEAN_PIPELINE")
        limits = settings.getdict("NEWSCLEAN_LIMITS")
        try:
            limits_value = Limits(**limits) if limits else None
        except TypeError as exc:
            raise ConfigError(f"NEWSCLEAN_LIMITS: {exc}") from exc
        return cls(
            pipeline=Pipeline.from_config(config) if config else None,
            limits=limits_value,
            page_fields=settings.getlist("NEWSCLEAN_PAGE_FIELDS", list(DEFAULT_PAGE_FIELDS)),
            url_field=settings.get("NEWSCLEAN_URL_FIELD", "url"),
            fields=settings.getlist("NEWSCLEAN_FIELDS", list(DEFAULT_FIELDS)),
            field_names=settings.getdict("NEWSCLEAN_FIELD_NAMES"),
            error_field=settings.get("NEWSCLEAN_ERROR_FIELD", "newsclean_error"),
            on_error=settings.get("NEWSCLEAN_ON_ERROR", "keep"),
            drop_page=settings.getbool("NEWSCLEAN_DROP_PAGE", False),
            stats=getattr(crawler, "stats", None),
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """``item`` with the cleaned fields added (or its error, or dropped: see the settings)."""
        adapter = ItemAdapter(item)
        name = next((f for f in self.page_fields if adapter.get(f) is not None), None)
        if name is None:
            self._count("newsclean/no_page")
            return item
        url = adapter.get(self.url_field) if self.url_field else None
        try:
            article = clean(
                adapter[name],
                url=url if isinstance(url, str) and url else None,
                pipeline=self.pipeline,
                limits=self.limits,
            )
        except NewscleanError as exc:
            self._count(f"newsclean/error/{type(exc).__name__}")
            log.warning("newsclean could not clean %s: %s", url or "an item", exc)
            if self.on_error == "drop":
                raise DropItem(f"newsclean: {type(exc).__name__}: {exc}") from exc
            if self.error_field:
                adapter[self.error_field] = {"type": type(exc).__name__, "message": str(exc)}
        else:
            self._count("newsclean/cleaned")
            for field, value in article_fields(article, self.fields).items():
                adapter[self.field_names.get(field, field)] = value
        if self.drop_page:
            del adapter[name]
        return item

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
