"""A regex timeout inside a filter leaves that block as it is (warning ``regex-timeout``)
instead of failing the page; every other failure of a filter still fails it."""

from __future__ import annotations

import pytest
import regex

from newsclean import FilterError, Pipeline, clean
from newsclean.document import Block, Document
from newsclean.filters.bylines import Bylines
from newsclean.metadata.byline_parser import BylineParser
from newsclean.timeouts import TIMEOUT_WARNING, is_regex_timeout

from . import test_fuzz

# catastrophic backtracking on a run of x's: a real timeout, within a short one
_SLOW = regex.compile(r"^(?:x+x+)+y|^PROMO\b")
_SLOW_TIMEOUT = 0.05
STUCK = "x" * 3000

PAGE = "\n\n".join(
    [
        "The council voted on Tuesday to add three bus routes to the northern suburbs.",
        "PROMO Subscribe today for a year of home delivery",
        STUCK,
        "Officials said the routes would start running in the spring.",
        "PROMO Download our app for the latest news",
    ]
)


def drop_promos(doc: Document) -> None:
    """A custom filter whose pattern times out on a long run of x's."""
    for block in doc:
        if _SLOW.search(block.text, timeout=_SLOW_TIMEOUT):
            doc.remove(block, filter="drop_promos", reason="promo line")


def test_a_real_regex_timeout_is_recognised() -> None:
    with pytest.raises(TimeoutError) as caught:
        _SLOW.search(STUCK, timeout=_SLOW_TIMEOUT)
    assert is_regex_timeout(caught.value)
    assert not is_regex_timeout(TimeoutError("connection timed out"))


def test_the_block_that_timed_out_stays_and_the_others_are_filtered() -> None:
    article = clean(PAGE, kind="text", pipeline=Pipeline.default().insert(drop_promos))
    assert TIMEOUT_WARNING in article.warnings
    assert [r.text for r in article.removals_by("drop_promos")] == [
        "PROMO Subscribe today for a year of home delivery",
        "PROMO Download our app for the latest news",  # after the block that timed out
    ]
    assert article.paragraphs == [
        "The council voted on Tuesday to add three bus routes to the northern suburbs.",
        STUCK,  # left as it was
        "Officials said the routes would start running in the spring.",
    ]


def test_a_shipped_filter_timing_out_on_one_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """bylines times out on one byline: that one stays, the other is removed and its name
    goes to authors; the filters after it run as usual."""
    real = BylineParser.parse

    def parse(self: BylineParser, text: str, *args: object, **kwargs: object) -> object:
        if "Richard Roe" in text:
            _SLOW.search(STUCK, timeout=_SLOW_TIMEOUT)  # times out
        return real(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BylineParser, "parse", parse)
    page = (
        "Council expands bus network\n\nBy Jane Doe\n\n"
        "The council voted on Tuesday to add three bus routes to the northern suburbs.\n\n"
        "By Richard Roe\n\nAdvertisement\n\nOfficials said the routes would start running in the spring."
    )
    article = clean(page, kind="text")
    assert article.warnings == [TIMEOUT_WARNING]
    assert article.authors == ["Jane Doe"]
    assert [(r.filter, r.text) for r in article.removed] == [("bylines", "By Jane Doe"), ("inserts", "Advertisement")]
    assert "By Richard Roe" in article.paragraphs


def test_the_filter_does_not_wait_again_for_the_same_block() -> None:
    """Later passes of the pipeline (after a cut) leave the block aside from the start."""
    calls: list[int] = []

    def counting(doc: Document) -> None:
        for block in doc:
            calls.append(block.position)
            _SLOW.search(block.text, timeout=_SLOW_TIMEOUT)

    page = "He said. [Read: Why the Fed raised rates] Then he left.\n\n" + STUCK
    article = clean(page, kind="text", pipeline=Pipeline.default().insert(counting))
    assert article.removals_by("inserts")  # a cut: the pipeline runs a second pass
    assert calls.count(1) == 1  # the block that timed out was handed to the filter once
    assert calls.count(0) >= 3  # the other: in the first run, the rerun and the second pass
    assert article.paragraphs == ["He said. Then he left.", STUCK]


def test_a_filter_walking_the_blocks_itself_is_left_out_on_that_page() -> None:
    """A filter that does not iterate the document names no block: it is undone on the
    page, every block as it found it, the other filters run."""

    def by_index(doc: Document) -> None:
        blocks = doc.blocks
        doc.remove(blocks[0], filter="by_index", reason="first block")
        for i in range(len(blocks)):
            _SLOW.search(blocks[i].text, timeout=_SLOW_TIMEOUT)

    page = "A first paragraph of the story, long enough to stay.\n\nAdvertisement\n\n" + STUCK
    article = clean(page, kind="text", pipeline=Pipeline.default().insert(by_index))
    assert article.warnings == [TIMEOUT_WARNING]
    assert not article.removals_by("by_index")  # its removal before the timeout was undone
    assert [r.filter for r in article.removed] == ["inserts"]
    assert article.paragraphs == ["A first paragraph of the story, long enough to stay.", STUCK]


def test_other_failures_still_fail_the_filter() -> None:
    def network(doc: Document) -> None:
        raise TimeoutError("connection timed out")

    with pytest.raises(FilterError) as caught:
        clean("Some text of a page.", kind="text", pipeline=Pipeline.default().insert(network))
    assert caught.value.filter == "network"


def test_a_filter_returning_a_new_document_gets_the_block_back() -> None:
    def rebuild(doc: Document) -> Document:
        kept: list[Block] = []
        for block in doc:
            if _SLOW.search(block.text, timeout=_SLOW_TIMEOUT) is None:
                kept.append(block)
        return Document(blocks=kept, source=doc.source, meta=doc.meta, meta_sources=doc.meta_sources)

    page = "PROMO Subscribe today\n\n" + STUCK + "\n\nThe council voted on Tuesday."
    article = clean(page, kind="text", pipeline=Pipeline([rebuild]))
    assert article.paragraphs == [STUCK, "The council voted on Tuesday."]
    assert TIMEOUT_WARNING in article.warnings


def test_the_fuzz_check_still_fails_on_a_filter_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A TimeoutError that is not a regex's is a failure the fuzz tests report."""

    def broken(self: object, doc: Document) -> None:
        raise TimeoutError("connection timed out")

    monkeypatch.setattr(Bylines, "__call__", broken)
    with pytest.raises(FilterError):
        test_fuzz._check("Headline\n\nBy Jane Doe\n\nThe council voted on Tuesday.", "text")


def test_the_fuzz_check_accepts_a_regex_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A regex timeout is no failure: the page is cleaned, with the warning."""
    real = Bylines.__call__

    def slow_once(self: Bylines, doc: Document) -> None:
        for block in doc:
            if block.text == "By Jane Doe":
                _SLOW.search(STUCK, timeout=_SLOW_TIMEOUT)
        real(self, doc)

    monkeypatch.setattr(Bylines, "__call__", slow_once)
    test_fuzz._check("Headline\n\nBy Jane Doe\n\nThe council voted on Tuesday.", "text")
