"""The region check of the HTML source: doubts about the fast body, and the choice among views."""

from __future__ import annotations

from lxml import etree
from trafilatura.utils import load_html

from newsclean.sources.region import RegionOptions, View, checked_body, choose, doubt, prose_share

MENU = "<body><p>Home<lb/>About us<lb/>Services<lb/>Contact<lb/>Login<lb/>Register<lb/>News<lb/>Events</p></body>"
PROSE = (
    "<body><p>The city council voted on Tuesday to expand the bus network with three new routes.</p>"
    "<p>Officials said the routes would start in spring.</p><head>What changes</head>"
    "<p>Fares stay the same for at least two years, the mayor said.</p></body>"
)
PARAS = [
    f"Paragraph {i} of the story says what the council decided about the bus lines and why it matters to riders."
    for i in range(10)
]
OPTIONS = RegionOptions()


def xml(text: str) -> etree._Element:
    return etree.fromstring(text)


def body(*paragraphs: str) -> etree._Element:
    return xml("<body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body>")


def page(*paragraphs: str, extra: str = "") -> etree._Element:
    return load_html("<html><body>" + extra + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")


def test_menu_lines_are_not_prose_and_an_article_is() -> None:
    assert prose_share(xml(MENU)) == 0.0
    assert prose_share(xml(PROSE)) > 0.8
    assert prose_share(None) == 1.0


def test_doubts_about_the_fast_body() -> None:
    tree = page(*PARAS)
    assert doubt(View("fast", xml(MENU)), tree, OPTIONS) == "menu"
    assert doubt(View("fast", body(PARAS[0])), tree, OPTIONS) == "little"
    assert doubt(View("fast", body(" ".join(PARAS))), tree, OPTIONS) == "one-block"
    assert doubt(View("fast", body(*PARAS[:4])), tree, OPTIONS) is None


NONE = View("none", None)


def test_the_full_cascade_replaces_a_menu_with_prose_but_not_with_another_menu() -> None:
    long_menu = xml(MENU.replace("</p>", "<lb/>" + "<lb/>".join(f"Section {i}" for i in range(40)) + "</p>"))
    fast = View("fast", xml(MENU))
    article = View("full", body(*PARAS))
    assert choose(fast, article, None, "menu", OPTIONS) is article
    assert choose(fast, View("full", long_menu), None, "menu", OPTIONS) is fast


def test_after_little_the_longer_full_body_wins() -> None:
    fast = View("fast", body(PARAS[0]))
    assert choose(fast, View("full", body(*PARAS[:3])), None, "little", OPTIONS).chars > fast.chars
    assert choose(fast, View("full", body(PARAS[1][:20])), None, "little", OPTIONS) is fast


def test_a_second_opinion_that_extends_the_body_wins() -> None:
    fast = View("fast", body(PARAS[0]))
    whole = View("readability", body(*PARAS))
    assert choose(fast, NONE, whole, "little", OPTIONS) is whole
    nothing = View("fast", None)
    assert choose(nothing, NONE, whole, "little", OPTIONS) is whole  # the fast pass found nothing


def test_a_longer_second_opinion_elsewhere_on_the_page_does_not() -> None:
    fast = View("fast", body(*PARAS[:2]))
    teasers = [f"Teaser {i}: a football club signs a new goalkeeper from abroad for next season." for i in range(12)]
    assert choose(fast, NONE, View("readability", body(*teasers)), "little", OPTIONS) is fast
    assert choose(fast, NONE, View("readability", None), "little", OPTIONS) is fast


def test_a_second_opinion_shorter_than_the_full_body_does_not_replace_it() -> None:
    fast = View("fast", body(PARAS[0]))
    full = View("full", body(*PARAS))
    assert choose(fast, full, View("readability", body(*PARAS[:4])), "little", OPTIONS) is full


def test_other_views_are_computed_only_on_doubtful_pages() -> None:
    calls: list[str] = []

    def full() -> etree._Element:
        calls.append("full")
        return body(*PARAS)

    def second(tree: etree._Element) -> etree._Element:
        calls.append("second")
        return body(*PARAS)

    tree = page(*PARAS)
    sure = body(*PARAS)
    assert checked_body(sure, tree, OPTIONS, full=full, second=second) is sure
    assert calls == []
    little = body(PARAS[0])
    assert len(checked_body(little, tree, OPTIONS, full=full, second=second)) == len(PARAS)
    assert calls == ["second", "full"]
    calls.clear()
    checked_body(little, tree, RegionOptions(second_opinion=False), full=full, second=second)
    assert calls == ["full"]
