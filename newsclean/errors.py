"""The error vocabulary: everything newsclean raises on purpose is a :class:`NewscleanError`.

Pages that are valid but hold no article (a home page, an error page) are not errors:
they give an :class:`~newsclean.article.Article` with empty ``text`` and a warning.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DecodeError",
    "ExtractionError",
    "FilterError",
    "InputError",
    "InputTooLargeError",
    "NewscleanError",
    "TimeBudgetExceeded",
    "UnknownFilterError",
]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """A pipeline or filter configuration that cannot be built (unknown name, bad option)."""


class UnknownFilterError(ConfigError, KeyError):
    """A filter name a pipeline does not have (``Pipeline.without("related_link")``); the
    message lists the names it has. A :class:`KeyError` too, for code that looks names up."""

    def __str__(self) -> str:  # a KeyError would show its message in quotes
        return str(self.args[0]) if self.args else ""


class InputError(NewscleanError, ValueError):
    """Input that cannot be an article page: wrong type, binary data, undecodable bytes."""


class FilterError(NewscleanError):
    """A filter failed; ``filter`` names it so it can be switched off or fixed."""

    def __init__(self, filter: str, cause: BaseException) -> None:
        super().__init__(f"filter {filter!r} failed: {type(cause).__name__}: {cause}")
        self.filter = filter
        self.cause = cause


# -- bad input -----------------------------------------------------------------------------
class BinaryInputError(InputError):
    """The bytes are not text: a PDF, an image, an archive or other binary data.

    ``detected`` names what the data looks like (``"pdf"``, ``"png"``, ``"zip"``, ... or
    ``"binary"`` when only the share of control bytes gave it away).
    """

    def __init__(self, detected: str) -> None:
        super().__init__(f"input looks like {detected} data, not a text or HTML page")
        self.detected = detected


class DecodeError(InputError):
    """The bytes cannot be decoded as text in any encoding newsclean recognises."""


class InputTooLargeError(InputError):
    """The input is bigger than :attr:`newsclean.Limits.max_input_bytes`."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input is {size:,} bytes, over the limit of {limit:,} (raise Limits.max_input_bytes to accept it)"
        )
        self.size = size
        self.limit = limit


class TimeBudgetExceeded(NewscleanError):
    """Cleaning one page took longer than :attr:`newsclean.Limits.time_budget` and the
    limits ask to raise (``on_time_budget="raise"``) rather than flag the result.

    ``stage`` names the step that was running when the budget ran out.
    """

    def __init__(self, stage: str, elapsed: float, budget: float) -> None:
        super().__init__(f"time budget of {budget:g} s exceeded after {elapsed:.2f} s (at {stage})")
        self.stage = stage
        self.elapsed = elapsed
        self.budget = budget


class ExtractionError(NewscleanError):
    """Turning the page into blocks failed (trafilatura, lxml, a regex timeout in a
    source); ``cause`` is the underlying error.

    newsclean does not let a dependency's own exception escape ``clean()``: every failure
    is a :class:`NewscleanError`.
    """

    def __init__(self, cause: BaseException) -> None:
        super().__init__(f"extraction failed: {type(cause).__name__}: {cause}")
        self.cause = cause
