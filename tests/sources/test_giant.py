"""Giant pages: the linear path of :mod:`newsclean.sources.giant` (no timings here: the
path taken and what it reads are asserted; times are in ``benchmarks.robustness``)."""

from __future__ import annotations

import pytest
from lxml import etree

import newsclean
from newsclean.document import Kind
from newsclean.sources import giant
from newsclean.sources.parse import parse_html

from ..conftest import load_json

CASES = load_json("giant/blocks.json")["cases"]


def giant_page(paragraphs: int) -> str:
    """An article of ``paragraphs`` paragraphs in one ``<article>``, with page chrome around it."""
    body = "".join(
        f"<p>Paragraph {n} of the report says what the <a href='/n{n % 7}'>council</a> decided on day {n}.</p>"
        for n in range(paragraphs)
    )
    return (
        "<html lang='en'><head><title>The long report | Example Times</title>"
        "<meta name='author' content='Jane Doe'><meta property='article:published_time' content='2024-03-05'></head>"
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><script>var tracking = 1;</script>"
        f"<article><h1>The long report</h1>{body}</article><footer><p>Example Times footer</p></footer></body></html>"
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_giant_blocks(case: dict) -> None:
    blocks = giant.giant_blocks(parse_html(case["html"]))
    assert [[b.kind.value, b.text] for b in blocks] == case["blocks"]
    assert [b.position for b in blocks] == list(range(len(blocks)))
    for index, ratio in case.get("link_ratio", {}).items():
        assert blocks[int(index)].link_ratio == pytest.approx(ratio, abs=1e-3)


def test_list_items_and_table_rows_are_grouped() -> None:
    blocks = giant.giant_blocks(parse_html(CASES[0]["html"]))
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM]
    rows = [b for b in blocks if b.kind is Kind.TABLE]
    assert len({b.group for b in items}) == 1 and len({b.group for b in rows}) == 1
    assert items[0].group != rows[0].group
    assert [b.level for b in blocks if b.kind is Kind.HEADING] == [1, 2]


def test_the_signal_is_the_element_count(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = parse_html(giant_page(50))
    elements = sum(1 for el in tree.iter() if isinstance(el.tag, str))
    monkeypatch.setattr(giant, "GIANT_ELEMENTS", elements)
    assert not giant.is_giant(tree)
    monkeypatch.setattr(giant, "GIANT_ELEMENTS", elements - 1)
    assert giant.is_giant(tree)


def test_no_corpus_sample_page_is_giant() -> None:
    from benchmarks.corpora import CORPORA

    for loader in CORPORA.values():
        for page in loader(source="sample"):
            tree = parse_html(newsclean.sources.detect.decode(page.html))
            assert tree is None or not giant.is_giant(tree), page.id


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """Records what the giant path reads: trafilatura must not run; the metadata reads a trimmed tree."""
    seen: dict[str, list[int]] = {"trafilatura": [], "metadata": []}

    def no_trafilatura(*args: object, **kwargs: object) -> None:
        seen["trafilatura"].append(1)
        raise AssertionError("trafilatura ran on a giant page")

    real_metadata = giant.extract_metadata

    def counting_metadata(tree: etree._Element, **kwargs: object):  # type: ignore[no-untyped-def]
        seen["metadata"].append(int(tree.xpath("count(//*)")))
        return real_metadata(tree, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("newsclean.sources.html.trafilatura.bare_extraction", no_trafilatura)
    monkeypatch.setattr(giant, "extract_metadata", counting_metadata)
    return seen


def test_a_giant_page_comes_back_whole(calls: dict[str, list[int]]) -> None:
    n = 30_000  # 30,011 elements: over GIANT_ELEMENTS, and over the old default of 20,000 blocks
    article = newsclean.clean(giant_page(n))
    assert "giant-page" in article.warnings and "truncated-blocks" not in article.warnings
    assert len(article.paragraphs) == n
    assert article.paragraphs[0].startswith("Paragraph 0 of the report")
    assert article.paragraphs[-1] == f"Paragraph {n - 1} of the report says what the council decided on day {n - 1}."
    assert "Home" not in article.text and "footer" not in article.text and "tracking" not in article.text
    assert article.title == "The long report" and article.authors == ["Jane Doe"]
    assert article.published and article.published.startswith("2024-03-05") and article.language == "en"
    assert calls["trafilatura"] == []


def test_the_work_of_the_giant_path_is_bounded_per_element(
    calls: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the slow steps read does not grow with the page: trafilatura never runs and
    the metadata reads the same trimmed tree (each kept paragraph has one link) whether
    the page has 10 or 20 times the signal's elements (the signal lowered to keep the test fast)."""
    monkeypatch.setattr(giant, "GIANT_ELEMENTS", 1_000)
    for n in (10_000, 20_000):
        article = newsclean.clean(giant_page(n))
        assert len(article.paragraphs) == n and "giant-page" in article.warnings
    small, large = calls["metadata"]
    assert small == large < 4 * giant.KEEP_CHILDREN + 30


def test_a_page_under_the_signal_takes_the_usual_path() -> None:
    article = newsclean.clean(giant_page(200))
    assert "giant-page" not in article.warnings and len(article.paragraphs) == 200


def test_giant_blocks_have_the_structure_of_the_usual_path() -> None:
    html = (
        "<html><head><base href='https://example.org/news/'></head><body><article>"
        "<p>The council <a href='vote.html'>voted</a> on Tuesday, said <a href='javascript:void(0)'>the clerk</a>.</p>"
        "<ol><li>First step<ul><li>A detail</li></ul></li><li>Second step</li></ol>"
        "<blockquote><p>We listened.</p><p>We acted.</p></blockquote>"
        "<table><tr><th>Route</th><th>Start</th></tr><tr><td>12</td><td><a href='/r12'>March</a></td></tr></table>"
        "<pre><code class='language-python'>print(1)</code></pre>"
        "Loose text with <a href='https://other.example/x'>a link</a>."
        "</article></body></html>"
    )
    blocks = giant.giant_blocks(parse_html(html), "https://example.org/news/")
    by_text = {b.text: b for b in blocks}
    first = blocks[0]
    assert [(k.text, k.url) for k in first.links] == [("voted", "https://example.org/news/vote.html")]
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM]
    assert [(b.text, b.level, b.ordered) for b in items] == [
        ("First step", 0, True),
        ("A detail", 1, False),
        ("Second step", 0, True),
    ]
    quotes = [b for b in blocks if b.kind is Kind.QUOTE]
    assert len(quotes) == 2 and quotes[0].group == quotes[1].group == quotes[0].quote is not None
    header, row = (b for b in blocks if b.kind is Kind.TABLE)
    assert [(c.text, c.header) for c in header.cells] == [("Route", True), ("Start", True)]
    assert [(c.text, c.header) for c in row.cells] == [("12", False), ("March", False)]
    assert [k.url for k in row.links] == ["https://example.org/r12"]
    assert by_text["print(1)"].kind is Kind.CODE and by_text["print(1)"].language == "python"
    loose = by_text["Loose text with a link."]
    assert [k.url for k in loose.links] == ["https://other.example/x"]


def test_a_giant_page_keeps_the_audit_trail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word of the giant path's blocks is in the body, a removal, a move or an edit."""
    from ..audit_coverage import traced_clean, unaccounted

    monkeypatch.setattr(giant, "GIANT_ELEMENTS", 100)
    html = giant_page(150).replace("<h1>The long report</h1>", "<h1>The long report</h1><p>By Jane Doe</p>")
    produced, article = traced_clean(html)
    assert "giant-page" in article.warnings and "Jane Doe" not in article.text
    assert unaccounted(produced, article) == []
