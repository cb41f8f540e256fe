"""``Pipeline``: an ordered, immutable sequence of named filters.

A filter is anything callable on a :class:`~newsclean.document.Document` with a stable
name: a shipped filter object (see :mod:`newsclean.filters`) or a plain function, whose
``__name__`` (or a ``name`` attribute) is its name. A filter changes the document in
place through its methods (which record every removal) and returns ``None``, or returns
a new document.

    >>> from newsclean import Pipeline
    >>> p = Pipeline.default().without("related_links")
    >>> "related_links" in p.names
    False

Pipelines never change: ``without``, ``insert``, ``replace`` and ``configure`` return new
ones, so a pipeline can be shared between threads and processes.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Protocol, cast, runtime_checkable

from newsclean.document import Document
from newsclean.errors import ConfigError, FilterError, NewscleanError, UnknownFilterError
from newsclean.filters import DEFAULT_ORDER, REGISTRY
from newsclean.timeouts import Aside, run_filter
from newsclean.tomlfile import read_toml

log: logging.Logger = logging.getLogger(__name__)

__all__ = ["MAX_PASSES", "Filter", "FilterLike", "Pipeline", "filter_name"]

MAX_PASSES = 3


@runtime_checkable
class Filter(Protocol):
    """What the pipeline calls: ``filter(doc)`` changes ``doc`` (or returns a new one)."""

    name: str

    def __call__(self, doc: Document) -> Document | None: ...


FilterLike = Filter | Callable[[Document], Document | None]


def filter_name(f: FilterLike) -> str:
    """The stable name of a filter: its ``name`` attribute, else its ``__name__``."""
    name = getattr(f, "name", None) or getattr(f, "__name__", None)
    if not isinstance(name, str) or not name:
        raise ConfigError(f"filter {f!r} has no name: give it a 'name' attribute or use a function")
    return name


class Pipeline:
    """Ordered named filters, run one after the other over a document."""

    __slots__ = ("_steps",)

    def __init__(self, filters: Iterable[FilterLike] = ()) -> None:
        steps: list[tuple[str, FilterLike]] = []
        for f in filters:
            if not callable(f):
                raise ConfigError(f"filter {f!r} is not callable")
            name = filter_name(f)
            if any(name == n for n, _ in steps):
                raise ConfigError(f"two filters are named {name!r}; filter names must be unique")
            steps.append((name, f))
        self._steps: tuple[tuple[str, FilterLike], ...] = tuple(steps)

    # -- construction --------------------------------------------------------------
    @classmethod
    def default(cls, **options: Mapping[str, Any]) -> Pipeline:
        """The shipped filters in their default order.

        Keyword arguments configure filters by name, e.g.
        ``Pipeline.default(inserts={"extra_labels": ["Lesetipp"]})``.
        """
        unknown = set(options) - set(REGISTRY)
        if unknown:
            raise ConfigError(f"unknown filter(s) {sorted(unknown)}; known: {', '.join(DEFAULT_ORDER)}")
        return cls(_build(name, options.get(name, {})) for name in DEFAULT_ORDER)

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | str | Path) -> Pipeline:
        """Build a pipeline from a dict or a TOML file (path) of this shape::

            [pipeline]
            filters = ["normalize", "bylines", "mypackage.filters:drop_promos"]  # optional
            disable = ["related_links"]                                         # optional

            [filters.inserts]
            extra_labels = ["Lesetipp der Redaktion"]

        ``filters`` gives the order (default: the shipped order); an entry with a colon is
        a ``module:attribute`` import path of a custom filter. ``[filters.NAME]`` tables
        set the options of shipped filters.
        """
        if isinstance(config, (str, Path)):
            config = read_toml(config, "pipeline")
        if not isinstance(config, Mapping):
            raise ConfigError("a pipeline config is a mapping (dict or TOML table)")
        section = config.get("pipeline", {})
        options = config.get("filters", {})
        if not isinstance(section, Mapping) or not isinstance(options, Mapping):
            raise ConfigError("'pipeline' and 'filters' must be tables")
        order = _names(section, "filters", DEFAULT_ORDER)
        disable = set(_names(section, "disable", ()))
        unknown = (disable | set(options)) - set(REGISTRY) - set(order)
        if unknown:
            raise UnknownFilterError(
                f"config names unknown filter(s) {sorted(unknown)}; shipped filters: {', '.join(DEFAULT_ORDER)}"
            )
        built: list[FilterLike] = []
        for entry in order:
            if entry in disable:
                continue
            if ":" in entry:
                built.append(_import(entry))
            else:
                built.append(_build(entry, options.get(entry, {})))
        return cls(built)

    # -- inspection ----------------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n, _ in self._steps)

    def __iter__(self) -> Iterator[FilterLike]:
        return (f for _, f in self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __getitem__(self, name: str) -> FilterLike:
        for n, f in self._steps:
            if n == name:
                return f
        raise UnknownFilterError(f"no filter named {name!r} in this pipeline; it has: {', '.join(self.names)}")

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(self.names)}])"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._steps == other._steps

    def __hash__(self) -> int:
        return hash(self.names)

    def to_config(self) -> dict[str, Any]:
        """A plain dict that :meth:`from_config` turns back into an equal pipeline
        (custom filters are written as ``module:name`` import paths)."""
        order: list[str] = []
        options: dict[str, dict[str, Any]] = {}
        for name, f in self._steps:
            if name in REGISTRY and isinstance(f, REGISTRY[name]):
                order.append(name)
                opts = _options(f)
                if opts:
                    options[name] = opts
            else:
                order.append(f"{f.__module__}:{getattr(f, '__qualname__', name)}")
        return {"pipeline": {"filters": order}, "filters": options}

    # -- changing (each returns a new pipeline) ------------------------------------
    def without(self, *names: str) -> Pipeline:
        """This pipeline minus the named filters (:class:`~newsclean.errors.UnknownFilterError`,
        a ``ConfigError`` and a ``KeyError``, for a name it lacks)."""
        for name in names:
            self[name]
        return Pipeline(f for n, f in self._steps if n not in names)

    def insert(self, f: FilterLike, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """Add a filter before or after a named one (at the end when neither is given)."""
        if before is not None and after is not None:
            raise ConfigError("give 'before' or 'after', not both")
        steps = [f for _, f in self._steps]
        if before is not None:
            anchor, offset = before, 0
        elif after is not None:
            anchor, offset = after, 1
        else:
            return Pipeline([*steps, f])
        self[anchor]
        at = self.names.index(anchor) + offset
        return Pipeline([*steps[:at], f, *steps[at:]])

    def replace(self, name: str, f: FilterLike) -> Pipeline:
        """Put ``f`` where the filter called ``name`` stands."""
        self[name]
        return Pipeline(f if n == name else old for n, old in self._steps)

    def configure(self, name: str, **options: Any) -> Pipeline:
        """The same pipeline with new options for one shipped filter, e.g.
        ``p.configure("inserts", extra_labels=["Lesetipp"])``."""
        current = self[name]
        if not is_dataclass(current):
            raise ConfigError(f"filter {name!r} has no options to configure")
        try:
            new = cast(FilterLike, replace(current, **_coerce(current, options)))  # type: ignore[type-var]
        except TypeError as exc:
            raise ConfigError(f"bad option for filter {name!r}: {exc}") from exc
        return self.replace(name, new)

    # -- running -------------------------------------------------------------------
    def run(self, doc: Document, *, stop: Callable[[str], bool] | None = None) -> Document:
        """Run every filter over ``doc`` in order and return the resulting document.

        A pass in which a filter cut a piece out of a block (an inline insert or credit)
        is followed by another pass, up to ``MAX_PASSES`` in all: what is left of the block
        may now be something an earlier filter removes ("Photo: AP [Read: ...]"). Passes
        without cuts end the run, so a pipeline run over its own output changes nothing.

        ``stop`` (used for the time budget, see :class:`~newsclean.Limits`) is asked
        before each filter, with its name; when it says so, the remaining filters are
        skipped and the document gets the warning ``"time-budget-exceeded"``.

        A regex timeout inside a filter leaves the block the filter was working on as it
        is, and the document gets the warning ``"regex-timeout"``; the filter's work on
        the other blocks stands (see :mod:`newsclean.timeouts`). Any other exception a
        filter raises becomes a :class:`~newsclean.errors.FilterError`.
        """
        aside: dict[str, Aside] = {}  # per filter, what its timeouts left aside
        for _ in range(MAX_PASSES):
            cuts = doc.cuts
            doc = self._pass(doc, stop, aside)
            if doc.cuts == cuts or "time-budget-exceeded" in doc.warnings:
                break
        return doc

    def _pass(
        self, doc: Document, stop: Callable[[str], bool] | None = None, aside: dict[str, Aside] | None = None
    ) -> Document:
        aside = {} if aside is None else aside
        for name, f in self._steps:
            if stop is not None and stop(f"filter {name}"):
                doc.warnings.append("time-budget-exceeded")
                break
            before, moved = len(doc.removed), len(doc.moved)
            try:
                result = run_filter(f, doc, name, aside.setdefault(name, Aside()))
            except NewscleanError:
                raise
            except Exception as exc:
                raise FilterError(name, exc) from exc
            if isinstance(result, Document):
                doc = result
            if log.isEnabledFor(logging.DEBUG):
                for removal in doc.removed[before:]:
                    log.debug("%s removed %r (%s)", name, _shorten(removal.text), removal.reason)
                for move in doc.moved[moved:]:
                    log.debug("%s moved %r to %s (%s)", name, _shorten(move.text), move.to, move.reason)
        return doc


def _shorten(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _names(section: Mapping[str, Any], key: str, default: Iterable[str]) -> list[str]:
    """The list of filter names under ``key`` (``disable = ["related_links"]``)."""
    value = section.get(key, default)
    if isinstance(value, str) or not isinstance(value, Iterable) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of filter names, e.g. {key} = [\"related_links\"]; got {value!r}")
    return list(value)


def _build(name: str, options: Mapping[str, Any]) -> FilterLike:
    try:
        cls = REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown filter {name!r}; shipped filters: {', '.join(DEFAULT_ORDER)} "
            "(custom filters are given as 'module:attribute')"
        ) from None
    if not isinstance(options, Mapping):
        raise ConfigError(f"options for filter {name!r} must be a table")
    try:
        built: FilterLike = cls(**_coerce(cls, options))
    except TypeError as exc:
        raise ConfigError(f"bad option for filter {name!r}: {exc}") from exc
    return built


def _coerce(cls: Any, options: Mapping[str, Any]) -> dict[str, Any]:
    """Lists from TOML/JSON become tuples so filters stay immutable and hashable."""
    known = {f.name for f in fields(cls)} if is_dataclass(cls) else set()
    unknown = set(options) - known
    if unknown:
        raise ConfigError(f"unknown option(s) {sorted(unknown)}; known: {sorted(known)}")
    return {k: tuple(v) if isinstance(v, list) else v for k, v in options.items()}


def _options(f: Any) -> dict[str, Any]:
    """A shipped filter's non-default options, as plain data."""
    defaults = type(f)()
    out: dict[str, Any] = {}
    for fld in fields(f):
        value = getattr(f, fld.name)
        if value != getattr(defaults, fld.name):
            out[fld.name] = list(value) if isinstance(value, tuple) else value
    return out


def _import(path: str) -> FilterLike:
    module_name, _, attr = path.partition(":")
    try:
        obj: Any = importlib.import_module(module_name)
        for part in attr.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot import custom filter {path!r}: {exc}") from exc
    if isinstance(obj, type):
        obj = obj()
    if not callable(obj):
        raise ConfigError(f"custom filter {path!r} is not callable")
    found: FilterLike = obj
    return found
