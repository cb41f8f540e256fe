"""newsclean: scraped news page (HTML or text) → clean body text, metadata, audit trail.

    >>> import newsclean
    >>> article = newsclean.clean("Headline\\n\\nBy Jane Doe\\n\\nThe body.\\n\\nAdvertisement")
    >>> article.text, article.authors
    ('The body.', ['Jane Doe'])

The work is done by the filters of a :class:`Pipeline`; every removal is recorded in
``article.removed`` with the filter's name, so ``Pipeline.default().without(name)``
switches off what you disagree with.
"""

from newsclean import filters
from newsclean.api import clean, default_pipeline
from newsclean.article import Article, Removal
from newsclean.batch import BadRecord, Fields, Result, clean_many  # batch API (issue 4)
from newsclean.blocks import BodyBlock
from newsclean.document import Block, Document, Kind
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
)
from newsclean.filters import (
    AuthorBios,
    Bylines,
    CommentFurniture,
    CopyrightLines,
    Headline,
    Inserts,
    MainRegion,
    NewsletterPrompts,
    Normalize,
    PhotoCredits,
    RelatedLinks,
    SharePrompts,
    SocialPrompts,
)
from newsclean.limits import Limits
from newsclean.pipeline import Filter, Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article",
    "AuthorBios",
    "BadRecord",
    "BinaryInputError",
    "Block",
    "BodyBlock",
    "Bylines",
    "CommentFurniture",
    "ConfigError",
    "CopyrightLines",
    "DecodeError",
    "Document",
    "ExtractionError",
    "Fields",
    "Filter",
    "FilterError",
    "Headline",
    "InputError",
    "InputTooLargeError",
    "Inserts",
    "Kind",
    "Limits",
    "MainRegion",
    "NewscleanError",
    "NewsletterPrompts",
    "Normalize",
    "PhotoCredits",
    "Pipeline",
    "RelatedLinks",
    "Removal",
    "Result",
    "SharePrompts",
    "SocialPrompts",
    "TimeBudgetExceeded",
    "__version__",
    "clean",
    "clean_many",
    "default_pipeline",
    "filters",
]
