"""``newsclean warc``: HTML 200 responses of a WARC file round-trip into JSONL, the rest is
skipped and counted. The WARC files are written here with fastwarc."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import main

from .conftest import EXAMPLE_FILE
from .optional import require

fastwarc = require("fastwarc.warc")

EXAMPLE = EXAMPLE_FILE.read_text("utf-8")


def html_page(n: int) -> bytes:
    return (
        f"<html><head><title>Story {n}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Story {n}</h1><p>First paragraph of story {n}, long enough to be article text.</p>"
        f"<p>Second paragraph of story {n} with more words in it.</p></article></body></html>"
    ).encode()


def warc_record(uri: str, payload: bytes, *, status: int = 200, ctype: str = "text/html", kind: str = "response"):
    record = fastwarc.WarcRecord()
    record.init_headers(getattr(fastwarc.WarcRecordType, kind))
    record.headers["WARC-Target-URI"] = uri
    if kind in ("response", "request"):
        if kind == "response":
            head = f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\n\r\n"
        else:
            head = f"GET / HTTP/1.1\r\nHost: {uri}\r\n\r\n"
        record.set_bytes_content(head.encode() + payload)
        record.headers["Content-Type"] = f"application/http; msgtype={kind}"
    else:
        record.set_bytes_content(payload)
    buf = io.BytesIO()
    record.write(buf)
    return record.record_id, record.headers["WARC-Date"], gzip.compress(buf.getvalue())  # one member per record


def build_warc(path: Path, pages: list[tuple[str, bytes]]) -> dict[str, tuple[str, str, bytes]]:
    """Writes the pages as HTML 200 responses, with the request and metadata records of the
    Common Crawl layout and some responses to skip; returns {record id: (uri, date, html)}."""
    chunks, expected = [], {}
    for uri, html in pages:
        chunks.append(warc_record(uri, b"", kind="request")[2])
        rid, date, data = warc_record(uri, html)
        expected[rid] = (uri, date, html)
        chunks.append(data)
        chunks.append(warc_record(uri, b"fetchTimeMs: 12\r\n", kind="metadata")[2])
    chunks.append(warc_record("https://example.org/gone", b"<html>gone</html>", status=404)[2])
    chunks.append(warc_record("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png")[2])
    chunks.append(warc_record("https://example.org/moved", b"", status=301)[2])
    path.write_bytes(b"".join(chunks))
    return expected


def run_warc(tmp_path: Path, pages: list[tuple[str, bytes]], capsys: pytest.CaptureFixture[str]):
    expected = build_warc(tmp_path / "crawl.warc.gz", pages)
    out = tmp_path / "out.jsonl"
    assert main(["warc", str(tmp_path / "crawl.warc.gz"), "-o", str(out), "--workers", "1"]) == 0
    got = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return expected, got, capsys.readouterr().err


def test_warc_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = [(f"https://news.example.org/story-{n}", html_page(n)) for n in range(3)]
    pages.append(("https://news.example.org/example", f"<html><body><pre>{EXAMPLE}</pre></body></html>".encode()))
    pages.append(("https://news.example.org/binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))  # says HTML
    expected, got, err = run_warc(tmp_path, pages, capsys)
    assert [r["id"] for r in got] == list(expected)
    for record in got:
        uri, date, html = expected[record["id"]]
        assert record["url"] == uri and record["warc_date"] == date
        if uri.endswith("binary"):
            assert record["error"]["type"] == "BinaryInputError"
            continue
        assert record["text"] == newsclean.clean(html, url=uri).text
    assert got[0]["text"].startswith("First paragraph of story 0") and got[0]["title"] == "Story 0"
    # 5 HTML 200 responses (one of them not HTML after all) and 3 skipped responses
    assert "read 8, written 5, errors 1, skipped 3" in err


def test_warc_corpus_pages_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.corpora import scrapinghub

    pages = [(p.url or f"https://example.org/{p.id}", p.html) for p in scrapinghub(limit=6, source="sample")]
    expected, got, err = run_warc(tmp_path, pages, capsys)
    assert len(got) == 6 and all("error" not in r for r in got)
    for record in got:
        uri, date, html = expected[record["id"]]
        assert (record["url"], record["warc_date"]) == (uri, date)
        assert record["text"] and record["text"] == newsclean.clean(html, url=uri).text
    assert "read 9, written 6, errors 0, skipped 3" in err


def test_warc_resume_skips_finished_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = [(f"https://news.example.org/story-{n}", html_page(n)) for n in range(4)]
    expected, got, _ = run_warc(tmp_path, pages, capsys)
    assert len(got) == len(expected) == 4
    out = tmp_path / "out.jsonl"
    lines = out.read_text("utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]), "utf-8")
    assert main(["warc", str(tmp_path / "crawl.warc.gz"), "-o", str(out), "--workers", "0", "--resume"]) == 0
    assert out.read_text("utf-8").splitlines(keepends=True) == lines
    assert "read 7, written 2, errors 0, skipped 5" in capsys.readouterr().err
