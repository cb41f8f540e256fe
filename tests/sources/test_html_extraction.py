"""HTML source choices: the fast path, the full-cascade rescue, and the JSON-LD body."""

from __future__ import annotations

import json

from trafilatura.utils import load_html

from newsclean.document import Block, Kind
from newsclean.sources.html import HtmlOptions, _prefer_structured_body, html_document

PARAS = [
    f"Paragraph {i} of the story tells what the council decided about the new bus lines and why it matters."
    for i in range(8)
]


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Bus plan</title>{head}</head><body>{body}</body></html>"


def test_article_paragraphs_come_out_as_blocks() -> None:
    html = page("<nav><a href='/'>Home</a></nav><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>")
    doc = html_document(html)
    assert [b.text for b in doc.blocks] == PARAS


def test_json_ld_body_replaces_a_much_shorter_extraction() -> None:
    full = "\n".join(PARAS * 3)
    ld = json.dumps({"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "articleBody": full}]})
    tree = load_html(page("<article><p>x</p></article>", head=f'<script type="application/ld+json">{ld}</script>'))
    extracted = [Block(Kind.PARAGRAPH, PARAS[0], 0), Block(Kind.PARAGRAPH, PARAS[1], 1)]
    blocks = _prefer_structured_body(extracted, tree, 0.6)
    assert [b.text for b in blocks] == PARAS * 3
    assert _prefer_structured_body(extracted * 8, tree, 0.6) == extracted * 8  # long enough: kept


def test_json_ld_body_with_markup_or_when_extraction_is_long_enough_is_ignored() -> None:
    article = "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>"
    marked = json.dumps({"articleBody": "<p>" + " ".join(PARAS * 3) + "</p>"})
    doc = html_document(page(article, head=f'<script type="application/ld+json">{marked}</script>'))
    assert [b.text for b in doc.blocks] == PARAS
    short = json.dumps({"articleBody": " ".join(PARAS[:6])})
    doc = html_document(page(article, head=f'<script type="application/ld+json">{short}</script>'))
    assert [b.text for b in doc.blocks] == PARAS


def test_options_are_plain_data() -> None:
    opts = HtmlOptions(fast=False, rescue_share=0.5)
    doc = html_document(page("<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>"), options=opts)
    assert len(doc.blocks) == len(PARAS)
