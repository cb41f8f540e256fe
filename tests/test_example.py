"""The embedded example end to end: the smallest honest picture of the job."""

from __future__ import annotations

import json

import pytest

import newsclean

from .conftest import EXAMPLE_EXPECTED, EXAMPLE_FILE

EXAMPLE = EXAMPLE_FILE
EXPECTED = json.loads(EXAMPLE_EXPECTED.read_text("utf-8"))
# the kinds the expected file names, and the filter that must have removed each
KIND_TO_FILTER = {
    "byline": "bylines",
    "photo-gallery insert": "inserts",
    "author bio": "author_bios",
    "related-link bullet": "related_links",
}


@pytest.fixture(scope="module")
def article() -> newsclean.Article:
    return newsclean.clean(EXAMPLE.read_text("utf-8"))


def test_body_paragraphs_exactly(article: newsclean.Article) -> None:
    assert article.paragraphs == EXPECTED["body_paragraphs"]
    assert article.text == "\n\n".join(EXPECTED["body_paragraphs"])


def test_metadata(article: newsclean.Article) -> None:
    assert article.title == EXPECTED["title"]
    assert article.subtitle == EXPECTED["subtitle"]
    assert article.authors == EXPECTED["authors"]
    assert article.site_name == EXPECTED["site_name"]


def test_removals_exactly_with_filter_names(article: newsclean.Article) -> None:
    got = [(r.text, r.filter) for r in article.removed]
    want = [(r["text"], KIND_TO_FILTER[r["kind"]]) for r in EXPECTED["must_be_removed"]]
    assert got == want
    assert all(r.reason for r in article.removed)


def test_bytes_input_same_result(article: newsclean.Article) -> None:
    assert newsclean.clean(EXAMPLE.read_bytes()).to_dict() == article.to_dict()


def test_to_dict_is_json(article: newsclean.Article) -> None:
    data = json.loads(json.dumps(article.to_dict()))
    assert data["removed"][0] == {
        "filter": "bylines",
        "reason": article.removed[0].reason,
        "text": "By + More",
        "position": article.removed[0].position,
        "kind": "paragraph",
    }
    assert data["blocks"][0]["kind"] == "paragraph" and data["blocks"][0]["text"] == article.paragraphs[0]
