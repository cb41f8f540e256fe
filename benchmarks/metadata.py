"""Metadata benchmark: title, authors and publication date of newsclean and its peers, same run.

    python -m benchmarks.metadata                       # both corpora, every tool
    python -m benchmarks.metadata --corpus wcxb --limit 50 --tools newsclean,htmldate
    python -m benchmarks.metadata --cache /tmp/peers    # keep the peers' answers between runs

Corpora: ``wcxb-dev-articles`` and ``wcxb-dev-other`` (forum, product, documentation and
other pages), whose ground truth gives ``title``, ``author`` and ``publish_date``. Every
figure is given for the corpus's **tune** and **check** halves (sites split by
:func:`benchmarks.corpora.half`): rules are tuned on the tune half, the check half says
whether they hold on sites the tuning never saw.

Every tool is scored on the same fields, by the same rules:

- **title**: exact match after collapsing whitespace, case-folding and unifying quote
  characters, over all pages;
- **authors**: the tool's one author field as it returns it (newsclean: ``authors``; its
  separate ``author_organizations`` is not used, as no peer has such a second field), over
  the pages whose ground truth names an author. Names are normalised (case, accents,
  punctuation, honorifics; lists split at ``,``/``and``/``&``/``|``, credentials such as
  ``MD`` dropped); micro precision / recall / F1 of the name sets and the share of pages
  whose set is exactly right. Also: the share of pages *without* an author in the ground
  truth for which a tool names one (false authors);
- **date**: same-day accuracy over the pages with a ground-truth ``publish_date``
  (``YYYY-MM`` truths need the same month). Every tool gets the same upper bound, ``--now``
  (newsclean's ``now``, htmldate's and trafilatura's ``max_date``; newspaper4k takes none):
  a run does not depend on the day it is made.

Tools: newsclean, trafilatura (``bare_extraction`` with metadata), newspaper4k, and
htmldate (``find_date`` with ``original_date=True``, dates only). Subtitles are measured on
the hand-checked dek sample ``fixtures/deks.json`` (newsclean only: the peers have no
subtitle): precision = right subtitles / subtitles given, recall = right subtitles /
pages that have a dek. Cost: the median time of newsclean's metadata step
(:func:`newsclean.metadata.extract` on the parsed page) beside the median of the whole
``clean()``.

Writes ``benchmarks/results/metadata.md`` and ``metadata-pages.jsonl`` (or to ``--out``).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from benchmarks.corpora import HALVES, ROOT, Page, wcxb, wcxb_other

RESULTS = Path(__file__).resolve().parent / "results"
TOOLS = ("newsclean", "trafilatura", "newspaper4k", "htmldate")
CORPORA: dict[str, Callable[[int | None], Iterator[Page]]] = {"wcxb": wcxb, "wcxb-other": wcxb_other}
CORPUS_NAMES = {"wcxb": "wcxb-dev-articles", "wcxb-other": "wcxb-dev-other"}
# The upper bound for every tool's dates: the corpora were collected by March 2026.
DEFAULT_NOW = "2026-04-01"
DEKS = ROOT / "fixtures" / "deks.json"
FIELDS = ("title", "authors", "date")
DATE_ONLY = frozenset(["htmldate"])

_PIECES = regex.compile(r"\s*(?:,|;|\||&)\s*")
_LEAD_AND = regex.compile(r"^(?:and|und)\s+", regex.IGNORECASE)  # "A, B, and C"
_AND = regex.compile(r"\s+(?:and|und)\s+", regex.IGNORECASE)
_HONORIFIC = regex.compile(r"^(?:dr|prof|mr|mrs|ms|sir|rev)\.?\s+", regex.IGNORECASE)
_BY = regex.compile(r"^(?:by|von|written by|posted by)\s+", regex.IGNORECASE)
_CREDENTIAL = regex.compile(r"(?:(?:[A-Z][A-Z.®-]{0,7}|Ph\.?D\.?|M\.?D\.?|M\.?Sc?\.?|Jr\.?|Sr\.?|\d+)\+?\s*){1,4}")
# A part after the first one that carries a job description, not a name: "Jane Doe, Shipping Expert".
_ROLE_PART = regex.compile(
    r"\b(?:expert|director|editor|writer|dietitian|ceo|cto|founder|co-founder|representative|manager|specialist|"
    r"reporter|correspondent|contributor|staff|years|industry|of|in|by)\b",
    regex.IGNORECASE,
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_WORDS = regex.compile(r"\w+")


# -- normalisation (the same for every tool) -----------------------------------------
def norm_title(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).casefold().split())


def norm_name(name: str) -> str:
    name = _BY.sub("", name.strip())
    name = _HONORIFIC.sub("", name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(regex.sub(r"[^\w\s]", " ", plain).split())


def name_set(names: list[str]) -> set[str]:
    out: set[str] = set()
    for raw in names:
        # list pieces first; a piece after the first that is a credential or a job title
        # ("Jane Doe, MD", "Paul Frew, Home and Digital Security Expert") is no name
        pieces = [_LEAD_AND.sub("", p.strip()) for p in _PIECES.split(raw or "") if p and p.strip()]
        for i, piece in enumerate(pieces):
            if i > 0 and (_is_credential(piece) or _ROLE_PART.search(piece) or piece[:1].islower()):
                continue
            for part in _AND.split(piece):
                key = norm_name(part)
                if key:
                    out.add(key)
    return out


def _is_credential(part: str) -> bool:
    return bool(_CREDENTIAL.fullmatch(part.strip("() ")))


def same_day(pred: str | None, truth: str) -> bool:
    return bool(pred) and str(pred)[: len(truth)] == truth


def same_text(a: str | None, b: str | None) -> bool:
    """The same words in the same order (case, punctuation and spacing ignored)."""
    return bool(a) and bool(b) and _WORDS.findall(str(a).casefold()) == _WORDS.findall(str(b).casefold())


# -- tools --------------------------------------------------------------------------
def run_newsclean(html: bytes, url: str | None, now: str | None) -> dict[str, Any]:
    import newsclean

    art = newsclean.clean(html, url=url, kind="html", now=now)
    return {
        "title": art.title,
        "authors": list(art.authors),
        "date": art.published,
        "subtitle": art.subtitle,
        "sources": art.sources,
    }


def run_trafilatura(html: bytes, url: str | None, now: str | None) -> dict[str, Any]:
    import trafilatura

    params = {"original_date": True, "extensive_search": True, **({"max_date": now} if now else {})}
    doc = trafilatura.bare_extraction(
        html.decode("utf-8", "replace"), url=url, with_metadata=True, date_extraction_params=params
    )
    if doc is None:
        return {"title": None, "authors": [], "date": None}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "authors": authors, "date": doc.date}


def run_newspaper(html: bytes, url: str | None, now: str | None) -> dict[str, Any]:
    from newspaper import Article

    art = Article(url or "https://example.com/article", fetch_images=False)
    art.download(input_html=html.decode("utf-8", "replace"))
    art.parse()
    date = art.publish_date.isoformat() if art.publish_date else None
    return {"title": art.title, "authors": list(art.authors), "date": date}


def run_htmldate(html: bytes, url: str | None, now: str | None) -> dict[str, Any]:
    from htmldate import find_date

    date = find_date(html.decode("utf-8", "replace"), url=url, original_date=True, extensive_search=True, max_date=now)
    return {"title": None, "authors": [], "date": date}


RUNNERS: dict[str, Callable[[bytes, str | None, str | None], dict[str, Any]]] = {
    "newsclean": run_newsclean,
    "trafilatura": run_trafilatura,
    "newspaper4k": run_newspaper,
    "htmldate": run_htmldate,
}


def metadata_ms(html: bytes, url: str | None, now: str | None) -> float:
    """Milliseconds newsclean's metadata step takes on the parsed page (parsing excluded:
    the body extraction parses the page anyway)."""
    from newsclean.metadata import extract
    from newsclean.sources.detect import decode
    from newsclean.sources.parse import parse_html

    text = decode(html, html_hint=True)
    tree = parse_html(text)
    t0 = time.perf_counter()
    extract(tree, url=url, html=text, now=now)
    return (time.perf_counter() - t0) * 1000


# -- scoring ------------------------------------------------------------------------
def score_page(truth: dict[str, Any], pred: dict[str, Any], fields: tuple[str, ...] = FIELDS) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "title" in fields:
        out["title_ok"] = norm_title(pred.get("title")) == norm_title(truth.get("title"))
    if "authors" in fields:
        if truth.get("author"):
            want, got = name_set([truth["author"]]), name_set(pred.get("authors") or [])
            out.update(author_tp=len(want & got), author_fp=len(got - want), author_fn=len(want - got))
            out["author_exact"] = want == got
        else:
            out["false_author"] = bool(name_set(pred.get("authors") or []))
    if "date" in fields and truth.get("publish_date"):
        out["date_ok"] = same_day(pred.get("date"), str(truth["publish_date"]))
    return out


def summarise(scores: list[dict[str, Any]]) -> dict[str, float | None]:
    titled = [s for s in scores if "title_ok" in s]
    authored = [s for s in scores if "author_exact" in s]
    unauthored = [s for s in scores if "false_author" in s]
    dated = [s for s in scores if "date_ok" in s]
    tp = sum(s["author_tp"] for s in authored)
    fp = sum(s["author_fp"] for s in authored)
    fn = sum(s["author_fn"] for s in authored)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    has_authors = bool(authored or unauthored)

    def share(items: list[dict[str, Any]], key: str) -> float | None:
        return sum(s[key] for s in items) / len(items) if items else None

    return {
        "title": share(titled, "title_ok"),
        "author_p": p if has_authors else None,
        "author_r": r if has_authors else None,
        "author_f1": (2 * p * r / (p + r) if p + r else 0.0) if has_authors else None,
        "author_exact": share(authored, "author_exact"),
        "false_author": share(unauthored, "false_author"),
        "date": share(dated, "date_ok"),
        "pages": len(scores),
        "authored": len(authored),
        "dated": len(dated),
    }


def dek_scores(rows: list[dict[str, Any]], deks: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Subtitle precision and recall on the hand-checked dek sample, per half and overall."""
    got = {(r["corpus"], r["id"]): r for r in rows}
    out: dict[str, dict[str, float]] = {}
    for part in (*HALVES, "all"):
        given = right = with_dek = found = pages = 0
        for entry in deks:
            row = got.get((entry["corpus"], entry["id"]))
            if row is None or "newsclean" not in row or (part != "all" and row["half"] != part):
                continue
            pages += 1
            pred, want = row["newsclean"].get("subtitle"), entry.get("dek")
            given += bool(pred)
            right += bool(pred) and same_text(pred, want)
            with_dek += bool(want)
            found += bool(want) and same_text(pred, want)
        out[part] = {
            "pages": pages,
            "with_dek": with_dek,
            "given": given,
            "precision": right / given if given else 0.0,
            "recall": found / with_dek if with_dek else 0.0,
        }
    return out


def example_check() -> dict[str, bool]:
    import newsclean

    expected = json.loads((ROOT / "fixtures/example/usnews-syria-defections.expected.json").read_text("utf-8"))
    art = newsclean.clean(resources.files("newsclean.data").joinpath("usnews-syria-defections.txt").read_text("utf-8"))
    return {
        "title": art.title == expected["title"],
        "subtitle": art.subtitle == expected["subtitle"],
        "authors": art.authors == expected["authors"],
        "site_name": art.site_name == expected["site_name"],
    }


# -- the peers' answers, cached between runs (they do not change with newsclean) ----------
class PeerCache:
    def __init__(self, folder: str | None, now: str | None) -> None:
        self.path = Path(folder) / f"peers-{now or 'today'}.jsonl" if folder else None
        self.known: dict[str, dict[str, Any]] = {}
        if self.path and self.path.exists():
            for line in self.path.read_text("utf-8").splitlines():
                rec = json.loads(line)
                self.known[rec["key"]] = rec["pred"]

    def get(self, corpus: str, pid: str, tool: str) -> dict[str, Any] | None:
        return self.known.get(f"{corpus}/{pid}/{tool}")

    def put(self, corpus: str, pid: str, tool: str, pred: dict[str, Any]) -> None:
        key = f"{corpus}/{pid}/{tool}"
        self.known[key] = pred
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"key": key, "pred": pred}, ensure_ascii=False, default=str) + "\n")


def run(
    corpora: list[str], tools: list[str], limit: int | None, now: str | None, cache: PeerCache
) -> tuple[list[dict[str, Any]], dict[str, list[float]]]:
    rows: list[dict[str, Any]] = []
    ms: dict[str, list[float]] = {"clean": [], "metadata": []}
    for corpus in corpora:
        for page in CORPORA[corpus](limit):
            row: dict[str, Any] = {
                "corpus": corpus,
                "id": page.id,
                "site": page.site,
                "half": page.half,
                "page_type": page.truth.get("page_type"),
                "truth": {k: page.truth.get(k) for k in ("title", "author", "publish_date")},
            }
            for tool in tools:
                pred = cache.get(corpus, page.id, tool) if tool != "newsclean" else None
                if pred is None:
                    t0 = time.perf_counter()
                    try:
                        pred = RUNNERS[tool](page.html, page.url, now)
                    except Exception as err:  # a crash scores as an empty answer
                        pred = {"title": None, "authors": [], "date": None, "error": repr(err)[:200]}
                    if tool == "newsclean":
                        ms["clean"].append((time.perf_counter() - t0) * 1000)
                    else:
                        cache.put(corpus, page.id, tool, pred)
                fields = ("date",) if tool in DATE_ONLY else FIELDS
                row[tool] = {**pred, **score_page(page.truth, pred, fields)}
            if "newsclean" in tools:
                ms["metadata"].append(metadata_ms(page.html, page.url, now))
            rows.append(row)
    return rows, ms


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--corpus", nargs="+", choices=sorted(CORPORA), default=sorted(CORPORA))
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each corpus")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    ap.add_argument("--now", default=DEFAULT_NOW, help=f"upper bound of every tool's dates (default {DEFAULT_NOW})")
    ap.add_argument("--cache", default=None, help="folder caching the peers' answers between runs")
    ap.add_argument("--out", default=str(RESULTS), help="output folder (default benchmarks/results)")
    ap.add_argument("--no-write", action="store_true", help="print the table, write no result files")
    args = ap.parse_args(argv)
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(TOOLS)
    if unknown:
        ap.error(f"unknown tools: {', '.join(sorted(unknown))}")
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")

    rows, ms = run(args.corpus, tools, args.limit, args.now or None, PeerCache(args.cache, args.now))
    deks = json.loads(DEKS.read_text("utf-8"))["pages"] if DEKS.exists() and "newsclean" in tools else []
    example = example_check() if "newsclean" in tools else {}
    command = "python -m benchmarks.metadata" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    md = render(rows, tools, args.corpus, dek_scores(rows, deks) if deks else {}, ms, example, command, args.now)
    print(md)
    if not args.no_write:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "metadata.md").write_text(md, "utf-8")
        with (out / "metadata-pages.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def render(
    rows: list[dict[str, Any]],
    tools: list[str],
    corpora: list[str],
    deks: dict[str, dict[str, float]],
    ms: dict[str, list[float]],
    example: dict[str, bool],
    command: str,
    now: str | None,
) -> str:
    lines = [
        "## Metadata",
        "",
        "Every tool in the same run, scored on the same fields by the same rules (authors: each tool's one "
        "author field; newsclean's `author_organizations` is not counted). Dates: every tool gets the same "
        f"upper bound (`now` = {now or 'the day of the run'}; newspaper4k takes none). newsclean was tuned on "
        "the tune halves only; the check halves hold sites the tuning never saw.",
    ]
    for corpus in corpora:
        in_corpus = [r for r in rows if r["corpus"] == corpus]
        if not in_corpus:
            continue
        told = "; ".join(
            f"{part} {len(rs)} pages, {sum(bool(r['truth']['author']) for r in rs)} with an author, "
            f"{sum(bool(r['truth']['publish_date']) for r in rs)} with a date"
            for part, rs in ((p, [r for r in in_corpus if p == "all" or r["half"] == p]) for p in (*HALVES, "all"))
        )
        lines += [
            "",
            f"### {CORPUS_NAMES[corpus]}",
            "",
            f"Ground truth: {told}.",
            "",
            "| half | tool | pages | title exact | author P | author R | author F1 | author exact set "
            "| false authors | date same day |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for part in (*HALVES, "all"):
            chosen = [r for r in in_corpus if part == "all" or r["half"] == part]
            for tool in tools:
                s = summarise([r[tool] for r in chosen])
                lines.append(
                    f"| {part} | {tool} | {s['pages']} | {_fmt(s['title'])} | {_fmt(s['author_p'])} "
                    f"| {_fmt(s['author_r'])} | {_fmt(s['author_f1'])} | {_fmt(s['author_exact'])} "
                    f"| {_fmt(s['false_author'])} | {_fmt(s['date'])} |"
                )
    lines += [
        "",
        "Title: exact match after whitespace/case/quote normalisation. Author: normalised name sets "
        "(micro P/R/F1; exact set = page share with exactly the right names). False authors: share of pages "
        "without a ground-truth author for which a tool names one. Date: same day as `publish_date`.",
    ]
    if deks:
        lines += [
            "",
            f"Subtitles (newsclean) on the hand-checked dek sample `fixtures/deks.json` ({deks['all']['pages']:.0f} "
            f"pages, {deks['all']['with_dek']:.0f} with a dek):",
            "",
            "| half | pages | with a dek | subtitles given | precision | recall |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for part, d in deks.items():
            lines.append(
                f"| {part} | {d['pages']:.0f} | {d['with_dek']:.0f} | {d['given']:.0f} | {d['precision']:.3f} "
                f"| {d['recall']:.3f} |"
            )
    if ms.get("metadata"):
        lines += [
            "",
            f"Cost (newsclean, {len(ms['metadata'])} pages): metadata step {statistics.median(ms['metadata']):.1f} ms "
            f"median (parsed page to fields), whole `clean()` {statistics.median(ms['clean']):.1f} ms median.",
        ]
    if example:
        ok = ", ".join(f"{k} {'ok' if v else 'WRONG'}" for k, v in example.items())
        lines += ["", f"Embedded example (newsclean, text mode): {ok}."]
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines += ["", f"Command: `{command}` ({date})", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
