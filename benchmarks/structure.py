"""Structure fidelity of Markdown output on wcxb-dev-articles, newsclean and its peers in one run.

    python -m benchmarks.structure                      # all pages, every system (a few minutes on 2 cores)
    python -m benchmarks.structure --limit 60 --out /tmp/s
    python -m benchmarks.structure --cache DIR          # keep the peers' Markdown in DIR and reuse it

The reference is each page's human-written Markdown (``main_content_markdown``). Every
system's Markdown and the reference are read into typed blocks the same way
(:mod:`benchmarks.mdstructure`: CommonMark plus GFM pipe tables, parsed with
markdown-it-py). Per page:

- **heading F1**, **list item F1**, **table cell F1**: F1 of the multisets of heading
  texts, list-item texts (an item's own text, not that of lists nested in it) and
  table-cell texts, each text compared as its sequence of lower-cased ``\\w+`` words;
- **link F1**: F1 of the sets of link URLs, made absolute against the page URL and
  normalised (http(s) only, lower-cased scheme and host, no fragment, default port or
  trailing slash, percent-escapes decoded);
- **quote recall**: the share of the words inside the reference's block quotes (a
  multiset) found inside the system's block quotes;
- **word F1**: F1 of the multisets of words of the whole text (inline text and code;
  link targets and raw HTML are not text).

Each figure is the mean over the pages whose reference has that element (pages with a
heading for heading F1, and so on); a page a system fails on scores 0. Figures are given
for all pages and for the tune and check halves (sites split by :func:`corpora.half`).

Systems: newsclean's ``Article.to_markdown()``; newsclean's ``Article.text`` read as
Markdown (its words are the body-text baseline the Markdown must keep); trafilatura's
Markdown (links and tables on, comments off); readability-lxml's article HTML converted by
markdownify. The time of the structure steps inside ``clean()`` (wrapped with a timer in
the worker) and of ``to_markdown()`` is reported per page; ``--cache`` reuses the peers'
Markdown and times of an earlier run, so compare times only from a run without it.
Writes ``structure.md`` and ``structure-pages.jsonl`` to ``benchmarks/results/`` (or
``--out``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks import corpora, mdstructure, peers

RESULTS = Path(__file__).resolve().parent / "results"
COLUMNS = (
    ("headings", "heading F1"),
    ("items", "list item F1"),
    ("cells", "table cell F1"),
    ("quotes", "quote recall"),
    ("links", "link F1"),
    ("words", "word F1"),
)
SPLITS = ("all", "tune", "check")


_STEPS = ("restore_kinds", "restore_links", "restore_parts")  # the structure steps of the HTML source
_spent = [0.0]


def _timed(func: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            _spent[0] += time.perf_counter() - start

    return timed


def _time_structure_steps() -> None:
    """Wrap the structure-only steps of ``clean()`` (in this worker process) with a timer:
    the kind and link lookups, the dropped tables and quotes, the blocks of the Article."""
    from newsclean.document import Block
    from newsclean.sources import html

    for name in _STEPS:
        setattr(html, name, _timed(getattr(html, name)))
    Block.to_body = _timed(Block.to_body)  # type: ignore[method-assign]


def newsclean_both(html: bytes, url: str | None) -> tuple[str, str, float, float]:
    """newsclean's Markdown and text, the milliseconds ``to_markdown`` took, and those of the
    structure steps inside ``clean()`` plus ``to_markdown`` (see :func:`_time_structure_steps`)."""
    import newsclean

    _spent[0] = 0.0
    article = newsclean.clean(html, url=url, kind="html")
    start = time.perf_counter()
    markdown = article.to_markdown()
    md_ms = (time.perf_counter() - start) * 1000
    return markdown, article.text, md_ms, _spent[0] * 1000 + md_ms


def trafilatura_markdown(html: bytes, url: str | None) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            html, url=url, output_format="markdown", include_links=True, include_tables=True, include_comments=False
        )
        or ""
    )


def readability_markdownify(html: bytes, url: str | None) -> str:
    from markdownify import markdownify
    from readability import Document

    from newsclean.sources.detect import decode

    summary = Document(decode(html, html_hint=True), url=url).summary(html_partial=True)
    return str(markdownify(summary, heading_style="ATX", bullets="-"))


PEERS: dict[str, Callable[[bytes, str | None], str]] = {
    "trafilatura markdown": trafilatura_markdown,
    "readability + markdownify": readability_markdownify,
}
NEWSCLEAN = ("newsclean markdown", "newsclean .text")
SYSTEMS = (*NEWSCLEAN, *PEERS)
_WARM = (
    b"<html><body><article><h1>Warm up</h1>"
    + b"<p>Loads the modules before timing. </p>" * 6
    + b"</article></body></html>"
)


def _init_worker() -> None:
    peers.quiet()
    _time_structure_steps()
    newsclean_both(_WARM, None)
    for peer in PEERS.values():
        peers.run_peer(peer, _WARM, None)


def _page_job(job: tuple[corpora.Page, tuple[str, ...]]) -> list[dict[str, Any]]:
    page, names = job
    outputs: dict[str, tuple[str | None, float, str | None]] = {}
    structure_ms = None
    if any(n in names for n in NEWSCLEAN):
        start = time.perf_counter()
        try:
            markdown, text, md_ms, structure_ms = newsclean_both(page.html, page.url)
            ms = (time.perf_counter() - start) * 1000 - md_ms
            outputs["newsclean markdown"] = (markdown, md_ms, None)
            outputs["newsclean .text"] = (text, ms, None)
        except Exception as exc:  # a crash is a result: it scores as empty output
            error = f"{type(exc).__name__}: {exc}"[:200]
            outputs["newsclean markdown"] = outputs["newsclean .text"] = (None, 0.0, error)
    for name in names:
        if name in PEERS:
            r = peers.run_peer(PEERS[name], page.html, page.url)
            outputs[name] = (r["text"], r["ms"], r["error"])
    records = [_record(page, name, *outputs[name]) for name in names]
    for r in records:
        if r["system"] == "newsclean markdown" and structure_ms is not None:
            r["structure_ms"] = round(structure_ms, 3)
    return records


def _record(page: corpora.Page, name: str, markdown: str | None, ms: float, error: str | None) -> dict[str, Any]:
    truth = mdstructure.read(page.truth.get("main_content_markdown") or "", page.url)
    scores = mdstructure.score(truth, mdstructure.read(markdown or "", page.url))
    record: dict[str, Any] = {"id": page.id, "half": page.half, "system": name, "ms": round(ms, 3)}
    record.update({k: (None if v is None else round(v, 4)) for k, v in scores.items()})
    if error:
        record["error"] = error
    record["_markdown"] = markdown or ""
    return record


def _pages(limit: int | None) -> Iterator[corpora.Page]:
    for page in corpora.wcxb(limit):
        if page.truth.get("main_content_markdown"):
            yield page


def run(names: tuple[str, ...], limit: int | None, workers: int, cache: Path | None) -> list[dict[str, Any]]:
    """One record per page and system; peers found in ``cache`` are not run again."""
    cached: dict[tuple[str, str], dict[str, Any]] = {}
    if cache is not None and (cache / "structure-peers.jsonl").exists():
        for line in (cache / "structure-peers.jsonl").read_text("utf-8").split("\n"):
            if not line:
                continue
            r = json.loads(line)
            cached[(r["system"], r["id"])] = r
    pages = list(_pages(limit))
    jobs = []
    records: list[dict[str, Any]] = []
    for page in pages:
        fresh = tuple(n for n in names if (n, page.id) not in cached)
        records.extend(
            _record(page, n, cached[(n, page.id)]["_markdown"], cached[(n, page.id)]["ms"], None)
            for n in names
            if n not in fresh
        )
        if fresh:
            jobs.append((page, fresh))
    if workers <= 1:
        _init_worker()
        for job in jobs:
            records.extend(_page_job(job))
    else:
        with ProcessPoolExecutor(workers, initializer=_init_worker) as pool:
            for page_records in pool.map(_page_job, jobs, chunksize=2):
                records.extend(page_records)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        with (cache / "structure-peers.jsonl").open("a", encoding="utf-8") as f:
            for r in records:
                if r["system"] in PEERS and (r["system"], r["id"]) not in cached and "error" not in r:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = {n: i for i, n in enumerate(names)}
    return sorted(records, key=lambda r: (r["id"], order[r["system"]]))


def summarize(records: list[dict[str, Any]]) -> dict[str, tuple[float, int]]:
    """Per column: the mean over the pages that have the element, and their number."""
    out = {}
    for col, _ in COLUMNS:
        values = [r[col] for r in records if r.get(col) is not None]
        out[col] = (sum(values) / len(values) if values else 0.0, len(values))
    return out


def section(records: list[dict[str, Any]], names: tuple[str, ...], command: str, when: str) -> str:
    by: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in records:
        for split in ("all", r["half"]):
            by.setdefault((split, r["system"]), []).append(r)
    lines = [
        "## Structure and Markdown",
        "",
        "wcxb-dev-articles, against each page's human-written Markdown (`main_content_markdown`): "
        "per-page F1 over heading, list-item and table-cell texts (lower-cased word tokens) and link URLs "
        "(normalised absolute), recall of the words in block quotes, word F1 of the whole text; each the "
        "mean over the pages whose reference has the element (metric: `benchmarks/structure.py`). "
        "All systems in the same run.",
    ]
    for split in SPLITS:
        first = by.get((split, names[0]), [])
        counts = summarize(first)
        lines += [
            "",
            f"**{split}** ({len(first)} pages; with the element: "
            + ", ".join(f"{label.split()[0]} {counts[col][1]}" for col, label in COLUMNS)
            + ")",
            "",
        ]
        lines.append("| system | " + " | ".join(label for _, label in COLUMNS) + " |")
        lines.append("|---|" + "---:|" * len(COLUMNS))
        for name in names:
            s = summarize(by.get((split, name), []))
            lines.append(f"| {name} | " + " | ".join(f"{s[col][0]:.3f}" for col, _ in COLUMNS) + " |")
    lines += ["", "Median milliseconds per page (same run, same worker):", ""]
    lines.append("| system | median ms |")
    lines.append("|---|---:|")
    for name in names:
        ms = [r["ms"] for r in by.get(("all", name), []) if r.get("ms") is not None]
        label = {"newsclean markdown": "newsclean `to_markdown()` alone", "newsclean .text": "newsclean `clean()`"}
        lines.append(f"| {label.get(name, name)} | {statistics.median(ms) if ms else 0:.2f} |")
    steps = [r["structure_ms"] for r in records if r.get("structure_ms") is not None]
    if steps:
        lines += [
            "",
            f"Structure steps (kind, link, table and quote recovery inside `clean()`, the Article's blocks, "
            f"and `to_markdown()`): median {statistics.median(steps):.2f} ms per page.",
        ]
    errors = sum(1 for r in records if r.get("error"))
    if errors:
        lines += ["", f"Failures (scored as empty output): {errors}."]
    lines += ["", f"Command: `{command}` ({when})"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.structure", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages")
    ap.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--cache", type=Path, default=None, help="directory keeping the peers' Markdown between runs")
    ap.add_argument("--out", type=Path, default=RESULTS, help="output directory (default benchmarks/results)")
    args = ap.parse_args(argv)
    names = tuple(dict.fromkeys(args.systems))
    command = "python -m benchmarks.structure" + (" " + shlex.join(argv if argv is not None else sys.argv[1:])).rstrip()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    records = run(names, args.limit, args.workers, args.cache)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "structure-markdown.jsonl.tmp").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: r[k] for k in ("id", "system", "_markdown")}, ensure_ascii=False) + "\n")
    with (args.out / "structure-pages.jsonl").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: v for k, v in r.items() if k != "_markdown"}, sort_keys=True) + "\n")
    text = section(records, names, command, when)
    (args.out / "structure.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
