"""Apache Spark: clean a DataFrame column of pages, or WARC files, into typed article columns.

    from newsclean.spark import clean_dataframe, clean_warc
    pages = spark.read.parquet("pages.parquet")            # a column "html" (string or binary)
    clean_dataframe(pages, "html").write.parquet("clean.parquet")
    clean_warc(spark, ["crawl/a.warc.gz", "crawl/b.warc.gz"]).write.parquet("crawl.parquet")

Needs ``pip install 'newsclean[spark]'`` (pyspark is imported only when this is used;
:func:`clean_warc` needs ``newsclean[warc]`` on the executors too). Each partition is
cleaned by one Python function call (``mapPartitions``), so the pipeline is unpickled
once per partition and reused for all its rows, never rebuilt per row. A row that cannot
be cleaned gets ``error`` (``struct<type, message>``) and null article columns; it never
fails the job.

The article columns are declared once, in :data:`COLUMNS` (name, Spark type, value from
the :class:`~newsclean.Article`): :func:`article_schema` and the rows both follow it, so
a new column is one line there.
"""

from __future__ import annotations

import importlib
import logging
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from newsclean.api import PageKind, clean
from newsclean.article import Article
from newsclean.errors import ConfigError
from newsclean.limits import Limits
from newsclean.pipeline import Pipeline

__all__ = ["ARTICLE_COLUMNS", "COLUMNS", "WARC_COLUMNS", "article_schema", "clean_dataframe", "clean_warc"]

log = logging.getLogger(__name__)


class Column(NamedTuple):
    """One article column: its name, its Spark type (from ``pyspark.sql.types``), its value."""

    name: str
    type: Callable[[Any], Any]
    value: Callable[[Article], Any]


def _string(t: Any) -> Any:
    return t.StringType()


#: the article columns, in order (``error`` follows them)
COLUMNS: tuple[Column, ...] = (
    Column("text", _string, lambda a: a.text),
    Column("markdown", _string, lambda a: a.to_markdown()),
    Column("title", _string, lambda a: a.title),
    Column("subtitle", _string, lambda a: a.subtitle),
    Column("authors", lambda t: t.ArrayType(t.StringType(), containsNull=False), lambda a: list(a.authors)),
    Column("published", _string, lambda a: a.published),
    Column("site_name", _string, lambda a: a.site_name),
    Column("language", _string, lambda a: a.language),
    Column("page_type", _string, lambda a: a.page_type),
    Column("page_type_confidence", lambda t: t.DoubleType(), lambda a: a.page_type_confidence),
    Column("warnings", lambda t: t.ArrayType(t.StringType(), containsNull=False), lambda a: list(a.warnings)),
    Column("removed", lambda t: t.IntegerType(), lambda a: len(a.removed)),
)
ARTICLE_COLUMNS = (*(c.name for c in COLUMNS), "error")
#: the columns :func:`clean_warc` puts before the article columns
WARC_COLUMNS = ("id", "url", "warc_date")


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
    error = t.StructType([t.StructField("type", string, False), t.StructField("message", string, False)])
    fields = [t.StructField(prefix + c.name, c.type(t), True) for c in COLUMNS]
    return t.StructType([*fields, t.StructField(prefix + "error", error, True)])


def article_values(article: Article) -> tuple[Any, ...]:
    """The article columns' values of one cleaned page (``error`` null)."""
    return (*(c.value(article) for c in COLUMNS), None)


def error_values(exc: BaseException) -> tuple[Any, ...]:
    """The article columns' values of a page that could not be cleaned."""
    return (None,) * len(COLUMNS) + ((type(exc).__name__, str(exc)),)


class _CleanPartition:
    """The function Spark runs on each partition (picklable; holds the pipeline pickled)."""

    def __init__(
        self, column: int, url_column: int | None, kind: PageKind, blob: bytes | None, limits: Limits | None
    ) -> None:
        self.column, self.url_column, self.kind, self.blob, self.limits = column, url_column, kind, blob, limits

    def __call__(self, rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        pipeline = pickle.loads(self.blob) if self.blob is not None else None  # once per partition
        for row in rows:
            yield (*row, *self.clean_row(row, pipeline))

    def clean_row(self, row: Any, pipeline: Pipeline | None) -> tuple[Any, ...]:
        page = row[self.column]
        url = row[self.url_column] if self.url_column is not None else None
        try:
            if page is None:
                raise ValueError("the page column is null")
            data = bytes(page) if isinstance(page, bytearray) else page
            return article_values(clean(data, url=url, kind=self.kind, pipeline=pipeline, limits=self.limits))
        except Exception as exc:  # one row's failure is that row's error, not the job's
            return error_values(exc)


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
    url_index = df.columns.index(url_column) if url_column else None
    fn = _CleanPartition(df.columns.index(column), url_index, kind, _pickled(pipeline), limits)
    t = _pyspark_types()
    out_schema = t.StructType(list(df.schema.fields) + list(schema.fields))
    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(fn), out_schema, verifySchema=False)


def _pickled(pipeline: Pipeline | None) -> bytes | None:
    """The pipeline as the executors get it (``None``: the default pipeline)."""
    try:
        return pickle.dumps(pipeline) if pipeline is not None else None
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise ConfigError(f"the pipeline cannot be sent to Spark executors (pickling failed: {exc})") from exc


# -- WARC files ---------------------------------------------------------------------------
def warc_schema() -> Any:
    """The columns of :func:`clean_warc`: :data:`WARC_COLUMNS` (strings), then the article columns."""
    t = _pyspark_types()
    head = [t.StructField(name, t.StringType(), True) for name in WARC_COLUMNS]
    return t.StructType(head + list(article_schema().fields))


class _CleanWarcFiles:
    """The function Spark runs on each partition of WARC file paths."""

    def __init__(self, blob: bytes | None, limits: Limits | None) -> None:
        self.blob, self.limits = blob, limits

    def __call__(self, paths: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        from newsclean.batch.records import Stats, warc_responses

        pipeline = pickle.loads(self.blob) if self.blob is not None else None  # once per partition
        for path in paths:
            stats = Stats()
            try:
                with _open(path) as stream:
                    for record in warc_responses(stream, stats):
                        head = (record["id"], record["url"], record["warc_date"])
                        try:
                            article = clean(record["html"], url=record["url"], pipeline=pipeline, limits=self.limits)
                            yield (*head, *article_values(article))
                        except Exception as exc:  # one record's failure is that record's error
                            yield (*head, *error_values(exc))
            except Exception as exc:  # a file that cannot be read (or breaks off): one error row for it
                log.warning("WARC file %s: %s: %s", path, type(exc).__name__, exc)
                yield (None, path, None, *error_values(exc))
            log.info("WARC file %s: %d responses read, %d skipped", path, stats.read, stats.skipped)


def _open(path: str) -> Any:
    """A binary stream of ``path``: a local path or ``file://`` URL, or any URL fsspec
    knows (``s3://``, ``hdfs://``, ... with fsspec and its filesystem installed)."""
    if "://" not in path or path.startswith("file://"):
        return open(path.removeprefix("file://"), "rb")
    try:
        fsspec = importlib.import_module("fsspec")
    except ImportError as exc:
        raise ConfigError(f"reading {path} needs fsspec (pip install fsspec and its filesystem)") from exc
    return fsspec.open(path, "rb").open()


def clean_warc(
    spark: Any,
    paths: str | Sequence[str] | Any,
    *,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    partitions: int | None = None,
) -> Any:
    """The HTML 200 responses of WARC files, cleaned in the executors, as a DataFrame:
    ``id`` (WARC-Record-ID), ``url`` (WARC-Target-URI), ``warc_date``, then the article
    columns of :func:`clean_dataframe` (``error`` for a record that could not be cleaned).

    ``paths`` is a path, a list of paths, or a DataFrame whose first column holds them
    (local paths every executor can read, ``file://`` URLs, or URLs of a filesystem
    fsspec knows). The executors read the files themselves (fastwarc, any compression):
    a file is the unit of work, so ``partitions`` (default: one per file) spreads the files
    over the cores. Responses that are not HTML with status 200 are skipped, as by
    ``newsclean warc``; a file that cannot be read gives one row with its path as ``url``
    and the ``error``.
    """
    _pyspark_types()
    if isinstance(paths, str):
        paths = [paths]
    if isinstance(paths, Sequence):
        names = [str(p) for p in paths]
    else:  # a DataFrame: its first column, read here (a list of files is small)
        names = [row[0] for row in paths.select(paths.columns[0]).collect()]
    if not names:
        raise ConfigError("clean_warc needs at least one WARC file")
    files = spark.sparkContext.parallelize(names, numSlices=partitions or len(names))  # evenly: one slice per file
    fn = _CleanWarcFiles(_pickled(pipeline), limits)
    return spark.createDataFrame(files.mapPartitions(fn), warc_schema(), verifySchema=False)
