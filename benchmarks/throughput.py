"""Throughput: pages/s of ``clean_many`` with 1 and 2 worker processes (scaling ratio), on
HTML and on text input, peak memory per worker, against trafilatura alone in the same run.

    python -m benchmarks.throughput                  # the whole scrapinghub corpus
    python -m benchmarks.throughput --limit 40 --repeat 1   # a quick look

Every configuration cleans the same pages (the corpus ``--passes`` times, so that worker
start-up is paid once per run as a user pays it, and amortised); wall times are the median
of ``--repeat`` runs, pool start-up included, the configurations alternating round after
round so that 1 and 2 workers meet the same load from other jobs. The peer "trafilatura alone" runs
``trafilatura.extract`` over the same pages in the same kind of process pool (the
multiprocessing users write by hand today) and in this process, page by page.
Peak memory per worker is the largest VmHWM (peak resident set) of the worker processes,
read from /proc while they run. Writes ``benchmarks/results/throughput.md`` and
``throughput-pages.jsonl`` (per-page single-process times).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import trafilatura

import newsclean
from benchmarks.corpora import scrapinghub
from newsclean.batch import clean_many

RESULTS = Path(__file__).resolve().parent / "results"


# -- memory of the worker processes ----------------------------------------------------
def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _cpu_ticks(pid: int) -> int:
    """user + system CPU time of a process, in clock ticks."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class PeakMemory:
    """Samples the peak RSS of every worker (descendant process that cleans pages)."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.wait(0.2):
            tree = _children()
            todo, seen = list(tree.get(os.getpid(), [])), []
            while todo:
                pid = todo.pop()
                seen.append(pid)
                todo.extend(tree.get(pid, []))
            for pid in seen:
                self.peaks[pid] = max(self.peaks.get(pid, 0), _hwm_kb(pid))
                self.cpu[pid] = max(self.cpu.get(pid, 0), _cpu_ticks(pid))

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def cpu_seconds(self) -> float:
        """CPU time of all descendant processes (sampled every 0.2 s: a lower bound)."""
        return sum(self.cpu.values()) / os.sysconf("SC_CLK_TCK")

    def worker_mb(self, workers: int) -> float:
        """The largest peaks of as many processes as there are workers (the forkserver and
        resource tracker are small and rank below them)."""
        top = sorted(self.peaks.values(), reverse=True)[:workers]
        return max(top) / 1024 if top else float("nan")


# -- the runs --------------------------------------------------------------------------
def _extract(html: bytes) -> str:
    return trafilatura.extract(html) or ""


def run_newsclean(pages: list, workers: int) -> tuple[float, int, float]:
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        n = errors = 0
        for result in clean_many(pages, workers=workers):
            n += 1
            errors += not result.ok
        wall = time.perf_counter() - t0
    assert n == len(pages)
    return wall, errors, mem.worker_mb(workers), mem.cpu_seconds()


def run_trafilatura(pages: list, workers: int) -> tuple[float, int, float]:
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        with ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
            n = sum(1 for _ in pool.map(_extract, pages, chunksize=4))
        wall = time.perf_counter() - t0
    assert n == len(pages)
    return wall, 0, mem.worker_mb(workers), mem.cpu_seconds()


def summarise(runs: list[tuple], pages: list, loads: list[float]) -> dict:
    load = statistics.median(loads)
    wall = statistics.median(r[0] for r in runs)
    cpu_ms = statistics.median(r[3] for r in runs) * 1000 / len(pages)
    mem = max(r[2] for r in runs)
    return {"wall": wall, "pps": len(pages) / wall, "errors": runs[0][1], "mem": mem, "cpu": cpu_ms, "load": load}


def single_process(pages: Iterable) -> list[dict]:
    rows = []
    for page in pages:
        t0 = time.perf_counter()
        newsclean.clean(page.html, url=page.url)
        t1 = time.perf_counter()
        _extract(page.html)
        t2 = time.perf_counter()
        rows.append({"id": page.id, "newsclean_ms": (t1 - t0) * 1000, "trafilatura_ms": (t2 - t1) * 1000})
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus pages")
    parser.add_argument("--passes", type=int, default=2, help="times the corpus is fed to each run (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration; the median is reported")
    args = parser.parse_args(argv)
    corpus = list(scrapinghub(limit=args.limit))
    html = [p.html for p in corpus] * args.passes
    text = [p.truth["articleBody"] for p in corpus] * args.passes
    load_before = os.getloadavg()
    started = time.perf_counter()
    configs: dict[tuple, tuple[Callable, list]] = {}
    for workers in (1, 2):
        configs["html", "newsclean", workers] = (run_newsclean, html)
        configs["html", "trafilatura alone", workers] = (run_trafilatura, html)
        configs["text", "newsclean", workers] = (run_newsclean, text)
    runs: dict[tuple, list] = {key: [] for key in configs}
    loads: dict[tuple, list] = {key: [] for key in configs}
    for round_ in range(args.repeat):  # 1 and 2 workers alternate, so both meet the same load
        for key, (fn, pages) in configs.items():
            loads[key].append(os.getloadavg()[0])
            runs[key].append(fn(pages, key[2]))
        print(f"round {round_ + 1} of {args.repeat} done", file=sys.stderr)
    table = {key: summarise(runs[key], configs[key][1], loads[key]) for key in configs}
    per_page = single_process(corpus)
    seconds = time.perf_counter() - started
    load_after = os.getloadavg()

    lines = [
        "## Throughput (batch, worker processes)",
        "",
        f"scrapinghub corpus, {len(corpus)} pages x {args.passes} passes = {len(html)} pages per run; "
        f"wall time = median of {args.repeat} runs, worker start-up included. "
        f"Machine: {os.cpu_count()} cores shared with other jobs; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after ({seconds:.0f} s in all).",
        "",
        "| input | engine | workers | pages/s | scaling (2 vs 1) | worker CPU ms/page | peak RSS per worker "
        "| errors | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, engine in (("html", "newsclean"), ("html", "trafilatura alone"), ("text", "newsclean")):
        for workers in (1, 2):
            row = table[kind, engine, workers]
            scaling = f"{row['pps'] / table[kind, engine, 1]['pps']:.2f}x" if workers == 2 else ""
            cells = [kind, engine, workers, f"{row['pps']:.1f}", scaling, f"{row['cpu']:.1f}"]
            cells += [f"{row['mem']:.0f} MB", row["errors"], f"{row['load']:.1f}"]
            lines.append("| " + " | ".join(map(str, cells)) + " |")
    nc = statistics.median(r["newsclean_ms"] for r in per_page)
    tr = statistics.median(r["trafilatura_ms"] for r in per_page)
    ratio_2 = table["html", "newsclean", 2]["pps"] / table["html", "trafilatura alone", 2]["pps"]
    lines += [
        "",
        "`worker CPU ms/page`: CPU time of the worker processes per page (sampled from /proc); when it stays "
        "the same from 1 to 2 workers, the batch code adds no parallel overhead and the wall-clock scaling is "
        "set by the free cores. `load`: the median 1-minute load average when the configuration's runs started (other "
        "jobs share the machine; above 2, the second worker competes with them for a core).",
        "",
        f"One process, page by page (HTML): newsclean median {nc:.1f} ms/page, trafilatura.extract alone "
        f"{tr:.1f} ms/page (ratio {nc / tr:.2f}); with 2 workers newsclean runs at {ratio_2:.2f}x "
        "the page rate of trafilatura alone.",
        "",
        f"Command: `{' '.join(['python -m benchmarks.throughput', *(sys.argv[1:] if argv is None else argv)])}`"
        f" ({dt.date.today().isoformat()})",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "throughput.md").write_text("\n".join(lines) + "\n", "utf-8")
    with open(RESULTS / "throughput-pages.jsonl", "w", encoding="utf-8") as fh:
        for row in per_page:
            fh.write(json.dumps(row) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
