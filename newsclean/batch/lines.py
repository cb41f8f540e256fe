"""Records read, cleaned and written inside the workers: what the batch commands run.

:func:`clean_many` hands each worker a page and gets an :class:`~newsclean.Article` back,
so the parent process parses every input record, pickles every page and unpickles every
article: about a millisecond per page, which caps how many workers one parent can feed.
Here the parent only moves bytes: it hands each worker the raw record (a JSON line as
read, or a WARC record as fastwarc gave it) and gets back the output line, ready to
write, with what the summary counts (ok or error, removals per filter). The worker
parses the record, cleans it and serialises the result: the same line, field for field,
as ``result.to_dict(fields)`` of :func:`clean_many` gives.

Every guarantee of :func:`clean_many` holds (it is the same pool, see
:func:`~newsclean.batch.pool.run_in_workers`): one output line per record in input
order, a malformed line or a failing page is that record's error line, a worker that
dies or times out costs only its own record (whose error line the parent then writes:
only then does it parse that record). With ``done`` (ids already written, ``--resume``),
the workers skip the records whose id is in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from newsclean.api import PageKind
from newsclean.batch.pool import (
    BadRecord,
    Fields,
    checked_options,
    clean_one,
    record_item,
    run_in_workers,
    worker_setup,
)
from newsclean.batch.results import OUTPUT_FIELDS, record_id
from newsclean.limits import Limits
from newsclean.pipeline import Pipeline

__all__ = ["LineSpec", "RawRecord", "Written", "clean_records", "parse_line", "written"]


class Written(NamedTuple):
    """The outcome of one record: its output ``line`` (UTF-8 JSON and a newline; ``None``
    when it was skipped as already done, or left out as ``not_article``), whether it was
    cleaned, its removals per filter."""

    line: bytes | None
    ok: bool
    removed: Mapping[str, int]
    not_article: bool = False


@dataclass(frozen=True)
class LineSpec:
    """How every worker reads, cleans and writes records (sent to each worker once)."""

    fields: Fields = Fields()  # noqa: RUF009 - frozen
    kind: PageKind = "auto"
    keep: tuple[str, ...] = ()
    out_fields: tuple[str, ...] = OUTPUT_FIELDS
    done: frozenset[str] = frozenset()
    #: leave out the pages whose ``page_type`` is not ``"article"`` (errors are still written)
    only_articles: bool = False


@dataclass
class RawRecord:
    """One input record as the parent holds it: a JSON line as read (``bytes``, its line
    ``number`` and the ``id`` it gets when it has none) or a record already read (a
    mapping, e.g. a WARC response)."""

    number: int
    id: str
    data: bytes | Mapping[str, Any]
    #: how it is read and written (set by :func:`clean_records`; not sent to the worker)
    spec: LineSpec | None = None

    @property
    def task(self) -> tuple[int, str, bytes | Mapping[str, Any]]:
        return self.number, self.id, self.data

    def result(self, outcome: Written | dict[str, str] | None) -> Written:
        """The worker's outcome, or (its worker died or timed out) this record's error line."""
        if isinstance(outcome, Written):
            return outcome
        return written(self.task, self.spec or LineSpec(), None, None, outcome or _NOT_RUN)


_NOT_RUN = {"type": "InternalError", "message": "the record was not cleaned"}


def parse_line(number: int, default_id: str, data: bytes, fields: Fields) -> dict[str, Any] | BadRecord:
    """A JSON line as a record (its id defaulting to ``default_id``), or a :class:`BadRecord`."""
    try:
        record = json.loads(data)
    except ValueError as exc:  # JSONDecodeError and bad UTF-8
        return BadRecord(f"line {number}: {exc}", id=default_id, type=type(exc).__name__)
    if not isinstance(record, dict):
        return BadRecord(f"line {number}: a record is a JSON object", id=default_id, type="InputError")
    record.setdefault(fields.id, default_id)
    return record


def written(
    task: tuple[int, str, bytes | Mapping[str, Any]],
    spec: LineSpec,
    pipeline: Pipeline | None,
    limits: Limits | None,
    failure: dict[str, str] | None = None,
) -> Written:
    """Parse, clean and serialise one record (``failure``: the error it gets instead of
    being cleaned)."""
    number, default_id, data = task
    record: Any = parse_line(number, default_id, data, spec.fields) if isinstance(data, bytes) else data
    if spec.done and isinstance(record, Mapping) and failure is None:
        rid = record.get(spec.fields.id)
        if rid is not None and record_id(rid) in spec.done:
            return Written(None, True, {})
    item = record_item(number, record, spec.fields, spec.kind, spec.keep)
    if failure is not None:
        item.error = item.error or failure
    outcome = None if item.error is not None else clean_one(item.page, item.kind, item.url, pipeline, limits, item.now)  # type: ignore[arg-type]
    result = item.result(outcome)
    if spec.only_articles and result.ok and result.article.page_type != "article":
        return Written(None, True, {}, not_article=True)
    line = (json.dumps(result.to_dict(spec.out_fields), ensure_ascii=False, default=str) + "\n").encode("utf-8")
    return Written(line, result.ok, result.article.removal_counts() if result.ok else {})


def _work(tasks: list[tuple[int, str, bytes | Mapping[str, Any]]]) -> list[Written]:
    setup = worker_setup()
    return [written(task, setup.context, setup.pipeline, setup.limits) for task in tasks]


def clean_records(
    records: Iterable[RawRecord],
    *,
    spec: LineSpec = LineSpec(),
    workers: int | None = None,
    pipeline: Pipeline | None = None,
    chunk_size: int = 4,
    in_flight: int | None = None,
    start_method: str | None = None,
    timeout: float | None = None,
    limits: Limits | None = None,
) -> Iterator[Written]:
    """One :class:`Written` per record of ``records``, in order (the options as for
    :func:`~newsclean.clean_many`; ``spec`` says how records are read and written)."""
    workers = checked_options(workers, chunk_size, spec.kind)
    if workers == 0:
        return (written(r.task, spec, pipeline, limits) for r in records)
    return run_in_workers(
        _with_spec(records, spec),
        _work,
        workers=workers,
        pipeline=pipeline,
        limits=limits,
        context=spec,
        chunk_size=chunk_size,
        in_flight=in_flight,
        start_method=start_method,
        timeout=timeout,
    )


def _with_spec(records: Iterable[RawRecord], spec: LineSpec) -> Iterator[RawRecord]:
    for record in records:
        record.spec = spec
        yield record
