"""Bytes in every common encoding decode to the right text; mojibake is repaired."""

from __future__ import annotations

import codecs

import pytest

from newsclean import clean
from newsclean.sources.detect import decode, sniff_binary

TEXTS = {
    "de": (
        "Die Bürgermeisterin eröffnete am Montag das neue Rathaus in Köln. Zahlreiche Gäste "
        "begrüßten die Entscheidung, den Bau trotz höherer Kosten fortzuführen. Größere Säle "
        "sollen künftig auch für Konzerte genutzt werden, hieß es aus dem Büro der Stadt."
    ),
    "fr": (
        "Le maire a inauguré la bibliothèque municipale à Besançon. Les élèves du collège "
        "voisin ont présenté un spectacle très applaudi, et la cérémonie s'est achevée par "
        "un goûter offert aux familles du quartier."
    ),
    "en-cp1252": (
        "The café’s owner said “business is booming” after the bridge reopened — prices, "
        "however, rose by 5 € a plate. “We’re hiring again,” she added, pointing to the "
        "queue that stretched around the corner on Saturday."
    ),
    "ja": (
        "東京都は月曜日、新しい防災計画を発表した。計画では、大地震に備えて避難所の数を増やし、"
        "住民への情報提供を強化する。知事は記者会見で「都民の命を守るため、できることはすべて行う」と述べた。"
        "専門家は、計画の実効性を高めるには地域の協力が欠かせないと指摘している。"
    ),
    "zh": (
        "北京市政府周一宣布了一项新的公共交通计划。根据该计划，地铁线路将在未来五年内增加三条，"
        "以缓解日益严重的交通拥堵。市长在新闻发布会上表示，政府将投入大量资金改善市民出行条件。"
        "专家认为，这一计划有助于减少空气污染，但实施过程中仍面临不少挑战。"
    ),
}

CASES = [
    ("utf-8", "de"),
    ("utf-8", "ja"),
    ("utf-16", "de"),  # with BOM
    ("utf-16-le", "fr"),  # no BOM
    ("utf-16-be", "fr"),  # no BOM
    ("utf-16-le", "ja"),
    ("cp1252", "en-cp1252"),
    ("latin-1", "fr"),
    ("latin-1", "de"),
    ("shift_jis", "ja"),
    ("gb18030", "zh"),
]


def _html(text: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paras = "".join(f"<p>{s}</p>" for s in _sentences(text))
    head = f"<head>{meta}<title>Nachrichten</title></head>"
    return f"<!DOCTYPE html><html>{head}<body><article>{paras}</article></body></html>"


def _sentences(text: str) -> list[str]:
    return [s for s in text.replace("。", "。\n").replace(". ", ".\n").split("\n") if s]


@pytest.mark.parametrize(("encoding", "lang"), CASES)
@pytest.mark.parametrize("declared", [True, False])
def test_html_bytes_decode(encoding: str, lang: str, declared: bool) -> None:
    text = TEXTS[lang]
    charset = {"utf-16-le": "utf-16", "utf-16-be": "utf-16", "latin-1": "iso-8859-1"}.get(encoding, encoding)
    data = _html(text, charset if declared else None).encode(encoding)
    decoded = decode(data)
    for sentence in _sentences(text):
        assert sentence in decoded


@pytest.mark.parametrize(("encoding", "lang"), CASES)
def test_plain_text_bytes_decode_and_clean(encoding: str, lang: str) -> None:
    text = TEXTS[lang]
    page = text + "\n\n" + text
    article = clean(page.encode(encoding))
    assert article.paragraphs[-1] == " ".join(text.split())


def test_utf32_without_bom() -> None:
    text = TEXTS["de"]
    assert decode(text.encode("utf-32-le")) == text
    assert decode(text.encode("utf-32-be")) == text


@pytest.mark.parametrize(
    ("declared", "actual", "lang"),
    [
        ("utf-8", "cp1252", "en-cp1252"),  # declared UTF-8, bytes are Windows-1252
        ("iso-8859-1", "utf-8", "de"),  # declared Latin-1, bytes are UTF-8
        ("windows-1252", "shift_jis", "ja"),  # a single-byte label on Shift-JIS bytes
        ("windows-1252", "gb18030", "zh"),
        ("no-such-charset", "cp1252", "fr"),
        ("utf-16", "utf-8", "fr"),  # a UTF-16 label on 8-bit bytes (browsers ignore it too)
    ],
)
def test_wrong_meta_charset_is_overruled(declared: str, actual: str, lang: str) -> None:
    text = TEXTS[lang]
    decoded = decode(_html(text, declared).encode(actual))
    for sentence in _sentences(text):
        assert sentence in decoded


def test_html_article_in_shift_jis_cleans() -> None:
    text = TEXTS["ja"]
    article = clean(_html(text, "shift_jis").encode("shift_jis"), kind="html")
    assert _sentences(text)[0] in article.text


def test_mojibake_is_repaired() -> None:
    broken = "The café’s owner said business is booming.".encode().decode("cp1252")
    assert "Ã©" in broken
    article = clean(f"{broken}\n\nA second paragraph of plain text.")
    assert "The café’s owner said business is booming." in article.text


def test_bom_is_removed() -> None:
    text = TEXTS["fr"]
    assert decode(codecs.BOM_UTF8 + text.encode()) == text


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_text_is_not_taken_for_binary(lang: str) -> None:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        data = TEXTS[lang].encode(encoding)
        if encoding == "utf-8":
            assert sniff_binary(data) is None
        assert TEXTS[lang][:20] in decode(data)


def test_utf8_page_with_a_stray_latin1_byte_keeps_its_utf8_text() -> None:
    from newsclean.sources.detect import decode

    page = "<html><body><p>So schön winterlich – Grüße aus Köln</p>".encode() + b"<p>Gr\xfc\xdfe</p></body></html>"
    text = decode(page, html_hint=True)
    assert "So schön winterlich – Grüße aus Köln" in text and "Grüße</p>" in text
    # a Latin-1 page (no valid multi-byte UTF-8 at all) is not read as UTF-8
    assert "schön" in decode("<p>Gr\xfc\xdfe, sch\xf6n</p>".encode("latin-1"), html_hint=True)
