"""Rules added for the boilerplate segment corpus (mostly German pages): linked runs closing
the body, captions ending with a © credit, the dek kept in the body where the lead opens
the article, and the Polish phrase file."""

from __future__ import annotations

import newsclean
from newsclean.document import Block, Document, Kind
from newsclean.filters import AllcapsLinks, Headline, LinkedRuns, PhotoCredits
from newsclean.lexicon import available

P, H = Kind.PARAGRAPH, Kind.HEADING
STORY = [
    "Der Stadtrat hat am Dienstag zwölf neue Buslinien beschlossen, die ab dem Frühjahr fahren.",
    "Der Plan wird über eine neue Parkgebühr finanziert, die ab März in der Innenstadt gilt.",
    "Gegner sagten, die Gebühr schade den Geschäften in der Altstadt.",
    "Die Bürgermeisterin sagte, die ersten Linien würden im März eröffnet.",
]


def doc(*items: tuple[Kind, str, float] | str, source: str = "html", language: str | None = None) -> Document:
    blocks = []
    for i, item in enumerate(items):
        kind, text, ratio = (P, item, 0.0) if isinstance(item, str) else item
        blocks.append(Block(kind, text, i, link_ratio=ratio))
    d = Document(blocks=blocks, source=source)
    if language:
        d.set_meta("language", language, source="test")
    return d


def texts(d: Document) -> list[str]:
    return [b.text for b in d.blocks]


def linked(text: str, kind: Kind = P) -> tuple[Kind, str, float]:
    return (kind, text, 1.0)


# -- allcaps_links -------------------------------------------------------------------------


def test_link_in_capitals_inside_the_body_goes() -> None:
    d = doc(STORY[0], linked("MAYOR QUITS AFTER 'SINGING ON THE BRIDGE' CONTEST"), *STORY[1:])
    AllcapsLinks()(d)
    assert texts(d) == STORY
    assert [r.filter for r in d.removed] == ["allcaps_links"]


def test_capital_look_alikes_stay() -> None:
    cases = [
        doc(*STORY, linked("Den Bericht des Rechnungshofs lesen Sie hier")),  # a link, not in capitals
        doc(*STORY, (P, "DER STADTRAT HAT AM DIENSTAG ENTSCHIEDEN", 0.0)),  # capitals, not a link
        doc(*STORY, linked("1. EXAMPLE CAMERA X2 PRO MARK III", H)),  # a linked product heading
        doc(*STORY, linked("NASA REPORT")),  # too short to be a headline
        doc(*STORY, linked("MAYOR QUITS AFTER THE BRIDGE CONTEST"), source="text"),
    ]
    for d in cases:
        before = texts(d)
        AllcapsLinks()(d)
        assert texts(d) == before
        assert d.removed == []


# -- linked_runs --------------------------------------------------------------------------


def test_run_of_linked_headlines_closing_the_body_goes() -> None:
    d = doc(
        *STORY,
        linked("Kaupungin uusi kirjasto avautuu"),
        linked("Syksyn sienisato jäi pieneksi", H),
        linked("Astronomie"),
    )
    LinkedRuns()(d)
    assert texts(d) == STORY
    assert [r.filter for r in d.removed] == ["linked_runs"] * 3


def test_linked_run_followed_by_one_more_block_goes() -> None:
    d = doc(*STORY, linked("Hier das Tableau in Pune"), linked("Hier das Tableau in Montpellier"), "Stand: 3. Februar")
    LinkedRuns()(d)
    assert texts(d) == [*STORY, "Stand: 3. Februar"]


def test_linked_look_alikes_stay() -> None:
    single = doc(*STORY, linked("Den Bericht des Rechnungshofs lesen Sie hier"))
    middle = doc(STORY[0], linked("Buslinien"), linked("Parkgebühr"), *STORY[1:])
    references = doc(
        *STORY, linked("[1] Night shifts and sleep: a review of field studies"), linked("DOI: 10.1007/978-3-319")
    )
    whole = doc(linked("Eins"), linked("Zwei"))
    long_links = doc(*STORY, linked(" ".join(["Wort"] * 30)), linked(" ".join(["Satz"] * 30)))
    text_mode = doc(*STORY, linked("Eins"), linked("Zwei"), source="text")
    for d in (single, middle, references, whole, long_links, text_mode):
        before = texts(d)
        LinkedRuns()(d)
        assert texts(d) == before
        assert d.removed == []


# -- photo_credits: captions ending with a © credit --------------------------------------


def test_caption_ending_with_a_copyright_credit_goes() -> None:
    for caption in (
        "Erika Musterfrau, Skispringerin aus Oberstdorf. © dpa / MAX MUSTERMANN",
        "Bild: Logo des Umweltpreises der Stadtwerke Musterstadt und der Kammer BEISPIEL & PARTNER | © Beispielverlag",
    ):
        d = doc(*STORY[:2], caption, *STORY[2:])
        PhotoCredits()(d)
        assert texts(d) == STORY, caption
        assert "© credit" in d.removed[0].reason


def test_copyright_look_alikes_stay() -> None:
    kept = [
        "Die Ausstellung zeigt Fotos aus vier Jahrzehnten, © und Rechte liegen bei den Fotografen selbst.",
        "Photo https://example.com/media/photos © Viva Technology 2025",
        " ".join(["Ein langer Absatz über das Urheberrecht"] * 8) + " © AFP",
    ]
    d = doc(*STORY, *kept)
    PhotoCredits()(d)
    assert texts(d) == [*STORY, *kept]


# -- headline: the dek stays where the lead opens the body -------------------------------


def _with_title(language: str) -> Document:
    d = doc(
        (H, "Neue Buslinien für die Vororte", 0.0),
        (H, "Der Stadtrat stimmt für zwölf Linien", 0.0),
        *STORY,
        language=language,
    )
    d.set_meta("title", "Neue Buslinien für die Vororte", source="test")
    return d


def test_dek_under_the_headline_stays_in_a_german_page_and_fills_subtitle() -> None:
    d = _with_title("de")
    Headline()(d)
    assert texts(d) == ["Der Stadtrat stimmt für zwölf Linien", *STORY]
    assert d.meta["subtitle"] == "Der Stadtrat stimmt für zwölf Linien"
    Headline()(d)  # a second run changes nothing
    assert texts(d) == ["Der Stadtrat stimmt für zwölf Linien", *STORY]


def test_dek_under_the_headline_moves_out_of_an_english_page() -> None:
    d = _with_title("en")
    Headline()(d)
    assert texts(d) == STORY
    assert d.meta["subtitle"] == "Der Stadtrat stimmt für zwölf Linien"


def test_the_markup_subtitle_printed_again_at_the_top_moves_out_of_the_body() -> None:
    d = _with_title("en")
    d.set_meta("subtitle", "Der Stadtrat stimmt für zwölf Linien", source="html:dek")
    Headline()(d)
    assert texts(d) == STORY
    assert [(m.to, m.text) for m in d.moved][-1] == ("subtitle", "Der Stadtrat stimmt für zwölf Linien")
    d = _with_title("de")  # where the lead opens the body, it stays
    d.set_meta("subtitle", "Der Stadtrat stimmt für zwölf Linien", source="html:dek")
    Headline()(d)
    assert texts(d) == ["Der Stadtrat stimmt für zwölf Linien", *STORY]


def test_a_first_block_unlike_the_markup_subtitle_stays() -> None:
    d = _with_title("en")
    d.set_meta("subtitle", "Zwölf neue Linien ab dem Frühjahr in allen Vororten", source="html:dek")
    Headline()(d)
    assert texts(d) == ["Der Stadtrat stimmt für zwölf Linien", *STORY]


# -- Polish phrase file ----------------------------------------------------------------------

POLISH = [
    "Rada miasta zdecydowała we wtorek o uruchomieniu dwunastu nowych linii autobusowych.",
    "Plan zostanie sfinansowany z nowej opłaty parkingowej, która obowiązuje od marca.",
    "Przeciwnicy twierdzą, że opłata zaszkodzi sklepom na starym mieście.",
]
MORE = [
    "Pierwsze autobusy mają wyjechać na ulice w marcu, a kolejne do końca czerwca.",
    "Miasto kupi w tym celu czterdzieści nowych pojazdów elektrycznych od krajowego producenta.",
    "Radni opozycji zapowiedzieli, że będą uważnie śledzić koszty całego przedsięwzięcia.",
]


def test_polish_boilerplate_goes_and_prose_stays() -> None:
    assert "pl" in available()
    text = "\n\n".join(
        [
            "Nowe linie autobusowe",
            *POLISH,
            "Polecamy: Remont dworca potrwa do jesieni",
            "Udostępnij na Facebooku",
            "© 2024 Gazeta Miejska. Wszelkie prawa zastrzeżone.",
        ]
    )
    article = newsclean.clean(text, kind="text")
    assert article.paragraphs == POLISH
    # a sentence that only contains a phrase is the story's, not a label
    quote = "Polecamy wszystkim nowe autobusy – mówi prezydent miasta, który jeździ nimi codziennie do pracy."
    middle = "\n\n".join(["Nowe linie autobusowe", POLISH[0], quote, *POLISH[1:], *MORE])
    assert quote in newsclean.clean(middle, kind="text").paragraphs


# -- related_links: lists the page links none of --------------------------------------------


def test_unlinked_list_closing_an_html_body_stays_a_linked_one_goes() -> None:
    from newsclean.filters import RelatedLinks

    items = ["120 g Reisnudeln", "2 Eier", "1 Bund Frühlingszwiebeln"]

    def with_list(ratio: float, source: str = "html") -> Document:
        blocks = [Block(P, t, i) for i, t in enumerate(STORY)]
        blocks += [Block(Kind.LIST_ITEM, t, len(STORY) + i, group=1, link_ratio=ratio) for i, t in enumerate(items)]
        return Document(blocks=blocks, source=source)

    kept = with_list(0.0)
    RelatedLinks()(kept)
    assert texts(kept) == [*STORY, *items]
    gone = with_list(1.0)
    RelatedLinks()(gone)
    assert texts(gone) == STORY
    text_mode = with_list(0.0, source="text")  # no link information: judged by shape as before
    RelatedLinks()(text_mode)
    assert texts(text_mode) == STORY


def test_caption_carrying_its_zoom_button_goes_look_alikes_stay() -> None:
    caption = "VergrößernEine kleine runde Aussparung für die Facetime-Kamera im Display."
    kept = ["Vergrößern Sie das Bild mit zwei Fingern, um die Details zu sehen.", "Zoom Compacts"]
    d = doc(*STORY[:2], caption, *STORY[2:], *kept)
    PhotoCredits()(d)
    assert texts(d) == [*STORY, *kept]
    assert d.removed[0].reason == "photo caption carrying its zoom button"


def test_run_of_linked_quotes_closing_the_body_goes() -> None:
    teasers = [
        (Kind.QUOTE, "Luftwaffe beginnt das Training auf dem H145", 1.0),
        (Kind.QUOTE, "Erste A321LR übergeben", 1.0),
    ]
    d = doc(*STORY, *teasers)
    LinkedRuns()(d)
    assert texts(d) == STORY
