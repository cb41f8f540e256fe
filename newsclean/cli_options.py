"""Options the ``newsclean`` commands share: limits and how much to log.

Limits: ``--limits FILE.toml`` (see :meth:`newsclean.Limits.from_config`), then single
limits that override it (``--max-bytes``, ``--max-blocks``, ``--max-depth``,
``--time-budget``). Logging: warnings by default, ``-q`` errors only, ``-v`` newsclean's
own decisions (which filter removed what, which extraction the HTML source kept), ``-vv``
its dependencies' messages too (trafilatura, htmldate, ...). A closed output
(``newsclean page.html | head``) ends a command quietly with :data:`EXIT_BROKEN_PIPE`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import logging
import os
import sys

from newsclean.limits import Limits

__all__ = [
    "EXIT_BROKEN_PIPE",
    "add_limit_options",
    "add_log_options",
    "broken_pipe",
    "error",
    "limits_from_args",
    "setup_logging",
]

#: the exit status after the reader of the output went away: what a shell reports for a
#: command stopped by SIGPIPE (128 + 13), as ``cat`` or ``grep`` would be
EXIT_BROKEN_PIPE = 141


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("limits (per page; see newsclean.Limits)")
    group.add_argument("--limits", metavar="FILE.toml", help="limits from a TOML file ([limits] table)")
    group.add_argument("--max-bytes", type=int, metavar="N", help="refuse pages over N bytes (InputTooLargeError)")
    group.add_argument("--max-blocks", type=int, metavar="N", help="keep at most N blocks of a page")
    group.add_argument("--max-depth", type=int, metavar="N", help="flatten HTML nested deeper than N elements")
    group.add_argument(
        "--time-budget", type=float, metavar="S", help="skip the remaining filters after S seconds (0: no budget)"
    )


def limits_from_args(args: argparse.Namespace) -> Limits | None:
    """The limits the options ask for (``None``: the defaults). Raises ConfigError."""
    limits = Limits.from_config(args.limits) if args.limits else None
    changes: dict[str, object] = {}
    for option, name in (("max_bytes", "max_input_bytes"), ("max_blocks", "max_blocks"), ("max_depth", "max_depth")):
        if getattr(args, option) is not None:
            changes[name] = getattr(args, option)
    if args.time_budget is not None:
        changes["time_budget"] = args.time_budget or None
    if not changes:
        return limits
    return dataclasses.replace(limits or Limits(), **changes)  # type: ignore[arg-type]


def add_log_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on standard error but errors")
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log newsclean's decisions to standard error (-vv: its dependencies' messages too)",
    )


def setup_logging(verbose: int, quiet: bool) -> None:
    """Warnings by default; ``quiet``: errors only; ``verbose`` 1: newsclean at DEBUG;
    2 or more: everything at DEBUG."""
    root_level = logging.DEBUG if verbose >= 2 else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=root_level, format="newsclean: %(message)s" if verbose < 2 else "%(name)s: %(message)s")
    logging.getLogger("newsclean").setLevel(logging.DEBUG if verbose else root_level)


def error(message: str) -> None:
    """Report an error on standard error (whatever the logging set-up)."""
    sys.stderr.write(f"newsclean: error: {message}\n")


def broken_pipe() -> int:
    """The reader of standard output went away: point standard output at /dev/null (so
    Python's flush at exit stays quiet) and return :data:`EXIT_BROKEN_PIPE`."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: not a real file (tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BROKEN_PIPE
