"""The body's structure: typed blocks from HTML and text, and their Markdown.

Fixtures (``fixtures/structure/``): an invented article page with a relative-link
``<base>``, nested lists, a table with a header row, a quote, code with its language and
paragraphs that look like Markdown; a text dump with underlined headings, bullets,
numbers and a quote. Each has the Markdown it must give next to it.
"""

from __future__ import annotations

import json

from newsclean import Article, HtmlOptions, Kind, clean
from newsclean.blocks import BodyBlock, Cell, Image, Link
from newsclean.markdown import render

from .conftest import FIXTURES

STRUCTURE = FIXTURES / "structure"
PAGE_URL = "https://gazette.example.org/stories/riverside-library"


def page_article() -> Article:
    return clean((STRUCTURE / "page.html").read_bytes(), url=PAGE_URL)


def test_html_blocks_have_kinds_levels_groups_and_cells() -> None:
    article = page_article()
    kinds = [b.kind for b in article.blocks]
    assert kinds.count(Kind.HEADING) == 2 and kinds.count(Kind.CODE) == 1
    items = [b for b in article.blocks if b.kind is Kind.LIST_ITEM]
    assert [(b.text, b.level, b.ordered) for b in items[:3]] == [
        ("Sorting the drawers by branch", 0, False),
        ("Main branch first", 1, False),
        ("Then the two smaller branches", 1, False),
    ]
    assert len({b.group for b in items[:5]}) == 1  # nested items belong to their outer list
    assert items[5].ordered and items[5].group != items[0].group
    rows = [b for b in article.blocks if b.kind is Kind.TABLE]
    assert [c.header for c in rows[0].cells] == [True, True, True]
    assert rows[1].cells == (Cell("Sorting"), Cell("310"), Cell("48,000"))
    quotes = [b for b in article.blocks if b.kind is Kind.QUOTE]
    assert len(quotes) == 2 and quotes[0].group == quotes[1].group
    code = next(b for b in article.blocks if b.kind is Kind.CODE)
    assert code.language == "python" and "\n    if card.branch" in code.text  # indentation kept


def test_links_resolve_against_the_base_element() -> None:
    first = page_article().blocks[0]
    assert first.links == (
        Link("original plan", "https://gazette.example.org/stories/2024/catalogue-plan.html"),
        Link("board minutes", "https://gazette.example.org/archive/board-minutes"),
    )


def test_text_and_paragraphs_are_the_blocks_texts() -> None:
    article = page_article()
    assert article.paragraphs == [b.text for b in article.blocks]
    assert article.text == "\n\n".join(article.paragraphs)
    assert "Team | Hours | Cards" in article.paragraphs  # a table row, as before


def test_page_markdown() -> None:
    assert page_article().to_markdown() == (STRUCTURE / "page.md").read_text("utf-8")


def test_markdown_without_links_and_with_title() -> None:
    article = page_article()
    plain = article.to_markdown(links=False, title=True)
    assert plain.startswith("# How the Riverside Library Rebuilt Its Catalogue\n\n")
    assert "](" not in plain and "Read the original plan or the board minutes" in plain


def test_text_dump_keeps_headings_bullets_numbers_and_quotes() -> None:
    article = clean((STRUCTURE / "dump.txt").read_text("utf-8"))
    assert article.title == "Harbour Ferry Timetable Changes"
    got = [(b.kind.value, b.level, b.ordered) for b in article.blocks if b.kind is not Kind.PARAGRAPH]
    assert got == [
        ("heading", 2, False),
        ("list_item", 0, False),
        ("list_item", 0, False),
        ("list_item", 1, False),
        ("list_item", 0, False),
        ("list_item", 0, True),
        ("list_item", 0, True),
        ("quote", 0, False),
    ]
    assert article.to_markdown(title=True) == (STRUCTURE / "dump.md").read_text("utf-8")


def test_a_removal_names_the_block_kind() -> None:
    article = clean("Body paragraph that stays in the article for readers.\n\n- Share this article")
    assert article.removed and article.removed[0].kind == "list_item"


def test_to_dict_has_blocks_as_plain_data() -> None:
    data = page_article().to_dict()
    json.dumps(data)
    table = next(b for b in data["blocks"] if b["kind"] == "table")
    assert table["cells"][0] == {"text": "Team", "header": True}


def block(kind: Kind, text: str, position: int, **extra: object) -> BodyBlock:
    return BodyBlock(kind, text, position, **extra)  # type: ignore[arg-type]


def test_escaping_keeps_text_that_looks_like_markdown_as_text() -> None:
    texts = ["# not a heading", "- not an item", "1. not an item", "> not a quote", "*not emphasis*", "---", "+ x"]
    md = render([block(Kind.PARAGRAPH, t, i) for i, t in enumerate(texts)])
    assert md.split("\n\n") == [
        "\\# not a heading",
        "\\- not an item",
        "1\\. not an item",
        "\\> not a quote",
        "\\*not emphasis\\*",
        "\\---",
        "\\+ x\n",
    ]


def test_a_layout_table_is_written_as_paragraphs() -> None:
    rows = [block(Kind.TABLE, t, i, group=1, cells=(Cell(t), Cell(""))) for i, t in enumerate(["One.", "Two."])]
    assert render(rows) == "One.\n\nTwo.\n"


def test_a_table_without_header_cells_gets_its_first_row_as_header() -> None:
    rows = [
        block(Kind.TABLE, "a | b|c", 0, group=1, cells=(Cell("a"), Cell("b|c"))),
        block(Kind.TABLE, "d", 1, group=1, cells=(Cell("d"), Cell(""))),
    ]
    assert render(rows) == "| a | b\\|c |\n| --- | --- |\n| d |  |\n"


def test_code_fence_is_longer_than_backticks_inside() -> None:
    md = render([block(Kind.CODE, "x = '```'", 0, language="js")])
    assert md == "````js\nx = '```'\n````\n"


def test_images_only_when_asked_and_title_heading_not_repeated() -> None:
    from newsclean.blocks import Image

    blocks = [
        block(Kind.HEADING, "Big News", 0, level=1),
        block(Kind.PARAGRAPH, "Text.", 1, images=(Image("https://e.example/a b.png", "A [b]"),)),
    ]
    assert render(blocks, title="Big news") == "Text.\n"
    assert render(blocks, title="Big news", images=True) == "![A \\[b\\]](https://e.example/a%20b.png)\n\nText.\n"
    assert render(blocks, title="Big news", with_title=True) == "# Big news\n\nText.\n"


def test_html_source_fills_images_when_asked() -> None:
    p = "The harbour board met on Thursday and agreed a plan for the old ferry terminal and its car park. " * 3
    q = "Residents asked for a footpath along the quay and more benches near the water, the board said. " * 3
    page = (
        '<html><head><title>Ferry plan</title><base href="https://example.org/news/"></head><body><article>'
        f'<h1>Ferry plan agreed</h1><p>{p}</p><figure><img src="img/ferry.jpg" alt="The old terminal"></figure>'
        f"<p>{q}</p><p>{p[::-1]}</p></article></body></html>"
    )
    plain = clean(page, url="https://example.org/news/ferry")
    assert not any(b.images for b in plain.blocks)
    article = clean(page, url="https://example.org/news/ferry", html_options=HtmlOptions(include_images=True))
    assert [i for b in article.blocks for i in b.images] == [
        Image("https://example.org/news/img/ferry.jpg", "The old terminal")
    ]
    assert "![The old terminal](https://example.org/news/img/ferry.jpg)" in article.to_markdown(images=True)
    assert "![" not in article.to_markdown()
