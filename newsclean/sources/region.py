"""Which region of the page is the article: the fast extraction's, or another view's.

trafilatura's fast pass (its own extractor, no comparison with other algorithms) finds
the article on most pages. Where it picks the wrong region, its body shows it in ways
that cost nothing to check (:func:`doubt`):

- ``"menu"``: the body reads like a menu (under ``prose_share`` of its text in lines of
  prose: eight words or more, or ending like a sentence);
- ``"little"``: it covers little of the page (under ``rescue_share`` of the visible
  text: a listing-like layout, a body in an unusual container, part of an article);
- ``"one-block"``: it is one long block (menus, teasers and article run together).

Only a doubtful page is extracted again, in two other ways: trafilatura's full cascade
(its extractor compared with its readability and jusText ports) and readability-lxml's
view (:mod:`.second_opinion`), which scores the page's containers by their text and
often finds the whole article where trafilatura found a part of it. :func:`choose`:

- the full cascade *replaces* the fast body after a ``"menu"`` doubt when it reads as
  prose, after ``"little"`` when it is longer, after ``"one-block"`` when it has blocks;
- readability's view then *extends* the body when it holds nearly all of the fast
  body's words (``contained``), ``grows`` times its text or more, more than the body
  chosen so far, and reads as prose: the fast pass took one part of the article (or
  nothing), readability all of it. A view that is longer but holds other text (a
  listing, another story) does not extend the body.

Words are compared as multisets of whitespace-separated tokens, so the checks hold for
every language and script.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from newsclean.textutil import ends_sentence

__all__ = ["RegionOptions", "View", "checked_body", "checked_region", "choose", "doubt", "page_chars", "prose_share"]

log: logging.Logger = logging.getLogger(__name__)

# elements whose text a reader does not see
_HIDDEN = ("script", "style", "noscript", "template")
_ONE_BLOCK = 500  # characters of a single-block body that make it doubtful


@dataclass(frozen=True)
class RegionOptions:
    """Thresholds of the region check (see the module docstring)."""

    rescue_share: float = 0.2
    prose_share: float = 0.3
    contained: float = 0.8
    grows: float = 1.5
    second_opinion: bool = True


def _chars(text: str) -> int:
    """Characters of ``text`` that are not ASCII whitespace (counted, not split out)."""
    return len(text) - sum(text.count(c) for c in " \n\t\r\f")


def _lines(body: etree._Element) -> Iterator[str]:
    """The body's lines of text: each block's text, cut at its line breaks (``lb``)."""
    for block in body:
        parts: list[str] = []
        for event, el in etree.iterwalk(block, events=("start", "end")):
            if event == "start":
                if el.tag == "lb":
                    yield "".join(parts)
                    parts = []
                parts.append(el.text or "")
            elif el is not block:
                parts.append(el.tail or "")
        yield "".join(parts)


def prose_share(body: etree._Element | None) -> float:
    """Share of the body's text in lines that read as prose (8+ words, or ending like a
    sentence); 1.0 for an empty body. A menu or link list taken for the body is mostly
    short lines without sentence punctuation and scores near 0."""
    if body is None:
        return 1.0
    total = prose = 0
    for line in _lines(body):
        line = line.strip()
        if line:
            total += len(line)
            if ends_sentence(line) or len(line.split()) >= 8:
                prose += len(line)
    return prose / total if total else 1.0


_STRING = etree.XPath("string()")


def _text_of(el: etree._Element) -> str:
    """The element's string value (its text, built in C)."""
    text = _STRING(el)
    return text if isinstance(text, str) else ""


def page_chars(tree: etree._Element) -> int:
    """Visible characters of the page: the ``<body>``'s text less that of its scripts,
    styles, ``noscript`` and ``template`` elements, without whitespace."""
    page_body = tree.find("body")
    if page_body is None:
        return 0
    hidden = sum(_chars(_text_of(el)) for el in page_body.iter(*_HIDDEN))
    return _chars(_text_of(page_body)) - hidden


@dataclass
class View:
    """One extraction's body and what :func:`choose` reads of it."""

    name: str
    body: etree._Element | None
    words: Counter[str] = field(init=False)
    chars: int = field(init=False)

    def __post_init__(self) -> None:
        text = " ".join(self.body.itertext()) if self.body is not None else ""
        self.words = Counter(text.split())
        self.chars = _chars(text)

    def share_in(self, other: View) -> float:
        """The share of this view's words that ``other`` holds too (1.0 for an empty view)."""
        total = sum(self.words.values())
        return sum((self.words & other.words).values()) / total if total else 1.0


def doubt(fast: View, tree: etree._Element, options: RegionOptions, page: int | None = None) -> str | None:
    """What is wrong with the fast body, if anything: the first sign found (see the
    module docstring), else ``None``. ``page`` is the page's visible characters
    (:func:`page_chars`) when already counted."""
    if prose_share(fast.body) < options.prose_share:
        return "menu"
    page = page_chars(tree) if page is None else page
    if page > 0 and fast.chars < options.rescue_share * page:
        return "little"
    if fast.body is not None and len(fast.body) == 1 and fast.chars >= _ONE_BLOCK:
        return "one-block"
    return None


def choose(fast: View, full: View, second: View | None, why: str, options: RegionOptions) -> View:
    """The view whose body is the article after the doubt ``why`` (see the module
    docstring): the full cascade's where it replaces the fast body, readability's
    (``second``) where it extends it, else ``fast``."""
    chosen = fast
    if full.body is not None:
        if why == "menu":
            replaces = full.chars > 0 and prose_share(full.body) >= options.prose_share
        elif why == "little":
            replaces = full.chars > fast.chars
        else:
            replaces = len(full.body) > 0
        chosen = full if replaces else fast
    if second is not None and second.body is not None and _extends(second, fast, chosen, options):
        chosen = second
    return chosen


def _extends(view: View, fast: View, chosen: View, options: RegionOptions) -> bool:
    """Whether ``view`` holds nearly all of the fast body and much more text than it (and
    than the body ``chosen`` so far), in lines of prose."""
    if view.chars < options.grows * fast.chars or view.chars <= chosen.chars:
        return False
    return fast.share_in(view) >= options.contained and prose_share(view.body) >= options.prose_share


def checked_body(
    body: etree._Element | None,
    tree: etree._Element,
    options: RegionOptions,
    *,
    full: Callable[[], etree._Element | None],
    second: Callable[[etree._Element], etree._Element | None],
) -> etree._Element | None:
    """The fast extraction's ``body``, or another view's where the fast one is doubtful
    and the other better (:func:`doubt`, :func:`choose`). ``full`` runs the full
    extraction cascade, ``second`` the second opinion on ``tree``; each is called only
    on a doubtful page."""
    return checked_region(body, tree, options, full=full, second=second)[0]


def checked_region(
    body: etree._Element | None,
    tree: etree._Element,
    options: RegionOptions,
    *,
    full: Callable[[], etree._Element | None],
    second: Callable[[etree._Element], etree._Element | None],
    page: int | None = None,
) -> tuple[etree._Element | None, str | None]:
    """:func:`checked_body` and the doubt that was found (``None`` when none was);
    ``page`` is the page's visible characters when already counted (:func:`page_chars`)."""
    fast = View("fast", body)
    why = doubt(fast, tree, options, page)
    if why is None:
        log.debug("HTML source: trafilatura's fast extraction kept")
        return body, None
    other = View("readability", second(tree)) if options.second_opinion else None
    chosen = choose(fast, View("full cascade", full()), other, why, options)
    log.debug("HTML source: fast extraction doubted (%s); the %s body kept", why, chosen.name)
    return chosen.body, why
