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
from newsclean.errors import ConfigError, FilterError, InputError, NewscleanError
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
from newsclean.pipeline import Filter, Pipeline

# --- robustness (issue 5): error vocabulary and limits ---
from newsclean.errors import (  # noqa: E402
    BinaryInputError,
    DecodeError,
    ExtractionError,
    InputTooLargeError,
    TimeBudgetExceeded,
)
from newsclean.limits import Limits  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Article",
    "AuthorBios",
    "Block",
    "Bylines",
    "CommentFurniture",
    "ConfigError",
    "CopyrightLines",
    "Document",
    "Filter",
    "FilterError",
    "Headline",
    "InputError",
    "Inserts",
    "Kind",
    "NewscleanError",
    "NewsletterPrompts",
    "Normalize",
    "PhotoCredits",
    "Pipeline",
    "RelatedLinks",
    "Removal",
    "SharePrompts",
    "SocialPrompts",
    "__version__",
    "clean",
    "default_pipeline",
    "filters",
    # robustness (issue 5)
    "BinaryInputError",
    "DecodeError",
    "ExtractionError",
    "InputTooLargeError",
    "Limits",
    "TimeBudgetExceeded",
]
