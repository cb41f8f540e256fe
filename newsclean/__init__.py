"""newsclean: scraped news page (HTML or text) → clean body text, metadata, audit trail.

    >>> import newsclean
    >>> article = newsclean.clean("Headline\\n\\nBy Jane Doe\\n\\nThe body.\\n\\nAdvertisement")
    >>> article.text, article.authors
    ('The body.', ['Jane Doe'])

The work is done by the filters of a :class:`Pipeline` (each in :mod:`newsclean.filters`);
every removal is recorded in ``article.removed`` with the filter's name (text moved into
metadata in ``article.moved``, words changed in place in ``article.edits``), so
``Pipeline.default().without(name)`` switches off what you disagree with. Custom filters
work on the :class:`~newsclean.document.Document` of :mod:`newsclean.document`.
"""

from newsclean import filters
from newsclean.api import clean
from newsclean.article import Article, Removal
from newsclean.audit import Edit, Move
from newsclean.batch import BadRecord, Cleaned, Failed, Fields, Result, clean_many
from newsclean.blocks import BodyBlock, Kind
from newsclean.errors import (
    BinaryInputError,
    ConfigError,
    DecodeError,
    ExtractionError,
    FilterError,
    InputError,
    InputTooLargeError,
    NewscleanError,
    TimeBudgetExceeded,
    UnknownFilterError,
)
from newsclean.limits import Limits
from newsclean.pipeline import Pipeline
from newsclean.sources.html import HtmlOptions

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BadRecord",
    "BinaryInputError",
    "BodyBlock",
    "Cleaned",
    "ConfigError",
    "DecodeError",
    "Edit",
    "ExtractionError",
    "Failed",
    "Fields",
    "FilterError",
    "HtmlOptions",
    "InputError",
    "InputTooLargeError",
    "Kind",
    "Limits",
    "Move",
    "NewscleanError",
    "Pipeline",
    "Removal",
    "Result",
    "TimeBudgetExceeded",
    "UnknownFilterError",
    "__version__",
    "clean",
    "clean_many",
    "filters",
]
