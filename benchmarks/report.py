"""Assemble BENCHMARKS.md from the sections the benchmark suites wrote.

Each suite writes ``benchmarks/results/<suite>.md`` (its table and the command that made
it); this script puts them together in a fixed order:

    python -m benchmarks.report
"""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
OUT = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
ORDER = [
    "quality",
    "text-mode",
    "text-speed",
    "speed",
    "metadata",
    "structure",
    "throughput",
    "spark-warc",
    "robustness",
    "robustness-giant",
    "scaling",
]

HEADER = """# Benchmarks

All figures come from the scripts in `benchmarks/`, run on the shared development corpora
(`../shared/corpus/`: scrapinghub, wcxb-dev-articles, wcxb-dev-other, boilerplate-dev), with
every peer measured in the same run on the same pages. Timings are medians on a shared
2-core machine: compare the ratios, not the absolute times. Each section names the command
that produced it; `python -m benchmarks.report` rebuilds this file from
`benchmarks/results/*.md`.

**The whole-corpus figures are in-sample for newsclean.** Its rules were developed on these
same development corpora (scrapinghub, wcxb-dev-articles, wcxb-dev-other, boilerplate-dev);
the peers were not tuned on them, and the held-out splits of WCXB and of the boilerplate
corpus are not used here. Every page belongs to a site-disjoint half (`tune` or `check`,
`benchmarks/corpora.py`, by a hash of the site): rules are now tuned on the tune half only,
and each table gives both halves side by side. The check half holds sites the recent tuning
never saw, but the older rules were written before the split, with every page in view: even
the check figures are an upper bound of what newsclean does on unseen sites, where its lead
over trafilatura has measured smaller.
"""


def main() -> None:
    sections = {p.stem: p.read_text("utf-8").strip() for p in RESULTS.glob("*.md")}
    ordered = [s for s in ORDER if s in sections] + sorted(set(sections) - set(ORDER))
    OUT.write_text(HEADER + "\n" + "\n\n".join(sections[s] for s in ordered) + "\n", "utf-8")


if __name__ == "__main__":
    main()
