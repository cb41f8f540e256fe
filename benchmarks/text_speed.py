"""Text mode against HTML mode, and where text mode spends its time, filter by filter.

    python -m benchmarks.text_speed                 # the scrapinghub corpus, 3 rounds
    python -m benchmarks.text_speed --limit 40 --rounds 1

Each scrapinghub page is dumped to its visible text with inscriptis (as in the text-mode
section of ``benchmarks.quality``); then, page by page and in turn, ``clean(html)`` and
``clean(dump, kind="text")`` are timed (CPU time of this process, the best of
``--rounds``), and the median of each is compared. The per-filter table times the text
source, each filter of the default pipeline (every pass) and the article assembly on
the same dumps. Writes ``benchmarks/results/text-speed.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.corpora import scrapinghub
from newsclean import Pipeline, clean
from newsclean.api import to_article
from newsclean.pipeline import MAX_PASSES
from newsclean.sources.text import text_document

RESULTS = Path(__file__).resolve().parent / "results"


def per_filter(dumps: list[str], rounds: int) -> dict[str, float]:
    """CPU seconds per page of the text source, each filter and the article, best of ``rounds``."""
    pipeline = Pipeline.default()
    steps = list(zip(pipeline.names, pipeline, strict=True))
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent: Counter[str] = Counter()
        for dump in dumps:
            start = time.process_time()
            doc = text_document(dump)
            spent["(text source)"] += time.process_time() - start
            for _ in range(MAX_PASSES):  # as Pipeline.run: another pass after a pass that cut
                cuts = doc.cuts
                for name, f in steps:
                    start = time.process_time()
                    result = f(doc)
                    spent[name] += time.process_time() - start
                    doc = result if result is not None else doc
                if doc.cuts == cuts:
                    break
            start = time.process_time()
            to_article(doc)
            spent["(article)"] += time.process_time() - start
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds / len(dumps))
    return best


def main(argv: list[str] | None = None) -> None:
    import inscriptis

    parser = argparse.ArgumentParser(prog="python -m benchmarks.text_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each page's best time is kept")
    args = parser.parse_args(argv)
    pages = list(scrapinghub(limit=args.limit))
    dumps = [inscriptis.get_text(p.html.decode("utf-8", errors="replace")) for p in pages]
    for page, dump in zip(pages[:3], dumps[:3], strict=True):  # warm-up: lexicons, patterns
        clean(page.html, url=page.url)
        clean(dump, kind="text")
    load = os.getloadavg()[0]
    html_ms = [float("inf")] * len(pages)
    text_ms = [float("inf")] * len(pages)
    for _ in range(args.rounds):
        for n, (page, dump) in enumerate(zip(pages, dumps, strict=True)):
            start = time.process_time()
            clean(page.html, url=page.url)
            middle = time.process_time()
            clean(dump, kind="text")
            end = time.process_time()
            html_ms[n] = min(html_ms[n], (middle - start) * 1000)
            text_ms[n] = min(text_ms[n], (end - middle) * 1000)
    steps = per_filter(dumps, args.rounds)
    html, text = statistics.median(html_ms), statistics.median(text_ms)
    total = sum(steps.values())
    lines = [
        "## Text mode speed",
        "",
        f"scrapinghub, {len(pages)} pages: CPU time per page, the best of {args.rounds} rounds (load average "
        f"{load:.1f} on 2 cores). Text mode cleans each page's inscriptis dump.",
        "",
        "| mode | median ms/page | mean ms/page |",
        "|---|---:|---:|",
        f"| HTML | {html:.2f} | {statistics.fmean(html_ms):.2f} |",
        f"| text | {text:.2f} | {statistics.fmean(text_ms):.2f} |",
        "",
        f"Text mode is {html / text:.1f}x as fast as HTML mode (medians; means: "
        f"{statistics.fmean(html_ms) / statistics.fmean(text_ms):.1f}x).",
        "",
        "Where text mode spends its time (mean ms per page, every pass of the pipeline):",
        "",
        "| step | ms/page | share |",
        "|---|---:|---:|",
    ]
    for name, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {seconds * 1000:.3f} | {seconds / total:.1%} |")
    lines += [
        "",
        f"Command: `{' '.join(['python -m benchmarks.text_speed', *(sys.argv[1:] if argv is None else argv)])}`"
        f" ({dt.date.today().isoformat()})",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "text-speed.md").write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
