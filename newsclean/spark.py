"""Apache Spark: clean a DataFrame column of pages into typed article columns.

    from newsclean.spark import clean_dataframe
    pages = spark.read.parquet("pages.parquet")            # a column "html" (string or binary)
    clean_dataframe(pages, "html").write.parquet("clean.parquet")

Needs ``pip install 'newsclean[spark]'`` (pyspark is imported only when this is used).
Each partition is cleaned by one Python function call (``mapPartitions``), so the
pipeline is unpickled once per partition and reused for all its rows, never rebuilt per
row. A row that cannot be cleaned gets ``error`` (``struct<type, message>``) and null
article columns; it never fails the job.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from newsclean.api import PageKind, clean
from newsclean.errors import ConfigError
from newsclean.limits import Limits
from newsclean.pipeline import Pipeline

__all__ = ["ARTICLE_COLUMNS", "article_schema", "clean_dataframe"]

ARTICLE_COLUMNS = (
    "text",
    "title",
    "subtitle",
    "authors",
    "published",
    "site_name",
    "language",
    "removed",
    "error",
)


def _pyspark_types() -> Any:
    try:
        from pyspark.sql import types
    except ImportError as exc:
        raise ImportError(
            "newsclean.spark needs pyspark: pip install 'newsclean[spark]' (and a Java 17+ runtime)"
        ) from exc
    return types


def article_schema(prefix: str = "") -> Any:
    """The Spark fields added by :func:`clean_dataframe` (a ``StructType``)."""
    t = _pyspark_types()
    string = t.StringType()
    fields = [
        t.StructField("text", string),
        t.StructField("title", string),
        t.StructField("subtitle", string),
        t.StructField("authors", t.ArrayType(string, containsNull=False)),
        t.StructField("published", string),
        t.StructField("site_name", string),
        t.StructField("language", string),
        t.StructField("removed", t.IntegerType()),
        t.StructField(
            "error", t.StructType([t.StructField("type", string, False), t.StructField("message", string, False)])
        ),
    ]
    return t.StructType([t.StructField(prefix + f.name, f.dataType, True) for f in fields])


class _CleanPartition:
    """The function Spark runs on each partition (picklable; holds the pipeline pickled)."""

    def __init__(
        self, column: int, url_column: int | None, kind: PageKind, pipeline: Pipeline | None, limits: Limits | None
    ) -> None:
        self.column, self.url_column, self.kind, self.limits = column, url_column, kind, limits
        self.blob = pickle.dumps(pipeline) if pipeline is not None else None

    def __call__(self, rows: Iterable[Any]) -> Iterator[tuple]:
        pipeline = pickle.loads(self.blob) if self.blob is not None else None  # once per partition
        for row in rows:
            yield (*row, *self.clean_row(row, pipeline))

    def clean_row(self, row: Any, pipeline: Pipeline | None) -> tuple:
        page = row[self.column]
        url = row[self.url_column] if self.url_column is not None else None
        try:
            if page is None:
                raise ValueError("the page column is null")
            data = bytes(page) if isinstance(page, bytearray) else page
            a = clean(data, url=url, kind=self.kind, pipeline=pipeline, limits=self.limits)
        except Exception as exc:  # one row's failure is that row's error, not the job's
            return (None,) * 8 + ((type(exc).__name__, str(exc)),)
        text = a.text
        return (text, a.title, a.subtitle, list(a.authors), a.published, a.site_name, a.language, len(a.removed), None)


def clean_dataframe(
    df: Any,
    column: str = "html",
    *,
    kind: PageKind = "auto",
    url_column: str | None = None,
    pipeline: Pipeline | None = None,
    prefix: str = "",
    limits: Limits | None = None,
) -> Any:
    """``df`` with the article columns added: text, title, subtitle, authors (array),
    published, site_name, language, removed (number of removals) and error
    (``struct<type, message>``, null when the row was cleaned).

    ``column`` holds the pages (string or binary; HTML or text, see ``kind``);
    ``url_column`` optionally the pages' URLs; ``prefix`` is put before each new column
    name (to avoid clashes with existing columns); ``limits`` bound each page as in
    :func:`~newsclean.clean` (a page over them gets its ``error``, see :class:`~newsclean.Limits`).
    """
    _pyspark_types()
    schema = article_schema(prefix)
    if column not in df.columns:
        raise ConfigError(f"no column {column!r} in the DataFrame (it has {', '.join(df.columns)})")
    if url_column is not None and url_column not in df.columns:
        raise ConfigError(f"no column {url_column!r} in the DataFrame")
    clash = set(schema.names) & set(df.columns)
    if clash:
        raise ConfigError(f"the DataFrame already has column(s) {sorted(clash)}; pass prefix='...'")
    try:
        fn = _CleanPartition(
            df.columns.index(column), df.columns.index(url_column) if url_column else None, kind, pipeline, limits
        )
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise ConfigError(f"the pipeline cannot be sent to Spark executors (pickling failed: {exc})") from exc
    t = _pyspark_types()
    out_schema = t.StructType(list(df.schema.fields) + list(schema.fields))
    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(fn), out_schema, verifySchema=False)
