"""Metadata benchmark: title, authors and publication date against trafilatura and newspaper4k.

    python -m benchmarks.metadata [--limit N] [--tools newsclean,trafilatura,newspaper4k]

On ``wcxb-dev-articles`` (ground truth ``title``, ``author``, ``publish_date``), in one run:

- **title**: exact match after collapsing whitespace, case-folding and unifying quote
  characters, over all pages;
- **author**: over the pages whose ground truth names an author, names normalised (case,
  accents, punctuation, honorifics; the ground-truth string split at ``,``/``and``/``&``/
  ``|``, credentials such as ``MD`` dropped), micro precision / recall / F1 of the name
  sets and the share of pages whose set is exactly right. For newsclean the names are
  ``authors``, or ``author_organizations`` when no person is named (the byline as
  newsclean reports it). Also: the share of pages *without* an author in the ground truth
  for which a tool returns one (false authors);
- **date**: same-day accuracy over the pages with a ground-truth ``publish_date``
  (``YYYY-MM`` truths need the same month).

Plus the embedded example (title, subtitle, authors, site name) for newsclean. Writes
``benchmarks/results/metadata.md`` and ``benchmarks/results/metadata-pages.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from benchmarks.corpora import ROOT, wcxb

RESULTS = Path(__file__).resolve().parent / "results"
TOOLS = ("newsclean", "trafilatura", "newspaper4k")

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


# -- tools --------------------------------------------------------------------------
def run_newsclean(html: bytes, url: str | None) -> dict[str, Any]:
    import newsclean

    art = newsclean.clean(html, url=url, kind="html")
    orgs = list(getattr(art, "author_organizations", []) or [])
    return {
        "title": art.title,
        "authors": list(art.authors) or orgs,
        "date": art.published,
        "sources": art.sources,
    }


def run_trafilatura(html: bytes, url: str | None) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    if doc is None:
        return {"title": None, "authors": [], "date": None}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "authors": authors, "date": doc.date}


def run_newspaper(html: bytes, url: str | None) -> dict[str, Any]:
    from newspaper import Article

    art = Article(url or "https://example.com/article", fetch_images=False)
    art.download(input_html=html.decode("utf-8", "replace"))
    art.parse()
    date = art.publish_date.isoformat() if art.publish_date else None
    return {"title": art.title, "authors": list(art.authors), "date": date}


RUNNERS: dict[str, Callable[[bytes, str | None], dict[str, Any]]] = {
    "newsclean": run_newsclean,
    "trafilatura": run_trafilatura,
    "newspaper4k": run_newspaper,
}


# -- scoring ------------------------------------------------------------------------
def score_page(truth: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"title_ok": norm_title(pred.get("title")) == norm_title(truth.get("title"))}
    if truth.get("author"):
        want, got = name_set([truth["author"]]), name_set(pred.get("authors") or [])
        out.update(author_tp=len(want & got), author_fp=len(got - want), author_fn=len(want - got))
        out["author_exact"] = want == got
    else:
        out["false_author"] = bool(name_set(pred.get("authors") or []))
    if truth.get("publish_date"):
        out["date_ok"] = same_day(pred.get("date"), str(truth["publish_date"]))
    return out


def summarise(scores: list[dict[str, Any]]) -> dict[str, float]:
    n = len(scores)
    authored = [s for s in scores if "author_exact" in s]
    unauthored = [s for s in scores if "false_author" in s]
    dated = [s for s in scores if "date_ok" in s]
    tp = sum(s["author_tp"] for s in authored)
    fp = sum(s["author_fp"] for s in authored)
    fn = sum(s["author_fn"] for s in authored)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "title": sum(s["title_ok"] for s in scores) / n if n else 0.0,
        "author_p": p,
        "author_r": r,
        "author_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "author_exact": sum(s["author_exact"] for s in authored) / len(authored) if authored else 0.0,
        "false_author": sum(s["false_author"] for s in unauthored) / len(unauthored) if unauthored else 0.0,
        "date": sum(s["date_ok"] for s in dated) / len(dated) if dated else 0.0,
        "pages": n,
        "authored": len(authored),
        "dated": len(dated),
    }


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


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    ap.add_argument("--no-write", action="store_true", help="print the table, write no result files")
    args = ap.parse_args(argv)
    tools = [t for t in args.tools.split(",") if t]
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")

    per_tool: dict[str, list[dict[str, Any]]] = {t: [] for t in tools}
    seconds: dict[str, list[float]] = {t: [] for t in tools}
    rows: list[dict[str, Any]] = []
    for page in wcxb(args.limit):
        row: dict[str, Any] = {
            "id": page.id,
            "truth": {k: page.truth.get(k) for k in ("title", "author", "publish_date")},
        }
        for tool in tools:
            t0 = time.perf_counter()
            try:
                pred = RUNNERS[tool](page.html, page.url)
            except Exception as err:  # a crash scores as an empty answer
                pred = {"title": None, "authors": [], "date": None, "error": repr(err)[:200]}
            seconds[tool].append(time.perf_counter() - t0)
            score = score_page(page.truth, pred)
            per_tool[tool].append(score)
            row[tool] = {**pred, **score}
        rows.append(row)

    summary = {t: summarise(per_tool[t]) for t in tools}
    example = example_check() if "newsclean" in tools else {}
    command = "python -m benchmarks.metadata" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    md = render(summary, example, command)
    print(md)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "metadata.md").write_text(md, "utf-8")
        with (RESULTS / "metadata-pages.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def render(summary: dict[str, dict[str, float]], example: dict[str, bool], command: str) -> str:
    any_tool = next(iter(summary.values()))
    lines = [
        "## Metadata",
        "",
        f"wcxb-dev-articles: {any_tool['pages']:.0f} pages; author scores over the "
        f"{any_tool['authored']:.0f} pages whose ground truth names an author, date over the "
        f"{any_tool['dated']:.0f} with a publication date. All tools in the same run.",
        "",
        "| tool | title exact | author P | author R | author F1 | author exact set | false authors | date same day |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for tool, s in summary.items():
        lines.append(
            f"| {tool} | {s['title']:.3f} | {s['author_p']:.3f} | {s['author_r']:.3f} | {s['author_f1']:.3f} "
            f"| {s['author_exact']:.3f} | {s['false_author']:.3f} | {s['date']:.3f} |"
        )
    lines += [
        "",
        "Title: exact match after whitespace/case/quote normalisation. Author: normalised name sets "
        "(micro P/R/F1; exact set = page share with exactly the right names); newsclean's names are "
        "`authors`, or `author_organizations` when no person is named. False authors: share of pages "
        "without a ground-truth author for which a tool names one. Date: same day as `publish_date`.",
    ]
    if example:
        ok = ", ".join(f"{k} {'ok' if v else 'WRONG'}" for k, v in example.items())
        lines += ["", f"Embedded example (newsclean, text mode): {ok}."]
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines += ["", f"Command: `{command}` ({date})", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
