"""Invented news pages in thirteen languages (``fixtures/multilingual``), each an article
in the markup of a common kind of site (a blog engine, a newspaper CMS, a portal, a
single-page app with hashed class names) among the usual page furniture: cookie notice,
share and text-size widgets, login and paywall prompts, comments, a donation appeal,
related links, a newsletter box shown twice, a gallery and a video player.

Each page's ``.json`` lists the texts that must stay (the article's paragraphs, subheading
and list) and those that must go. The second test hides every phrase list: what removes
the furniture there is the page's structure alone.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsclean
from newsclean import HtmlOptions, Pipeline, lexicon
from newsclean.filters import REGISTRY, LexiconFilter

from .conftest import FIXTURES

PAGES = sorted((FIXTURES / "multilingual").glob("*.json"))
STRUCTURE_STEPS = {"hidden_elements", "page_widgets", "button_boxes", "repeated_widgets"}


def _spec(path: Any) -> tuple[dict[str, Any], str]:
    spec = json.loads(path.read_text("utf-8"))
    return spec, (path.parent / f"{spec['language']}.html").read_text("utf-8")


def _check(article: newsclean.Article, spec: dict[str, Any]) -> None:
    lost = [k for k in spec["keep"] if k not in article.text]
    kept = [d for d in spec["drop"] if d in article.text]
    assert not lost, f"{spec['language']}: article text lost: {lost}"
    assert not kept, f"{spec['language']}: furniture kept: {kept}"


def test_there_are_enough_languages() -> None:
    langs = {json.loads(p.read_text("utf-8"))["language"] for p in PAGES}
    assert len(langs) >= 12 and {"ja", "zh", "ko", "ar", "ru", "th", "hi", "tr", "es", "fr", "pt", "pl"} <= langs


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_keeps_the_article_and_drops_the_furniture(path: Any) -> None:
    spec, html = _spec(path)
    article = newsclean.clean(html, kind="html")
    _check(article, spec)
    assert " ".join((article.title or "").split()) == " ".join(spec["title"].split())


def _phraseless_pipeline() -> Pipeline:
    options = {name: {"languages": ()} for name, cls in REGISTRY.items() if issubclass(cls, LexiconFilter)}
    return Pipeline.default(**options)


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_structure_alone_without_any_phrase_list(path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    spec, html = _spec(path)
    monkeypatch.setattr(lexicon, "available", lambda: ())
    monkeypatch.setattr(lexicon, "load", lambda language: {})
    assert lexicon.terms("share_prompts") == ()
    article = newsclean.clean(html, kind="html", pipeline=_phraseless_pipeline())
    _check(article, spec)
    assert {r.filter for r in article.removed} & STRUCTURE_STEPS


def test_the_structural_steps_are_what_removes_much_of_it() -> None:
    """With the three steps switched off, furniture stays on some pages: the test above
    holds because of them."""
    off = HtmlOptions(hidden_elements=False, page_widgets=False, button_boxes=False, repeated_widgets=False)
    leaked = 0
    for path in PAGES:
        spec, html = _spec(path)
        text = newsclean.clean(html, kind="html", html_options=off, pipeline=_phraseless_pipeline()).text
        leaked += sum(d in text for d in spec["drop"])
    assert leaked >= len(PAGES)
