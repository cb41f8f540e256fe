"""``newsclean.spark.clean_dataframe`` on a local Spark session (``local[2]``): real
cleaned values, typed columns, row errors instead of a failed job."""

from __future__ import annotations

import os
import sys

import pytest

import newsclean
from newsclean import Pipeline

from .batch_filters import raise_on_marker
from .conftest import EXAMPLE_FILE, ROOT
from .optional import require

require("pyspark", extra="spark")

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

from newsclean.spark import ARTICLE_COLUMNS, clean_dataframe  # noqa: E402

EXAMPLE = EXAMPLE_FILE.read_text("utf-8")
HTML = (
    "<html><head><title>Rates rise</title><meta name='author' content='Ann Lee'></head><body>"
    "<article><h1>Rates rise</h1><p>The central bank raised rates on Tuesday, its third rise this year.</p>"
    "<p>Markets had expected the move.</p><p>Advertisement</p></article></body></html>"
)


@pytest.fixture(scope="module")
def spark():
    env = {
        "PYSPARK_PYTHON": sys.executable,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # executors run this interpreter with this checkout importable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def pages(spark):
    rows = [
        ("example", EXAMPLE, None),
        ("html", HTML, "https://news.example.org/rates"),
        ("null", None, None),
        ("raise", "Headline\n\nRAISE-ME in the body.", None),
    ]
    schema = "id string, page string, link string"
    return spark.createDataFrame(rows, schema)  # local[2]: two partitions


def test_article_columns_typed_and_cleaned(pages) -> None:
    out = clean_dataframe(pages, "page", url_column="link")
    assert out.columns == ["id", "page", "link", *ARTICLE_COLUMNS]
    types = dict((f.name, f.dataType) for f in out.schema.fields)
    assert types["authors"] == T.ArrayType(T.StringType(), False)
    assert types["removed"] == T.IntegerType()
    assert types["page_type"] == T.StringType() and types["page_type_confidence"] == T.DoubleType()
    assert types["warnings"] == T.ArrayType(T.StringType(), False)
    assert types["error"].names == ["type", "message"]
    rows = {r["id"]: r for r in out.collect()}
    assert len(rows) == 4
    expected = newsclean.clean(EXAMPLE)
    assert rows["example"]["text"] == expected.text and rows["example"]["title"] == expected.title
    assert rows["example"]["markdown"] == expected.to_markdown()
    assert rows["example"]["authors"] == expected.authors and rows["example"]["removed"] == len(expected.removed) > 0
    assert rows["example"]["site_name"] == expected.site_name and rows["example"]["error"] is None
    html = newsclean.clean(HTML, url="https://news.example.org/rates")
    assert rows["html"]["text"] == html.text and "Advertisement" not in html.text
    assert rows["html"]["text"].startswith("The central bank raised rates")
    assert rows["html"]["page_type"] == html.page_type and rows["html"]["warnings"] == html.warnings
    assert rows["html"]["page_type_confidence"] == html.page_type_confidence
    assert rows["example"]["page_type"] == expected.page_type  # text input: "article" or None
    assert rows["null"]["error"]["type"] == "ValueError" and rows["null"]["text"] is None
    assert rows["raise"]["error"] is None  # the default pipeline has no raising filter


def test_custom_pipeline_reaches_the_executors(pages) -> None:
    pipeline = Pipeline.default().without("bylines").insert(raise_on_marker)
    rows = {r["id"]: r for r in clean_dataframe(pages, "page", kind="text", pipeline=pipeline).collect()}
    assert rows["raise"]["error"]["type"] == "FilterError" and "raise_on_marker" in rows["raise"]["error"]["message"]
    assert rows["example"]["text"] == newsclean.clean(EXAMPLE, pipeline=pipeline).text
    assert rows["example"]["text"] != newsclean.clean(EXAMPLE).text  # bylines really stayed in


def test_limits_reach_the_executors(pages) -> None:
    rows = {r["id"]: r for r in clean_dataframe(pages, "page", limits=newsclean.Limits(max_input_bytes=200)).collect()}
    assert rows["example"]["error"]["type"] == "InputTooLargeError" and rows["example"]["text"] is None
    assert rows["raise"]["error"] is None and rows["raise"]["text"]  # a short page is within the limits


def test_binary_column(spark) -> None:
    pages = spark.createDataFrame(
        [("utf8", bytearray(HTML.encode("utf-8"))), ("png", bytearray(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))],
        "id string, page binary",
    )
    rows = {r["id"]: r for r in clean_dataframe(pages, "page").collect()}
    assert rows["utf8"]["text"] == newsclean.clean(HTML.encode("utf-8")).text
    assert rows["png"]["error"]["type"] == "BinaryInputError" and rows["png"]["text"] is None


def test_column_errors(pages) -> None:
    with pytest.raises(newsclean.ConfigError, match="no column"):
        clean_dataframe(pages, "html")
    out = clean_dataframe(pages, "page")
    with pytest.raises(newsclean.ConfigError, match="prefix"):
        clean_dataframe(out, "page")
    again = clean_dataframe(out.select("id", "page"), "page", prefix="nc_")
    assert "nc_text" in again.columns and "nc_error" in again.columns


def test_readme_spark_examples_run(spark, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Spark blocks, as written, in this Spark session (``getOrCreate`` finds it)."""
    from .test_readme import README, python_blocks, uses_spark

    blocks = [(line, code) for line, code in python_blocks(README.read_text("utf-8")) if uses_spark(code)]
    assert blocks
    monkeypatch.chdir(tmp_path)
    for line, code in blocks:
        exec(compile(code, f"README.md:{line}", "exec"), {"__name__": "readme_example"})


# -- WARC files ---------------------------------------------------------------------------
def test_warc_files_cleaned_in_the_executors_into_parquet(spark, tmp_path) -> None:
    pytest.importorskip("fastwarc.warc")
    from newsclean.spark import WARC_COLUMNS, clean_warc, warc_schema

    from .test_warc import build_warc, html_page

    pages = [(f"https://news.example.org/story-{n}", html_page(n)) for n in range(5)]
    pages.append(("https://news.example.org/binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))  # says HTML
    expected = build_warc(tmp_path / "a.warc.gz", pages[:3])
    expected.update(build_warc(tmp_path / "b.warc.gz", pages[3:]))
    paths = [str(tmp_path / "a.warc.gz"), f"file://{tmp_path / 'b.warc.gz'}", str(tmp_path / "missing.warc.gz")]
    cleaned = clean_warc(spark, paths)
    assert cleaned.schema == warc_schema()
    cleaned.write.parquet(str(tmp_path / "out.parquet"))
    out = spark.read.parquet(str(tmp_path / "out.parquet"))
    assert out.columns == [*WARC_COLUMNS, *ARTICLE_COLUMNS]
    types = [f.dataType.simpleString() for f in out.schema.fields]  # Parquet keeps the types (not nullability)
    assert types == [f.dataType.simpleString() for f in warc_schema().fields]
    assert types[WARC_COLUMNS.index("id")] == "string" and types[-1] == "struct<type:string,message:string>"
    rows = {r["id"]: r for r in out.collect()}
    assert len(rows) == len(expected) + 1  # the HTML 200 responses (others skipped) and the missing file
    for rid, (uri, date, html) in expected.items():
        row = rows[rid]
        assert (row["url"], row["warc_date"]) == (uri, date)
        if uri.endswith("binary"):
            assert row["error"]["type"] == "BinaryInputError" and row["text"] is None
            continue
        article = newsclean.clean(html, url=uri)
        assert row["error"] is None and row["text"] == article.text and row["title"] == article.title
        assert row["removed"] == len(article.removed)
    missing = rows[None]
    assert missing["url"].endswith("missing.warc.gz") and missing["error"]["type"] == "FileNotFoundError"


def test_warc_custom_pipeline_and_paths_as_a_dataframe(spark, tmp_path) -> None:
    pytest.importorskip("fastwarc.warc")
    from newsclean.spark import clean_warc

    from .test_warc import build_warc

    page = b"<html><body><article><p>The body says RAISE-ME here, and more words.</p></article></body></html>"
    expected = build_warc(tmp_path / "c.warc.gz", [("https://x.org/r", page)])
    files = spark.createDataFrame([(str(tmp_path / "c.warc.gz"),)], "file string")
    pipeline = Pipeline.default().insert(raise_on_marker)
    (row,) = clean_warc(spark, files, pipeline=pipeline).collect()
    assert row["id"] == next(iter(expected)) and row["error"]["type"] == "FilterError"
    with pytest.raises(newsclean.ConfigError, match="at least one"):
        clean_warc(spark, [])
