"""The lead paragraph between headline and body, when the extraction left it out.

Many news pages set the article's opening paragraph apart from the body: a
``<div class="teaser-text">`` (TYPO3 news), ``<p class="lead">``, ``<div class="chapo">``,
``<h2 class="article__deck">``, right under the ``<h1>``. trafilatura often drops it (its
container is not the body's, or its class reads as a teaser). Whether that paragraph is
part of the text depends on the press: the German *Vorspann*, the Spanish *entradilla*,
the French *chapô* and the Polish *lead* open the article, while an English dek or
standfirst is a display line next to the headline. So the class words that mark a lead
are language data (``lead_classes`` in :mod:`newsclean.lexicon`), empty for English.

:func:`lead_paragraph` finds such an element: among the elements following the page's
first ``<h1>``, the first one whose ``class`` names a lead (the innermost if they nest),
before the body starts (a plain ``<p>`` of ``_BODY_WORDS`` words or more), not inside a
figure, list, aside, nav, footer, form or link, not a caption or site tagline, holding
40 to 1,500 characters of mostly unlinked text, and not one of several elements of the
same class (a listing of teasers). :func:`with_lead` puts it before the extracted body
when the body does not already hold it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex
from lxml import etree

from newsclean import lexicon
from newsclean.document import Block, Kind
from newsclean.textutil import PHRASE_FLAGS, REGEX_TIMEOUT, phrase_alternation

__all__ = ["lead_paragraph", "with_lead"]

_HEADINGS = {tag: etree.XPath(f"//body//{tag}") for tag in ("h1", "h2", "h3")}
_FOLLOWING = etree.XPath("following::*[position() <= $n]")
_WORD = regex.compile(r"\w+")
_WINDOW = 150  # elements looked at after the <h1>
_BODY_WORDS = 25  # a plain paragraph this long means the body has started
_MIN_CHARS, _MAX_CHARS = 40, 1500
_MAX_LINKED = 0.3
_DEK_WORDS = (8, 80)  # a subheading under the headline this long is the lead, not a section title
_CONTAINERS = frozenset(("p", "div", "h2", "h3", "section", "header", "span"))
_OUTSIDE = frozenset(("figure", "figcaption", "aside", "nav", "footer", "form", "a", "li", "button", "label"))
# class words of captions, site taglines and widgets that contain "description"/"summary"
_NOT_LEAD = regex.compile(
    r"(?i)site|image|img|picture|photo|caption|media|video|author|avatar|meta|nav|menu|comment|card|product|"
    r"related|widget|sidebar|footer|cookie|consent|newsletter|seo"
)
_SPACES = regex.compile(r"\s+")


@cache
def _lead_class(language: str) -> regex.Pattern[str] | None:
    """The class-word pattern of ``language``'s lead paragraphs (``None``: none shipped)."""
    try:
        words = lexicon.load(language).get("lead_classes", ())
    except KeyError:
        return None
    if not words:
        return None
    return regex.compile(r"(?<![A-Za-z])" + phrase_alternation(words) + r"(?![a-z])", PHRASE_FLAGS)


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text, timeout=REGEX_TIMEOUT).strip()


def _is_lead_class(el: etree._Element, pattern: regex.Pattern[str]) -> bool:
    cls = el.get("class")
    if not cls or el.tag not in _CONTAINERS:
        return False
    return bool(pattern.search(cls, timeout=REGEX_TIMEOUT)) and not _NOT_LEAD.search(cls, timeout=REGEX_TIMEOUT)


def _acceptable(el: etree._Element) -> str | None:
    """The element's text when it is shaped like a lead paragraph, else ``None``."""
    if any(a.tag in _OUTSIDE for a in el.iterancestors()):
        return None
    text = _squash("".join(el.itertext()))
    if not _MIN_CHARS <= len(text) <= _MAX_CHARS:
        return None
    linked = sum(len(_squash("".join(a.itertext()))) for a in el.iter("a"))
    return text if linked <= _MAX_LINKED * len(text) else None


def _headline(tree: etree._Element, title: str | None) -> etree._Element | None:
    """The page's headline element: the first ``<h1>`` (else ``<h2>``, ``<h3>``) sharing at least half
    of its words with the page title; without a title, the first ``<h1>`` of three words or more
    (a one-word ``<h1>`` is a site name or a menu)."""
    if not title:
        h1s: list[etree._Element] = _HEADINGS["h1"](tree)
        return next((h for h in h1s if len("".join(h.itertext()).split()) >= 3), None)
    wanted = set(_WORD.findall(title.casefold(), timeout=REGEX_TIMEOUT))
    for tag in ("h1", "h2", "h3"):  # one tag at a time: most pages stop at their <h1>
        headings: list[etree._Element] = _HEADINGS[tag](tree)
        for h in headings:
            words = set(_WORD.findall("".join(h.itertext()).casefold(), timeout=REGEX_TIMEOUT))
            if words and len(words & wanted) >= max(2, 0.5 * len(words)):
                return h
    return None


def lead_paragraph(tree: etree._Element, language: str | None, title: str | None = None) -> str | None:
    """The text of the page's lead paragraph, for a language whose leads open the body."""
    pattern = _lead_class(language) if language else None
    if pattern is None:
        return None
    headline = _headline(tree, title)
    if headline is None:
        return None
    window = [el for el in _FOLLOWING(headline, n=_WINDOW) if isinstance(el.tag, str)]
    dek = _dek_under(headline, window[:1])
    if dek is not None:
        return dek
    for k, el in enumerate(window):
        if not _is_lead_class(el, pattern):
            if el.tag == "p" and _body_started(el):
                return None  # the body started without a lead before it
            continue
        text = _acceptable(_innermost(el, pattern))
        if text is None:
            continue
        cls = el.get("class")
        for later in window[k + 1 :]:
            if later.get("class") == cls:
                return None  # one of several alike before the body: a listing of teasers
            if later.tag == "p" and _body_started(later):
                break
        return text
    return None


def _dek_under(headline: etree._Element, first: list[etree._Element]) -> str | None:
    """The text of a subheading set right under the headline, as its next sibling
    (``<h1>...</h1><h2>Lead sentence ...</h2>``), when it is sentence-long (``_DEK_WORDS``)."""
    if not first or first[0].tag not in ("h2", "h3") or first[0].getparent() is not headline.getparent():
        return None
    text = _acceptable(first[0])
    return text if text is not None and _DEK_WORDS[0] <= len(text.split()) <= _DEK_WORDS[1] else None


def _body_started(p: etree._Element) -> bool:
    return len("".join(p.itertext()).split()) >= _BODY_WORDS


def _innermost(el: etree._Element, pattern: regex.Pattern[str]) -> etree._Element:
    """The innermost lead-classed element inside ``el`` ("c-intro" > "c-intro__copy")."""
    inner: etree._Element | None = el
    while inner is not None:
        el = inner
        inner = next((d for d in el.iterdescendants() if _is_lead_class(d, pattern)), None)
    return el


def with_lead(blocks: list[Block], lead: str | None) -> list[Block]:
    """``blocks`` with ``lead`` as a paragraph before the first non-heading block (later
    blocks move one position on), unless the blocks already hold its text."""
    if not lead or lead[:60] in _squash(" ".join(b.text for b in blocks)):
        return blocks
    at = next((i for i, b in enumerate(blocks) if b.kind is not Kind.HEADING), len(blocks))
    position = blocks[at].position if at < len(blocks) else len(blocks)
    later = [replace(b, position=b.position + 1) for b in blocks[at:]]
    return [*blocks[:at], Block(Kind.PARAGRAPH, lead, position), *later]
