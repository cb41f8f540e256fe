"""The ``newsclean`` command: clean one page (file or standard input) and print the result.

newsclean page.html                 # the clean text
newsclean --format markdown page.html   # the body as Markdown (headings, lists, tables, links)
newsclean --json page.html          # the whole Article as JSON (same as --format json)
curl -s URL | newsclean --kind html
newsclean --example                 # the embedded U.S. News example
newsclean batch IN.jsonl -o OUT.jsonl   # many pages in worker processes (see newsclean batch --help)
newsclean warc IN.warc.gz -o OUT.jsonl  # the HTML responses of WARC files
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from importlib import resources

from newsclean.api import clean
from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline

log = logging.getLogger("newsclean")

EXAMPLE = "usnews-syria-defections.txt"
FORMATS = ("text", "markdown", "json")
SUBCOMMANDS = ("batch", "warc")  # a first argument naming one of these is a subcommand, not a file


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn a scraped news page (HTML or text) into clean body text plus metadata.",
        epilog="examples:\n  newsclean page.html\n  newsclean --format markdown page.html\n"
        "  newsclean --json page.txt\n"
        "  cat page.html | newsclean --kind html\n  newsclean --example --json\n"
        "batch subcommands (see their --help):\n"
        "  newsclean batch IN.jsonl -o OUT.jsonl     clean JSONL records in worker processes\n"
        "  newsclean warc IN.warc.gz -o OUT.jsonl    clean the HTML responses of WARC files",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", help="pages to clean ('-' or nothing: standard input)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="text: the clean body text (default); markdown: the body as Markdown; json: the whole result",
    )
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON (--format json)")
    parser.add_argument("--kind", choices=("auto", "text", "html"), default="auto", help="input type (default: detect)")
    parser.add_argument("--url", help="the page's address (helps metadata)")
    parser.add_argument("--pipeline", metavar="CONFIG.toml", help="a pipeline configuration file")
    parser.add_argument("--example", action="store_true", help="clean the embedded example article")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to standard error")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:  # `newsclean batch ...`, `newsclean warc ...`
        from newsclean import batchcli

        return batchcli.main(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.json and args.format not in (None, "json"):
        parser.error(f"--json and --format {args.format} ask for different outputs")
    fmt = "json" if args.json else args.format or "text"
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="newsclean: %(message)s")
    try:
        pipeline = Pipeline.from_config(args.pipeline) if args.pipeline else None
        pages = _pages(args)
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
        try:
            for name, data in pages:
                article = clean(data, url=args.url, kind=args.kind, pipeline=pipeline)
                if fmt == "json":
                    record = {"source": name, **article.to_dict()}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                elif fmt == "markdown":
                    out.write(article.to_markdown() or "\n")
                else:
                    out.write(article.text + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
    except (NewscleanError, OSError) as exc:
        sys.stderr.write(f"newsclean: error: {exc}\n")
        return 1
    return 0


def _pages(args: argparse.Namespace) -> list[tuple[str, bytes]]:
    if args.example:
        return [(EXAMPLE, resources.files("newsclean.data").joinpath(EXAMPLE).read_bytes())]
    files = args.files or ["-"]
    pages = []
    for f in files:
        if f == "-":
            pages.append(("<stdin>", sys.stdin.buffer.read()))
        else:
            with open(f, "rb") as fh:
                pages.append((f, fh.read()))
    return pages
