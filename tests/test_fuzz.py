"""Property tests over generated HTML-like and text-like pages.

Invariants: ``clean()`` raises nothing but :class:`~newsclean.InputError` (input that cannot
be a page: a generated page may look binary); a ``FilterError`` or ``ExtractionError``
is a bug and fails the test (``test_the_check_fails_on_a_broken_filter`` proves it);
every output word comes from the input (up to whitespace, entity and Unicode
normalisation, or input words glued where the extractor dropped what separated them);
running the pipeline again over its own output document removes nothing more; each
example finishes within the hypothesis deadline.

Example counts come from the ``newsclean-ci`` profile (derandomized, so CI is
reproducible); ``NEWSCLEAN_FUZZ=deep`` runs ten times more, with fresh randomness.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import os
import unicodedata
from datetime import timedelta
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from newsclean import ExtractionError, FilterError, InputError, Limits, Pipeline, api, clean
from newsclean.document import Document
from newsclean.filters.bylines import Bylines
from newsclean.filters.normalize import normalize_text
from newsclean.sources.detect import sanitize
from newsclean.sources.html import html_document
from newsclean.sources.text import text_document
from newsclean.textutil import words

_COMMON = {
    "deadline": timedelta(seconds=10),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("newsclean-ci", max_examples=300, derandomize=True, **_COMMON)
settings.register_profile("newsclean-deep", max_examples=1200, **_COMMON)
FUZZ = settings.get_profile("newsclean-deep" if os.environ.get("NEWSCLEAN_FUZZ") == "deep" else "newsclean-ci")

# -- strategies --------------------------------------------------------------------------
# Lines the filters react to, so that generated pages exercise removals, not only prose.
BOILERPLATE = [
    "By Jane Doe",
    "By JANE DOE and John Roe, Associated Press",
    "Von Max Mustermann",
    "Updated 5:02 PM EST, March 3, 2020",
    "Advertisement",
    "[Photo Gallery: The launch in pictures]",
    "READ MORE: Five things to know",
    "Photo: AP",
    "(Getty Images)",
    "Share this article",
    "Sign up for our newsletter",
    "Follow us on Twitter",
    "Leave a Reply",
    "© 2024 Example Media. All rights reserved.",
    "Jane Doe covers politics for The Example Times.",
    "Related",
    "• Obama Exempts Military Personnel From Cuts",
    "- Mars Curiosity Rover Touches Down Safely",
    "# A Heading",
    "1. First point",
]
PROSE = [
    "The council voted on Tuesday to expand the bus network.",
    "Officials said the plan would cost about twelve million dollars.",
    "Die Stadt will den Bau trotz höherer Kosten fortführen.",
    "東京都は月曜日、新しい防災計画を発表した。",
    "The launch pad at dawn. (Photo: NASA)",
    "He said. [Read: Why the Fed raised rates] Then he left.",
]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#8217;", "&eacute;", "&#x1F600;", "&bogus;", "&#0;", "&#xD800;"]
# Any code point, surrogates and control characters included.
RAW = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
WORDISH = st.text(st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=30)

line = st.one_of(st.sampled_from(BOILERPLATE), st.sampled_from(PROSE), RAW, WORDISH)
text_pages = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", " "])), max_size=25).map(
    lambda parts: "".join(a + b for a, b in parts)
)

TAGS = ["div", "p", "span", "a", "article", "section", "ul", "li", "h1", "h2", "table", "tr", "td", "b", "blockquote"]
attr_value = st.one_of(st.sampled_from(["x", "main", "article-body", "nav"]), st.text(max_size=20), st.just("a" * 5000))
attrs = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "data-x", "title"]), attr_value), max_size=2).map(
    lambda pairs: "".join(f' {k}="{html_lib.escape(v)}"' for k, v in pairs)
)
leaf = st.one_of(
    st.sampled_from(BOILERPLATE),
    st.sampled_from(PROSE),
    RAW.map(html_lib.escape),
    WORDISH,
    st.sampled_from(ENTITIES),
    st.sampled_from(["<br>", "<img src=x>", "<hr/>", "<!-- c -->", "<script>var a='<p>x</p>';</script>"]),
    st.sampled_from(["<style>p{}</style>", "</div>", "<p", "<", ">", "&", "<![CDATA[x]]>"]),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, a: str, inner: list[str], closed: bool) -> str:
        return f"<{tag}{a}>" + "".join(inner) + (f"</{tag}>" if closed else "")

    return st.builds(build, st.sampled_from(TAGS), attrs, st.lists(children, max_size=5), st.booleans())


fragments = st.recursive(leaf, _element, max_leaves=25)
html_pages = st.tuples(st.lists(fragments, max_size=6), st.booleans()).map(
    lambda t: ("<!DOCTYPE html><html><head><title>T</title></head><body>" if t[1] else "") + "".join(t[0])
)


# -- invariants --------------------------------------------------------------------------
def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


_TAG = regex.compile(r"<[^<>]{0,100000}>")
_INVISIBLE = regex.compile(
    r"[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]"
)  # controls, format and private-use characters parsers drop
_RAW_ELEMENT = regex.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", regex.DOTALL | regex.IGNORECASE)


def _variants(page: str, markup: bool) -> list[str]:
    """The input as text a word may come from: tags out, entities resolved, normalised."""
    text = page.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    variants = [text]
    if markup:
        bare = html_lib.unescape(_TAG.sub("", text))
        no_raw = html_lib.unescape(_TAG.sub("", _RAW_ELEMENT.sub("", text)))
        variants += [bare, no_raw, html_lib.unescape(text)]
    variants += [normalize_text(v) for v in list(variants)]
    invisible_gone = [_INVISIBLE.sub("", v) for v in variants]
    variants += invisible_gone + [normalize_text(v) for v in invisible_gone]  # then mojibake repaired
    return variants


def _reachable(word: str, tokens: set[str]) -> bool:
    """Whether ``word`` is a concatenation of whole input tokens (which may hold dots)."""
    reach = [True] + [False] * len(word)
    for i in range(len(word)):
        if reach[i]:
            for j in range(i + 1, len(word) + 1):
                if word[i:j] in tokens:
                    reach[j] = True
    return reach[-1]


def _glued(word: str, tokens: set[str]) -> bool:
    """Whether ``word`` is input tokens glued together (where the extractor dropped the
    markup or element that separated them: ``"Doe"`` + ``"Updated"``, ``"0.0"`` + ``"By"``)."""
    if _reachable(word, tokens):
        return True
    return all(_reachable(part, tokens) for part in regex.split(r"[’'.-]", word) if part)


def _check(page: str, kind: str) -> None:
    try:
        article = clean(page, kind=kind)  # type: ignore[arg-type]
    except InputError:  # the only acceptable failure: input that cannot be a page
        return
    variants = _variants(page, markup=kind == "html")
    haystack = "\x00".join(_fold(v) for v in variants)
    tokens = {_fold(t) for v in variants for t in words(v)}
    for w in words(article.text):
        assert _fold(w) in haystack or _glued(_fold(w), tokens), f"output word {w!r} is not in the input"
    # the pipeline again over its own output document (blocks, kinds and one-shot steps
    # as the first run left them)
    first = Pipeline.default().run(_document(page, kind))
    kept = list(first.blocks)
    first.removed.clear()
    again = Pipeline.default().run(first)
    assert again.removed == [], f"a second pass removed more: {again.removed}"
    assert again.blocks == kept


def _document(page: str, kind: str) -> Document:
    """The document ``clean()`` hands to the pipeline."""
    text = sanitize(page)
    if kind == "html":
        return html_document(text, max_depth=Limits().max_depth)
    return text_document(text)


@FUZZ
@given(text_pages)
def test_text_pages(page: str) -> None:
    _check(page, "text")


@settings(FUZZ, max_examples=FUZZ.max_examples // 2)  # an HTML example costs ~10 text ones
@given(html_pages)
def test_html_pages(page: str) -> None:
    _check(page, "html")


@FUZZ
@given(st.one_of(text_pages, html_pages))
def test_auto_detection_and_bytes(page: str) -> None:
    data = page.encode("utf-8", "surrogatepass")
    with contextlib.suppress(InputError):
        clean(data)


# -- the checks can fail -----------------------------------------------------------------
def test_the_check_fails_on_a_broken_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shipped filter made to raise IndexError on every call fails the fuzz tests."""

    def broken(self: object, doc: Document) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(Bylines, "__call__", broken)
    with pytest.raises(FilterError) as caught:
        _check("Headline\n\nBy Jane Doe\n\nThe council voted on Tuesday.", "text")
    assert caught.value.filter == "bylines"
    for fuzz_test in (test_text_pages, test_html_pages, test_auto_detection_and_bytes):
        with pytest.raises(FilterError):
            _quick(fuzz_test)()


def test_the_check_fails_on_a_broken_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside the HTML source (an ExtractionError) fails the fuzz tests too."""

    def broken(*args: object, **kwargs: object) -> Document:
        raise ValueError("extractor failed")

    monkeypatch.setattr(api, "html_document", broken)
    with pytest.raises(ExtractionError):
        _check("<html><body><p>The council voted on Tuesday.</p></body></html>", "html")
    with pytest.raises(ExtractionError):
        _quick(test_html_pages)()


def _quick(fuzz_test: Any) -> Any:
    """The same fuzz test with a few examples and no shrinking (a failure is expected)."""
    inner = fuzz_test.hypothesis.inner_test
    strategy = {"test_text_pages": text_pages, "test_html_pages": html_pages}.get(
        fuzz_test.__name__, st.one_of(text_pages, html_pages)
    )
    return settings(FUZZ, max_examples=10, phases=[Phase.generate])(given(strategy)(inner))
