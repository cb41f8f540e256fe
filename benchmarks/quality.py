"""Body-text quality of newsclean and its peers on the three shared corpora, same run.

    python -m benchmarks.quality                         # everything (about 10 minutes on 2 cores)
    python -m benchmarks.quality --corpus scrapinghub --limit 40 --peers newsclean trafilatura
    python -m benchmarks.quality --out /tmp/q            # iterate without touching the committed results

Writes to ``benchmarks/results/`` (or ``--out``): ``quality.md`` (the table and the pages
where newsclean is worst), ``speed.md`` (median ms/page and ratios against trafilatura's
default extraction), ``quality-pages.jsonl`` (one record per page and peer), and, unless
``--no-text-mode``, ``text-mode.md`` and ``text-mode-pages.jsonl`` (scrapinghub pages dumped
to visible text with inscriptis, then scored as they are, through a C4-style line filter, and
through ``newsclean.clean(dump, kind="text")``). The extracted texts of newsclean and
trafilatura go to ``quality-texts.jsonl.tmp`` (not committed) for page-by-page diffs.
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
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks import corpora, metrics, peers

RESULTS = Path(__file__).resolve().parent / "results"
CORPUS_ORDER = ("scrapinghub", "wcxb", "boilerplate")
#: corpora run only when named with --corpus: pages shaped unlike news (forums, products,
#: documentation, listings), scored like wcxb: does the cleaning eat their content?
EXTRA_CORPORA = ("wcxb-other",)
_WORD_SCORED = ("wcxb", "wcxb-other")
TEXT_KEPT = ("newsclean", "trafilatura")  # whose texts go to the .tmp file for diffs
_WARM = (
    b"<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>"
    + b"<p>This paragraph only loads the extractors' modules before anything is timed. </p>" * 6
    + b"</article></body></html>"
)


# -- scoring ---------------------------------------------------------------------------------


def reference(corpus: str, truth: dict[str, Any]) -> str:
    if corpus == "scrapinghub":
        return truth.get("articleBody") or ""
    if corpus in _WORD_SCORED:
        return truth.get("main_content") or ""
    return ""


def score_page(corpus: str, truth: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The page's metric record; ``score`` is the per-page figure used for ranking."""
    if corpus == "scrapinghub":
        s = metrics.shingle_scores(reference(corpus, truth), text or "")
        return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "exact": s.exact, "score": round(s.f1, 4)}
    if corpus in _WORD_SCORED:
        w = metrics.word_scores(reference(corpus, truth), text or "")
        c = metrics.snippet_counts(text or "", truth.get("with") or [], truth.get("without") or [])
        return {
            "p": round(w.precision, 4),
            "r": round(w.recall, 4),
            "score": round(w.f1, 4),
            "snippets": [
                c.with_total,
                c.with_found,
                c.with_found_ws,
                c.without_total,
                c.without_found,
                c.without_found_ws,
            ],
        }
    seg = metrics.segment_counts(text, truth.get("with") or [], truth.get("without") or [])
    return {"tp": seg.tp, "fn": seg.fn, "fp": seg.fp, "tn": seg.tn, "score": round(seg.f1, 4)}


def summarize(corpus: str, records: list[dict[str, Any]]) -> dict[str, float]:
    if corpus == "scrapinghub":
        return metrics.shingle_summary([metrics.ShingleScore(r["tp"], r["fp"], r["fn"], r["exact"]) for r in records])
    if corpus in _WORD_SCORED:
        out = metrics.word_summary([metrics.WordScore(r["p"], r["r"], r["score"]) for r in records])
        out.update(metrics.snippet_summary([metrics.SnippetCounts(*r["snippets"]) for r in records]))
        return out
    return metrics.segment_summary([metrics.SegmentCounts(r["tp"], r["fn"], r["fp"], r["tn"]) for r in records])


# -- running -----------------------------------------------------------------------------------


def _init_worker() -> None:
    peers.quiet()
    for peer in peers.PEERS.values():  # imports and first-call set-up are not timed
        peers.run_peer(peer, _WARM, None)


def _page_job(job: tuple[str, corpora.Page, tuple[str, ...]]) -> list[dict[str, Any]]:
    corpus, page, names = job
    out = []
    for name in names:
        result = peers.run_peer(peers.PEERS[name], page.html, page.url)
        record = {"corpus": corpus, "id": page.id, "half": page.half, "peer": name, "ms": round(result["ms"], 2)}
        if result["error"]:
            record["error"] = result["error"]
        record["chars"] = len(result["text"] or "")
        record.update(score_page(corpus, page.truth, result["text"]))
        if name in TEXT_KEPT:
            record["_text"] = result["text"]
        out.append(record)
    return out


def _jobs(names: tuple[str, ...], corpus_names: Iterable[str], limit: int | None) -> Iterator[Any]:
    for corpus in corpus_names:
        for page in corpora.CORPORA[corpus](limit):
            yield (corpus, page, names)


def run(names: tuple[str, ...], corpus_names: list[str], limit: int | None, workers: int) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    if workers <= 1:
        _init_worker()
        for job in _jobs(names, corpus_names, limit):
            records.extend(_page_job(job))
        return records
    with ProcessPoolExecutor(workers, initializer=_init_worker) as pool:
        for page_records in pool.map(_page_job, _jobs(names, corpus_names, limit), chunksize=2):
            records.extend(page_records)
    return records


# -- text mode ---------------------------------------------------------------------------------


def c4_lines(text: str) -> str:
    """The C4 line rule: keep lines of 3+ words that end in terminal punctuation."""
    keep = []
    for line in text.splitlines():
        s = line.strip()
        if len(s.split()) >= 3 and s.rstrip("\"'”’»)").endswith((".", "!", "?", "…")):
            keep.append(s)
    return "\n".join(keep)


def _text_job(page: corpora.Page) -> dict[str, Any]:
    import inscriptis

    import newsclean

    html = page.html.decode("utf-8", errors="replace")
    start = time.perf_counter()
    dump = inscriptis.get_text(html)
    dump_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    try:
        cleaned: str | None = newsclean.clean(dump, kind="text").text
    except Exception:  # scored as empty
        cleaned = None
    text_ms = (time.perf_counter() - start) * 1000
    truth = page.truth.get("articleBody") or ""
    rec: dict[str, Any] = {"id": page.id, "dump_ms": round(dump_ms, 2), "text_ms": round(text_ms, 3)}
    for key, text in (("dump", dump), ("c4", c4_lines(dump)), ("newsclean", cleaned)):
        s = metrics.shingle_scores(truth, text or "")
        rec[key] = {"tp": s.tp, "fp": s.fp, "fn": s.fn, "exact": s.exact, "score": round(s.f1, 4)}
    return rec


def run_text_mode(limit: int | None, workers: int) -> list[dict[str, Any]]:
    pages = list(corpora.scrapinghub(limit))
    if workers <= 1:
        _init_worker()
        return [_text_job(p) for p in pages]
    with ProcessPoolExecutor(workers, initializer=_init_worker) as pool:
        return list(pool.map(_text_job, pages, chunksize=4))


# -- reporting ---------------------------------------------------------------------------------


def _median_ms(records: list[dict[str, Any]]) -> float:
    return statistics.median(r["ms"] for r in records) if records else float("nan")


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def quality_section(records: list[dict[str, Any]], names: tuple[str, ...], command: str, when: str) -> str:
    lines = ["## Body text quality", "", f"`{command}` ({when})", ""]
    by = _group(records)
    corpus_names = [c for c in CORPUS_ORDER + EXTRA_CORPORA if any(k[0] == c for k in by)]
    for corpus in corpus_names:
        n_pages = len(by.get((corpus, names[0]), []))
        base = _median_ms(by.get((corpus, peers.BASELINE), []))
        if corpus == "scrapinghub":
            lines += [f"### scrapinghub ({n_pages} pages): shingle F1", ""]
            lines += ["| system | F1 | precision | recall | accuracy | median ms/page | × trafilatura |"]
            lines += ["|---|---:|---:|---:|---:|---:|---:|"]
        elif corpus in _WORD_SCORED:
            title = "wcxb-dev-articles" if corpus == "wcxb" else "wcxb-dev-other"
            lines += [f"### {title} ({n_pages} pages): word F1 (macro), snippets", ""]
            lines += [
                "| system | F1 | precision | recall | with (official / ws) | without kept "
                "(official / ws) | median ms/page | × trafilatura |"
            ]
            lines += ["|---|---:|---:|---:|---:|---:|---:|---:|"]
        else:
            lines += [f"### boilerplate-dev ({n_pages} pages): segment F (summed counts)", ""]
            lines += ["| system | F1 | precision | recall | accuracy | median ms/page | × trafilatura |"]
            lines += ["|---|---:|---:|---:|---:|---:|---:|"]
        for name in names:
            recs = by.get((corpus, name), [])
            if not recs:
                continue
            s = summarize(corpus, recs)
            ms = _median_ms(recs)
            ratio = f"{ms / base:.2f}" if base == base and base > 0 else "–"
            label = f"**{name}**" if name == "newsclean" else name
            if corpus in _WORD_SCORED:
                lines.append(
                    f"| {label} | {_fmt(s['f1'])} | {_fmt(s['precision'])} | {_fmt(s['recall'])} "
                    f"| {s['with']:.3f} / {s['with_ws']:.3f} | {s['without']:.3f} / {s['without_ws']:.3f} "
                    f"({s['without_kept']} / {s['without_kept_ws']}) | {ms:.1f} | {ratio} |"
                )
            else:
                lines.append(
                    f"| {label} | {_fmt(s['f1'])} | {_fmt(s['precision'])} | {_fmt(s['recall'])} "
                    f"| {_fmt(s['accuracy'])} | {ms:.1f} | {ratio} |"
                )
        errors = sum(1 for name in names for r in by.get((corpus, name), []) if r.get("error"))
        if errors:
            lines += ["", f"Crashes (scored as empty extractions): {_crashes(by, corpus, names)}."]
        lines.append("")
        lines += halves_table(by, corpus, names)
    if "newsclean" in names and len(names) > 1:
        lines += worst_pages(by, corpus_names, names)
    return "\n".join(lines).rstrip() + "\n"


def halves_table(by: dict[tuple[str, str], list[dict[str, Any]]], corpus: str, names: tuple[str, ...]) -> list[str]:
    """The corpus's F1 on its tune and its check half (sites split by :func:`corpora.half`)."""
    if not any("half" in r for name in names for r in by.get((corpus, name), [])):
        return []
    lines = ["| system | tune F1 (pages) | check F1 (pages) | check − tune |", "|---|---:|---:|---:|"]
    for name in names:
        recs = by.get((corpus, name), [])
        if not recs:
            continue
        part = {h: [r for r in recs if r.get("half") == h] for h in corpora.HALVES}
        f1 = {h: summarize(corpus, part[h])["f1"] for h in corpora.HALVES if part[h]}
        cells = [f"{_fmt(f1[h])} ({len(part[h])})" if h in f1 else "–" for h in corpora.HALVES]
        gap = f"{f1['check'] - f1['tune']:+.3f}" if len(f1) == 2 else "–"
        label = f"**{name}**" if name == "newsclean" else name
        lines.append(f"| {label} | {' | '.join(cells)} | {gap} |")
    return [*lines, ""]


def _crashes(by: dict[tuple[str, str], list[dict[str, Any]]], corpus: str, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        n = sum(1 for r in by.get((corpus, name), []) if r.get("error"))
        if n:
            parts.append(f"{name} {n}")
    return ", ".join(parts)


def worst_pages(
    by: dict[tuple[str, str], list[dict[str, Any]]], corpus_names: list[str], names: tuple[str, ...], top: int = 8
) -> list[str]:
    lines = ["### Pages where newsclean is worst", ""]
    lines += [
        "Per page: newsclean's score (shingle F1 / word F1 / segment F1) against the best peer's; "
        "the pages with the largest gap. `strictly worst` counts pages where every peer beats newsclean.",
        "",
    ]
    for corpus in corpus_names:
        ours = {r["id"]: r for r in by.get((corpus, "newsclean"), [])}
        others = {name: {r["id"]: r for r in by.get((corpus, name), [])} for name in names if name != "newsclean"}
        gaps = []
        strictly = 0
        for pid, rec in ours.items():
            best_name, best = max(
                ((n, o[pid]["score"]) for n, o in others.items() if pid in o), key=lambda t: t[1], default=("", 0.0)
            )
            if others and all(pid in o and o[pid]["score"] > rec["score"] for o in others.values()):
                strictly += 1
            gaps.append((best - rec["score"], pid, rec["score"], best_name, best))
        gaps.sort(key=lambda t: (-t[0], t[1]))
        lines.append(f"**{corpus}**: newsclean strictly worst on {strictly} of {len(ours)} pages; largest gaps:")
        lines.append("")
        for gap, pid, score, best_name, best in gaps[:top]:
            if gap <= 0:
                break
            lines.append(f"- `{pid}`: newsclean {score:.3f}, {best_name} {best:.3f}")
        lines.append("")
    return lines


def speed_section(records: list[dict[str, Any]], names: tuple[str, ...], command: str, when: str) -> str:
    by = _group(records)
    corpus_names = [c for c in CORPUS_ORDER + EXTRA_CORPORA if any(k[0] == c for k in by)]
    lines = ["## Speed (HTML input)", "", f"`{command}` ({when})", ""]
    lines += ["Median ms per page (decoding included), and the ratio to trafilatura's default extraction.", ""]
    lines += ["| system | " + " | ".join(corpus_names) + " | all pages |", "|---|" + "---:|" * (len(corpus_names) + 1)]
    base_all = _median_ms([r for r in records if r["peer"] == peers.BASELINE])
    for name in names:
        cells = []
        for corpus in corpus_names:
            base = _median_ms(by.get((corpus, peers.BASELINE), []))
            ms = _median_ms(by.get((corpus, name), []))
            cells.append(f"{ms:.1f} ms ({ms / base:.2f}×)" if base > 0 else f"{ms:.1f} ms")
        ms_all = _median_ms([r for r in records if r["peer"] == name])
        cells.append(f"{ms_all:.1f} ms ({ms_all / base_all:.2f}×)" if base_all > 0 else f"{ms_all:.1f} ms")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def text_mode_section(
    text_records: list[dict[str, Any]], html_records: list[dict[str, Any]], command: str, when: str
) -> str:
    lines = ["## Text mode (scrapinghub pages as a naive scraper dumps them)", "", f"`{command}` ({when})", ""]
    lines += [
        "Each page's visible text is dumped with inscriptis (as a naive scraper would), then scored "
        "against the same ground truth with the shingle metric: (a) the dump unchanged, (b) a C4-style "
        "line filter (keep lines of 3+ words ending in terminal punctuation), (c) "
        '`newsclean.clean(dump, kind="text")`.',
        "",
        "| input | F1 | precision | recall | accuracy |",
        "|---|---:|---:|---:|---:|",
    ]
    labels = (("dump", "dump unchanged"), ("c4", "C4-style line filter"), ("newsclean", "**newsclean** text mode"))
    for key, label in labels:
        s = metrics.shingle_summary(
            [metrics.ShingleScore(r[key]["tp"], r[key]["fp"], r[key]["fn"], r[key]["exact"]) for r in text_records]
        )
        cells = " | ".join(_fmt(s[k]) for k in ("f1", "precision", "recall", "accuracy"))
        lines.append(f"| {label} | {cells} |")
    text_ms = statistics.median(r["text_ms"] for r in text_records) if text_records else float("nan")
    dump_ms = statistics.median(r["dump_ms"] for r in text_records) if text_records else float("nan")
    html_ms = _median_ms([r for r in html_records if r["corpus"] == "scrapinghub" and r["peer"] == "newsclean"])
    lines.append("")
    if html_ms == html_ms and text_ms > 0:
        lines.append(
            f"Speed on the same pages: newsclean text mode {text_ms:.2f} ms/page median, HTML mode "
            f"{html_ms:.1f} ms/page (text mode {html_ms / text_ms:.1f}× as fast); the inscriptis dump "
            f"itself {dump_ms:.1f} ms/page (not counted)."
        )
    else:
        lines.append(f"newsclean text mode {text_ms:.2f} ms/page median (HTML mode not measured in this run).")
    return "\n".join(lines) + "\n"


def _group(records: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    by: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in records:
        by.setdefault((r["corpus"], r["peer"]), []).append(r)
    return by


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus",
        action="append",
        choices=CORPUS_ORDER + EXTRA_CORPORA,
        help="corpus to run (repeatable; default the three article corpora)",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    ap.add_argument("--peers", nargs="+", choices=list(peers.PEERS), default=list(peers.PEERS))
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--no-text-mode", action="store_true", help="skip the text-mode section")
    ap.add_argument("--out", type=Path, default=RESULTS, help="output directory (default benchmarks/results)")
    args = ap.parse_args(argv)
    names = tuple(dict.fromkeys(args.peers))
    corpus_names = args.corpus or list(CORPUS_ORDER)
    command = "python -m benchmarks.quality" + (" " + shlex.join(argv if argv is not None else sys.argv[1:])).rstrip()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    args.out.mkdir(parents=True, exist_ok=True)

    records = run(names, corpus_names, args.limit, args.workers)
    with (args.out / "quality-texts.jsonl.tmp").open("w", encoding="utf-8") as f:
        for r in records:
            if "_text" in r:
                f.write(json.dumps({k: r[k] for k in ("corpus", "id", "peer", "_text")}, ensure_ascii=False) + "\n")
    records = [{k: v for k, v in r.items() if k != "_text"} for r in records]
    write_jsonl(args.out / "quality-pages.jsonl", records)
    quality = quality_section(records, names, command, when)
    (args.out / "quality.md").write_text(quality, "utf-8")
    if peers.BASELINE in names:
        (args.out / "speed.md").write_text(speed_section(records, names, command, when), "utf-8")
    print(quality)
    if not args.no_text_mode and "scrapinghub" in corpus_names:
        text_records = run_text_mode(args.limit, args.workers)
        write_jsonl(args.out / "text-mode-pages.jsonl", text_records)
        section = text_mode_section(text_records, records, command, when)
        (args.out / "text-mode.md").write_text(section, "utf-8")
        print(section)


if __name__ == "__main__":
    main()
