"""Spark's WARC path against the batch command, per core, on the same WARC files.

    python -m benchmarks.spark_warc                    # 2,172 pages (scrapinghub x 12) in 4 files
    python -m benchmarks.spark_warc --copies 2 --rounds 1   # a quick look

The scrapinghub pages are written ``--copies`` times over into ``--files`` gzipped WARC
files (Common Crawl layout: a request, the response and a metadata record per page).
Each round runs ``newsclean warc FILES -o out.jsonl --workers 2`` (a subprocess, worker
start-up included) and :func:`newsclean.spark.clean_warc` on ``local[2]`` writing
Parquet (the session is started once, before the rounds, as a cluster's is), in turn.
Throughput per core = pages / wall seconds / 2 for both; the median of the rounds is
reported. Needs pyspark, fastwarc and Java 17. Writes ``benchmarks/results/spark-warc.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.corpora import scrapinghub

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = Path(__file__).resolve().parent.parent


def _record(kind: str, uri: str, payload: bytes) -> bytes:
    from fastwarc.warc import WarcRecord, WarcRecordType

    record = WarcRecord()
    record.init_headers(getattr(WarcRecordType, kind))
    record.headers["WARC-Target-URI"] = uri
    if kind == "response":
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + payload
        record.headers["Content-Type"] = "application/http; msgtype=response"
    elif kind == "request":
        payload = f"GET / HTTP/1.1\r\nHost: {uri}\r\n\r\n".encode()
        record.headers["Content-Type"] = "application/http; msgtype=request"
    record.set_bytes_content(payload)
    buf = io.BytesIO()
    record.write(buf)
    return gzip.compress(buf.getvalue(), compresslevel=6)  # one gzip member per record


def write_warcs(folder: Path, copies: int, files: int) -> tuple[list[Path], int]:
    """The corpus pages, ``copies`` times over, in ``files`` WARC files; (paths, pages)."""
    pages = [(p.url or f"https://example.org/{p.id}", p.html) for p in scrapinghub()]
    paths = [folder / f"bench-{n:02d}.warc.gz" for n in range(files)]
    handles = [path.open("wb") for path in paths]
    total = 0
    for copy in range(copies):
        for uri, html in pages:
            fh = handles[total % files]
            uri = f"{uri}#copy-{copy}"
            fh.write(_record("request", uri, b""))
            fh.write(_record("response", uri, html))
            fh.write(_record("metadata", uri, b"fetchTimeMs: 12\r\n"))
            total += 1
    for fh in handles:
        fh.close()
    return paths, total


def run_batch(paths: list[Path], out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "newsclean", "warc", *map(str, paths), "-o", str(out), "--workers", "2", "-q"]
    subprocess.run(cmd, check=True, env=env)
    return time.perf_counter() - start


def spark_session() -> Any:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-warc-benchmark")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark(spark: Any, paths: list[Path], out: Path) -> tuple[float, int, int]:
    from newsclean.spark import clean_warc

    start = time.perf_counter()
    clean_warc(spark, [str(p) for p in paths]).write.mode("overwrite").parquet(str(out))
    wall = time.perf_counter() - start
    rows = spark.read.parquet(str(out))
    return wall, rows.count(), rows.filter("error is not null").count()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.spark_warc", description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=12, help="times the corpus is written (default 12: 2,172 pages)")
    parser.add_argument("--files", type=int, default=4, help="WARC files (default 4)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of both (default 2)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="newsclean-warc-bench-"))
    try:
        paths, pages = write_warcs(folder, args.copies, args.files)
        spark = spark_session()
        load_before = os.getloadavg()[0]
        batch, sparks, rows = [], [], (0, 0)
        for round_ in range(args.rounds):
            batch.append(run_batch(paths, folder / "out.jsonl"))
            wall, count, errors = run_spark(spark, paths, folder / "out.parquet")
            sparks.append(wall)
            rows = (count, errors)
            print(f"round {round_ + 1}: batch {batch[-1]:.1f} s, spark {wall:.1f} s", file=sys.stderr)
        lines_written = sum(1 for _ in (folder / "out.jsonl").open("rb"))
        spark.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    load_after = os.getloadavg()[0]
    b, s = statistics.median(batch), statistics.median(sparks)
    per_core = {"batch": pages / b / 2, "spark": pages / s / 2}
    lines = [
        "## Spark WARC path against the batch command",
        "",
        f"{pages:,} pages (scrapinghub x {args.copies}) in {args.files} gzipped WARC files; median of "
        f"{args.rounds} rounds, the two alternating; 2 cores shared with other jobs (load average "
        f"{load_before:.1f} before, {load_after:.1f} after).",
        "",
        "| engine | cores | wall s (rounds) | pages/s | pages/s per core | rows out (errors) |",
        "|---|---:|---:|---:|---:|---:|",
        f"| `newsclean warc --workers 2` | 2 | {b:.1f} ({', '.join(f'{x:.1f}' for x in batch)}) | {pages / b:.1f} "
        f"| {per_core['batch']:.1f} | {lines_written:,} lines |",
        f"| `clean_warc` on `local[2]` -> Parquet | 2 | {s:.1f} ({', '.join(f'{x:.1f}' for x in sparks)}) "
        f"| {pages / s:.1f} | {per_core['spark']:.1f} | {rows[0]:,} ({rows[1]}) |",
        "",
        f"Spark per core: {per_core['spark'] / per_core['batch']:.2f}x the batch command's. The batch wall time "
        "includes starting its Python workers; the Spark session (JVM) is started once before the rounds, and its "
        "Python workers are reused from the second round on.",
        "",
        f"Command: `python -m benchmarks.spark_warc {' '.join(sys.argv[1:] if argv is None else argv)}`".rstrip()
        + f" ({dt.date.today().isoformat()})",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "spark-warc.md").write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
