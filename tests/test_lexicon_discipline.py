"""Lexicon discipline: every phrase of ``newsclean/lexicon/*.toml`` is general wording.

A phrase is general wording when it occurs on at least two independent sites of the shared
corpora, or when its phrase file documents it as standard wording (``documented``, read through
:func:`newsclean.lexicon.documented`). The site counts come from ``fixtures/lexicon-sites.json``,
which ``python -m benchmarks.lexicon_audit`` writes: a phrase added or removed without rerunning
the audit fails here. When the shared corpora are present, a sample of pages is read again to
check that the snapshot still says what the corpora say.
"""

from __future__ import annotations

import hashlib
import itertools

import pytest

from benchmarks import corpora
from benchmarks import lexicon_audit as audit
from newsclean import lexicon

RECORDS = audit.read_snapshot()
SAMPLE_PER_CORPUS = 8
VARIANT = "variant of '"


def _where(recs: list[audit.Record]) -> str:
    return "; ".join(f"{r.language} {r.key}: {r.phrase!r} ({r.sites} sites)" for r in recs[:20])


def test_every_phrase_is_in_the_snapshot() -> None:
    listed = set(audit.entries())
    counted = {r.entry for r in RECORDS}
    assert not listed - counted, (
        f"rerun python -m benchmarks.lexicon_audit; not counted: {sorted(listed - counted)[:20]}"
    )
    assert not counted - listed, (
        f"rerun python -m benchmarks.lexicon_audit; no longer listed: {sorted(counted - listed)[:20]}"
    )


def test_every_phrase_is_on_two_sites_or_documented() -> None:
    breaking = [r for r in RECORDS if r.sites < audit.MIN_SITES and not audit.documented(r.entry)]
    assert not breaking, f"neither on {audit.MIN_SITES} sites nor documented: {_where(breaking)}"


def test_no_phrase_is_copied_from_one_sites_annotated_boilerplate() -> None:
    copied = [r for r in RECORDS if r.annotation]
    assert not copied, f"found only on the site whose annotated boilerplate holds it: {_where(copied)}"


def test_single_site_phrases_of_three_or_more_words_stay_rare() -> None:
    summary = audit.summarize(RECORDS)
    assert summary.long_share <= audit.LONG_SHARE, f"{summary.single_long} of {summary.phrases} phrases"


def _general(language: str, phrase: str, sites: dict[tuple[str, str], int]) -> bool:
    """On enough sites, or documented as standard wording in its own right (not as a variant)."""
    note = lexicon.documented(language).get(phrase, "")
    return sites.get((language, phrase), 0) >= audit.MIN_SITES or bool(note and not note.startswith(VARIANT))


def test_documented_phrases_are_listed_and_variants_name_general_phrases() -> None:
    sites = {(r.language, r.phrase): r.sites for r in RECORDS}
    for language in lexicon.sections():
        for phrase, note in lexicon.documented(language).items():
            assert (language, phrase) in sites, f"{language}: documented but not listed: {phrase!r}"
            assert note.strip(), f"{language}: empty note for {phrase!r}"
            if note.startswith(VARIANT):
                base = note[len(VARIANT) :].split("'")[0].casefold()
                assert base != phrase and _general(language, base, sites), f"{language}: {phrase!r} varies {base!r}"


def test_matching_is_whole_words_case_blind_and_whitespace_flexible() -> None:
    entry = audit.Entry("en", "insert_labels", "read more")
    assert audit.occurs(entry, "Please READ\u00a0 More: the full story")
    assert not audit.occurs(entry, "already more")
    assert not audit.occurs(entry, "spread more butter")
    assert not audit.occurs(audit.Entry("en", "agencies", "ap"), "a map of the area")
    assert audit.occurs(audit.Entry("en", "byline_prefixes", "author:"), "Author:Jane")
    assert audit.occurs(audit.Entry("de", "lead_classes", "lead"), "article-lead big")
    assert not audit.occurs(audit.Entry("de", "lead_classes", "lead"), "leader")
    assert audit.occurs(audit.Entry("en", "byline_classes", "author"), "post-author author__name")
    assert not audit.occurs(audit.Entry("en", "byline_classes", "author"), "authorized")
    # path words are whole segments of a link target
    assert audit.occurs(audit.Entry("en", "author_paths", "author"), "https://example.com/author/jane-doe/")
    assert not audit.occurs(audit.Entry("en", "author_paths", "author"), "/authors/jane-doe\n/co-author/x")


def _sample(corpus: str) -> list[corpora.Page]:
    pages = corpora.CORPORA[corpus]()
    return sorted(pages, key=lambda p: hashlib.sha1(p.id.encode()).hexdigest())[:SAMPLE_PER_CORPUS]


@pytest.mark.skipif(not (corpora.shared_dir() / "corpus").is_dir(), reason="shared corpora (../shared) not present")
def test_snapshot_is_current_on_a_sample_of_pages() -> None:
    """A phrase seen on k sites of a sample is on at least k sites of the whole corpora."""
    sample = list(
        itertools.chain.from_iterable((audit.read_page(c, p) for p in _sample(c)) for c in audit.CORPUS_NAMES)
    )
    found = audit.sites_of([r.entry for r in RECORDS], sample)
    stale = [r for r in RECORDS if len(found[r.entry]) > r.sites]
    assert not stale, f"the snapshot undercounts; rerun python -m benchmarks.lexicon_audit: {_where(stale)}"
    assert any(found.values()), "the sample holds no lexicon phrase at all"


def test_shared_words_join_every_language_and_are_no_language() -> None:
    assert lexicon.SHARED not in lexicon.available()
    assert lexicon.sections() == (*lexicon.available(), lexicon.SHARED)
    for language in lexicon.available():
        assert set(lexicon.load(lexicon.SHARED)["name_particles"]) <= set(lexicon.terms("name_particles", (language,)))
