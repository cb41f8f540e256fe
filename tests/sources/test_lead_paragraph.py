"""The lead paragraph under the headline, recovered when the extraction leaves it out."""

from __future__ import annotations

from trafilatura.utils import load_html

from newsclean.document import Block, Kind
from newsclean.sources.html import html_document
from newsclean.sources.lead_paragraph import lead_paragraph, with_lead

TITLE = "Stadtrat beschließt neue Buslinien für die Vororte"
LEAD = (
    "Der Stadtrat hat am Dienstag zwölf neue Buslinien beschlossen. Sie sollen die Vororte im Norden "
    "mit dem Hauptbahnhof verbinden."
)
BODY = [
    f"Absatz {i}: Der Plan, der im nächsten Frühjahr in Kraft tritt, wird über eine neue Parkgebühr "
    "finanziert, sagte die Bürgermeisterin am Abend vor Journalisten im Rathaus der Stadt."
    for i in range(6)
]


def page(between: str, lang: str = "de", after: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f'<html lang="{lang}"><head><title>{TITLE}</title></head><body>'
        f'<header><h1>{TITLE}</h1>{between}</header><div class="article-body">{body}</div>{after}</body></html>'
    )


def test_teaser_text_under_the_headline_is_the_lead() -> None:
    tree = load_html(page(f'<div class="teaser-text"><p>{LEAD}</p></div>'))
    assert lead_paragraph(tree, "de", TITLE) == LEAD


def test_english_deks_are_not_body_text() -> None:
    tree = load_html(page(f'<p class="article__dek">{LEAD}</p>', lang="en"))
    assert lead_paragraph(tree, "en", TITLE) is None
    assert lead_paragraph(tree, None, TITLE) is None


def test_innermost_lead_element_is_taken() -> None:
    crumbs = '<nav class="crumbs">Startseite » Politik</nav>'
    tree = load_html(page(f'<div class="c-intro">{crumbs}<div class="c-intro__copy">{LEAD}</div></div>'))
    assert lead_paragraph(tree, "de", TITLE) == LEAD


def test_look_alikes_are_not_leads() -> None:
    # a caption, a site tagline, a linked teaser, several alike (a listing), a lead after the body
    for between in (
        f'<figure><img src="a.jpg"><figcaption class="lead">{LEAD}</figcaption></figure>',
        f'<p class="site-description">{LEAD}</p>',
        f'<p class="intro"><a href="/x">{LEAD}</a></p>',
        f'<div class="teaser-text">{LEAD}</div><div class="teaser-text">{LEAD} Noch einer.</div>',
        '<p class="intro">Kurz.</p>',
    ):
        assert lead_paragraph(load_html(page(between)), "de", TITLE) is None, between
    late = load_html(page("", after=f'<div class="teaser-text">{LEAD}</div>'))
    assert lead_paragraph(late, "de", TITLE) is None


def test_headline_is_found_by_the_title_not_the_first_h1() -> None:
    html = page(f'<p class="lead">{LEAD}</p>').replace("<body>", "<body><h1>Stadtblatt</h1><ul><li>Menü</li></ul>")
    assert lead_paragraph(load_html(html), "de", TITLE) == LEAD


def test_with_lead_goes_after_leading_headings_once() -> None:
    blocks = [Block(Kind.HEADING, TITLE, 0, level=1), Block(Kind.PARAGRAPH, BODY[0], 1)]
    out = with_lead(blocks, LEAD)
    assert [b.text for b in out] == [TITLE, LEAD, BODY[0]]
    assert [b.position for b in out] == [0, 1, 2]
    assert with_lead(out, LEAD) == out  # already there: unchanged
    assert with_lead(blocks, None) == blocks


def test_html_document_recovers_the_lead() -> None:
    doc = html_document(page(f'<div class="teaser-text"><p>{LEAD}</p></div>'))
    texts = [b.text for b in doc.blocks]
    assert LEAD in texts
    assert texts.index(LEAD) < texts.index(BODY[0])


def test_sentence_long_subheading_right_under_the_headline_is_the_lead() -> None:
    dek = "Neue Linien, neue Takte und eine Gebühr, über die in der Stadt seit Monaten gestritten wird"
    html = page("").replace(f"<h1>{TITLE}</h1>", f"<hgroup><h1>{TITLE}</h1><h2>{dek}</h2></hgroup>")
    assert lead_paragraph(load_html(html), "de", TITLE) == dek
    short = page("").replace(f"<h1>{TITLE}</h1>", f"<hgroup><h1>{TITLE}</h1><h2>Die Linien</h2></hgroup>")
    assert lead_paragraph(load_html(short), "de", TITLE) is None
    assert lead_paragraph(load_html(html), "en", TITLE) is None
