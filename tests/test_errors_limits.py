"""Typed errors for input that cannot be a page; limits on size, blocks, nesting and time."""

from __future__ import annotations

import gzip
import io
import random
import sys
import zipfile
from itertools import count

import pytest

import newsclean
from newsclean import (
    BinaryInputError,
    ConfigError,
    InputError,
    InputTooLargeError,
    Limits,
    NewscleanError,
    TimeBudgetExceeded,
    clean,
)
from newsclean.document import Block, Document, Kind
from newsclean.sources.nesting import flatten_nesting, max_nesting

PARAS = [
    "The city council voted on Tuesday to expand the bus network by four new lines next spring.",
    "Officials said the plan would cost about twelve million dollars over the next three years.",
    "Residents who spoke at the meeting mostly welcomed the decision, though some asked for more stops.",
    "The first of the new lines is expected to open in March, the transit authority said in a statement.",
]


def _page(body: str) -> str:
    return f"<html><head><title>Council expands buses</title></head><body><article>{body}</article></body></html>"


ARTICLE = _page("".join(f"<p>{p}</p>" for p in PARAS))


# -- binary and undecodable input --------------------------------------------------------
def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello " * 100)
    return buf.getvalue()


BINARIES = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4,
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4,
    "gif": b"GIF89a\x01\x00\x01\x00" + bytes(range(256)) * 4,
    "zip": _zip(),
    "gzip": gzip.compress(ARTICLE.encode()),
}


@pytest.mark.parametrize("kind", ["auto", "html", "text"])
@pytest.mark.parametrize("fmt", sorted(BINARIES))
def test_binary_formats_labelled_as_pages_give_a_typed_error(fmt: str, kind: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        clean(BINARIES[fmt], kind=kind)  # type: ignore[arg-type]
    assert info.value.detected == fmt
    assert fmt in str(info.value) and isinstance(info.value, InputError)


def test_random_bytes_are_an_input_error() -> None:
    data = random.Random(5).randbytes(20_000)
    with pytest.raises(InputError):
        clean(data)


def test_a_pdf_read_into_a_str_is_still_binary() -> None:
    with pytest.raises(BinaryInputError):
        clean(BINARIES["pdf"].decode("latin-1"), kind="html")


def test_wrong_type_is_an_input_error() -> None:
    with pytest.raises(InputError):
        clean(123)  # type: ignore[arg-type]


# -- valid pages without an article ------------------------------------------------------
@pytest.mark.parametrize(
    "page",
    [
        "",
        b"",
        "   \n\n  ",
        "<html><head><title>404 Not Found</title></head><body></body></html>",
        "<!doctype html><html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_pages_without_article_give_empty_text_and_a_warning(page: str | bytes) -> None:
    article = clean(page)
    assert article.text == ""
    assert "no-article-text" in article.warnings


def test_lone_surrogates_and_nul_characters_are_not_errors() -> None:
    article = clean("First paragraph \ud800 of text.\x00\n\nSecond paragraph of text.")
    assert "Second paragraph of text." in article.text


# -- limits ------------------------------------------------------------------------------
def test_over_size_input_is_a_typed_error_for_bytes_and_str() -> None:
    limits = Limits(max_input_bytes=1000)
    with pytest.raises(InputTooLargeError) as info:
        clean(b"x" * 1001, limits=limits)
    assert info.value.size == 1001 and info.value.limit == 1000
    with pytest.raises(InputTooLargeError):
        clean("x" * 1001, limits=limits)
    assert clean("word " * 200, limits=limits).text


@pytest.mark.parametrize(
    "options",
    [{"max_input_bytes": 0}, {"max_blocks": 0}, {"max_depth": 300}, {"time_budget": 0}, {"on_time_budget": "x"}],
)
def test_bad_limits_are_config_errors(options: dict) -> None:
    with pytest.raises(ConfigError):
        Limits(**options)


def test_too_many_blocks_truncates_and_flags() -> None:
    text = "\n\n".join(f"Paragraph number {i} says something complete." for i in range(50))
    article = clean(text, limits=Limits(max_blocks=10))
    assert len(article.paragraphs) <= 10
    assert "truncated-blocks" in article.warnings
    assert "truncated-blocks" not in clean(text).warnings


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_deep_nesting_keeps_the_text_without_recursion_errors(depth: int) -> None:
    html = _page("<div>" * depth + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * depth)
    article = clean(html, kind="html")
    assert "flattened-nesting" in article.warnings
    for p in PARAS:
        assert p in article.text


def test_deep_nesting_within_lxml_limits_is_left_alone() -> None:
    html = _page("<div>" * 50 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 50)
    assert flatten_nesting(html, 200) == (html, False)
    assert "flattened-nesting" not in clean(html).warnings


def test_flattening_keeps_scripts_whole_and_bounds_the_depth() -> None:
    html = "<body>" + "<div>" * 400 + "<p>x <b>bold</b></p><script>if (a<b) x='<div>';</script>" + "</div>" * 400
    flat, changed = flatten_nesting(html, 100)
    assert changed and max_nesting(flat) <= 100
    assert "<script>if (a<b) x='<div>';</script>" in flat and "bold" in flat


def test_void_and_implied_end_tags_do_not_count_as_nesting() -> None:
    html = "<ul>" + "<li>item<br><img src=x>" * 500 + "</ul>" + "<p>para" * 500
    assert max_nesting(html) <= 2


def _fake_clock(monkeypatch: pytest.MonkeyPatch, step: float) -> None:
    ticks = count()
    monkeypatch.setattr(newsclean.limits.time, "monotonic", lambda: next(ticks) * step)


def test_time_budget_skips_remaining_filters_and_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def first(doc: Document) -> None:
        ran.append("first")

    def second(doc: Document) -> None:
        ran.append("second")

    pipeline = newsclean.Pipeline([first, second])
    _fake_clock(monkeypatch, 1.0)  # each look at the clock: one more second
    article = clean("Some text.\n\nMore text.", pipeline=pipeline, limits=Limits(time_budget=2.5))
    assert ran == ["first"]
    assert "time-budget-exceeded" in article.warnings
    assert article.text  # what was extracted is returned


def test_time_budget_can_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_clock(monkeypatch, 10.0)
    with pytest.raises(TimeBudgetExceeded) as info:
        clean("Some text.", limits=Limits(time_budget=5, on_time_budget="raise"))
    assert isinstance(info.value, NewscleanError) and info.value.budget == 5


def test_no_time_budget() -> None:
    assert "time-budget-exceeded" not in clean("Some text.", limits=Limits(time_budget=None)).warnings


# -- the document stays linear and correct -----------------------------------------------
def test_document_removal_finds_blocks_in_and_out_of_order() -> None:
    a, b, c, d = (Block(Kind.PARAGRAPH, t, p) for t, p in (("a", 0), ("b", 1), ("c", 1), ("d", 0)))
    doc = Document(blocks=[a, b, c, d])  # duplicate and unordered positions (a custom source)
    doc.remove(c, filter="t", reason="r")
    doc.discard(d)
    doc.replace_block(b, b.with_text("B"))
    assert [x.text for x in doc.blocks] == ["a", "B"]
    doc.remove(Block(Kind.PARAGRAPH, "a", 0), filter="t", reason="r")  # equal but not the same object
    assert [x.text for x in doc.blocks] == ["a", "B"]


def test_filters_raising_other_errors_become_filter_errors() -> None:
    def broken(doc: Document) -> None:
        raise RecursionError("deep")

    with pytest.raises(newsclean.FilterError):
        clean("Some text.", pipeline=newsclean.Pipeline([broken]))


def test_recursion_limit_is_not_needed_for_deep_pages() -> None:
    html = _page("<div>" * 20_000 + "<p>" + PARAS[0] + "</p>" + "</div>" * 20_000)
    old = sys.getrecursionlimit()
    assert old < 20_000  # the page nests far deeper than Python could recurse
    assert PARAS[0] in clean(html).text


def test_a_lower_max_depth_flattens_a_page_the_parser_could_hold() -> None:
    # 30 levels parse fine, but the caller asked for at most 20: the parsed tree is checked
    # against the limit, so the page is flattened (and the text kept) all the same.
    html = _page("<div>" * 30 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 30)
    article = clean(html, kind="html", limits=Limits(max_depth=20))
    assert "flattened-nesting" in article.warnings
    assert all(p in article.text for p in PARAS)
    assert "flattened-nesting" not in clean(html, kind="html", limits=Limits(max_depth=40)).warnings


def test_limits_from_a_dict_or_a_toml_file(tmp_path) -> None:
    (tmp_path / "limits.toml").write_text("[limits]\nmax_input_bytes = 5_000\ntime_budget = false\n", "utf-8")
    assert Limits.from_config(tmp_path / "limits.toml") == Limits(max_input_bytes=5_000, time_budget=None)
    assert Limits.from_config({"max_blocks": 10}) == Limits(max_blocks=10)  # a bare table too
    for bad in ({"limits": {"max_bytes": 1}}, {"limits": {"max_blocks": "ten"}}, {"limits": {"max_depth": 999}}):
        with pytest.raises(ConfigError):
            Limits.from_config(bad)
    with pytest.raises(ConfigError, match="cannot read limits config"):
        Limits.from_config(tmp_path / "missing.toml")
