"""Telling HTML from text, and decoding bytes."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.sources.detect import decode, detect_kind


@pytest.mark.parametrize(
    "text",
    [
        "Use the <b> element for bold text, and close it again.",
        "If a < b and b > c then the claim holds.",
        "The tag <br> breaks a line; people often forget it.",
        "Plain article text.\n\nSecond paragraph with x<y comparisons.",
    ],
)
def test_prose_mentioning_tags_is_text(text: str) -> None:
    assert detect_kind(text) == "text"


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "  <html lang='en'><p>Hi</p></html>",
        "<p>First paragraph.</p><p>Second paragraph.</p>",
        "<div class='story'><h1>Title</h1><p>Body text.</p></div>",
        "<!-- saved page --><html><body>x</body></html>",
        "<article><p>An HTML fragment</p></article>",
    ],
)
def test_html_and_fragments_are_html(html: str) -> None:
    assert detect_kind(html) == "html"


def test_decode_utf8_cp1252_and_meta_charset() -> None:
    text = "Grüße aus Köln – “quoted”"
    assert decode(text.encode("utf-8")) == text
    assert decode(text.encode("cp1252")) == text
    html = '<html><head><meta charset="windows-1252"></head><body><p>Grüße aus Köln</p></body></html>'
    assert decode(html.encode("cp1252")) == html
    assert decode(text.encode("utf-16")) == text


def test_clean_accepts_bytes_in_other_encodings() -> None:
    page = "Überschrift des Tages\n\nVon Max Mustermann\n\nDer Text des Artikels über Köln und München.".encode(
        "cp1252"
    )
    article = newsclean.clean(page)
    assert article.authors == ["Max Mustermann"]
    assert article.paragraphs == ["Der Text des Artikels über Köln und München."]


def test_bad_argument_types() -> None:
    with pytest.raises(newsclean.InputError):
        newsclean.clean(123)  # type: ignore[arg-type]
    with pytest.raises(newsclean.InputError):
        newsclean.clean("x", kind="pdf")  # type: ignore[arg-type]


def test_empty_input_gives_empty_article_with_warning() -> None:
    for page in ("", b"", "   \n\n  "):
        article = newsclean.clean(page)
        assert article.text == "" and "no-article-text" in article.warnings
