"""``clean_many``: one result per record, in order, whatever the records do to the workers."""

from __future__ import annotations

import pickle

import pytest

import newsclean
from newsclean import BadRecord, Fields, Pipeline, clean_many
from newsclean.errors import ConfigError

from .batch_filters import die_on_marker, hang_on_marker, raise_on_marker


def page(n: int, marker: str = "") -> str:
    return f"Headline {n}\n\nBy Jane Doe\n\nBody paragraph {n} {marker}says something.\n\nAdvertisement"


def body(n: int, marker: str = "") -> str:
    return f"Body paragraph {n} {marker}says something."


def test_one_result_per_record_in_order_bad_records_included() -> None:
    records = [
        {"id": "a", "text": page(1)},
        BadRecord("line 2: Expecting value", id=2, type="JSONDecodeError"),
        {"id": "c", "html": f"<html><body><article><p>{body(3)}</p></article></body></html>", "url": "https://x.org/3"},
        42,  # not a record at all
        {"id": "e"},  # no page field
        {"id": "f", "text": ["not", "a", "string"]},
        {"id": "g", "text": page(7).encode("utf-8")},
    ]
    results = list(clean_many(iter(records), workers=2, chunk_size=2))
    assert [r.id for r in results] == ["a", "2", "c", "3", "e", "f", "g"]  # ids are always strings
    assert [r.ok for r in results] == [True, False, True, False, False, False, True]
    assert results[0].article.text == body(1) and results[0].article.authors == ["Jane Doe"]
    assert results[2].article.text == body(3) and results[2].article.url == "https://x.org/3"
    assert results[6].article.text == body(7)
    assert results[1].error == {"type": "JSONDecodeError", "message": "line 2: Expecting value"}
    assert results[3].error["type"] == "InputError" and "int" in results[3].error["message"]
    assert results[4].error["type"] == "InputError" and "'html' or 'text'" in results[4].error["message"]
    assert results[5].error["type"] == "InputError" and "list" in results[5].error["message"]


def test_exception_in_a_filter_is_that_records_error() -> None:
    pipeline = Pipeline.default().insert(raise_on_marker, after="normalize")
    records = ({"id": n, "text": page(n, "RAISE-ME " if n == 4 else "")} for n in range(9))
    results = list(clean_many(records, workers=2, pipeline=pipeline, chunk_size=3))
    assert [r.id for r in results] == [str(n) for n in range(9)]
    failed = [r for r in results if not r.ok]
    assert [r.id for r in failed] == ["4"]
    assert failed[0].error["type"] == "FilterError"
    assert "raise_on_marker" in failed[0].error["message"] and "asked to fail" in failed[0].error["message"]
    assert [r.article.text for r in results if r.ok] == [body(n) for n in range(9) if n != 4]


def test_a_worker_that_dies_loses_no_record() -> None:
    pipeline = Pipeline.default().insert(die_on_marker)
    killers = {"5"}
    records = ({"id": n, "text": page(n, "KILL-ME " if str(n) in killers else "")} for n in range(12))
    results = list(clean_many(records, workers=2, pipeline=pipeline, chunk_size=2))
    assert [r.id for r in results] == [str(n) for n in range(12)]
    for r in results:
        if r.id in killers:
            assert r.error["type"] == "WorkerCrashed"
        else:
            assert r.ok and r.article.text == body(int(r.id))


def test_a_stuck_page_times_out_alone() -> None:
    pipeline = Pipeline.default().insert(hang_on_marker)
    records = ({"id": n, "text": page(n, "HANG-ME " if n == 2 else "")} for n in range(5))
    results = list(clean_many(records, workers=2, pipeline=pipeline, chunk_size=1, timeout=2))
    assert [r.id for r in results] == [str(n) for n in range(5)]
    assert results[2].error["type"] == "Timeout"
    assert all(r.ok and r.article.text == body(int(r.id)) for r in results if r.id != "2")


def test_input_is_read_lazily() -> None:
    pulled = []

    def records():
        for n in range(1000):
            pulled.append(n)
            yield page(n)

    results = clean_many(records(), workers=1, chunk_size=2, in_flight=3)
    first = next(results)
    assert first.id == "0" and first.article.text == body(0)
    assert len(pulled) <= 3 * 2 + 2  # in flight, not the whole input
    results.close()


def test_processes_and_in_process_give_what_clean_gives() -> None:
    pages = [page(n) for n in range(5)] + ["<html><body><p>Some words of text.</p></body></html>"]
    expected = [newsclean.clean(p).to_dict() for p in pages]
    for workers in (0, 2):
        got = [r.article.to_dict() for r in clean_many(pages, workers=workers)]
        assert got == expected, workers


def test_field_names_keep_and_to_dict() -> None:
    records = [
        {"doc": "x1", "body": page(1), "link": "https://a.b/1", "source": "feed-1"},
        {"doc": "x2", "link": "https://a.b/2", "source": "feed-2"},
    ]
    fields = Fields(html="body", id="doc", url="link")
    ok, bad = clean_many(records, workers=0, fields=fields, keep=("source",))
    assert ok.to_dict()["id"] == "x1" and ok.to_dict()["source"] == "feed-1"
    assert ok.to_dict()["text"] == body(1) and ok.to_dict()["url"] == "https://a.b/1"
    assert bad.to_dict() == {
        "id": "x2",
        "source": "feed-2",
        "url": "https://a.b/2",
        "error": {"type": "InputError", "message": "record has no 'body' or 'text' field"},
    }


def test_pipeline_pickles_and_unpicklable_pipeline_is_a_config_error() -> None:
    p = Pipeline.default().configure("inserts", extra_labels=["Lesetipp"]).insert(raise_on_marker)
    assert pickle.loads(pickle.dumps(p)) == p

    def local_filter(doc):  # a local function cannot be sent to a worker process
        return None

    with pytest.raises(ConfigError, match="pickling"):
        clean_many([page(1)], workers=1, pipeline=Pipeline.default().insert(local_filter))
    with pytest.raises(ConfigError):
        clean_many([page(1)], workers=-1)


def test_workers_that_cannot_load_the_pipeline_stop_the_batch_at_once() -> None:
    class Unloadable:
        """Pickles, but cannot be unpickled in a worker (as a filter from a module the
        workers cannot import)."""

        name = "unloadable"

        def __call__(self, doc):
            return None

        def __reduce__(self):
            return (_missing_module_filter, ())

    with pytest.raises(ConfigError, match="could not start"):
        list(clean_many([page(1), page(2)], workers=1, pipeline=Pipeline.default().insert(Unloadable())))


def _missing_module_filter():
    import newsclean_no_such_module  # noqa: F401

    raise AssertionError("unreachable")


@pytest.mark.parametrize("workers", [0, 1])
def test_limits_apply_to_every_page(workers: int) -> None:
    records = [{"id": "short", "text": page(1)}, {"id": "long", "text": page(2) + "\n\nMore words." * 100}]
    results = list(clean_many(records, workers=workers, limits=newsclean.Limits(max_input_bytes=500)))
    assert results[0].ok and results[0].article.text == body(1)
    assert results[1].error is not None and results[1].error["type"] == "InputTooLargeError"


def test_results_are_cleaned_or_failed() -> None:
    ok, bad = clean_many([page(1), 42], workers=0)
    assert isinstance(ok, newsclean.Cleaned) and ok.ok is True and ok.error is None and ok.id == "0"
    assert isinstance(bad, newsclean.Failed) and bad.ok is False and bad.article is None and bad.id == "1"
    assert all(isinstance(r, newsclean.Result) for r in (ok, bad))
    assert "paragraphs" not in ok.to_dict() and ok.to_dict(["text", "paragraphs"]) == {
        "id": "0",
        "text": body(1),
        "paragraphs": [body(1)],
    }
    with pytest.raises(ConfigError, match="unknown article field"):
        ok.to_dict(["body"])


_DATED = (
    "<html><head><meta property='article:published_time' content='2024-05-01T09:00:00+00:00'></head>"
    "<body><h1>Harbour reopens after storm</h1><p class='date'>Published June 3, 2030</p>"
    + "<p>The harbour reopened on Friday after a week of repairs to the sea wall and the piers.</p>" * 4
    + "</body></html>"
)


def test_a_records_fetch_date_bounds_its_publication_date() -> None:
    records = [{"html": _DATED, "warc_date": "2024-06-01T12:00:00Z"}, {"html": _DATED}]
    bounded, unbounded = (r.article for r in clean_many(records, workers=0))
    assert bounded is not None and unbounded is not None
    assert bounded.published == "2024-05-01T09:00:00+00:00"  # the printed 2030 date is after the fetch
    assert bounded.published == newsclean.clean(_DATED, now="2024-06-01").published
    assert unbounded.published == newsclean.clean(_DATED).published


def test_now_that_is_no_date_is_an_input_error() -> None:
    with pytest.raises(newsclean.InputError):
        newsclean.clean(_DATED, now="yesterday")
