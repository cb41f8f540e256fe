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
    "BinaryInputError",
    "Block",
    "Bylines",
    "CommentFurniture",
    "ConfigError",
    "CopyrightLines",
    "DecodeError",
    "Document",
    "ExtractionError",
    "Filter",
    "FilterError",
    "Headline",
    "InputError",
    "InputTooLargeError",
    "Inserts",
    "Kind",
    "Limits",
    "NewscleanError",
    "NewsletterPrompts",
    "Normalize",
    "PhotoCredits",
    "Pipeline",
    "RelatedLinks",
    "Removal",
    "SharePrompts",
    "SocialPrompts",
    "TimeBudgetExceeded",
    "__version__",
    "clean",
    "default_pipeline",
    "filters",
]
