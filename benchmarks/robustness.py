"""Robustness: the real-page sweep, scaling with page size, and adversarial inputs.

    python -m benchmarks.robustness                 # everything, full corpora
    python -m benchmarks.robustness --sweep-every 4 # a sample of the sweep (what CI runs)

Three parts, written to ``benchmarks/results/robustness.md`` (and per-page results to
``benchmarks/results/robustness-pages.jsonl``):

* **sweep**: the default pipeline on every page of the shared corpora, in HTML mode and
  in text mode on each page's visible text: errors, empty bodies, time per page.
* **scaling**: one page concatenated 1, 4, 16 and 64 times (text and HTML): median time
  and peak memory (tracemalloc), and ``time(64x) / (64 * time(1x))``, which stays near 1
  when the pipeline is linear.
* **giant pages**: 1,000 to 100,000 paragraphs in one ``<article>`` (100,000: 8 MB) with
  the default limits: seconds (wall and CPU), time per paragraph (flat when the path is
  linear), the path taken and the outcome.
* **adversarial**: deep nesting, huge lines, binary data, regex bait: size, seconds, peak
  MB and outcome (a typed error, a warning, or a normal result).

``--giant-only`` runs the giant-page part alone (written to ``robustness-giant.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from benchmarks.corpora import CORPORA, Page, Source, shared_dir
from newsclean import Limits, NewscleanError, clean
from newsclean.sources.detect import decode

RESULTS = Path(__file__).resolve().parent / "results"
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "br",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "table",
        "dd",
        "dt",
        "figcaption",
    ]
)
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head")


# -- the visible text of a page (text mode input) -------------------------------------------
def visible_text(html: str) -> str:
    """The text a browser shows, one line per block element (what a scraper that already
    stripped the markup would hand over): scripts, styles and the head left out."""
    try:
        try:
            tree = lxml.html.fromstring(html)
        except ValueError:  # a str with an XML encoding declaration
            tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return ""
    for el in list(tree.iter(*_INVISIBLE_TAGS)):
        el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


# -- sweep ------------------------------------------------------------------------------------
def corpus_pages(every: int = 1, source: Source | None = None) -> Iterator[tuple[str, Page]]:
    """(corpus, page) for every ``every``-th page of each corpus, in a fixed order
    (``source``: see :mod:`benchmarks.corpora`)."""
    for name, loader in CORPORA.items():
        for n, page in enumerate(loader(source=source)):
            if n % every == 0:
                yield name, page


def is_article(corpus: str, page: Page) -> bool:
    """Whether the corpus says the page has article text."""
    truth = page.truth
    if corpus == "scrapinghub":
        return bool((truth.get("articleBody") or "").strip())
    if corpus.startswith("wcxb"):  # the other page types need not hold an article
        return truth.get("page_type") == "article" and bool((truth.get("main_content") or "").strip())
    return bool(truth.get("with"))


def sweep_page(corpus: str, page: Page) -> dict[str, Any]:
    """Clean one page in HTML mode and its visible text in text mode."""
    record: dict[str, Any] = {"corpus": corpus, "id": page.id, "article": is_article(corpus, page)}
    start = time.perf_counter()
    try:
        article = clean(page.html, url=page.url, kind="html")
        record["html_chars"], record["html_warnings"] = len(article.text), article.warnings
    except NewscleanError as exc:
        record["html_error"] = f"{type(exc).__name__}: {exc}"
    record["html_seconds"] = time.perf_counter() - start
    text = visible_text(decode(page.html))
    start = time.perf_counter()
    try:
        article = clean(text, kind="text")
        record["text_chars"], record["text_warnings"] = len(article.text), article.warnings
    except NewscleanError as exc:
        record["text_error"] = f"{type(exc).__name__}: {exc}"
    record["text_seconds"] = time.perf_counter() - start
    return record


# -- measuring ----------------------------------------------------------------------------------
def measure(fn: Callable[[], Any], repeats: int = 3) -> tuple[float, float, str]:
    """(median seconds of ``repeats`` plain runs, peak MB of one more run under
    tracemalloc, outcome). Timing runs are not traced: tracemalloc slows allocation."""
    times = []
    outcome = ""
    for _ in range(repeats):
        start = time.perf_counter()
        outcome = _run(fn)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    try:
        _run(fn)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return statistics.median(times), peak / 1e6, outcome


def _run(fn: Callable[[], Any]) -> str:
    try:
        return _describe(fn())
    except NewscleanError as exc:
        return type(exc).__name__
    except Exception as exc:  # a bug: reported, not hidden
        return f"UNEXPECTED {type(exc).__name__}: {exc}"


def _describe(article: Any) -> str:
    warnings = ", ".join(sorted(set(article.warnings)))
    return f"{len(article.text):,} chars" + (f"; {warnings}" if warnings else "")


NO_LIMITS = Limits(max_input_bytes=10**9, max_blocks=10**7, time_budget=None)


def scaling_inputs(page: Page) -> tuple[str, str]:
    """(HTML, visible text) of the scaling page."""
    html = decode(page.html)
    return html, visible_text(html)


def concatenate_html(html: str, k: int) -> str:
    """The page with its ``<body>`` content repeated ``k`` times (one document)."""
    low = html.lower()
    start = low.find("<body")
    start = low.find(">", start) + 1 if start >= 0 else 0
    end = low.rfind("</body>")
    end = end if end > start else len(html)
    return html[:end] + html[start:end] * (k - 1) + html[end:]


def scaling(page: Page, factors: tuple[int, ...] = (1, 4, 16, 64)) -> list[dict[str, Any]]:
    html, text = scaling_inputs(page)
    clean(html, kind="html")  # warm-up: lexicons, patterns
    rows = []
    for mode, source in (("text", text), ("html", html)):
        base = four = None
        for k in factors:
            doc = "\n\n".join([source] * k) if mode == "text" else concatenate_html(source, k)
            repeats = {1: 21, 4: 11, 16: 5}.get(k, 3)  # small inputs: more runs against noise
            seconds, peak, outcome = measure(
                lambda doc=doc, mode=mode: clean(doc, kind=mode, limits=NO_LIMITS), repeats
            )
            base = seconds if k == 1 else base
            four = seconds if k == 4 else four
            rows.append(
                {
                    "mode": mode,
                    "factor": k,
                    "bytes": len(doc.encode("utf-8", "surrogatepass")),
                    "seconds": seconds,
                    "peak_mb": peak,
                    "ratio": seconds / (k * base) if base else 1.0,
                    "ratio_4x": seconds / (k / 4 * four) if four else None,
                    "outcome": outcome,
                }
            )
    return rows


# -- giant pages ----------------------------------------------------------------------------------
GIANT_SIZES = (1_000, 3_000, 10_000, 30_000, 100_000)


def giant_page(paragraphs: int) -> str:
    """``paragraphs`` paragraphs of about 80 bytes in one ``<article>`` (100,000: 8 MB)."""
    return f"<html><head><title>T</title></head><body><article><h1>T</h1>{_paras(paragraphs)}</article></body></html>"


def giant_pages(sizes: tuple[int, ...] = GIANT_SIZES) -> list[dict[str, Any]]:
    """Clean each giant page with the default limits: the best of 3 runs (1 for the largest)."""
    clean("<html><body><p>warm-up</p></body></html>")
    rows = []
    for n in sizes:
        html = giant_page(n)
        best: tuple[float, float] | None = None
        article = None
        for _ in range(1 if n >= 100_000 else 3):
            wall, cpu = time.perf_counter(), time.process_time()
            article = clean(html)
            took = (time.perf_counter() - wall, time.process_time() - cpu)
            best = took if best is None or took[1] < best[1] else best
        assert article is not None and best is not None
        rows.append(
            {
                "paragraphs": n,
                "bytes": len(html),
                "seconds": best[0],
                "cpu_seconds": best[1],
                "us_per_paragraph": best[1] / n * 1e6,
                "path": "giant" if "giant-page" in article.warnings else "trafilatura",
                "kept": len(article.paragraphs),
                "outcome": _describe(article),
            }
        )
    return rows


def giant_section(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "### Giant pages: n paragraphs in one `<article>`, default limits",
        "",
        "Best of 3 runs (1 at 100,000) by CPU time; wall time is that run's (other jobs share the machine, "
        f"load average {os.getloadavg()[0]:.1f}). CPU µs per paragraph stays flat (or falls, as the fixed cost "
        "per page is shared out) when the path is linear. Path: `giant` when the page has more than 25,000 elements "
        "(newsclean.sources.giant), else trafilatura's.",
        "",
        "| paragraphs | MB | wall s | CPU s | CPU µs/paragraph | path | paragraphs kept | outcome |",
        "|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['paragraphs']:,} | {r['bytes'] / 1e6:.2f} | {r['seconds']:.2f} | {r['cpu_seconds']:.2f} "
            f"| {r['us_per_paragraph']:.0f} | {r['path']} | {r['kept']:,} | {r['outcome']} |"
        )
    return lines


# -- adversarial ----------------------------------------------------------------------------------
def _paras(n: int) -> str:
    return "".join(f"<p>Paragraph {i} of the story says something about the council vote today.</p>" for i in range(n))


def adversarial_cases() -> list[tuple[str, Callable[[], Any], int]]:
    """(name, call, input size in bytes)."""
    from benchmarks.adversarial import ADVERSARIAL

    page = f"<html><head><title>T</title></head><body><article>{_paras(20)}</article></body></html>"
    deep = "<html><body>" + "<div>" * 100_000 + _paras(20) + "</div>" * 100_000 + "</body></html>"
    unclosed = "<html><body>" + "<div><span><b>" * 30_000 + _paras(20)
    big_html = "<html><body><article>" + _paras(30_000) + "</article></body></html>"
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 4000
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4000
    zipped = gzip.compress(page.encode() * 100)
    one_line = ADVERSARIAL["words"](1_000_000)
    cases: list[tuple[str, Callable[[], Any], int]] = [
        ("100,000 nested divs", lambda: clean(deep), len(deep)),
        ("30,000 unclosed div/span/b", lambda: clean(unclosed), len(unclosed)),
        ("1 MB single line (text)", lambda: clean(one_line, kind="text"), len(one_line)),
        ("1 MB single line of 'By ' (text)", lambda: clean(ADVERSARIAL["by by by"](1_000_000)), 1_000_000),
        ("1 MB of spaces in one line (text)", lambda: clean(ADVERSARIAL["spaces"](1_000_000)), 1_000_000),
        ("1 MB of bullets (text)", lambda: clean(ADVERSARIAL["bullets"](1_000_000)), 1_000_000),
        ("'# a' + 1 MB spaces + 'x' (text)", lambda: clean(ADVERSARIAL["heading of spaces"](1_000_000)), 1_000_000),
        ("1 MB '[(' brackets (text)", lambda: clean(ADVERSARIAL["brackets"](1_000_000)), 1_000_000),
        ("1 MB of '<div ' (auto)", lambda: clean(ADVERSARIAL["tags"](1_000_000)), 1_000_000),
        (
            "huge attribute (1 MB) in a page",
            lambda: clean(page.replace("<article>", f'<article class="{"a" * 10**6}">')),
            10**6,
        ),
        ("30,000 paragraphs in one article (HTML)", lambda: clean(big_html), len(big_html)),
        ("50 MB page, default limits", lambda: clean(b" " * 50_000_000), 50_000_000),
        ("PDF labelled html", lambda: clean(pdf, kind="html"), len(pdf)),
        ("PNG labelled html", lambda: clean(png, kind="html"), len(png)),
        ("gzip-compressed page", lambda: clean(zipped), len(zipped)),
        ("empty bytes", lambda: clean(b""), 0),
        ("page with no article (404)", lambda: clean("<html><head><title>404</title></head><body></body></html>"), 60),
        (
            "page with 100,000 list items (text)",
            lambda: clean("\n".join(f"- item {i}" for i in range(100_000))),
            900_000,
        ),
    ]
    return cases


def adversarial() -> list[dict[str, Any]]:
    clean("<html><body><p>warm-up</p></body></html>")  # first-call set-up is not the case's cost
    rows = []
    for name, fn, size in adversarial_cases():
        seconds, peak, outcome = measure(fn, repeats=1 if size > 2_000_000 else 3)
        rows.append({"case": name, "bytes": size, "seconds": seconds, "peak_mb": peak, "outcome": outcome})
    return rows


# -- report -----------------------------------------------------------------------------------------
def _scaling_page() -> Page:
    """A mid-sized article page of the scrapinghub corpus (the first with 4-8 kB of body)."""
    for page in CORPORA["scrapinghub"]():
        body = page.truth.get("articleBody") or ""
        if 4000 <= len(body) <= 8000:
            return page
    raise SystemExit("no scaling page found")


def sweep_section(records: list[dict[str, Any]], command: str, every: int) -> list[str]:
    """The markdown lines of the sweep section."""
    sweep_lines = [
        "## Robustness: real-page sweep",
        "",
        f"Command: `{command}` ({dt.date.today().isoformat()}); every {every}. page of each corpus, "
        "HTML mode and text mode on the page's visible text. The tests (tests/test_corpus_sweep.py) "
        "run the committed sample (fixtures/corpus-sample, 80 pages) and, where the full corpora "
        "are present, every 8th page of each.",
        "",
    ]
    sweep_lines += [
        "| corpus | pages | errors html/text | empty body on article pages html/text "
        "| median s html/text | max s html/text |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for corpus in CORPORA:
        rs = [r for r in records if r["corpus"] == corpus]
        if not rs:
            continue
        err = [sum(1 for r in rs if f"{m}_error" in r) for m in ("html", "text")]
        empty = [sum(1 for r in rs if r["article"] and r.get(f"{m}_chars") == 0) for m in ("html", "text")]
        med = [statistics.median(r[f"{m}_seconds"] for r in rs) for m in ("html", "text")]
        top = [max(r[f"{m}_seconds"] for r in rs) for m in ("html", "text")]
        sweep_lines.append(
            f"| {corpus} | {len(rs)} | {err[0]}/{err[1]} | {empty[0]}/{empty[1]} | {med[0]:.3f}/{med[1]:.3f} "
            f"| {top[0]:.2f}/{top[1]:.2f} |"
        )
    empties = [f"{r['corpus']}/{r['id']}" for r in records if r["article"] and r.get("html_chars") == 0]
    if empties:
        sweep_lines += ["", "Article pages with an empty HTML-mode body: " + ", ".join(empties[:30])]
    return sweep_lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sweep-every", type=int, default=1, help="sweep every N-th page (default: all)")
    parser.add_argument("--no-sweep", action="store_true")
    parser.add_argument("--giant-only", action="store_true", help="only the giant pages (robustness-giant.md)")
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    giant_rows = giant_pages()
    giant_lines = giant_section(giant_rows)
    if args.giant_only:
        command = f"python -m benchmarks.robustness --giant-only ({dt.date.today().isoformat()})"
        (RESULTS / "robustness-giant.md").write_text("\n".join([*giant_lines, "", f"Command: `{command}`"]) + "\n")
        print("\n".join(giant_lines))
        return
    command = (
        "python -m benchmarks.robustness"
        + (" --no-sweep" if args.no_sweep else "")
        + (f" --sweep-every {args.sweep_every}" if args.sweep_every > 1 else "")
    )
    lines = ["## Robustness", "", f"Command: `{command}` ({dt.date.today().isoformat()})", ""]

    page = _scaling_page()
    rows = scaling(page)
    lines += [
        f"### Scaling: page `{page.id}` concatenated k times",
        "",
        "Time: median of 21, 11, 5 and 3 runs at k = 1, 4, 16, 64; peak memory: one more run under "
        "tracemalloc (Python allocations; libxml2's own memory is not counted). "
        "ratio = time(kx) / (k * time(1x)): 1.0 is linear. Text mode cleans the page's visible text "
        "k times over; HTML mode repeats the `<body>` content k times in one document (trafilatura "
        "then extracts the article once, so the output stays the same while the input grows). "
        "ratio vs 4x = time(kx) / (k/4 * time(4x)): in text mode the `main_region` filter cuts the page "
        "chrome around one copy but keeps more of a longer dump, so 1x does less work per byte than the rest.",
        "",
        "| mode | k | input MB | seconds | peak MB | ratio | ratio vs 4x | outcome |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['mode']} | {r['factor']} | {r['bytes'] / 1e6:.2f} | {r['seconds']:.3f} | {r['peak_mb']:.1f} "
            f"| {r['ratio']:.2f} | {'' if r['ratio_4x'] is None else format(r['ratio_4x'], '.2f')} | {r['outcome']} |"
        )
    lines += ["", *giant_lines]
    lines += ["", "### Adversarial inputs (default limits unless stated)", ""]
    lines += ["| input | size | seconds | peak MB | outcome |", "|---|---:|---:|---:|---|"]
    adversarial_rows = adversarial()
    for r in adversarial_rows:
        lines.append(f"| {r['case']} | {r['bytes']:,} | {r['seconds']:.3f} | {r['peak_mb']:.1f} | {r['outcome']} |")

    if not args.no_sweep:
        records = [sweep_page(c, p) for c, p in corpus_pages(args.sweep_every)]
        sweep_lines = sweep_section(records, command, args.sweep_every)
        (RESULTS / "robustness-sweep.md").write_text("\n".join(sweep_lines) + "\n", "utf-8")
        with (RESULTS / "robustness-sweep-pages.jsonl").open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    (RESULTS / "robustness.md").write_text("\n".join(lines) + "\n", "utf-8")
    (RESULTS / "robustness-giant.md").unlink(missing_ok=True)  # the giant pages are in robustness.md now
    with (RESULTS / "robustness-pages.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps({"part": "scaling", **r}) + "\n")
        for r in adversarial_rows:
            out.write(json.dumps({"part": "adversarial", **r}) + "\n")
        for r in giant_rows:
            out.write(json.dumps({"part": "giant", **r}) + "\n")
    print(f"wrote {RESULTS / 'robustness.md'} (shared data: {shared_dir()})")


if __name__ == "__main__":
    main()
