"""The menu check of the HTML source: a fast body that is mostly short navigation lines
is replaced by the full cascade's body when that reads as prose."""

from __future__ import annotations

from lxml import etree

from newsclean.sources.html import _better_body, _prose_share, _reads_like_menu

MENU = "<body><p>Home<lb/>About us<lb/>Services<lb/>Contact<lb/>Login<lb/>Register<lb/>News<lb/>Events</p></body>"
PROSE = (
    "<body><p>The city council voted on Tuesday to expand the bus network with three new routes.</p>"
    "<p>Officials said the routes would start in spring.</p><head>What changes</head>"
    "<p>Fares stay the same for at least two years, the mayor said.</p></body>"
)


def xml(text: str) -> etree._Element:
    return etree.fromstring(text)


def test_menu_reads_like_a_menu() -> None:
    assert _prose_share(xml(MENU)) == 0.0
    assert _reads_like_menu(xml(MENU), 0.3)


def test_article_with_a_subheading_does_not() -> None:
    assert _prose_share(xml(PROSE)) > 0.8
    assert not _reads_like_menu(xml(PROSE), 0.3)
    assert not _reads_like_menu(None, 0.3)


def test_prose_full_body_beats_a_menu_even_when_shorter() -> None:
    long_menu = xml(MENU.replace("</p>", "<lb/>" + "<lb/>".join(f"Section {i}" for i in range(40)) + "</p>"))
    assert _better_body(xml(PROSE), long_menu, "menu", 0.3)
    assert not _better_body(xml(MENU), long_menu, "menu", 0.3)  # another menu does not win


def test_without_a_menu_the_longer_body_wins() -> None:
    assert _better_body(xml(PROSE), xml(MENU), "little", 0.3)
    assert not _better_body(xml(MENU), xml(PROSE), "little", 0.3)
