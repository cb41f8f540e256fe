"""Text helpers: the phrase search's key-word pre-test never changes what is found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean import textutil
from newsclean.filters.normalize import normalize_text
from newsclean.lexicon import load
from newsclean.textutil import PhraseSearch, word_count

PHRASES = ["all rights reserved", "we may earn", "Alle Rechte vorbehalten", "as an Amazon associate", "straße frei"]
SEARCH = PhraseSearch.of(PHRASES)
# texts built from the phrases' own words, case-mangled, with other words and punctuation between
PIECES = st.sampled_from(
    [w for p in PHRASES for w in p.split()]
    + ["ALL", "Rights", "STRASSE", "Straße", "earned", "x", ",", "  ", "\n", "ß"]
)


def test_finds_phrases_whole_word_and_case_blind() -> None:
    assert SEARCH.search("© 2024 Example. ALL RIGHTS\nRESERVED.")
    assert SEARCH.search("As an amazon Associate we earn from purchases.")
    assert not SEARCH.search("We may earnestly hope.")
    assert not SEARCH.search("Nothing to see here.")


@given(st.lists(PIECES, max_size=12).map(" ".join))
def test_the_key_pre_test_agrees_with_the_pattern(text: str) -> None:
    expected = SEARCH.pattern.search(text)
    got = SEARCH.search(text)
    assert (got and got.span()) == (expected and expected.span())


def test_every_shipped_phrase_finds_itself() -> None:
    for lang in ("en", "de", "fr", "es"):
        lexicon = load(lang)
        for key in ("disclosure_phrases", "copyright_phrases"):
            phrases = lexicon.get(key, [])
            search = PhraseSearch.of(phrases)
            for phrase in phrases:
                assert search.search(f"Before. {phrase.upper()} after."), (lang, phrase)


# any character, and characters of each unspaced script (Han incl. extensions, kana,
# half-width katakana, Thai, Lao, Khmer, Myanmar)
_ANY_OR_UNSPACED = st.one_of(
    st.characters(blacklist_categories=("Cs",)), st.sampled_from("日本語のテキストｱภาษาไทยລາວខ្មែរမြန်မာ㐀𠀀々")
)


@given(st.text(alphabet=_ANY_OR_UNSPACED, max_size=40))
def test_word_count_pre_test_never_skips_an_unspaced_script(text: str) -> None:
    unspaced = len(textutil._UNSPACED.findall(text)) // 2
    assert word_count(text) == len(text.split()) + unspaced


def test_word_count_counts_unspaced_scripts_by_characters() -> None:
    assert word_count("日本語のテキストです") == 1 + 10 // 2
    assert word_count("Ça va “bien” — merci") == 5


# characters that interact in normalisation: combining marks after deleted invisibles,
# controls that become line breaks, spaces of every kind, mojibake pieces
_NORMALISATION_CHARS = st.sampled_from(
    [*"ae \n\r\t\u00a0\u2009\u200b\u00ad\u0301\u0308\x0b\x1f\x85\u2028Ã©â€™Â", "\u00c3\u00a9", "e\u200b\u0301"]
)


@given(st.lists(st.one_of(_NORMALISATION_CHARS, st.characters(blacklist_categories=("Cs",))), max_size=30).map("".join))
def test_normalising_once_is_normalising_twice(text: str) -> None:
    for keep_lines in (False, True):
        once = normalize_text(text, keep_lines=keep_lines)
        assert normalize_text(once, keep_lines=keep_lines) == once


def test_invisible_characters_go_before_composition() -> None:
    assert normalize_text("e\u200b\u0301 caf\u00c3\u00a9\u00a0au lait\u200b ") == "\u00e9 café au lait"


def test_phrases_stored_case_folded_still_match_sharp_s() -> None:
    # lexicon phrases are case-folded ("abschließen" -> "abschliessen"): patterns fold fully
    from newsclean import Pipeline, clean

    text = (
        "Ein Absatz über die Stadt und ihre Geschichte, lang genug für einen Artikel.\n\n"
        "Abo abschließen und alle Artikel lesen"
    )
    article = clean(text, kind="text", pipeline=Pipeline.default())
    assert "abschließen" not in article.text
    assert any("abschließen" in r.text for r in article.removed)
