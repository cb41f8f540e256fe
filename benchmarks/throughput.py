"""Throughput of the batch path: scaling from 1 to 2 workers against a bare process pool,
the parent's CPU per page against a worker's, and worker memory over many pages.

    python -m benchmarks.throughput                          # scrapinghub x 2, 3 rounds, 10,000 pages for memory
    python -m benchmarks.throughput --limit 40 --repeat 1 --memory-pages 1000   # a quick look

Every configuration cleans the same records: the scrapinghub corpus ``--passes`` times,
as JSON lines (what ``newsclean batch`` reads). Wall times are the median of
``--repeat`` rounds, pool start-up included; within a round the configurations
alternate, so 1 and 2 workers of each meet the same load from other jobs:

* **newsclean batch**: :func:`newsclean.batch.lines.clean_records`, the path of the
  batch commands: the parent hands each worker the raw line and gets the output line back;
* **clean_many**: the library function (the parent parses each line, workers return
  :class:`~newsclean.Article` objects, the parent serialises them);
* **bare pool**: ``ProcessPoolExecutor.map`` of ``newsclean.clean`` over the parsed pages
  (what a user writes by hand: no error records, no order or crash guarantees, no output
  lines), the reference for scaling;
* **trafilatura alone** in the same kind of pool (the extractor newsclean builds on).

The parent's CPU per page is this process's CPU time over a run (``time.process_time``,
every thread: the pool's feeder and result threads included; nothing else runs here
meanwhile); a worker's CPU per page is that of the same work done in this process
(``workers=0``) over the same records (the best of two runs after a warm-up). Worker
memory: the resident set (VmRSS) of each worker of a 2-worker ``newsclean batch`` run
over ``--memory-pages`` pages, read after
every 1,000 pages; growth compares the last reading with the one after the first
1,000 (caches filled). Writes ``benchmarks/results/throughput.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import trafilatura

import newsclean
from benchmarks.corpora import scrapinghub
from newsclean.batch import clean_many
from newsclean.batch.lines import RawRecord, clean_records

RESULTS = Path(__file__).resolve().parent / "results"


# -- processes ----------------------------------------------------------------------------
def _stat(pid: int) -> list[bytes]:
    with open(f"/proc/{pid}/stat", "rb") as fh:
        return fh.read().rsplit(b")", 1)[1].split()


def workers_of(parent: int) -> list[int]:
    """The worker processes under ``parent``: descendants without children of their own,
    less multiprocessing's resource tracker."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                tree.setdefault(int(_stat(int(entry))[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    found, todo = [], list(tree.get(parent, []))
    while todo:
        pid = todo.pop()
        if tree.get(pid):
            todo.extend(tree[pid])
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if b"resource_tracker" in fh.read():
                    continue
        except OSError:
            continue
        found.append(pid)
    return sorted(found)


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# -- the runs ---------------------------------------------------------------------------
def _clean_page(html: str) -> int:
    return len(newsclean.clean(html).text)


def _trafilatura(html: str) -> int:
    return len(trafilatura.extract(html) or "")


def _raw(lines: list[bytes]) -> Iterator[RawRecord]:
    return (RawRecord(n, str(n), line) for n, line in enumerate(lines, 1))


def run_batch(lines: list[bytes], workers: int) -> int:
    return sum(1 for _ in clean_records(_raw(lines), workers=workers))


def run_clean_many(lines: list[bytes], workers: int) -> int:
    n = 0
    for result in clean_many((json.loads(line) for line in lines), workers=workers):
        (json.dumps(result.to_dict(), ensure_ascii=False, default=str) + "\n").encode("utf-8")
        n += 1
    return n


def _bare(fn: Callable[[str], int]) -> Callable[[list[bytes], int], int]:
    def run(lines: list[bytes], workers: int) -> int:
        pages = [json.loads(line)["html"] for line in lines]
        with ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
            return sum(1 for _ in pool.map(fn, pages, chunksize=4))

    return run


ENGINES: dict[str, Callable[[list[bytes], int], int]] = {
    "newsclean batch": run_batch,
    "clean_many": run_clean_many,
    "bare pool (newsclean.clean)": _bare(_clean_page),
    "trafilatura alone (bare pool)": _bare(_trafilatura),
}


def timed(fn: Callable[[list[bytes], int], int], lines: list[bytes], workers: int) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    n = fn(lines, workers)
    assert n == len(lines)
    return {"wall": time.perf_counter() - wall, "parent_cpu": time.process_time() - cpu, "load": os.getloadavg()[0]}


def worker_cpu_per_page(lines: list[bytes], engine: str) -> float:
    """CPU seconds per page of a worker's work, done in this process."""
    cpu = time.process_time()
    if engine == "newsclean batch":
        sum(1 for _ in clean_records(_raw(lines), workers=0))
    else:
        for result in clean_many((json.loads(line) for line in lines), workers=0):
            result.to_dict()
    return (time.process_time() - cpu) / len(lines)


def memory_run(lines: list[bytes], pages: int, every: int = 1000) -> list[dict[str, Any]]:
    """RSS of each worker of a 2-worker batch run after every ``every`` pages."""
    source = itertools.islice(itertools.cycle(lines), pages)
    readings: list[dict[str, Any]] = []
    pids: list[int] = []
    for n, _ in enumerate(clean_records(_raw(list(source)), workers=2), 1):
        if n % every == 0:
            pids = pids or workers_of(os.getpid())
            readings.append({"pages": n, "rss_mb": [rss_mb(pid) for pid in pids]})
    return readings


# -- report -----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus pages")
    parser.add_argument("--passes", type=int, default=2, help="times the corpus is fed to each run (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median is reported")
    parser.add_argument("--memory-pages", type=int, default=10_000, help="pages of the memory run (0: none)")
    args = parser.parse_args(argv)
    corpus = list(scrapinghub(limit=args.limit))
    one_pass = [
        (json.dumps({"id": p.id, "url": p.url, "html": p.html.decode("utf-8", "replace")}) + "\n").encode("utf-8")
        for p in corpus
    ]
    lines = one_pass * args.passes
    load_before = os.getloadavg()
    started = time.perf_counter()
    runs: dict[tuple[str, int], list[dict[str, float]]] = {(e, w): [] for e in ENGINES for w in (1, 2)}
    for round_ in range(args.repeat):
        for (engine, workers), rows in runs.items():
            rows.append(timed(ENGINES[engine], lines, workers))
        print(f"round {round_ + 1} of {args.repeat} done", file=sys.stderr)
    sample = one_pass[: min(60, len(one_pass))]
    worker_cpu_per_page(sample[:5], "clean_many")  # warm-up: lexicons, patterns, first-call set-up
    worker_cpu = {e: min(worker_cpu_per_page(sample, e) for _ in range(2)) for e in ("newsclean batch", "clean_many")}
    memory = memory_run(one_pass, args.memory_pages) if args.memory_pages else []
    seconds = time.perf_counter() - started
    load_after = os.getloadavg()

    def median(engine: str, workers: int, key: str) -> float:
        return statistics.median(r[key] for r in runs[engine, workers])

    gains = {e: median(e, 1, "wall") / median(e, 2, "wall") for e in ENGINES}
    bare_gain = gains["bare pool (newsclean.clean)"]
    lines_out = [
        "## Throughput (batch, worker processes)",
        "",
        f"scrapinghub corpus, {len(corpus)} pages x {args.passes} passes = {len(lines)} JSON lines per run; wall "
        f"time = median of {args.repeat} rounds, worker start-up included. Machine: {os.cpu_count()} cores shared "
        f"with other jobs; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({seconds:.0f} s "
        "in all).",
        "",
        "| engine | workers | pages/s | gain 1 -> 2 | gain vs bare pool's | parent CPU ms/page | load |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in ENGINES:
        for workers in (1, 2):
            wall = median(engine, workers, "wall")
            cells = [engine, str(workers), f"{len(lines) / wall:.1f}"]
            cells += [f"{gains[engine]:.2f}x", f"{gains[engine] / bare_gain:.2f}"] if workers == 2 else ["", ""]
            cells += [f"{median(engine, workers, 'parent_cpu') * 1000 / len(lines):.2f}"]
            cells += [f"{median(engine, workers, 'load'):.1f}"]
            lines_out.append("| " + " | ".join(cells) + " |")
    lines_out += ["", "Parent CPU against a worker's (per page, 2 workers):", ""]
    lines_out += ["| engine | parent CPU ms/page | worker CPU ms/page | parent share | workers one parent feeds |"]
    lines_out += ["|---|---:|---:|---:|---:|"]
    for engine in ("newsclean batch", "clean_many"):
        parent = median(engine, 2, "parent_cpu") / len(lines)
        share = parent / worker_cpu[engine]
        lines_out.append(
            f"| {engine} | {parent * 1000:.2f} | {worker_cpu[engine] * 1000:.1f} | {share:.1%} | {1 / share:.0f} |"
        )
    if memory:
        first, last = memory[0], memory[-1]
        growth = [b / a - 1 for a, b in zip(first["rss_mb"], last["rss_mb"], strict=True)]
        lines_out += [
            "",
            f"Worker memory over {args.memory_pages:,} pages (newsclean batch, 2 workers; the corpus cycled): "
            "resident set of each worker after every 1,000 pages.",
            "",
            "| pages | " + " | ".join(f"worker {n + 1} MB" for n in range(len(first["rss_mb"]))) + " |",
            "|---:|" + "---:|" * len(first["rss_mb"]),
        ]
        for reading in memory:
            lines_out.append(f"| {reading['pages']:,} | " + " | ".join(f"{mb:.0f}" for mb in reading["rss_mb"]) + " |")
        lines_out += ["", "Growth from 1,000 pages to the last reading: " + ", ".join(f"{g:+.1%}" for g in growth)]
    lines_out += [
        "",
        "`gain vs bare pool's`: the engine's gain from 1 to 2 workers divided by the bare pool's gain in the same "
        "run. `parent CPU ms/page`: this process's CPU per page (the parent of the workers); for the bare pools it "
        "includes parsing the JSON lines. `worker CPU ms/page`: the same records cleaned (and, for newsclean batch, "
        "parsed and serialised) in this process. `load`: the 1-minute load average after the configuration's runs "
        "(above 2, the workers compete with other jobs for the 2 cores).",
        "",
        f"Command: `{' '.join(['python -m benchmarks.throughput', *(sys.argv[1:] if argv is None else argv)])}`"
        f" ({dt.date.today().isoformat()})",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "throughput.md").write_text("\n".join(lines_out) + "\n", "utf-8")
    with open(RESULTS / "throughput-pages.jsonl", "w", encoding="utf-8") as fh:
        for (engine, workers), rows in runs.items():
            for row in rows:
                fh.write(json.dumps({"engine": engine, "workers": workers, **row}) + "\n")
        for reading in memory:
            fh.write(json.dumps({"memory": reading}) + "\n")
    print("\n".join(lines_out))


if __name__ == "__main__":
    main()
