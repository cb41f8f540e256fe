"""Limits on what one ``clean()`` call will take on: input size, blocks, nesting, time.

    >>> from newsclean import Limits, clean
    >>> article = clean("<p>Short page</p>", limits=Limits(max_input_bytes=1_000_000))

Every limit has a default meant for real news pages (of the 1,310 pages of the shared
corpora the largest is 1.8 MB and the deepest nests 55 elements), so a normal page never
meets one. The work of a call grows linearly with the input (pages far larger than an
article page take a linear path, see :mod:`newsclean.sources.giant`), so
``max_input_bytes`` bounds it; ``max_blocks`` is a second bound, far above any page of
``max_input_bytes`` a person would read (20 MB of 80-byte paragraphs is 250,000 blocks).
What hitting each limit does:

=====================  =================  ==============================================
limit                  default            when hit
=====================  =================  ==============================================
``max_input_bytes``    20,000,000         :class:`~newsclean.errors.InputTooLargeError`
                                          (for ``str`` input: characters)
``max_blocks``         1,000,000          blocks after that are dropped (recorded as
                                          removals of ``max_blocks``); warning
                                          ``"truncated-blocks"``
``max_depth``          200                HTML elements nested deeper are unwrapped (tags
                                          dropped, text kept); warning ``"flattened-nesting"``
``time_budget``        60.0 seconds       remaining filters are skipped; warning
                                          ``"time-budget-exceeded"`` (or, with
                                          ``on_time_budget="raise"``,
                                          :class:`~newsclean.errors.TimeBudgetExceeded`)
=====================  =================  ==============================================

``max_depth`` exists because libxml2 (under lxml and trafilatura) stops parsing at 256
levels and silently loses everything below; a page whose parsed tree reaches
``max_depth`` is flattened in its raw markup and parsed again, which keeps the text. It must
stay below that (at most 250). The time budget is checked once extraction is done
and between filters: one step that runs long (a huge page inside trafilatura) is not
interrupted, but nothing starts after the budget is spent. ``time_budget=None`` turns
the check off.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

from newsclean.errors import ConfigError, TimeBudgetExceeded
from newsclean.tomlfile import read_toml

__all__ = ["DEFAULT_LIMITS", "Budget", "Limits"]

log: logging.Logger = logging.getLogger(__name__)

#: the deepest nesting libxml2 parses without ``XML_PARSE_HUGE`` is 256 levels.
_LIBXML2_DEPTH = 250


@dataclass(frozen=True)
class Limits:
    """What one ``clean()`` call accepts; see the module docstring for what each does."""

    max_input_bytes: int = 20_000_000
    max_blocks: int = 1_000_000
    max_depth: int = 200
    time_budget: float | None = 60.0
    on_time_budget: Literal["flag", "raise"] = "flag"

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | str | Path) -> Limits:
        """Limits from a dict or a TOML file (path) holding a ``[limits]`` table::

            [limits]
            max_input_bytes = 5_000_000
            time_budget = 10.0        # false: no time budget
            on_time_budget = "raise"

        Limits not named keep their defaults.
        """
        if isinstance(config, (str, Path)):
            config = read_toml(config, "limits")
        table = config.get("limits", config) if isinstance(config, Mapping) else None
        if not isinstance(table, Mapping):
            raise ConfigError("a limits config is a mapping (dict or TOML table)")
        known = {f.name for f in fields(cls)}
        unknown = set(table) - known
        if unknown:
            raise ConfigError(f"unknown limit(s) {sorted(unknown)}; known: {', '.join(sorted(known))}")
        values = dict(table)
        if values.get("time_budget") is False:
            values["time_budget"] = None
        try:
            return cls(**values)
        except TypeError as exc:  # a value of the wrong type ("5 MB" for a number)
            raise ConfigError(f"bad limits config {dict(table)}: {exc}") from exc

    def __post_init__(self) -> None:
        if self.max_input_bytes < 1 or self.max_blocks < 1:
            raise ConfigError("max_input_bytes and max_blocks must be positive")
        if not 1 <= self.max_depth <= _LIBXML2_DEPTH:
            raise ConfigError(f"max_depth must be between 1 and {_LIBXML2_DEPTH} (libxml2 stops at 256)")
        if self.time_budget is not None and self.time_budget <= 0:
            raise ConfigError("time_budget must be positive seconds or None")
        if self.on_time_budget not in ("flag", "raise"):
            raise ConfigError("on_time_budget must be 'flag' or 'raise'")


DEFAULT_LIMITS = Limits()


class Budget:
    """The time budget of one ``clean()`` call (started when created)."""

    __slots__ = ("limits", "start")

    def __init__(self, limits: Limits) -> None:
        self.limits: Limits = limits
        self.start: float = time.monotonic()

    def spent(self, stage: str) -> bool:
        """Whether the budget is spent before ``stage``; raises instead when the limits
        say ``on_time_budget="raise"``."""
        budget = self.limits.time_budget
        if budget is None:
            return False
        elapsed = time.monotonic() - self.start
        if elapsed <= budget:
            return False
        if self.limits.on_time_budget == "raise":
            raise TimeBudgetExceeded(stage, elapsed, budget)
        log.warning("time budget of %g s spent after %.2f s; skipping from %s on", budget, elapsed, stage)
        return True
