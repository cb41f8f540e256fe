"""parse_html parses exactly as trafilatura's load_html does, with a C-level class lookup."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.utils import load_html

from newsclean.sources.parse import parse_html

CASES = [
    "<html><body><article><p>One.</p><p>Two <a href='/x'>link</a>.</p></article></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding in a str.</p></body></html>',
    "<!DOCTYPE html>\n<html/>\n<body><p>Self-closing html tag.</p></body>",
    "just some words, no markup at all",
    "<p>a lone fragment</p>",
    "<div>two</div><div>blocks</div>",
    "<html><body><form><input name=q><select><option>x</option></select></form><p>Text</p></body></html>",
    "<html><body><p>NUL\x00 and other\x0b control characters</p></body></html>",
    "",
]


def _same(html: str) -> None:
    ours, theirs = parse_html(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


@pytest.mark.parametrize("html", CASES)
def test_same_tree_as_trafilatura(html: str) -> None:
    _same(html)


def test_every_element_is_an_html_element_trafilatura_takes_as_is() -> None:
    tree = parse_html(CASES[6])
    assert tree is not None
    assert all(isinstance(el, lxml.html.HtmlElement) for el in tree.iter())
    assert load_html(tree) is tree  # no re-parse: trafilatura accepts the tree itself
    assert tree.find(".//p").text_content() == "Text"


_TAGS = st.sampled_from(["<p>", "</p>", "<div class='a'>", "</div>", "<html>", "<body>", "<br>", "<a href=x>", "</a>"])
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.one_of(_TAGS, _TEXT), max_size=15).map("".join))
def test_same_tree_on_arbitrary_markup(html: str) -> None:
    _same(html)
