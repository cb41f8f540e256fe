"""Data tables and quotes the extractor dropped from between body paragraphs (``sources/parts.py``)."""

from __future__ import annotations

from lxml import html

from newsclean.blocks import Cell
from newsclean.document import Block, Kind
from newsclean.sources.parts import restore_parts

P = [
    "The county published its road repair figures for the year on Monday, district by district.",
    "Officials said the northern district would get most of next year's budget for repairs.",
    "The figures will be discussed at the next council meeting, which is open to the public.",
]
TABLE = """<div class="embed"><table><tr><th>District</th><th>Miles repaired</th></tr>
<tr><td>North</td><td><a href="north.html">42</a></td></tr><tr><td>South</td><td>17</td></tr></table></div>"""
LAYOUT = "<table><tr><td>Menu</td></tr><tr><td>Contact</td></tr></table>"


def page(middle: str, aside: str = "") -> html.HtmlElement:
    return html.fromstring(
        f"<html><body><article><p>{P[0]}</p>{middle}<p>{P[1]}</p><p>{P[2]}</p></article>{aside}</body></html>"
    )


def paragraphs() -> list[Block]:
    return [Block(Kind.PARAGRAPH, t, i) for i, t in enumerate(P)]


def test_a_dropped_table_between_body_paragraphs_comes_back_in_place() -> None:
    out = restore_parts(paragraphs(), page(TABLE), "https://county.example/roads/")
    assert [b.kind for b in out] == [Kind.PARAGRAPH, Kind.TABLE, Kind.TABLE, Kind.TABLE, Kind.PARAGRAPH, Kind.PARAGRAPH]
    assert [b.position for b in out] == list(range(6))
    assert out[1].cells == (Cell("District", True), Cell("Miles repaired", True))
    assert out[2].text == "North | 42" and out[2].links[0].url == "https://county.example/roads/north.html"
    assert out[1].group == out[3].group is not None


def test_tables_outside_the_body_layout_tables_and_kept_tables_stay_out() -> None:
    blocks = paragraphs()
    assert restore_parts(blocks, page("", aside=TABLE), None) is blocks  # after the article
    assert restore_parts(blocks, page(LAYOUT), None) is blocks  # one column: layout
    kept = [blocks[0], Block(Kind.TABLE, "District | Miles repaired", 1), *blocks[1:]]
    assert restore_parts(kept, page(TABLE), None) is kept


QUOTE = "<blockquote class='pull'><p>Every district asked for more money than the county has to give.</p></blockquote>"


def test_a_dropped_quote_comes_back_as_quote_blocks() -> None:
    out = restore_parts(paragraphs(), page(QUOTE), None)
    assert [b.kind for b in out] == [Kind.PARAGRAPH, Kind.QUOTE, Kind.PARAGRAPH, Kind.PARAGRAPH]
    assert out[1].text == "Every district asked for more money than the county has to give."
    assert out[1].quote is not None
    assert restore_parts(out, page(QUOTE), None) is out  # held already
