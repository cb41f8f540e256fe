"""The ``newsclean`` command: clean pages (files or standard input) and print the results.

newsclean page.html                 # the clean text
newsclean --json page.html          # the whole Article as JSON (same as --format json)
newsclean --format markdown page.html   # the body as Markdown (headings, lists, tables, links)
newsclean a.html b.html.gz          # several pages: a heading line before each text
curl -s URL | newsclean --kind html
newsclean --example                 # the embedded U.S. News example
newsclean batch IN.jsonl -o OUT.jsonl   # many pages in worker processes (see newsclean batch --help)
newsclean warc IN.warc.gz -o OUT.jsonl  # the HTML responses of WARC files

Exit status: 0 when every page was cleaned; 1 when one could not be read or cleaned (it
is reported on standard error, the others are still printed); 141 when the reader of the
output went away (``newsclean a.html | head``), quietly, as a shell reports a command
stopped by SIGPIPE.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import IO

from newsclean.api import clean
from newsclean.article import Article
from newsclean.cli_options import (
    EXIT_BROKEN_PIPE,
    add_limit_options,
    add_log_options,
    broken_pipe,
    error,
    limits_from_args,
    setup_logging,
)
from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline

log = logging.getLogger("newsclean")

EXAMPLE = "usnews-syria-defections.txt"
FORMATS = ("text", "markdown", "json")
SUBCOMMANDS = ("batch", "warc")  # a first argument naming one of these is a subcommand, not a file
__all__ = ["EXIT_BROKEN_PIPE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn scraped news pages (HTML or text) into clean body text plus metadata.",
        epilog="examples:\n  newsclean page.html\n  newsclean --format markdown page.html\n"
        "  newsclean --json page.txt other.html.gz\n"
        "  cat page.html | newsclean --kind html\n  newsclean --example --json\n"
        "  newsclean --stats page.html        # per-filter removal counts on standard error\n"
        "batch subcommands (see their --help):\n"
        "  newsclean batch IN.jsonl -o OUT.jsonl     clean JSONL records in worker processes\n"
        "  newsclean warc IN.warc.gz -o OUT.jsonl    clean the HTML responses of WARC files\n"
        "exit status: 0 all cleaned, 1 a page could not be read or cleaned, 141 output closed early",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", help="pages to clean, .gz/.zst read by suffix ('-' or nothing: standard input)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="text: the clean body text (default); markdown: the body as Markdown; json: one line of JSON per page",
    )
    parser.add_argument("--json", action="store_true", help="print each result as one line of JSON (--format json)")
    parser.add_argument("--kind", choices=("auto", "text", "html"), default="auto", help="input type (default: detect)")
    parser.add_argument("--url", help="the page's address (helps metadata)")
    parser.add_argument("--pipeline", metavar="CONFIG.toml", help="a pipeline configuration file")
    parser.add_argument("--example", action="store_true", help="clean the embedded example article")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--stats", action="store_true", help="print each page's removals per filter on standard error")
    add_log_options(parser)
    add_limit_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:  # `newsclean batch ...`, `newsclean warc ...`
        from newsclean.batch import command

        return command.main(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.json and args.format not in (None, "json"):
        parser.error(f"--json and --format {args.format} ask for different outputs")
    fmt = "json" if args.json else args.format or "text"
    setup_logging(args.verbose, args.quiet)
    try:
        pipeline = Pipeline.from_config(args.pipeline) if args.pipeline else None
        limits = limits_from_args(args)
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except (NewscleanError, OSError) as exc:
        error(str(exc))
        return 1
    failed = False
    several = len(args.files) > 1
    try:
        try:
            for number, (name, data) in enumerate(_pages(args)):
                if isinstance(data, Exception):
                    error(f"{name}: {_reason(data)}")
                    failed = True
                    continue
                try:
                    article = clean(data, url=args.url, kind=args.kind, pipeline=pipeline, limits=limits)
                except NewscleanError as exc:
                    error(f"{name}: {exc}")
                    failed = True
                    continue
                _write(out, name, article, fmt=fmt, heading=several, first=number == 0)
                if args.stats and not args.quiet:
                    _stats(name, article)
        finally:
            if out is not sys.stdout:
                out.close()
    except BrokenPipeError:
        return broken_pipe()
    except OSError as exc:
        error(str(exc))
        return 1
    return 1 if failed else 0


def _pages(args: argparse.Namespace) -> Iterator[tuple[str, bytes | Exception]]:
    """(name, content) of each page to clean, or (name, the error) for one that cannot be read."""
    if args.example:
        yield EXAMPLE, resources.files("newsclean.data").joinpath(EXAMPLE).read_bytes()
        return
    from newsclean.batch.records import open_input

    for f in args.files or ["-"]:
        name = "<stdin>" if f == "-" else f
        try:
            with open_input(f) as fh:
                yield name, fh.read()
        except (OSError, EOFError, NewscleanError) as exc:  # missing, unreadable, a damaged .gz
            yield name, exc


def _write(out: IO[str], name: str, article: Article, *, fmt: str, heading: bool, first: bool) -> None:
    if fmt == "json":
        out.write(json.dumps({"source": name, **article.to_dict()}, ensure_ascii=False) + "\n")
    else:
        if heading:  # as `head` and `tail` separate files
            out.write(("" if first else "\n") + f"==> {name} <==\n")
        out.write((article.to_markdown() or "\n") if fmt == "markdown" else article.text + "\n")
    out.flush()


def _stats(name: str, article: Article) -> None:
    line = f"newsclean: {name}: {len(article.paragraphs)} paragraph(s) kept, {len(article.removed)} removal(s)"
    counts = article.removal_counts()
    if counts:
        line += " (" + ", ".join(f"{f} {n}" for f, n in counts.items()) + ")"
    if article.warnings:
        line += "; warnings: " + ", ".join(article.warnings)
    sys.stderr.write(line + "\n")


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
