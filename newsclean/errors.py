"""The error vocabulary: everything newsclean raises on purpose is a :class:`NewscleanError`.

Pages that are valid but hold no article (a home page, an error page) are not errors:
they give an :class:`~newsclean.article.Article` with empty ``text`` and a warning.
"""

from __future__ import annotations

__all__ = ["ConfigError", "FilterError", "InputError", "NewscleanError"]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """A pipeline or filter configuration that cannot be built (unknown name, bad option)."""


class InputError(NewscleanError, ValueError):
    """Input that cannot be an article page: wrong type, binary data, undecodable bytes."""


class FilterError(NewscleanError):
    """A filter failed; ``filter`` names it so it can be switched off or fixed."""

    def __init__(self, filter: str, cause: BaseException) -> None:
        super().__init__(f"filter {filter!r} failed: {type(cause).__name__}: {cause}")
        self.filter = filter
        self.cause = cause
