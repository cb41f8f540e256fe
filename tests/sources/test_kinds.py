"""Kinds and links given back to blocks the extractor flattened (``sources/kinds.py``)."""

from __future__ import annotations

from lxml import html

from newsclean.blocks import Link
from newsclean.document import Block, Kind
from newsclean.sources.kinds import restore_kinds, restore_links

INTRO = "The harbour board met on Thursday and agreed a plan for the old ferry terminal and its car park."
PAGE = f"""<html><body>
<ul class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul>
<h1>Ferry terminal plan agreed</h1>
<p>{INTRO}</p>
<h2>What the plan says</h2>
<ul><li><p>A new waiting room</p></li><li>Two more berths<ol><li>one for freight</li></ol></li></ul>
<nav><ul><li>What the plan says</li></ul></nav>
<p>Read the <a href="/minutes/2024-03">minutes</a> or the <a href="https://port.example/plan">full plan</a>.</p>
</body></html>"""


def paragraphs(*texts: str) -> list[Block]:
    return [Block(Kind.PARAGRAPH, t, i) for i, t in enumerate(texts)]


def test_paragraphs_that_are_headings_or_items_on_the_page_get_their_kind() -> None:
    flat = paragraphs(
        "Home",
        "City",
        "Ferry terminal plan agreed",
        INTRO,
        "What the plan says",
        "A new waiting room",
        "Two more berths",
        "one for freight",
    )
    out = restore_kinds(flat, html.fromstring(PAGE))
    assert [(b.kind, b.level, b.ordered) for b in out] == [
        (Kind.PARAGRAPH, 0, False),  # a breadcrumb above the article text stays as it was
        (Kind.PARAGRAPH, 0, False),
        (Kind.HEADING, 1, False),
        (Kind.PARAGRAPH, 0, False),
        (Kind.HEADING, 2, False),  # also a menu item: a heading wins
        (Kind.LIST_ITEM, 0, False),  # its text in a <p> inside the <li>
        (Kind.LIST_ITEM, 0, False),
        (Kind.LIST_ITEM, 1, True),
    ]
    assert out[5].group == out[6].group == out[7].group is not None


def test_nothing_to_give_back_returns_the_blocks_themselves() -> None:
    flat = paragraphs(INTRO, "A sentence the page does not hold as a heading or an item.")
    assert restore_kinds(flat, html.fromstring(PAGE)) is flat


def test_links_come_back_for_a_body_without_any() -> None:
    flat = paragraphs(INTRO, "Read the minutes or the full plan.")
    out = restore_links(flat, html.fromstring(PAGE), "https://news.example/city/ferry")
    assert out[0].links == ()
    assert out[1].links == (
        Link("minutes", "https://news.example/minutes/2024-03"),
        Link("full plan", "https://port.example/plan"),
    )


def test_a_body_with_links_keeps_them_as_they_are() -> None:
    flat = [
        Block(Kind.PARAGRAPH, "Read the minutes or the full plan.", 0, links=(Link("minutes", "https://a.example/m"),))
    ]
    assert restore_links(flat, html.fromstring(PAGE), None) is flat


def test_a_heading_gets_the_links_of_its_element() -> None:
    tree = html.fromstring("<html><body><h2>1. <a href='/fonts/lomba'>Lomba</a> by a studio</h2></body></html>")
    out = restore_kinds([Block(Kind.HEADING, "1. Lomba by a studio", 0, level=2)], tree, "https://type.example/")
    assert out[0].links == (Link("Lomba", "https://type.example/fonts/lomba"),)


def test_links_restored_to_every_paragraph_holding_them() -> None:
    """Each paragraph's element is told apart by the element itself: an lxml proxy freed after
    one paragraph may come back at the same address for the next (ids compared, most were skipped)."""
    n = 40
    texts = [f"Paragraph {i} of the report names a source for its figure." for i in range(n)]
    page = "".join(
        f'<p>Paragraph {i} of the report names a <a href="/s/{i}">source</a> for its figure.</p>' for i in range(n)
    )
    tree = html.fromstring(f"<html><body>{page}</body></html>")
    out = restore_links([Block(Kind.PARAGRAPH, t, i) for i, t in enumerate(texts)], tree, "https://example.org/")
    assert [[link.url for link in b.links] for b in out] == [[f"https://example.org/s/{i}"] for i in range(n)]
