"""The batch commands' path (:mod:`newsclean.batch.lines`): workers parse, clean and
serialise; the lines are exactly those :func:`clean_many` results give, errors included."""

from __future__ import annotations

import json

from newsclean import Fields, Pipeline, clean_many
from newsclean.batch.lines import LineSpec, RawRecord, Written, clean_records, parse_line
from newsclean.batch.results import OUTPUT_FIELDS

from .batch_filters import die_on_marker, hang_on_marker


def page(n: int, marker: str = "") -> str:
    return f"Headline {n}\n\nBy Jane Doe\n\nBody paragraph {n} {marker}says something.\n\nAdvertisement"


RAW = [
    json.dumps({"id": "a", "text": page(1), "source": "feed"}),
    '{"id": "b", "text": ',  # cut short
    json.dumps({"html": "<html><body><article><p>Body paragraph 3 says something.</p></article></body></html>"}),
    "[1, 2]",  # JSON, not an object
    json.dumps({"id": 5}),  # no page field
    json.dumps({"id": "f", "text": page(6), "url": "https://x.org/6", "source": "feed"}),
]


def raw_records(lines: list[str]) -> list[RawRecord]:
    return [RawRecord(n, str(n), (line + "\n").encode("utf-8")) for n, line in enumerate(lines, 1)]


def expected_lines(lines: list[str], spec: LineSpec) -> list[bytes]:
    """What clean_many gives for the same records, serialised as the command used to."""
    records = [parse_line(r.number, r.id, r.data, spec.fields) for r in raw_records(lines)]  # type: ignore[arg-type]
    return [
        (json.dumps(r.to_dict(spec.out_fields), ensure_ascii=False, default=str) + "\n").encode("utf-8")
        for r in clean_many(records, workers=0, fields=spec.fields, keep=spec.keep)
    ]


def test_lines_are_what_clean_many_gives_in_workers_and_in_process() -> None:
    spec = LineSpec(keep=("source",))
    expected = expected_lines(RAW, spec)
    for workers in (0, 2):
        got = list(clean_records(raw_records(RAW), spec=spec, workers=workers, chunk_size=2))
        assert [w.line for w in got] == expected, workers
        assert [w.ok for w in got] == [True, False, True, False, False, True]
    bad = [json.loads(line) for line in expected]
    assert bad[1]["id"] == "2" and bad[1]["error"]["type"] == "JSONDecodeError"
    assert bad[3]["error"] == {"type": "InputError", "message": "line 4: a record is a JSON object"}
    assert bad[4]["id"] == "5" and "'html' or 'text'" in bad[4]["error"]["message"]
    assert bad[0]["source"] == "feed" and bad[0]["text"] == "Body paragraph 1 says something."
    assert got[0].removed and sum(got[0].removed.values()) == len(bad[0]["removed"])


def test_fields_and_output_fields() -> None:
    spec = LineSpec(fields=Fields(text="body", id="doc"), out_fields=("text", "authors"))
    lines = [json.dumps({"doc": "x1", "body": page(1)}), json.dumps({"doc": "x2"})]
    got = [json.loads(w.line or b"") for w in clean_records(raw_records(lines), spec=spec, workers=0)]
    assert got[0] == {"id": "x1", "text": "Body paragraph 1 says something.", "authors": ["Jane Doe"]}
    assert got[1] == {"id": "x2", "error": {"type": "InputError", "message": "record has no 'html' or 'body' field"}}
    assert expected_lines(lines, spec) == [json.dumps(g, ensure_ascii=False).encode() + b"\n" for g in got]


def test_done_records_are_skipped_by_the_workers() -> None:
    spec = LineSpec(done=frozenset({"a", "3"}))
    got = list(clean_records(raw_records(RAW), spec=spec, workers=1))
    assert [w.line is None for w in got] == [True, False, True, False, False, False]
    assert got[0] == Written(None, True, {})


def test_a_dead_or_stuck_worker_costs_only_its_record_whose_error_line_the_parent_writes() -> None:
    pipeline = Pipeline.default().insert(die_on_marker).insert(hang_on_marker)
    lines = [
        json.dumps({"id": f"r{n}", "text": page(n, marker), "source": "s"})
        for n, marker in enumerate(["", "KILL-ME ", "", "HANG-ME ", ""])
    ]
    spec = LineSpec(keep=("source",), out_fields=OUTPUT_FIELDS)
    got = [
        json.loads(w.line or b"")
        for w in clean_records(raw_records(lines), spec=spec, workers=2, pipeline=pipeline, chunk_size=2, timeout=3)
    ]
    assert [g["id"] for g in got] == ["r0", "r1", "r2", "r3", "r4"]
    assert got[1] == {
        "id": "r1",
        "source": "s",
        "error": {"type": "WorkerCrashed", "message": "the worker process died while cleaning this page"},
    }
    assert got[3]["error"]["type"] == "Timeout" and got[3]["source"] == "s"
    assert [g["text"] for g in got if "text" in g] == [f"Body paragraph {n} says something." for n in (0, 2, 4)]


def test_records_already_read_are_cleaned_too() -> None:
    record = {
        "id": "w1",
        "url": "https://x.org/w",
        "warc_date": "2024-01-01T00:00:00Z",
        "html": b"<p>Some text here.</p>",
    }
    spec = LineSpec(keep=("warc_date",))
    (got,) = clean_records([RawRecord(0, "w1", record)], spec=spec, workers=0)
    assert json.loads(got.line or b"")["warc_date"] == "2024-01-01T00:00:00Z" and got.ok
