"""The shipped filters and their default order: each lives in the module named after it
(``related_links`` in :mod:`newsclean.filters.related_links`), shared shapes in :mod:`.base`.

============================  ==========================================================
name                          removes
============================  ==========================================================
``main_region``               page chrome around the article in a whole-page text dump
``normalize``                 nothing: fixes whitespace, invisible characters, mojibake
``photo_credits``             "Photo: AP", "(Getty Images)", "Foto: dpa"
``inserts``                   "[Photo Gallery: ...]", "READ MORE: ...", "Advertisement"
``bylines``                   bylines, timestamp and role lines (names → ``authors``)
``share_prompts``             "Share this article", "Artikel teilen"
``newsletter_prompts``        "Sign up for our newsletter", "Jetzt abonnieren"
``social_prompts``            "Follow us on Twitter", "Folgen Sie uns"
``comment_furniture``         "Leave a Reply", "Kommentar schreiben"
``copyright_lines``           "© 2024 Example Media. All rights reserved."
``bare_urls``                 blocks that are only the page's own URL
``allcaps_links``             a paragraph that is one link in capitals (a teaser, a button)
``affiliate_disclosures``     "This post contains affiliate links", "we may earn a commission"
``author_bios``               "Jane Doe covers ... for ...", "Got a tip? Write to ..."
``reporting_credits``         "Reporting by ...; Editing by ...", "Jane Doe contributed to this report."
``related_links``             runs of related-story headlines at the end of the body
``related_sections``          a "Related"/"Weitere Themen" label and the headlines under it
``linked_runs``               runs of linked lines closing the body (related headlines, tags)
``calls_to_action``           "Book a demo ...", "Enjoyed this article? Share it with a friend!" closing the body
``company_profiles``          "About Acme / Acme is a global provider of ..." closing a press release
``headline``                  moves the leading title and dek into ``title``/``subtitle``
============================  ==========================================================

The order matters: ``main_region`` first narrows a page dump to the article's stretch
(seeing the page's own section markers before other filters remove them, and sparing the
others the work on page chrome); then filters
that cut pieces out of a block; then filters that judge a block by its own shape; then
those that judge it by its place in the body (which earlier removals settle). So running
the pipeline again removes nothing more.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from newsclean.filters.affiliate_disclosures import AffiliateDisclosures
from newsclean.filters.allcaps_links import AllcapsLinks
from newsclean.filters.author_bios import AuthorBios
from newsclean.filters.bare_urls import BareUrls
from newsclean.filters.base import LexiconFilter, PhrasePromptFilter
from newsclean.filters.bylines import Bylines
from newsclean.filters.calls_to_action import CallsToAction
from newsclean.filters.comment_furniture import CommentFurniture
from newsclean.filters.company_profiles import CompanyProfiles
from newsclean.filters.copyright_lines import CopyrightLines
from newsclean.filters.headline import Headline
from newsclean.filters.inserts import Inserts
from newsclean.filters.linked_runs import LinkedRuns
from newsclean.filters.main_region import MainRegion
from newsclean.filters.newsletter_prompts import NewsletterPrompts
from newsclean.filters.normalize import Normalize
from newsclean.filters.photo_credits import PhotoCredits
from newsclean.filters.related_links import RelatedLinks
from newsclean.filters.related_sections import RelatedSections
from newsclean.filters.reporting_credits import ReportingCredits
from newsclean.filters.share_prompts import SharePrompts
from newsclean.filters.social_prompts import SocialPrompts

_SHIPPED: tuple[Any, ...] = (
    MainRegion,
    Normalize,
    PhotoCredits,
    Inserts,
    Bylines,
    SharePrompts,
    NewsletterPrompts,
    SocialPrompts,
    CommentFurniture,
    CopyrightLines,
    BareUrls,
    AllcapsLinks,
    AffiliateDisclosures,
    AuthorBios,
    ReportingCredits,
    RelatedLinks,
    RelatedSections,
    LinkedRuns,
    CallsToAction,
    CompanyProfiles,
    Headline,
)

#: name → filter class, for every shipped filter (read-only).
REGISTRY: MappingProxyType[str, Any] = MappingProxyType({cls.name: cls for cls in _SHIPPED})
#: the names of the default pipeline, in order.
DEFAULT_ORDER: tuple[str, ...] = tuple(cls.name for cls in _SHIPPED)

__all__ = [
    "DEFAULT_ORDER",
    "REGISTRY",
    "AffiliateDisclosures",
    "AllcapsLinks",
    "AuthorBios",
    "BareUrls",
    "Bylines",
    "CallsToAction",
    "CommentFurniture",
    "CompanyProfiles",
    "CopyrightLines",
    "Headline",
    "Inserts",
    "LexiconFilter",
    "LinkedRuns",
    "MainRegion",
    "NewsletterPrompts",
    "Normalize",
    "PhotoCredits",
    "PhrasePromptFilter",
    "RelatedLinks",
    "RelatedSections",
    "ReportingCredits",
    "SharePrompts",
    "SocialPrompts",
]
