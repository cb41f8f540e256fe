"""``clean_many``: clean a stream of pages in worker processes, losing none.

    >>> from newsclean import clean_many
    >>> records = ({"id": n, "text": f"Headline {n}\\n\\nBy Jane Doe\\n\\nBody {n}."} for n in range(3))
    >>> [(r.id, r.article.text) for r in clean_many(records, workers=0) if r.ok]
    [('0', 'Body 0.'), ('1', 'Body 1.'), ('2', 'Body 2.')]

Guarantees:

- **one output per input**, in input order: a :class:`~newsclean.batch.results.Cleaned`
  holding the :class:`~newsclean.Article` or a :class:`~newsclean.batch.results.Failed`
  holding the ``error`` (``{"type": ..., "message": ...}``), told apart by ``result.ok``;
- **nothing takes the batch down**: an exception while cleaning one page becomes that
  page's error; a worker process that dies (killed, segfault, ``os._exit``) breaks the
  pool, which is rebuilt, and the records that were in flight are retried one at a time,
  so only the page that really kills a worker gets the error ``WorkerCrashed``; with
  ``timeout``, a page stuck longer than that gets the error ``Timeout`` the same way;
- **bounded memory**: the input is read lazily and at most ``in_flight`` chunks of
  ``chunk_size`` records are held at once (submitted but not yet yielded);
- the pipeline is sent to each worker once (pickled: pipelines are immutable) and reused
  for every page that worker cleans.

A record is a page (``str``/``bytes``, its id is its position), a mapping with an
``html`` or ``text`` field and optional ``id`` and ``url`` (names set by :class:`Fields`;
ids are always strings, see :func:`~newsclean.batch.results.record_id`),
or a :class:`BadRecord` standing for input that could not be read (it yields its error in
its place, so a reader can report a malformed line in order).
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsclean.api import PageKind, clean
from newsclean.article import Article
from newsclean.batch.main_guard import GUARD_ADVICE, unguarded_start
from newsclean.batch.results import Cleaned, Failed, Result, record_id
from newsclean.errors import ConfigError, InputError, NewscleanError
from newsclean.limits import Limits
from newsclean.pipeline import Pipeline

__all__ = [
    "BadRecord",
    "Fields",
    "Pending",
    "WorkerSetup",
    "clean_many",
    "clean_one",
    "default_workers",
    "error",
    "record_item",
    "run_in_workers",
    "worker_setup",
]

log: logging.Logger = logging.getLogger(__name__)

WORKER_CRASHED = "WorkerCrashed"
TIMED_OUT = "Timeout"


@dataclass(frozen=True)
class Fields:
    """The field names of mapping records (e.g. ``Fields(html="body", id="doc_id")``)."""

    html: str = "html"
    text: str = "text"
    id: str = "id"
    url: str = "url"
    #: when the page was fetched (ISO 8601, as a WARC record's ``WARC-Date``): the ``now``
    #: of :func:`~newsclean.clean`, so no publication date after it is accepted
    now: str = "warc_date"


class BadRecord(NewscleanError):
    """An input record that could not be read (e.g. a malformed JSON line).

    Passed to :func:`clean_many` in place of the record, it yields an error result with
    ``type`` (default ``"BadRecord"``) and the message, under ``id``.
    """

    def __init__(self, message: str, *, id: object = None, type: str = "BadRecord") -> None:
        super().__init__(message)
        self.id = None if id is None else record_id(id)
        self.type = type


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# -- records -> items -------------------------------------------------------------------
@dataclass
class Item:
    """One record in flight: what the worker needs (``page``...) and what the result keeps."""

    index: int
    id: str
    page: str | bytes | None = None
    kind: PageKind = "auto"
    url: str | None = None
    now: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    error: dict[str, str] | None = None

    @property
    def task(self) -> tuple[str | bytes, PageKind, str | None, str | None] | None:
        """What a worker is sent (``None``: the record is an error already)."""
        return None if self.error is not None else (self.page, self.kind, self.url, self.now)  # type: ignore[return-value]

    def result(self, outcome: Article | dict[str, str] | None) -> Result:
        if outcome is None:  # an error already: no task was run
            assert self.error is not None
            return Failed(self.id, self.error, url=self.url, extra=self.extra)
        if isinstance(outcome, Article):
            return Cleaned(self.id, outcome, url=self.url, extra=self.extra)
        return Failed(self.id, outcome, url=self.url, extra=self.extra)


def error(type_: str, message: str) -> dict[str, str]:
    """An error outcome: ``{"type": ..., "message": ...}``."""
    return {"type": type_, "message": message}


def record_item(index: int, record: Any, fields: Fields, kind: PageKind, keep: Sequence[str]) -> Item:
    """One record (page, mapping or :class:`BadRecord`) as an item: its id, page, kind and
    url, the fields to keep, or its error."""
    position = str(index)
    if isinstance(record, BadRecord):
        return Item(index, record.id or position, error=error(record.type, str(record)))
    if isinstance(record, (str, bytes, bytearray)):
        return Item(index, position, page=bytes(record) if isinstance(record, bytearray) else record, kind=kind)
    if not isinstance(record, Mapping):
        message = f"a record is a page (str/bytes) or a mapping, not {type(record).__name__}"
        return Item(index, position, error=error("InputError", message))
    rid = record.get(fields.id)
    url = record.get(fields.url)
    now = record.get(fields.now)
    item = Item(
        index,
        position if rid is None else record_id(rid),
        url=url if isinstance(url, str) and url else None,
        now=now if isinstance(now, str) else None,
    )
    item.extra = {k: record[k] for k in keep if k in record}
    for name, field_kind in ((fields.html, kind), (fields.text, "text")):
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, (str, bytes)):
            item.error = error("InputError", f"field {name!r} must be a string, not {type(value).__name__}")
        else:
            item.page, item.kind = value, field_kind
        return item
    item.error = error("InputError", f"record has no {fields.html!r} or {fields.text!r} field")
    return item


# -- the worker side --------------------------------------------------------------------
@dataclass(frozen=True)
class WorkerSetup:
    """What every worker process is given once, at its start (see :func:`worker_setup`)."""

    pipeline: Pipeline | None = None
    limits: Limits | None = None
    #: anything else the work function needs (picklable), e.g. the output fields
    context: Any = None


_WORKER: WorkerSetup = WorkerSetup()


def worker_setup() -> WorkerSetup:
    """In a worker process: the pipeline, limits and context it was started with."""
    return _WORKER


def _init_worker(
    pipeline_blob: bytes | None, limits: Limits | None, log_levels: tuple[int, int], context: Any = None
) -> None:
    """Runs once per worker process: unpickle the pipeline it will use for every page.

    Workers ignore Ctrl-C (SIGINT reaches the whole process group): the parent stops them.
    When the parent logs below WARNING (``newsclean -v``), workers log at the same levels
    (root, ``newsclean``) to their standard error, which is the parent's."""
    global _WORKER  # per-process state of a worker, set once at its start
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline = pickle.loads(pipeline_blob) if pipeline_blob is not None else None
    _WORKER = WorkerSetup(pipeline, limits, context)
    root_level, own_level = log_levels
    if min(log_levels) < logging.WARNING:
        logging.basicConfig(level=root_level, format="newsclean: worker %(process)d: %(message)s")
        logging.getLogger("newsclean").setLevel(own_level)


def _log_levels() -> tuple[int, int]:
    """This process's logging levels (root, ``newsclean``), for the workers."""
    return logging.getLogger().getEffectiveLevel(), logging.getLogger("newsclean").getEffectiveLevel()


def clean_one(
    page: str | bytes,
    kind: PageKind,
    url: str | None,
    pipeline: Pipeline | None,
    limits: Limits | None,
    now: str | None = None,
) -> Article | dict[str, str]:
    """:func:`~newsclean.clean` of one page, or its error (``{"type": ..., "message": ...}``)."""
    try:
        return clean(page, url=url, kind=kind, pipeline=pipeline, limits=limits, now=now)
    except Exception as exc:  # one page's failure is that page's error record
        log.debug("cleaning failed: %s: %s", type(exc).__name__, exc)
        return error(type(exc).__name__, str(exc))


def _ready() -> int:
    return os.getpid()


def _work(tasks: list[tuple[str | bytes, PageKind, str | None, str | None]]) -> list[Article | dict[str, str]]:
    return [clean_one(page, kind, url, _WORKER.pipeline, _WORKER.limits, now) for page, kind, url, now in tasks]


# -- the parent side --------------------------------------------------------------------
class Pending(Protocol):
    """One record as the pool sees it: what a worker is sent (``task``; ``None`` when the
    record is an error already) and how an outcome (the work function's, or an error
    ``{"type": ..., "message": ...}`` when its worker died or timed out) becomes its result."""

    id: str

    @property
    def task(self) -> Any | None: ...

    def result(self, outcome: Any) -> Any: ...


class _Chunk:
    __slots__ = ("future", "items", "outcomes")

    def __init__(self, items: list[Pending]) -> None:
        self.items = items
        self.future: Future[list[Any]] | None = None
        self.outcomes: list[Any] | None = None

    @property
    def todo(self) -> list[Pending]:
        return [i for i in self.items if i.task is not None]

    def tasks(self, items: list[Pending] | None = None) -> list[Any]:
        return [i.task for i in (self.todo if items is None else items)]

    def results(self) -> Iterator[Any]:
        outcomes = iter(self.outcomes or ())
        for item in self.items:
            yield item.result(None) if item.task is None else item.result(next(outcomes))


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(
        self, workers: int, work: Callable[[list[Any]], list[Any]], initargs: tuple[Any, ...], context: Any
    ) -> None:
        self.workers, self.work, self.initargs, self.context = workers, work, initargs, context
        self.executor: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                self.workers, mp_context=self.context, initializer=_init_worker, initargs=self.initargs
            )
            # wait until the workers are up, so that start-up never counts against a page's timeout
            try:
                for future in [self.executor.submit(_ready) for _ in range(self.workers)]:
                    future.result()
            except BrokenProcessPool as exc:  # every page would fail the same way: stop here
                self.close()
                raise ConfigError(
                    f"worker processes could not start ({exc}); is every custom filter importable? "
                    "(the workers' standard error says why)"
                ) from exc
        return self.executor

    def submit(self, tasks: list[Any]) -> Future[list[Any]]:
        try:
            return self.get().submit(self.work, tasks)
        except BrokenProcessPool:  # broke between two submissions: the caller sees it on result()
            future: Future[list[Any]] = Future()
            future.set_exception(BrokenProcessPool("worker pool broken"))
            return future

    def kill(self) -> None:
        """Stop every worker now (a page is stuck, or the run is over): the pool breaks and
        is rebuilt when used again."""
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()

    def wait(self, future: Future[list[Any]], timeout: float | None) -> list[Any]:
        """The future's result; a timeout kills the workers and raises ``TimeoutError``."""
        try:
            return list(future.result(timeout))
        except FutureTimeout:
            self.kill()
            raise TimeoutError from None

    def rebuild(self) -> None:
        """Drop the broken pool; the next ``submit`` starts a new one."""
        self.close()

    def close(self, wait: bool = True) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None


def _mp_context(start_method: str | None) -> Any:
    if start_method is None:
        methods = multiprocessing.get_all_start_methods()
        # forkserver: workers start clean (no copy of the caller's memory, no inherited threads)
        start_method = "forkserver" if "forkserver" in methods else "spawn"
    return multiprocessing.get_context(start_method)


def run_in_workers(
    items: Iterator[Pending],
    work: Callable[[list[Any]], list[Any]],
    *,
    workers: int,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    context: Any = None,
    chunk_size: int = 4,
    in_flight: int | None = None,
    start_method: str | None = None,
    timeout: float | None = None,
) -> Iterator[Any]:
    """The results of ``items``, in order, their tasks run by ``work`` (a module-level
    function: a list of tasks -> a list of outcomes) in ``workers`` processes, with the
    guarantees of :func:`clean_many` (a dead or stuck worker costs only its own record).
    In a worker, :func:`worker_setup` gives the ``pipeline``, ``limits`` and ``context``.
    Raises :class:`~newsclean.ConfigError` at once for a pipeline that cannot be sent to
    workers or a script that starts them outside its ``__main__`` guard."""
    if workers < 1 or chunk_size < 1:
        raise ConfigError("workers must be >= 1 and chunk_size >= 1")
    try:
        blob = pickle.dumps(pipeline) if pipeline is not None else None
    except Exception as exc:
        raise ConfigError(f"the pipeline cannot be sent to worker processes (pickling failed: {exc})") from exc
    limit = in_flight if in_flight is not None else 4 * workers
    mp_context = _mp_context(start_method)
    if mp_context.get_start_method() != "fork":
        where = unguarded_start()
        if where is not None:
            raise ConfigError(f"{where}: {GUARD_ADVICE.format(method=mp_context.get_start_method())}")
    pool = _Pool(workers, work, (blob, limits, _log_levels(), context), mp_context)
    return _parallel(items, pool, chunk_size, max(1, limit), timeout)


def clean_many(
    records: Iterable[Any],
    *,
    workers: int | None = None,
    pipeline: Pipeline | None = None,
    kind: PageKind = "auto",
    fields: Fields = Fields(),
    keep: Sequence[str] = (),
    chunk_size: int = 4,
    in_flight: int | None = None,
    start_method: str | None = None,
    timeout: float | None = None,
    limits: Limits | None = None,
) -> Iterator[Result]:
    """Clean every record of ``records`` and yield one :class:`Result` per record, in order.

    ``workers``: worker processes (default: the cores available); ``0`` cleans in this
    process (no protection against a crashing page). ``pipeline`` replaces the default
    filters (it must pickle: custom filters are module-level functions or objects).
    ``kind`` applies to pages given as ``str``/``bytes`` and to the ``html`` field
    (``text`` fields are always cleaned as text). ``keep`` names input fields copied into
    each result's ``extra``. A mapping record's ``warc_date`` (the field :class:`Fields`
    names ``now``) is when the page was fetched: its dates are read as of then (the ``now``
    of :func:`~newsclean.clean`), so a rerun gives the same dates. ``chunk_size`` records
    go to a worker at once; at most
    ``in_flight`` chunks (default ``4 * workers``) are submitted and not yet yielded.
    ``timeout`` (seconds per page, worker processes only): a page that takes longer stops
    its worker and gets the error ``Timeout``; the other pages in flight are retried.
    ``limits`` bound each page as in :func:`~newsclean.clean` (see :class:`~newsclean.Limits`).
    """
    workers = checked_options(workers, chunk_size, kind)
    items = (record_item(n, r, fields, kind, keep) for n, r in enumerate(records))
    if workers == 0:
        return _serial(items, pipeline, limits)
    return run_in_workers(
        items,
        _work,
        workers=workers,
        pipeline=pipeline,
        limits=limits,
        chunk_size=chunk_size,
        in_flight=in_flight,
        start_method=start_method,
        timeout=timeout,
    )


def checked_options(workers: int | None, chunk_size: int, kind: str) -> int:
    """The number of workers (``None``: :func:`default_workers`) once the options of a run
    are checked: :class:`~newsclean.ConfigError` or :class:`~newsclean.InputError` if not."""
    if workers is None:
        workers = default_workers()
    if workers < 0 or chunk_size < 1:
        raise ConfigError("workers must be >= 0 and chunk_size >= 1")
    if kind not in ("auto", "text", "html"):
        raise InputError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
    return workers


def _serial(items: Iterator[Item], pipeline: Pipeline | None, limits: Limits | None) -> Iterator[Result]:
    for item in items:
        if item.error is not None:
            yield item.result(item.error)
        else:
            yield item.result(clean_one(item.page, item.kind, item.url, pipeline, limits, item.now))  # type: ignore[arg-type]


def _parallel(
    items: Iterator[Pending], pool: _Pool, chunk_size: int, limit: int, timeout: float | None
) -> Iterator[Any]:
    pending: deque[_Chunk] = deque()
    chunks = (_Chunk(list(c)) for c in iter(lambda: list(itertools.islice(items, chunk_size)), []))
    try:
        while True:
            while len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                if chunk.todo:
                    chunk.future = pool.submit(chunk.tasks())
                else:
                    chunk.outcomes = []
                pending.append(chunk)
            if not pending:
                return
            head = pending[0]
            if head.outcomes is None:
                try:
                    # the head chunk was submitted first, so it is running: its pages get their time
                    head.outcomes = pool.wait(head.future, timeout and timeout * len(head.todo))  # type: ignore[arg-type]
                except (BrokenProcessPool, TimeoutError):
                    _recover(pending, pool, timeout)
                except Exception as exc:  # e.g. a page that cannot be pickled: the chunk's error
                    head.outcomes = [error(type(exc).__name__, str(exc)) for _ in head.todo]
            pending.popleft()
            yield from head.results()
    except BaseException:  # Ctrl-C, or the caller stopped reading: the work in flight is dropped
        pool.kill()
        raise
    finally:
        pool.close(wait=False)


def _recover(pending: deque[_Chunk], pool: _Pool, timeout: float | None) -> None:
    """A worker died (or was stopped): keep what finished, retry the rest one record at a time."""
    log.warning("a worker process died; retrying the %d chunk(s) in flight one page at a time", len(pending))
    for chunk in pending:
        if chunk.outcomes is None and chunk.future is not None and chunk.future.done():
            try:
                chunk.outcomes = chunk.future.result()
            except Exception:
                chunk.outcomes = None
    pool.rebuild()
    for chunk in pending:
        if chunk.outcomes is not None:
            continue
        outcomes: list[Any] = []
        for item in chunk.todo:
            try:
                outcomes.extend(pool.wait(pool.submit(chunk.tasks([item])), timeout))
            except TimeoutError:
                log.warning("record %r took more than %s s", item.id, timeout)
                outcomes.append(error(TIMED_OUT, f"cleaning this page took more than {timeout} s"))
                pool.rebuild()
            except BrokenProcessPool:
                log.warning("record %r killed its worker process", item.id)
                outcomes.append(error(WORKER_CRASHED, "the worker process died while cleaning this page"))
                pool.rebuild()
        chunk.outcomes = outcomes
    # the chunks that were retried are done; the pool is fresh for what follows
