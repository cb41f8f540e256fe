"""Putting back subheadings and list items the extractor dropped between body paragraphs."""

from __future__ import annotations

from lxml import html

from newsclean.document import Block, Kind
from newsclean.sources.restore_dropped import restore_announced_lists, restore_dropped

P = [
    "The city council voted on Tuesday to expand the bus network with three new routes.",
    "Officials said the new routes would start running in the spring, paid for by a levy.",
    "Opponents said the levy would hurt the shops in the old town and asked for a delay.",
    "The mayor said the first of the new lines would open in March, weeks ahead of plan.",
]
PAGE = f"""<html><body>
<nav><h2>Sections</h2><ul><li>News</li><li>Sport</li></ul></nav>
<article><p>{P[0]}</p><h2>What changes for riders</h2><p>{P[1]}</p>
<aside class="related"><h3>More on transport</h3></aside>
<ul><li>Route 12 to the harbour</li><li>Route 14 to the stadium</li><li><a href="/x">Full timetable</a></li></ul>
<p>{P[2]}</p><div class="toc"><h2>In this article</h2></div><p>{P[3]}</p></article>
<footer><h2>About us</h2></footer></body></html>"""


def blocks(*texts: str, kind: Kind = Kind.PARAGRAPH) -> list[Block]:
    return [Block(kind, t, i) for i, t in enumerate(texts)]


def test_dropped_heading_and_list_items_come_back_in_place() -> None:
    out = restore_dropped(blocks(*P), html.fromstring(PAGE))
    assert [(b.kind, b.text) for b in out] == [
        (Kind.PARAGRAPH, P[0]),
        (Kind.HEADING, "What changes for riders"),
        (Kind.PARAGRAPH, P[1]),
        (Kind.LIST_ITEM, "Route 12 to the harbour"),
        (Kind.LIST_ITEM, "Route 14 to the stadium"),
        (Kind.PARAGRAPH, P[2]),
        (Kind.PARAGRAPH, P[3]),
    ]
    assert out[3].group == out[4].group is not None
    assert [b.position for b in out] == list(range(len(out)))


def test_furniture_outside_and_inside_the_stretch_stays_out() -> None:
    texts = [b.text for b in restore_dropped(blocks(*P), html.fromstring(PAGE))]
    for chrome in ("Sections", "News", "More on transport", "Full timetable", "In this article", "About us"):
        assert chrome not in texts


def test_body_with_headings_is_left_alone() -> None:
    body = [*blocks(*P[:2]), Block(Kind.HEADING, "A heading", 2), *blocks(*P[2:])]
    assert restore_dropped(body, html.fromstring(PAGE)) is body


def test_too_few_matched_paragraphs_change_nothing() -> None:
    body = blocks(P[0], P[1])
    assert restore_dropped(body, html.fromstring(PAGE)) is body


def test_a_stretch_with_much_left_out_is_not_trusted() -> None:
    filler = "".join(f"<p>Reader comment number {i} says the plan is a waste of public money.</p>" for i in range(8))
    page = PAGE.replace('<div class="toc">', filler + '<div class="toc">')
    body = blocks(*P)
    assert restore_dropped(body, html.fromstring(page)) is body


ANNOUNCING = "The report pointed to four earlier studies of the quay:"
STUDIES = ["The wall survey", "The rail study", "The dredging estimate", "The cruise review"]


def studies_page(list_attrs: str = "", lead: str = ANNOUNCING) -> str:
    items = "".join(f"<li><a href='/{i}'>{s}</a></li>" for i, s in enumerate(STUDIES))
    article = f"<p>{P[0]}</p><p>{lead}</p><ul{list_attrs}>{items}</ul><p>{P[1]}</p>"
    return f"<html><body><article>{article}</article></body></html>"


def test_a_list_announced_by_a_colon_comes_back_after_its_sentence() -> None:
    out = restore_announced_lists(blocks(P[0], ANNOUNCING, P[1]), html.fromstring(studies_page()))
    assert [b.text for b in out] == [P[0], ANNOUNCING, *STUDIES, P[1]]
    assert {b.kind for b in out[2:6]} == {Kind.LIST_ITEM} and out[2].link_ratio == 1.0
    assert [b.position for b in out] == list(range(len(out)))


def test_labels_furniture_lists_and_kept_lists_are_not_announced() -> None:
    label = "Read more:"
    body = blocks(P[0], label, P[1])
    assert restore_announced_lists(body, html.fromstring(studies_page(lead=label))) is body
    body = blocks(P[0], ANNOUNCING, P[1])
    assert restore_announced_lists(body, html.fromstring(studies_page(' class="related-links"'))) is body
    kept = [*blocks(P[0], ANNOUNCING), Block(Kind.LIST_ITEM, STUDIES[0], 2, group=1)]
    assert restore_announced_lists(kept, html.fromstring(studies_page())) is kept
