"""The structural steps before extraction (newsclean.sources.page_furniture): what a reader
cannot see, what the markup names as furniture, boxes a page repeats; and the guards that
keep the article."""

from __future__ import annotations

import newsclean
from newsclean import HtmlOptions
from newsclean.sources.page_furniture import FurnitureLimits, strip_furniture
from newsclean.sources.parse import parse_html

STORY = [
    "The harbour authority opened a second ferry terminal on Monday after three years of building work.",
    "The terminal can handle four ships at once and has a covered waiting hall for six hundred passengers.",
    "Local shops expect more visitors in summer, when cruise ships call at the port twice a week.",
    "The old terminal will close for repairs in the autumn and reopen as a market hall next spring.",
]


def page(extra_before: str = "", extra_inside: str = "", extra_after: str = "") -> str:
    first, second = ("".join(f"<p>{s}</p>" for s in half) for half in (STORY[:2], STORY[2:]))
    return (
        "<html><head><title>Second ferry terminal opens</title></head><body>"
        f"{extra_before}<article><h1>Second ferry terminal opens</h1>"
        f"<div class='article-body'>{first}{extra_inside}{second}</div></article>{extra_after}</body></html>"
    )


def texts(removals: list[newsclean.Removal]) -> list[str]:
    return [r.text for r in removals]


def test_hidden_elements_go_and_say_why() -> None:
    tree = parse_html(
        page(
            extra_inside=(
                "<div hidden><p>Ghost box one</p></div>"
                "<div aria-hidden='true'>Ghost box two</div>"
                "<p style='color: red; display : none'>Ghost box three</p>"
                "<div style='visibility:hidden'>Ghost box four</div>"
                "<div hidden='until-found'><p>Found on search</p></div>"
            )
        )
    )
    assert tree is not None
    removals = strip_furniture(tree, widgets=False, buttons=False, repeated=False)
    assert texts(removals) == ["Ghost box one", "Ghost box two", "Ghost box three", "Ghost box four"]
    assert {r.filter for r in removals} == {"hidden_elements"}
    assert [r.reason for r in removals][:2] == ["hidden element (hidden attribute)", "hidden element (aria-hidden)"]
    assert "Found on search" in tree.text_content()


def test_carousels_are_not_furniture_by_name() -> None:
    slides = (
        "<div class='swiper'><div class='swiper-slide'><a href='/a'>Course one: twelve weeks online</a></div></div>"
    )
    tree = parse_html(page(extra_inside=slides))
    assert tree is not None
    assert strip_furniture(tree, hidden=False, repeated=False) == []


def test_a_folded_panel_with_a_sentence_stays() -> None:
    panel = "<div style='display:none'><p>Yes, the terminal has lockers for day visitors.</p></div>"
    note = "<div hidden><p>Yes, the terminal has lockers for day visitors.</p></div>"
    tree = parse_html(page(extra_inside=panel + note))
    assert tree is not None
    removals = strip_furniture(tree, widgets=False, repeated=False)
    assert [r.reason for r in removals] == ["hidden element (hidden attribute)"]


def test_widgets_named_by_class_role_and_tag() -> None:
    tree = parse_html(
        page(
            extra_before="<div class='cookieConsent__bar'>We use small files.</div>",
            extra_inside=(
                "<ul class='share-list'><li><a href='#'>Post</a></li><li><a href='#'>Send</a></li></ul>"
                "<div class='font-size-switch'>Size <b>S</b> <button>L</button></div>"
                "<div id='block-simplenews'>Morning mail <a href='/nl'>Join</a></div>"
                "<div role='toolbar'>Print Save</div>"
                "<dialog>Stay a while</dialog>"
            ),
        )
    )
    assert tree is not None
    removals = strip_furniture(tree, hidden=False, buttons=False, repeated=False)
    assert texts(removals) == [
        "We use small files.",
        "Post Send",
        "Size S L",
        "Morning mail Join",
        "Print Save",
        "Stay a while",
    ]
    reasons = [r.reason for r in removals]
    assert reasons[0].startswith("cookie notice (class") and reasons[2].startswith("text-size widget")
    assert reasons[4] == "toolbar (role=toolbar)" and reasons[5] == "page furniture (<dialog>)"
    assert all(r.filter == "page_widgets" for r in removals)


def test_a_name_of_the_articles_content_wins() -> None:
    inside = (
        "<div class='story-body paywall'><p>The ferry runs hourly.</p></div>"
        "<div class='slideshow-caption entry-text'><p>The new hall at dusk.</p></div>"
    )
    tree = parse_html(page(extra_inside=inside))
    assert tree is not None
    assert strip_furniture(tree, hidden=False, buttons=False, repeated=False) == []


def test_a_gallery_that_tells_the_story_stays() -> None:
    slides = "<div class='photo-gallery'><p>The old hall was built in 1902 for the grain trade.</p></div>"
    labels = "<div class='photo-gallery'><span>Photo 1 of 9</span><button>Next</button></div>"
    tree = parse_html(page(extra_inside=slides + labels))
    assert tree is not None
    assert texts(strip_furniture(tree, hidden=False, buttons=False, repeated=False)) == ["Photo 1 of 9 Next"]


def test_control_widgets_need_a_control() -> None:
    tree = parse_html(page(extra_inside="<p class='font-size-sm'>A note in small type.</p>"))
    assert tree is not None
    assert strip_furniture(tree, hidden=False, buttons=False, repeated=False) == []


def test_names_are_matched_by_whole_words() -> None:
    tree = parse_html(
        page(
            extra_inside=(
                "<div class='commentary-box'>An aside by the editor.</div>"
                "<div class='elementor-widget-text-editor'>Builder text</div>"
                "<div class='shareholders'>Holders of shares</div>"
            )
        )
    )
    assert tree is not None
    assert strip_furniture(tree, hidden=False, buttons=False, repeated=False) == []


def test_a_button_box_goes_without_a_class_name() -> None:
    box = "<section class='x1'><p>Keep the lights on for local news.</p><a role='button' href='/g'>Give</a></section>"
    tree = parse_html(page(extra_after=box))
    assert tree is not None
    assert strip_furniture(tree, hidden=False, widgets=False, repeated=False) == []  # off by default
    removals = strip_furniture(tree, hidden=False, widgets=False, buttons=True, repeated=False)
    assert texts(removals) == ["Keep the lights on for local news. Give"]
    assert removals[0].reason == "short box around a button" and removals[0].filter == "button_boxes"


def test_a_box_shown_twice_goes_but_a_repeated_paragraph_stays() -> None:
    box = "<div class='x9'><p>Morning briefing in your inbox</p><form><input type='email'><b>Go</b></form></div>"
    repeated = "<p>The terminal is open.</p>" * 3
    tree = parse_html(page(extra_inside=box + repeated, extra_after=box))
    assert tree is not None
    removals = strip_furniture(tree, hidden=False, widgets=False, buttons=False)
    assert texts(removals) == ["Morning briefing in your inbox Go"] * 2
    assert removals[0].filter == "repeated_widgets" and removals[0].reason == "box repeated 2 times on the page"
    assert tree.text_content().count("The terminal is open.") == 3
    many = "<li><span>notes and slides of the week</span><button>Open</button></li>" * 5
    tree = parse_html(page(extra_inside=f"<ul>{many}</ul>"))
    assert tree is not None
    assert strip_furniture(tree, hidden=False, widgets=False) == []  # a list's repeated label


def test_guards_keep_the_article() -> None:
    body = "".join(f"<p>{s}</p>" for s in STORY)
    html = (
        "<html><body><form id='aspnetForm'><div class='paywall-content' aria-hidden='true'>"
        f"<h1>Second ferry terminal opens</h1>{body}</div></form>"
        f"<div class='premium-body' hidden>{body}</div></body></html>"
    )
    tree = parse_html(html)
    assert tree is not None
    assert strip_furniture(tree) == []
    assert tree.text_content().count(STORY[0]) == 2
    tree = parse_html(html)
    assert tree is not None
    relaxed = FurnitureLimits(min_prose=10, max_share=1.0, hidden_chars=10_000)
    assert len(strip_furniture(tree, limits=relaxed)) == 1  # the h1 still guards


def test_each_step_switches_off_in_one_option() -> None:
    html = page(
        extra_inside=(
            "<div class='share-bar'><a href='#'>Post it</a></div><div hidden>Hidden note</div>"
            "<div class='x2'><p>Tell us what you think.</p><button>Write</button></div>"
        ),
        extra_after="<div class='x'><b>Harbour desk alerts</b><select><option>Daily</option></select></div>" * 2,
    )
    on = newsclean.clean(html, kind="html", html_options=HtmlOptions(button_boxes=True))
    assert {r.filter for r in on.removed} >= {"hidden_elements", "page_widgets", "button_boxes", "repeated_widgets"}
    steps = ("hidden_elements", "page_widgets", "button_boxes", "repeated_widgets")
    for step in steps:
        off = newsclean.clean(html, kind="html", html_options=HtmlOptions(**{s: s != step for s in steps}))
        assert step not in {r.filter for r in off.removed}
    assert all(s in on.text for s in STORY)
