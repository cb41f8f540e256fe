"""The audit trail is complete: every word of every block a source produced is in the
body, a removal, a move (text that went into metadata) or an edit.

Unit tests show each record (a headline and dek moved to ``title``/``subtitle``, a
heading repeating the page title, a byline's names moved to ``authors``, a mojibake
repair and a deleted invisible character as edits, blocks cut by ``Limits.max_blocks``,
extracted text a JSON-LD body replaced); property tests check the whole over generated
text and HTML pages and over the committed corpus sample (``fixtures/corpus-sample``),
in HTML mode and in text mode on each page's visible text.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpora import CORPORA, Page
from benchmarks.robustness import visible_text
from newsclean import Limits, clean
from newsclean.audit import Edit, Move, word_changes
from newsclean.document import Document
from newsclean.sources.detect import decode
from newsclean.sources.text import text_document

from .audit_coverage import traced_clean, unaccounted
from .test_fuzz import BOILERPLATE, PROSE, html_pages, text_pages
from .test_properties import documents

# -- each kind of record ------------------------------------------------------------------
TEXT_PAGE = (
    "Council expands bus network\n\n"
    "The plan adds three routes to the northern suburbs by spring\n\n"
    "By Jane Doe\n\n"
    "The city council voted on Tuesday to add three bus routes to the northern suburbs.\n\n"
    "Officials said the routes would start running in the spring."
)


def test_headline_dek_and_byline_names_are_moves() -> None:
    article = clean(TEXT_PAGE, kind="text")
    assert article.moved == [
        Move("headline", "title", "Council expands bus network", "leading headline", 0, "paragraph"),
        Move(
            "headline",
            "subtitle",
            "The plan adds three routes to the northern suburbs by spring",
            "dek under the headline",
            1,
            "paragraph",
        ),
        Move("bylines", "authors", "Jane Doe", "named in a byline", 2, "paragraph"),
    ]
    # a move is not a removal: the byline block itself was removed, its name moved
    assert [(r.filter, r.text) for r in article.removed] == [("bylines", "By Jane Doe")]
    assert article.to_dict()["moved"][0] == {
        "filter": "headline",
        "to": "title",
        "text": "Council expands bus network",
        "reason": "leading headline",
        "position": 0,
        "kind": "paragraph",
    }


def test_a_heading_repeating_the_page_title_is_moved_to_the_title() -> None:
    page = (
        "<html><head><title>Harbour opens a night ferry</title></head><body><article>"
        "<h1>Harbour opens a night ferry</h1>"
        "<p>The harbour authority said on Monday that a ferry will run after midnight on weekends.</p>"
        "<p>Tickets cost the same as on the day service, the authority said in a statement.</p>"
        "</article></body></html>"
    )
    article = clean(page)
    assert article.title == "Harbour opens a night ferry"
    assert [(m.filter, m.to, m.text, m.reason) for m in article.moved] == [
        ("headline", "title", "Harbour opens a night ferry", "repeats the page title")
    ]
    assert "Harbour opens" not in article.text and not article.removed


def test_normalize_records_changed_words_but_not_whitespace() -> None:
    page = (
        "The caf\u00c3\u00a9 on the corner reopened on Monday after a long renovation.\n\n"
        "The in\u200bformation desk opens at nine.\n\n"
        "Only\u00a0 the   spacing of this line changes."
    )
    article = clean(page, kind="text")
    assert article.paragraphs == [
        "The café on the corner reopened on Monday after a long renovation.",
        "The information desk opens at nine.",
        "Only the spacing of this line changes.",
    ]
    assert article.edits == [
        Edit("normalize", "mojibake repaired", "caf\u00c3\u00a9", "café", 0, "paragraph"),
        Edit(
            "normalize", "invisible or control characters deleted", "in\u200bformation", "information", 1, "paragraph"
        ),
    ]
    assert article.removed == []


def test_word_changes() -> None:
    assert word_changes("a  b\u00a0c", "a b c") == []
    assert word_changes("one two three four", "one 2 three four") == [("two", "2")]
    assert word_changes("x y z w", "y z") == [("x", ""), ("w", "")]


def test_an_edit_through_the_document_api() -> None:
    doc = text_document("The first line stays.\n\nA second line here.")
    block = doc.blocks[1]
    new = doc.edit(block, "A 2nd line here.", filter="ordinals", reason="numbers as digits")
    assert doc.blocks[1] is new and new.text == "A 2nd line here."
    assert doc.edits == [Edit("ordinals", "numbers as digits", "second", "2nd", 1, "paragraph")]


def test_blocks_past_max_blocks_are_removals() -> None:
    page = "\n\n".join(f"Paragraph number {n} of a long page about the river works." for n in range(6))
    article = clean(page, kind="text", limits=Limits(max_blocks=4))
    assert "truncated-blocks" in article.warnings
    assert len(article.paragraphs) == 4
    cut = article.removals_by("max_blocks")
    assert [(r.text, r.position) for r in cut] == [
        ("Paragraph number 4 of a long page about the river works.", 4),
        ("Paragraph number 5 of a long page about the river works.", 5),
    ]
    assert cut[0].reason == "beyond the first 4 blocks (Limits.max_blocks)"


def _ld_page(extra: str) -> str:
    paragraphs = [
        f"Paragraph {n} of the ferry report says late sailings start on weekdays from March." for n in range(14)
    ]
    data = json.dumps({"@type": "NewsArticle", "headline": "Ferries run later", "articleBody": "\n".join(paragraphs)})
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    return (
        f'<html><head><title>Ferries run later</title><script type="application/ld+json">{data}</script></head>'
        f"<body><article><p>{extra}</p>{body}</article></body></html>"
    )


def test_extracted_text_a_json_ld_body_replaces_is_recorded() -> None:
    extra = "Readers of the app can listen to this story, read aloud by one of our narrators, on the way to work."
    seen, article = traced_clean(_ld_page(extra))
    assert len(article.paragraphs) == 14  # the JSON-LD body, used instead of the short extraction
    lost = article.removals_by("structured_body")
    assert [(r.text, r.position) for r in lost] == [(extra, -1)]  # what it held is not listed again
    assert unaccounted(seen, article) == []


# -- the property: every word the source produced is accounted for ------------------------
def _check(page: str | bytes, **options: object) -> None:
    seen, article = traced_clean(page, **options)
    assert seen, "the source was not traced"
    missing = unaccounted(seen, article)
    assert missing == [], f"words of the source's blocks found nowhere in the article: {missing}"


def test_the_check_fails_on_an_unrecorded_drop(monkeypatch: pytest.MonkeyPatch) -> None:
    """A move that is not recorded (the headline's title) leaves words unaccounted for."""
    monkeypatch.setattr(Document, "move", lambda self, *args, **kwargs: None)
    with pytest.raises(AssertionError, match="Council"):
        _check(TEXT_PAGE, kind="text")


COVERAGE = settings(max_examples=120, deadline=None, derandomize=True)


@COVERAGE
@given(st.one_of(text_pages, documents))
def test_generated_text_pages(page: str) -> None:
    _check(page, kind="text")


@settings(COVERAGE, max_examples=40)
@given(html_pages)
def test_generated_html_pages(page: str) -> None:
    _check(page, kind="html")


def _article_page(title: str, repeat: bool, lines: list[str], dek: str | None, ld: list[str] | None) -> str:
    """An article page: the page title, maybe repeated by an <h1>, a dek, paragraphs and
    boilerplate, maybe a JSON-LD body (from some of the paragraphs and others)."""
    head = f"<title>{title}</title>"
    if ld is not None:
        head += f'<script type="application/ld+json">{json.dumps({"articleBody": chr(10).join(ld)})}</script>'
    body = (f"<h1>{title}</h1>" if repeat else "") + (f"<h2>{dek}</h2>" if dek else "")
    body += "".join(f"<p>{line}</p>" for line in lines)
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


WORDS = st.sampled_from(["harbour", "ferry", "council", "Caf\u00c3\u00a9", "in\u200bformation", "late", "routes"])
LINES = st.one_of(st.sampled_from(BOILERPLATE), st.sampled_from(PROSE), st.lists(WORDS, min_size=3).map(" ".join))
LONG = st.lists(WORDS, min_size=12, max_size=30).map(" ".join)
article_pages = st.builds(
    _article_page,
    st.sampled_from(["Harbour opens a night ferry", "Council expands bus network"]),
    st.booleans(),
    st.lists(LINES, min_size=1, max_size=8),
    st.none() | LINES,
    st.none() | st.lists(LONG, min_size=2, max_size=12),
)


@settings(COVERAGE, max_examples=40)
@given(article_pages)
def test_generated_article_pages(page: str) -> None:
    _check(page, kind="html")


SAMPLE = [(name, page) for name, loader in CORPORA.items() for page in loader(source="sample")]


@pytest.mark.parametrize(("corpus", "page"), SAMPLE, ids=[f"{c}-{p.id}" for c, p in SAMPLE])
def test_corpus_sample(corpus: str, page: Page) -> None:
    _check(page.html, url=page.url, kind="html")
    _check(visible_text(decode(page.html)), kind="text")
