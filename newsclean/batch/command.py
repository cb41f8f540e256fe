"""``newsclean batch`` and ``newsclean warc``: many pages, worker processes, nothing lost."""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsclean.batch.lines import LineSpec, RawRecord, clean_records
from newsclean.batch.pool import Fields, default_workers
from newsclean.batch.records import JsonlWriter, Stats, done_ids, read_lines, read_warc
from newsclean.batch.results import ARTICLE_FIELDS, FORMAT_FIELDS, check_fields
from newsclean.cli_options import (
    add_limit_options,
    add_log_options,
    broken_pipe,
    error,
    limits_from_args,
    setup_logging,
)
from newsclean.errors import ConfigError, NewscleanError
from newsclean.pipeline import Pipeline

log = logging.getLogger("newsclean")


BATCH_EXAMPLES = """\
examples:
  newsclean batch pages.jsonl -o clean.jsonl
  newsclean batch pages.jsonl.gz -o clean.jsonl.zst --workers 8
  newsclean batch dump.jsonl --html-field body --id-field doc_id --keep source -o out.jsonl
  newsclean batch pages.jsonl -o clean.jsonl --resume        # after a killed run
  cat pages.jsonl | newsclean batch - > clean.jsonl

Each input line is a JSON object with an `html` or `text` field and optional `id` and
`url` (an id defaults to the line number; ids are written as strings). Each output line
has the id and the article fields, the body once (as `text`; --format markdown writes a
`markdown` field instead, --format json adds the typed `blocks`; or choose with --fields),
or an `error` object {"type", "message"}: one output line per input line, a malformed
line included (with --only-articles, pages that are not articles are left out and
counted: see the page_type field). The summary line on standard error is followed by the
removals per filter. Exit status: 0 when the run completed (record errors are in the
output), 1 when it could not (unreadable input, input that is not JSON Lines, bad
configuration), 130 if interrupted, 141 if the output was closed early.
"""

WARC_EXAMPLES = """\
examples:
  newsclean warc CC-MAIN-...-00000.warc.gz -o clean.jsonl.gz
  newsclean warc crawl/*.warc.gz -o clean.jsonl --workers 2 --resume

HTML responses with status 200 are cleaned; other responses are skipped and counted.
Each output line carries the WARC record id (`id`), target URI (`url`) and `warc_date`;
the record's date bounds the page's publication date, so a rerun gives the same dates.
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: standard output)")
    parser.add_argument(
        "--workers", type=int, default=None, metavar="N", help=f"worker processes (default: cores, {default_workers()})"
    )
    parser.add_argument("--pipeline", metavar="CONFIG.toml", help="a pipeline configuration file")
    parser.add_argument("--resume", action="store_true", help="skip ids already in the output file and append to it")
    parser.add_argument(
        "--format",
        choices=tuple(FORMAT_FIELDS),
        default=None,
        help="the body as `text` (default), as `markdown` (a markdown field instead of text), "
        "or as `json` (text and its typed blocks); the metadata and audit fields come with each",
    )
    parser.add_argument(
        "--fields",
        metavar="NAMES",
        help="article fields to write, comma-separated, or 'all' (instead of --format; "
        f"known: {', '.join(ARTICLE_FIELDS)})",
    )
    parser.add_argument(
        "--timeout", type=float, default=None, metavar="S", help="give up on a page after S seconds (error Timeout)"
    )
    parser.add_argument("--chunk-size", type=int, default=4, metavar="N", help="records sent to a worker at once")
    parser.add_argument(
        "--only-articles",
        action="store_true",
        help="write only the pages that are articles (page_type 'article'); the others are counted, "
        "errors are still written",
    )
    add_log_options(parser)  # -q here also drops the progress bar and the summary
    add_limit_options(parser)


def _subcommand(sub: Any, name: str, summary: str, description: str, epilog: str, inputs: str) -> Any:
    parser = sub.add_parser(
        name, help=summary, description=description, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="+", metavar=inputs, help="input files ('-': standard input)")
    _common(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclean", description="Clean many pages in worker processes.")
    sub = parser.add_subparsers(dest="command", required=True)
    batch = _subcommand(
        sub,
        "batch",
        "clean the records of JSONL files",
        "Clean the pages of JSONL files (.gz/.zst by suffix) into JSONL.",
        BATCH_EXAMPLES,
        "IN.jsonl",
    )
    batch.add_argument("--html-field", default="html", metavar="NAME", help="field holding HTML (default: html)")
    batch.add_argument("--text-field", default="text", metavar="NAME", help="field holding plain text (default: text)")
    batch.add_argument("--id-field", default="id", metavar="NAME", help="field holding the record id (default: id)")
    batch.add_argument("--url-field", default="url", metavar="NAME", help="field holding the page URL (default: url)")
    batch.add_argument(
        "--keep", action="append", default=[], metavar="NAME", help="copy this input field to the output"
    )
    _subcommand(
        sub,
        "warc",
        "clean the HTML responses of WARC files",
        "Clean the HTML 200 responses of WARC files (Common Crawl layout, any compression) into JSONL.",
        WARC_EXAMPLES,
        "IN.warc.gz",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(args.verbose, args.quiet)
    if args.resume and (not args.output or args.output == "-"):
        error("--resume needs an output file (-o)")
        return 1
    if args.workers is not None and args.workers < 0:
        error("--workers must be 0 or more")
        return 1
    stats = Stats()
    started = time.monotonic()
    try:
        pipeline = Pipeline.from_config(args.pipeline) if args.pipeline else None
        limits = limits_from_args(args)
        fields_out = _output_fields(args.fields, args.format)
        if args.command == "batch":
            fields = Fields(html=args.html_field, text=args.text_field, id=args.id_field, url=args.url_field)
            records: Iterator[RawRecord] = read_lines(args.inputs)
            keep: Sequence[str] = args.keep
        else:
            fields, keep = Fields(), ("warc_date",)
            records = (RawRecord(0, r["id"], r) for r in read_warc(args.inputs, stats))
        done = done_ids(args.output) if args.resume else set()
        if done:
            log.info("resuming: %d records already in %s", len(done), args.output)
        spec = LineSpec(
            fields=fields,
            keep=tuple(keep),
            out_fields=fields_out,
            done=frozenset(done),
            only_articles=args.only_articles,
        )
        results = clean_records(
            _started(_counted(records, stats, count_read=args.command == "batch")),
            spec=spec,
            workers=args.workers,
            pipeline=pipeline,
            chunk_size=args.chunk_size,
            timeout=args.timeout,
            limits=limits,
        )
        with JsonlWriter(args.output, append=args.resume) as out, _progress(args.quiet) as bar:
            for result in results:
                if result.not_article:  # --only-articles
                    stats.not_articles += 1
                    bar.update(1)
                    continue
                if result.line is None:  # its id is in the output already
                    stats.skipped += 1
                    continue
                out.write_line(result.line)
                stats.written += 1
                if result.ok:
                    stats.count_removals(result.removed)
                else:
                    stats.errors += 1
                    bar.set_postfix(errors=stats.errors, refresh=False)
                bar.update(1)
    except KeyboardInterrupt:
        _summary(stats, started, args.quiet, "interrupted")
        return 130
    except BrokenPipeError:  # the reader of standard output went away
        return broken_pipe()
    except (NewscleanError, OSError, EOFError, ValueError) as exc:
        error(str(exc))
        _summary(stats, started, args.quiet, "failed")
        return 1
    _summary(stats, started, args.quiet)
    return 0


def _output_fields(option: str | None, fmt: str | None) -> tuple[str, ...]:
    if option is not None and fmt is not None:
        raise ConfigError("--fields and --format both choose the output fields: give one of them")
    if option is None:
        return FORMAT_FIELDS[fmt or "text"]
    if option.strip() == "all":
        return ARTICLE_FIELDS
    return check_fields([name.strip() for name in option.split(",") if name.strip()])


_END = object()


def _started(records: Iterator[Any]) -> Iterator[Any]:
    """``records`` with the first one read now: input that cannot be read (a missing file,
    a file that is not JSON Lines) fails before any worker starts."""
    first = next(records, _END)
    return records if first is _END else itertools.chain([first], records)


def _counted(records: Iterable[RawRecord], stats: Stats, *, count_read: bool) -> Iterator[RawRecord]:
    for record in records:
        if count_read:
            stats.read += 1
        yield record


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def set_postfix(self, **kwargs: Any) -> None:
        pass

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _progress(quiet: bool) -> Any:
    """A progress bar on standard error, only when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(file=sys.stderr, unit=" pages", desc="newsclean", dynamic_ncols=True, smoothing=0.1)


def _summary(stats: Stats, started: float, quiet: bool, status: str = "done") -> None:
    if quiet:
        return
    seconds = time.monotonic() - started
    sys.stderr.write(
        f"newsclean: {status}: read {stats.read}, written {stats.written}, errors {stats.errors}, "
        f"skipped {stats.skipped}, "
        + (f"not articles {stats.not_articles}, " if stats.not_articles else "")
        + f"{seconds:.1f} s\n"
    )
    if stats.removed:
        ranked = sorted(stats.removed.items(), key=lambda kv: (-kv[1], kv[0]))
        sys.stderr.write("newsclean: removed: " + ", ".join(f"{name} {n}" for name, n in ranked) + "\n")
    sys.stderr.flush()
