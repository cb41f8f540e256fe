"""``company_profiles``: the publisher's own profile closing a press release."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import regex

from newsclean.document import Block, Document, Kind
from newsclean.filters.base import LEAD_NOISE, LexiconFilter
from newsclean.hosts import site_label
from newsclean.textutil import REGEX_TIMEOUT, match, phrase_alternation

_HEADING_WORDS = 6


@dataclass(frozen=True)
class CompanyProfiles(LexiconFilter):
    """Remove the publisher's own profile closing the body (press-release boilerplate).

    Removes, among the last ``edge`` blocks, a paragraph whose subject is the publisher
    (the site name, or the name in the page's domain) and which describes it
    (``profile_verbs``: "is a", "ist ein"), with the heading above it when that names
    the same company ("About Acme", "Acme Software")::

        About Acme                                         (on acme.example, ...)
        Acme is a global provider of workflow software for hospitals. ...

    A paragraph under an "About <Name>" heading that profiles that same name goes too,
    whatever the site. Paragraphs after the profile that close the body and open with
    the same name ("Acme is headquartered in ...") are the rest of it. A closing sentence
    that only starts with the outlet's name ("Reuters could not verify the video.") is
    not a profile and stays.
    """

    name: ClassVar[str] = "company_profiles"
    edge: int = 3
    max_words: int = 120

    @cached_property
    def _profile(self) -> regex.Pattern[str]:
        verbs = phrase_alternation(self.terms("profile_verbs"))
        return regex.compile(
            r"(?P<subject>\p{Lu}[\p{L}\p{N}&.'’-]*(?: [\p{L}\p{N}&.'’-]+){0,4}?) ?(?:\([^()]{0,60}\) ?)?,? "
            + "(?i:"
            + verbs
            + r")\s"
        )

    @cached_property
    def _about(self) -> regex.Pattern[str]:
        labels = phrase_alternation(self.terms("about_labels"))
        return regex.compile(LEAD_NOISE + labels + r"\s+(?P<name>\S.{0,80})", regex.IGNORECASE)

    def __call__(self, doc: Document) -> None:
        names = _publisher_names(doc)
        blocks = doc.blocks
        for i in range(max(0, len(blocks) - self.edge), len(blocks)):
            block = blocks[i]
            if block.kind is not Kind.PARAGRAPH or block.n_words > self.max_words:
                continue
            m = match(self._profile, " ".join(block.text[:400].split()))  # single spaces: no backtracking
            if not m:
                continue
            subject = _compact(m.group("subject"))
            above = blocks[i - 1] if i > 0 else None
            about = self._about_name(above)
            rest = _same_subject(blocks[i + 1 :], subject)
            if about and above is not None and subject.startswith(about):
                doc.remove_many([above, block, *rest], filter=self.name, reason=f"profile of {m.group('subject')!r}")
                return
            if any(subject.startswith(n) for n in names):
                doomed = [block, *rest]
                if above is not None and above.n_words <= _HEADING_WORDS and _compact(above.text).startswith(subject):
                    doomed.insert(0, above)
                doc.remove_many(doomed, filter=self.name, reason=f"publisher profile ({m.group('subject')!r})")
                return

    def _about_name(self, block: Block | None) -> str:
        if block is None or block.n_words > _HEADING_WORDS or block.kind not in (Kind.HEADING, Kind.PARAGRAPH):
            return ""
        m = self._about.fullmatch(block.text.strip(), timeout=REGEX_TIMEOUT)
        return _compact(m.group("name")) if m else ""


def _same_subject(after: list[Block], subject: str) -> list[Block]:
    """The paragraphs after a profile that go on about its subject, when they close the body
    ("Acme is headquartered in ..."): the profile's own later paragraphs."""
    if not all(b.kind is Kind.PARAGRAPH and _compact(b.text[:80]).startswith(subject) for b in after):
        return []
    return after


def _compact(text: str) -> str:
    """Letters and digits only, case-folded: ``"Service-Titan Inc."`` → ``"servicetitaninc"``."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _publisher_names(doc: Document) -> list[str]:
    """The compacted site name and the site's label in the page's domain (``"acme"`` for
    ``www.acme.com`` and for ``news.acme.co.uk``); names under 3 letters are dropped."""
    names: list[str] = []
    site = doc.meta.get("site_name")
    if isinstance(site, str):
        names.append(_compact(site))
    url = doc.meta.get("url")
    label = site_label(url) if isinstance(url, str) else None
    if label:
        names.append(_compact(label))
    return [n for n in names if len(n) >= 3]
