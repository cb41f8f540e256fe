"""Unit and property tests of the metadata helpers: names, dates, titles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.metadata.dates import Evidence, is_iso, normalize, resolve
from newsclean.metadata.names import clean_author, is_bad_name, same_person
from newsclean.metadata.titles import clean_title


def test_clean_author_shapes() -> None:
    assert clean_author("By JANE DOE and John Smith, Associated Press") == (
        ["Jane Doe", "John Smith"],
        ["Associated Press"],
    )
    assert clean_author("Jane May") == (["Jane May"], [])  # a month-named person keeps her name
    assert clean_author("Lia Park December 17, 2025") == (["Lia Park"], [])
    assert clean_author("Posted by QuillOwl on Friday December 19, 2025") == (["QuillOwl"], [])
    assert clean_author("https://example.com/author/jane") == ([], [])
    assert clean_author("Staff Writer") == ([], [])


def test_same_person() -> None:
    assert same_person("JANE DOE", "Jane Doe")
    assert same_person("Dr. Jane Doe", "Jane A. Doe")
    assert not same_person("Jane Doe", "John Doe")


def test_normalize_dates() -> None:
    assert normalize("2020-03-03T17:02:00.000-0500") == "2020-03-03T17:02:00-05:00"
    assert normalize("2020-03-03T00:00:00") == "2020-03-03"
    assert normalize("Tue, 03 Mar 2020 17:02:00 GMT") == "2020-03-03T17:02:00+00:00"
    assert normalize("3. März 2020") == "2020-03-03"
    assert normalize("March 3rd, 2020") == "2020-03-03"
    assert normalize("not a date") is None
    assert normalize("2020-02-30") is None
    assert is_iso("2020-03-03") and not is_iso("Mar 3, 2020")


def test_titles() -> None:
    assert clean_title("Headline here | Site", ["Site"]) == "Headline here"
    assert clean_title("Site - Headline here", ["Site"]) == "Headline here"
    assert clean_title("Covid-19 - what we know", []) == "Covid-19 - what we know"
    assert clean_title("A long headline of words | Short", []) == "A long headline of words"


_NAMEISH = st.text(alphabet=st.sampled_from("AbcDe Fgh@.:/,&-|0123 ByMore"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_NAMEISH)
def test_no_bad_author_ever(raw: str) -> None:
    persons, orgs = clean_author(raw)
    for name in persons:
        assert "@" not in name and "/" not in name and ":" not in name and not name.isdigit()
        assert name.casefold() not in ("more", "by", "email the author")
    assert all(isinstance(o, str) and o for o in orgs)


def test_is_bad_name() -> None:
    for bad in ("jane@example.com", "https://x.com/jane", "More", "Staff Writer", "March 3, 2020", "@jane"):
        assert is_bad_name(bad), bad
    assert not is_bad_name("Jane Doe")
    assert not is_bad_name("Reuters")  # an organisation credited as the author is no junk


def _ev(iso: str, source: str, kind: str, near: int | None = None) -> Evidence:
    return Evidence(iso, source, kind, printed=source.startswith("html:"), near=near)


def test_resolve_prefers_what_the_page_shows() -> None:
    meta = _ev("2024-01-10T08:00:00+01:00", "json-ld", "published")
    # the markup's publication date, printed too, wins over a date printed nearer the headline
    got = resolve([meta, _ev("2024-02-01", "html:dateline", "", 2), _ev("2024-01-10", "html:dateline", "", 9)])
    assert got is not None and got.iso == meta.iso and got.source == "json-ld"
    # a printed "Published ..." beats everything
    got = resolve([meta, _ev("2024-01-12", "html:dateline", "published", 30)])
    assert got is not None and got.day == "2024-01-12"
    # the printed date nearest the headline beats an unprinted structured date
    got = resolve([meta, _ev("2024-02-01", "html:dateline", "", 4), _ev("2024-03-01", "html:dateline", "", 12)])
    assert got is not None and got.day == "2024-02-01"
    # an update stamp loses to the original publication in the markup, wins alone
    got = resolve([meta, _ev("2024-02-01", "html:dateline", "updated", 3)])
    assert got is not None and got.day == "2024-01-10"
    got = resolve([_ev("2024-02-01", "html:dateline", "updated", 3), _ev("2023-12-30", "url", "published")])
    assert got is not None and got.day == "2024-02-01"
    # nothing printed: a UTC stamp a day off the URL's date gives way to the URL's local day
    got = resolve([_ev("2024-01-11T01:30:00+00:00", "meta:og", "published"), _ev("2024-01-10", "url", "published")])
    assert got is not None and got.iso == "2024-01-10" and got.source == "meta:og+url"
    assert resolve([]) is None
