"""The filters added for body-text quality: related sections, the page's own URL,
affiliate disclosures, and the fuzzy headline match."""

from __future__ import annotations

from newsclean.document import Block, Document, Kind
from newsclean.filters import AffiliateDisclosures, BareUrls, CallsToAction, Headline, RelatedLinks, RelatedSections

P, H = Kind.PARAGRAPH, Kind.HEADING
STORY = [
    "The city council voted on Tuesday to expand the bus network by twelve new lines.",
    "The plan, which takes effect next spring, is paid for by a new parking levy.",
    "Opponents said the levy would hurt shops in the old town.",
    "The mayor said the first lines would open in March.",
]


def doc(*items: tuple[Kind, str] | str, url: str | None = None) -> Document:
    blocks = []
    for i, item in enumerate(items):
        kind, text = (P, item) if isinstance(item, str) else item
        blocks.append(Block(kind, text, i))
    d = Document(blocks=blocks, source="html")
    if url:
        d.set_meta("url", url, source="test")
    return d


def texts(d: Document) -> list[str]:
    return [b.text for b in d.blocks]


def test_related_section_label_and_headlines_go() -> None:
    d = doc(*STORY, (H, "Weitere Themen"), "Why the Fed raised rates again", "Five things to know about the vote")
    RelatedSections()(d)
    assert texts(d) == STORY
    assert [r.filter for r in d.removed] == ["related_sections"] * 3
    assert "Weitere Themen" in d.removed[0].reason


def test_related_section_stops_at_a_real_paragraph() -> None:
    d = doc(*STORY[:2], "Noticias relacionadas", "El alcalde anuncia nuevas líneas", *STORY[2:])
    RelatedSections()(d)
    assert texts(d) == STORY  # label and its headline go, the story after them stays


def test_lone_label_early_in_the_body_stays() -> None:
    # "Trending" as a section title before real paragraphs, in the first half: kept
    d = doc(STORY[0], (H, "Trending"), *STORY[1:], "A closing paragraph about what happens next.")
    RelatedSections()(d)
    assert "Trending" in texts(d)
    assert d.removed == []


def test_lone_label_late_in_the_body_goes() -> None:
    d = doc(*STORY, (H, "You may also like"))
    RelatedSections()(d)
    assert texts(d) == STORY


def test_bare_url_only_the_pages_own_address() -> None:
    own = "https://www.example.com/news/article/Cat-found-12345678.php"
    shared = "http://example.com/news/article/Cat-found-12345678.php?ref=share"
    d = doc(*STORY, shared, "https://github.com/example/tool", url=own)
    BareUrls()(d)
    assert texts(d) == [*STORY, "https://github.com/example/tool"]  # a linked resource is content
    assert d.removed[0].filter == "bare_urls"


def test_bare_url_needs_a_page_url_and_keeps_sentences() -> None:
    d = doc("https://www.example.com/a", "Details at https://www.example.com/a. Entry is free.")
    BareUrls()(d)
    assert len(d.blocks) == 2
    d = doc("Details at https://www.example.com/a", url="https://www.example.com/a")
    BareUrls()(d)
    assert len(d.blocks) == 1


def test_affiliate_disclosures() -> None:
    d = doc(
        "This guide includes affiliate links: we may earn a small fee at no extra cost to you.",
        *STORY,
        "Purchases made through links on this page may earn us a commission.",
        "Dieser Beitrag enthält Affiliate-Links.",
    )
    AffiliateDisclosures()(d)
    assert texts(d) == STORY
    assert {r.filter for r in d.removed} == {"affiliate_disclosures"}


def test_affiliate_phrase_in_a_long_paragraph_stays() -> None:
    long = (
        "Publishers increasingly rely on affiliate links, and regulators now require that readers are told when a "
        "site may earn a commission; the new rules, which come into force in June, set out how prominent that notice "
        "must be, where on the page it must appear, and what happens to sites that bury it at the bottom of a long "
        "review, according to the consumer agency's guidance published on Monday."
    )
    d = doc(long)
    AffiliateDisclosures()(d)
    assert texts(d) == [long]


def test_headline_variant_of_the_title_goes_but_a_lead_sentence_stays() -> None:
    title = "Harbour Festival 2021 | Ostrander's lantern walk for the old town"
    d = doc((H, "Harbour Festival 2021 | Mira Ostrander’s lantern walk for the old town"), *STORY)
    d.set_meta("title", title, source="test")
    Headline()(d)
    assert texts(d) == STORY
    lead = "Alma Verhoeven has agreed a deal to replace Tomas Brandt as Riverside United's coach."
    d = doc(lead, *STORY)
    d.set_meta("title", "Alma Verhoeven agrees deal to replace Tomas Brandt as Riverside United coach", source="test")
    Headline()(d)
    assert texts(d)[0] == lead


def test_calls_to_action_only_at_the_end() -> None:
    pitch = "Book a demo to see how our platform can help your restaurant thrive."
    d = doc("Learn more about the vaccine trial below, where we explain the three phases.", *STORY, pitch)
    CallsToAction()(d)
    assert texts(d)[0].startswith("Learn more") and pitch not in texts(d)
    assert d.removed[0].filter == "calls_to_action"


def test_related_links_keep_a_listicle_that_is_the_body() -> None:
    items = [f"Step {i}: Sand the Surface Until It Feels Smooth Again" for i in range(6)]
    blocks = [Block(P, "How to refinish a vintage dresser in a weekend.", 0)]
    blocks += [Block(Kind.LIST_ITEM, t, i + 1, group=1) for i, t in enumerate(items)]
    d = Document(blocks=blocks, source="html")
    RelatedLinks()(d)
    assert len(d.blocks) == 7  # the list is most of the body: kept
    d = Document(blocks=[*blocks[:1], Block(H, "Related", 1), *blocks[1:]], source="html")
    RelatedLinks()(d)
    assert len(d.blocks) == 1  # under a related heading it goes whatever its size


def _linked_items(texts: list[str], start: int) -> list[Block]:
    return [Block(Kind.LIST_ITEM, t, start + i, group=1, link_ratio=1.0) for i, t in enumerate(texts)]


def test_related_links_keep_a_list_the_heading_announces() -> None:
    tools = [f"Example Tool {n}" for n in ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf")]
    blocks = [Block(P, s, i) for i, s in enumerate(STORY)]
    blocks += [Block(H, "7 Free Tools for Drawing Maps", 4), *_linked_items(tools, 5)]
    d = Document(blocks=blocks, source="html")
    RelatedLinks()(d)
    assert texts(d)[-7:] == tools and not d.removed


def test_related_links_keep_a_list_on_the_headings_subject() -> None:
    places = ["Lisbon's Tasca do Largo", "Café Ribeira in Lisbon", "Lisbon harbour stalls", "Old Lisbon bakeries"]
    blocks = [Block(P, s, i) for i, s in enumerate(STORY)]
    blocks += [Block(H, "Where to Eat in Lisbon", 4), Block(P, "Our picks, tried this spring.", 5)]
    blocks += _linked_items(places, 6)
    d = Document(blocks=blocks, source="html")
    RelatedLinks()(d)
    assert texts(d)[-4:] == places


def test_related_links_keep_prose_items_under_the_articles_heading() -> None:
    steps = [
        "Sand the top with a fine paper until the old varnish is gone.",
        "Wipe the dust away with a damp cloth and let it dry overnight.",
        "Apply two thin coats of oil, a day apart.",
    ]
    blocks = [Block(P, s, i) for i, s in enumerate(STORY)]
    blocks += [Block(H, "The Steps We Took", 4), *_linked_items(steps, 5)]
    d = Document(blocks=blocks, source="html")
    RelatedLinks()(d)
    assert texts(d)[-3:] == steps


def test_related_links_still_remove_other_stories_at_the_end() -> None:
    stories = ["Mayor Opens New Library Branch", "Flood Warning Lifted for the Valley", "Schools Close Early on Friday"]
    blocks = [Block(P, s, i) for i, s in enumerate(STORY)]
    for heading in ("More From the Region", "Related"):
        d = Document(blocks=[*blocks, Block(H, heading, 4), *_linked_items(stories, 5)], source="html")
        RelatedLinks()(d)
        assert not set(stories) & set(texts(d)), heading
        d = Document(blocks=[*blocks, *_linked_items(stories, 4)], source="html")
        RelatedLinks()(d)
        assert not set(stories) & set(texts(d))
