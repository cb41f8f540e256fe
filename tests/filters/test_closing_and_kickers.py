"""Kickers above the headline, the publisher's own profile, and datelines (HTML-shaped
documents: the page title and URL come from the page, not from the body)."""

from __future__ import annotations

from newsclean.document import Document, Kind
from newsclean.filters import CompanyProfiles, Headline, PhotoCredits

from .test_quality_filters import doc as quality_doc
from .test_quality_filters import texts

P, H = Kind.PARAGRAPH, Kind.HEADING
TITLE = "Google bets on the future with launch of its game streaming service"
STORY = [
    "Google's long-gestating foray into gaming arrived on Tuesday as its streaming service launched.",
    "The service lets players stream games to phones, laptops and televisions without a console.",
    "Analysts said the launch library was thin but that the technology worked as promised.",
]


def doc(*items: tuple[Kind, str] | str, title: str | None = TITLE, url: str | None = None) -> Document:
    d = quality_doc(*items, url=url)
    if title:
        d.set_meta("title", title, source="test")
    return d


def test_kicker_above_the_headline_goes_with_it() -> None:
    d = doc("TECH", (H, TITLE), *STORY)
    Headline()(d)
    assert texts(d) == STORY
    assert [(r.filter, r.text) for r in d.removed] == [("headline", "TECH")]


def test_two_kickers_go() -> None:
    d = doc("News>", "Nation", (H, TITLE), *STORY)
    Headline()(d)
    assert texts(d) == STORY
    assert [r.text for r in d.removed] == ["News>", "Nation"]


def test_short_first_line_without_the_headline_after_it_stays() -> None:
    d = doc("Review", *STORY)
    Headline()(d)
    assert texts(d) == ["Review", *STORY]
    assert d.removed == []


def test_short_sentence_before_the_headline_stays() -> None:
    d = doc("It works.", (H, TITLE), *STORY)
    Headline()(d)
    assert "It works." in texts(d)


SITE = "https://www.acmetransit.com/news/2024/new-routes"
PROFILE = "Acme Transit is a global provider of scheduling software for bus operators, with offices in 12 countries."


def test_publisher_profile_closing_the_body_goes() -> None:
    d = doc(*STORY, PROFILE, url=SITE)
    CompanyProfiles()(d)
    assert texts(d) == STORY
    assert d.removed[0].filter == "company_profiles"


def test_heading_naming_the_publisher_goes_with_its_profile() -> None:
    d = doc(*STORY, (H, "Acme Transit Software"), PROFILE, url=SITE)
    CompanyProfiles()(d)
    assert texts(d) == STORY


def test_profile_paragraphs_after_it_about_the_same_company_go_too() -> None:
    rest = "Acme Transit is headquartered in Springfield and employs 300 people in four countries."
    d = doc(*STORY, PROFILE, rest, url=SITE)
    CompanyProfiles()(d)
    assert texts(d) == STORY
    other = "Shares of rival firms fell on the news, traders said."
    d = doc(*STORY, PROFILE, rest, other, url=SITE)
    CompanyProfiles()(d)
    assert texts(d) == [*STORY, rest, other]  # not the body's close: only the profile itself goes


def test_profile_of_another_company_without_about_heading_stays() -> None:
    d = doc(*STORY, PROFILE, url="https://www.example-news.com/story")
    CompanyProfiles()(d)
    assert texts(d) == [*STORY, PROFILE]


def test_closing_sentence_starting_with_the_outlet_stays() -> None:
    closing = "Acme Transit could not be reached for comment on Tuesday."
    d = doc(*STORY, closing, url=SITE)
    CompanyProfiles()(d)
    assert texts(d) == [*STORY, closing]


def test_profile_early_in_the_body_stays() -> None:
    d = doc(PROFILE, *STORY, *STORY, url=SITE)
    CompanyProfiles()(d)
    assert PROFILE in texts(d)


def test_dateline_agency_stays_and_caption_agency_goes() -> None:
    dateline = "ST. JOSEPH, Mich. (AP) — Health officials reported a sixth death linked to the virus."
    caption = "Officials speak to reporters in Lansing on Monday (AP) after the briefing ended."
    d = doc(dateline, caption, *STORY)
    PhotoCredits()(d)
    assert texts(d)[0] == dateline
    assert texts(d)[1] == "Officials speak to reporters in Lansing on Monday after the briefing ended."
