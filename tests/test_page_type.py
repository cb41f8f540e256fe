"""Page type, its features and the page warnings (error page, paywall, consent wall).

Cases are data: ``fixtures/page_type/cases.json`` names invented pages and the type and
warnings each must (and must not) get.
"""

from __future__ import annotations

import json
import math
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.document import Block, Kind
from newsclean.metadata import extract as extract_metadata
from newsclean.page_features import PageEvidence, body_features, features, read_evidence, url_features
from newsclean.page_type import PAGE_TYPES, Model, PageType, classify, shipped_model, text_page_type
from newsclean.page_warnings import page_warnings
from newsclean.sources.parse import parse_html
from tests.conftest import FIXTURES

CASES = json.loads((FIXTURES / "page_type" / "cases.json").read_text("utf-8"))
PROSE = "The council approved the new budget on Tuesday after a debate that lasted most of the evening. " * 4


def _evidence(html: str, url: str | None = None) -> PageEvidence:
    """The evidence of a page as the HTML source reads it (its metadata walk included)."""
    tree = parse_html(html) if html.strip() else None
    return read_evidence(tree, url, extract_metadata(tree, url=url) if tree is not None else None)


def _p(text: str, i: int = 0, kind: Kind = Kind.PARAGRAPH, link_ratio: float = 0.0) -> Block:
    return Block(kind, text, i, link_ratio=link_ratio)


# -- the fixtures ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_page(name: str) -> None:
    case = CASES[name]
    article = newsclean.clean((FIXTURES / "page_type" / name).read_text("utf-8"), url=case["url"])
    for warning in case.get("present", []):
        assert warning in article.warnings, (name, article.warnings)
    for warning in case.get("absent", []):
        assert warning not in article.warnings, (name, article.warnings)
    if case.get("not_article"):
        assert article.page_type != "article" and "not-an-article" in article.warnings
        assert article.text  # the body of a non-article page is still returned
    if "page_type" in case:
        assert article.page_type == case["page_type"]
    assert article.page_type in PAGE_TYPES
    assert article.page_type_confidence is not None and 0.0 < article.page_type_confidence <= 1.0
    assert article.sources["page_type"].startswith(article.page_type)


def test_fields_in_to_dict() -> None:
    article = newsclean.clean((FIXTURES / "page_type" / "article.html").read_text("utf-8"))
    data = article.to_dict()
    assert data["page_type"] == article.page_type and data["page_type_confidence"] == article.page_type_confidence
    assert "page_type" in data["sources"]
    json.dumps(data)


# -- features --------------------------------------------------------------------------


def test_read_evidence_schema_og_and_tags() -> None:
    e = _evidence(
        '<html><head><title> Blue  mug </title><meta property="og:type" content="product">'
        '<script type="application/ld+json">{"@type": ["Product", "Thing"], "offers": {"@type": "Offer"}}</script>'
        '</head><body><div itemscope itemtype="https://schema.org/BreadcrumbList"></div>'
        '<div class="product-card price">x</div><pre>code</pre><input type="search" name="q">'
        '<time datetime="2024-01-01">1 Jan</time><h2 id="a"><a href="#a">A</a></h2></body></html>',
        "https://shop.example/p/blue-mug",
    )
    assert e.title == "Blue mug" and e.og_type == "product"
    assert "product" in e.schema and "offer" in e.schema and "breadcrumblist" in e.schema
    assert e.tags["pre"] == 1 and e.search_inputs == 1 and e.datetimes == 1
    assert e.linked_headings == 1 and e.anchored_headings == 1 and not e.paywalled
    f = features(e, [])
    assert f["schema_product"] == 1.0 and f["schema_breadcrumb"] == 1.0 and f["og_product"] == 1.0


def test_read_evidence_links_and_paywall() -> None:
    links = "".join(f'<a href="/news/2024/01/0{i}/a-story-with-many-words-{i}">x</a>' for i in range(5))
    links += '<a href="https://other.example/u/jane/">x</a><a href="#top">x</a><a href="/cart">x</a>'
    e = _evidence(
        '<html><head><script type="application/ld+json">{"isAccessibleForFree": false}</script></head>'
        f"<body>{links}</body></html>",
        "https://news.example/news/",
    )
    assert e.paywalled
    assert e.links["n"] == 8 and e.links["slugs"] == 5 and e.links["dated"] == 5
    assert e.links["user"] == 1 and e.links["cart"] == 1
    assert e.links["fragment"] == pytest.approx(1 / 8) and e.links["external"] == pytest.approx(1 / 8)
    assert e.links["same_section"] == pytest.approx(5 / 8)


def test_read_evidence_without_tree() -> None:
    e = read_evidence(None, "https://x.example/")
    assert not e.tags and e.url == "https://x.example/"
    assert features(e, [])["b_empty"] == 1.0


def test_url_features() -> None:
    f = url_features("https://docs.example.org/en/2024/05/how-to-read-a-long-slug-here?x=1")
    assert f["host_docs"] == 1.0 and f["url_year"] == 1.0 and f["url_query"] == 1.0
    assert f["url_last_hyphens"] == 6.0 and f["url_depth"] == 4.0 and f["urlw_en"] == 1.0
    assert url_features("https://example.org/")["url_root"] == 1.0
    assert url_features(None) == {"url_none": 1.0}
    assert url_features("http://[::1")["url_none"] == 1.0  # an invalid URL is no URL


def test_body_features_teasers_and_prose() -> None:
    teasers = []
    for i in range(10):
        teasers += [_p(f"Headline {i}", 2 * i, Kind.HEADING, 1.0), _p("A short excerpt of the story.", 2 * i + 1)]
    f = body_features(teasers)
    assert math.expm1(f["teasers"]) == pytest.approx(10) and f["teaser_share"] == 1.0
    assert math.expm1(f["linked_headings"]) == pytest.approx(10)
    g = body_features(
        [_p(PROSE, 0), _p(PROSE, 1), _p("Prices from $25 and €30.", 2), _p("Should the pier be rebuilt?", 3)]
    )
    assert g["prose"] > 0.9 and g["p_long200"] > 0.9 and g["questions"] == pytest.approx(1 / 4)
    assert math.expm1(g["currency"]) == pytest.approx(2)
    assert body_features([])["b_empty"] == 1.0


# -- the decision ----------------------------------------------------------------------


def test_classify_result_is_immutable_and_explained() -> None:
    result = classify(_evidence("<html><body><p>" + PROSE + "</p></body></html>"), [_p(PROSE)])
    assert isinstance(result, PageType) and result.type in PAGE_TYPES
    assert 0.0 < result.confidence <= 1.0
    assert isinstance(result.evidence, MappingProxyType)
    with pytest.raises(AttributeError):
        result.type = "forum"  # type: ignore[misc]
    assert result.compact().startswith(f"{result.type} {result.confidence:.2f}")


def test_model_reads_markup_evidence() -> None:
    """A tiny hand-made model: the decision follows the weights, and the evidence names
    the feature that pushed."""
    model = Model.from_dict(
        {
            "classes": ["article", "product"],
            "features": ["schema_product", "prose"],
            "mean": [0.0, 0.5],
            "scale": [1.0, 0.5],
            "coef": [[-2.0, 1.0], [2.0, -1.0]],
            "intercept": [0.0, 0.0],
        }
    )
    product = _evidence('<html><head><script type="application/ld+json">{"@type":"Product"}</script>')
    result = classify(product, [_p("Blue mug", 0)], model)
    assert result.type == "product" and result.evidence["schema"] == "product"
    assert "schema_product" in str(result.evidence["top"])
    assert classify(_evidence("<p>x</p>"), [_p(PROSE)], model).type == "article"


def test_article_weight_keeps_doubtful_pages_articles() -> None:
    """A page is called something else only when another type is more than
    ``article_weight`` times as probable as an article."""
    data = {
        "classes": ["article", "listing", "forum"],
        "features": ["x"],
        "mean": [0.0],
        "scale": [1.0],
        "coef": [[0.0], [2.0], [0.0]],
        "intercept": [0.0, 0.0, 0.0],
    }
    plain = Model.from_dict(data)
    weighted = Model.from_dict({**data, "article_weight": 3.0})
    assert weighted.article_weight == 3.0 and Model.from_dict(weighted.to_dict()) == weighted
    assert plain.article_weight == 1.0
    # listing is e^2 = 7.4 times as probable as an article at x=1, e^1 = 2.7 times at x=0.5
    assert plain.decide(plain.probabilities({"x": 1.0})) == "listing"
    assert weighted.decide(weighted.probabilities({"x": 1.0})) == "listing"
    assert plain.decide(plain.probabilities({"x": 0.5})) == "listing"
    assert weighted.decide(weighted.probabilities({"x": 0.5})) == "article"
    assert sum(weighted.probabilities({"x": 0.5}).values()) == pytest.approx(1.0)
    assert weighted.probabilities({"x": 0.5})["article"] == pytest.approx(3 / (3 + math.e + 1))


def test_model_file_loads_and_is_deterministic() -> None:
    model = shipped_model()
    assert set(model.classes) == set(PAGE_TYPES) and len(model.features) > 20
    assert Model.from_dict(model.to_dict()) == model
    signals = _evidence((FIXTURES / "page_type" / "article.html").read_text("utf-8"))
    values = features(signals, [_p(PROSE, 0), _p(PROSE, 1)])
    first = model.probabilities(values)
    assert first == model.probabilities(dict(values))
    reordered = model.probabilities(dict(reversed(list(values.items()))))
    assert all(first[c] == pytest.approx(reordered[c], abs=1e-12) for c in first)
    assert sum(first.values()) == pytest.approx(1.0)
    assert classify(signals, [_p(PROSE, 0), _p(PROSE, 1)]) == classify(signals, [_p(PROSE, 0), _p(PROSE, 1)])


def test_model_rejects_bad_shapes() -> None:
    good = {
        "classes": ["a", "b"],
        "features": ["x"],
        "mean": [0],
        "scale": [1],
        "coef": [[1], [2]],
        "intercept": [0, 0],
    }
    Model.from_dict(good)
    with pytest.raises(ValueError):
        Model.from_dict({**good, "coef": [[1, 2], [2, 3]]})
    with pytest.raises(ValueError):
        Model.from_dict({**good, "intercept": [0]})


# -- text input ------------------------------------------------------------------------


def test_text_input_article_or_none() -> None:
    assert newsclean.clean(f"{PROSE}\n\n{PROSE}\n\n{PROSE}", kind="text").page_type == "article"
    menu = newsclean.clean("Home\nNews\nSport\nContact us", kind="text")
    assert menu.page_type is None and menu.page_type_confidence is None and "not-an-article" not in menu.warnings
    assert text_page_type([_p(PROSE[:90], 0), _p(PROSE[:90], 1)]) is None  # too little prose


# -- warnings --------------------------------------------------------------------------


def test_error_page_by_status_title_and_by_phrase() -> None:
    small = [_p("Sorry about that.", 0)]
    assert page_warnings(small, title="Error 404") == ["error-page"]
    assert page_warnings(small, title="Seite nicht gefunden – Beispiel") == ["error-page"]
    assert page_warnings([_p("ページが見つかりませんでした。", 0)], title="エラー") == ["error-page"]
    # a number that merely contains 404, or an article that mentions the phrase, is no error page
    assert page_warnings(small, title="Route 4040 reopens") == []
    long_body = [_p(PROSE, i) for i in range(12)] + [_p("The page not found by the auditors was later recovered.", 12)]
    assert page_warnings(long_body, title="Auditors recover page") == []


def test_paywall_needs_the_markup_or_the_prompt_and_a_short_body() -> None:
    body = [_p(PROSE, 0), _p(PROSE, 1)]
    assert page_warnings(body, evidence=PageEvidence(paywalled=True)) == ["paywall"]
    assert page_warnings(body, evidence=PageEvidence(furniture={"paywall prompt": 1})) == ["paywall"]
    assert page_warnings(body, evidence=PageEvidence()) == []
    long_body = [_p(PROSE, i) for i in range(8)]  # the whole article is there: no wall
    assert page_warnings(long_body, evidence=PageEvidence(paywalled=True)) == []


def test_consent_wall_only_when_little_else() -> None:
    wall = [_p("We use cookies to improve your experience.", 0), _p("Accept all", 1)]
    assert page_warnings(wall) == ["consent-wall"]
    assert page_warnings([*wall, *[_p(PROSE, i) for i in range(2, 6)]]) == []
    notice = PageEvidence(furniture={"cookie notice": 1}, visible=300)
    assert page_warnings([], evidence=notice) == ["consent-wall"]
    assert page_warnings([], evidence=PageEvidence(furniture={"cookie notice": 1}, visible=9000)) == []


def test_phrases_are_whole_words_in_spaced_scripts() -> None:
    assert page_warnings([_p("Notfound.", 0)], title="notfound") == []
    assert page_warnings([_p("x", 0)], title="Not Found") == ["error-page"]


# -- robustness ------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<a href='/x-y-z-w-v'>",
        "<h2>",
        "<script type='application/ld+json'>",
        '{"@type": ["Product"',
        "</script>",
        "<meta property='og:type' content='article'>",
        "<input type=search>",
        "<time datetime=x>",
        "<div class='post comment'>",
        "404",
        "Page not found",
        "ページ",
        "\n",
    ]
)


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=40), _FRAGMENTS), max_size=30), st.one_of(st.none(), st.text(max_size=60)))
def test_classifier_never_raises(parts: list[str], url: str | None) -> None:
    html = "".join(parts)
    evidence = _evidence(html, url)
    blocks = [_p(p, i) for i, p in enumerate(parts) if p.strip()]
    result = classify(evidence, blocks)
    assert result.type in PAGE_TYPES and 0.0 <= result.confidence <= 1.0
    assert set(page_warnings(blocks, title=url, evidence=evidence)) <= {
        "error-page",
        "paywall",
        "consent-wall",
    }
