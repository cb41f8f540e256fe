"""The shipped filters, one module per family, and their default order.

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
``author_bios``               "Jane Doe covers ... for ...", "You can reach her at ..."
``reporting_credits``         "Reporting by ...; Editing by ...", "Jane Doe contributed to this report."
``related_links``             runs of related-story headlines at the end of the body
``related_sections``          a "Related"/"Weitere Themen" label and the headlines under it
``linked_runs``               runs of linked lines closing the body (related headlines, tags)
``calls_to_action``           "Book a demo ...", "Enjoy the post? Pin it for later!" closing the body
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

from newsclean.filters.base import LexiconFilter, PhrasePromptFilter
from newsclean.filters.bios import AuthorBios
from newsclean.filters.bylines import Bylines
from newsclean.filters.calls import CallsToAction
from newsclean.filters.closing import CompanyProfiles, ReportingCredits
from newsclean.filters.credits import PhotoCredits
from newsclean.filters.disclosures import AffiliateDisclosures
from newsclean.filters.headline import Headline
from newsclean.filters.inserts import Inserts
from newsclean.filters.links import AllcapsLinks, LinkedRuns
from newsclean.filters.normalize import Normalize
from newsclean.filters.prompts import (
    CommentFurniture,
    CopyrightLines,
    NewsletterPrompts,
    SharePrompts,
    SocialPrompts,
)
from newsclean.filters.region import MainRegion
from newsclean.filters.related import RelatedLinks
from newsclean.filters.sections import RelatedSections
from newsclean.filters.urls import BareUrls

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
