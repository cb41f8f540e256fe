"""readability-lxml's view of a page, as a flat body tree of the extractor's kind."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from newsclean.sources.second_opinion import readability_body

pytest.importorskip("readability")

PARAS = [
    f"Paragraph {i}, which tells the reader what the council decided about the new bus lines, and why, in detail."
    for i in range(6)
]


def test_the_article_comes_as_blocks_and_the_tree_is_left_alone() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='story'>"
        "<h2>What changes</h2>" + "".join(f"<p>{p}</p>" for p in PARAS) + "<ul><li>Route 12</li><li>Route 14</li></ul>"
        "</div><footer>Example Gazette, 1 Quay Street</footer></body></html>"
    )
    tree = load_html(html)
    before = len(list(tree.iter()))
    body = readability_body(tree)
    assert body is not None and body.tag == "body"
    tags = [el.tag for el in body]
    assert tags.count("p") == len(PARAS) and "head" in tags
    text = " ".join(body.itertext())
    assert "Example Gazette" not in text and "Home" not in text
    assert len(list(tree.iter())) == before


def test_a_page_without_text_gives_nothing() -> None:
    assert readability_body(load_html("<html><body><div></div></body></html>")) is None
