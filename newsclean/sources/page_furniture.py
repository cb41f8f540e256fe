"""Page furniture the markup itself names, taken out of the tree before extraction.

Every language's pages share their markup's vocabulary: what a reader cannot see, what
the page says is a dialog or a toolbar, what its class names call a cookie notice or a
share bar, and widgets a template repeats. Four named steps act on the parsed tree
before the extractor runs, each switchable on :class:`~newsclean.sources.html.HtmlOptions`
and each recording what it removed under its own name (:class:`~newsclean.article.Removal`
with ``filter`` set to the step's name):

``hidden_elements``
    Elements a reader does not see: the ``hidden`` attribute (not ``hidden="until-found"``,
    which the browser reveals on search), ``aria-hidden="true"``, and inline styles
    ``display:none`` / ``visibility:hidden``. What a style or ``aria-hidden`` hides stays
    when it holds a sentence (a folded accordion or tab panel, which a click shows), and
    any hidden element holding a paragraph of prose and more than ``hidden_chars``
    characters stays.

``page_widgets``
    Elements whose markup names them as page furniture: ``role="dialog"``,
    ``"alertdialog"`` or ``"toolbar"``, the ``<dialog>`` tag, and ``class``, ``id`` or
    ``data-testid`` names made of a furniture word (:data:`WIDGET_WORDS`: ``cookie-notice``,
    ``share-bar``, ``font-size-switch``, ``paywall``, ``c-newsletter``, ``jp-relatedposts``,
    ``photo-gallery``, ``video-player``, ``donation-box``, ...). Class names are written in
    English whatever the page's language, so this needs no phrase list. Words are whole
    parts of a name (``commentary`` is not ``comment``); the words of controls (share,
    text size, login, newsletter) count only on an element holding a link or a control
    (``font-size-sm`` on a line of text is a type size, not a widget); a gallery or media
    player goes only while it holds labels (under 200 characters, no sentence: on gallery,
    video and product pages the slides, the description and the reviews are the content);
    and an element that
    also carries a name of the article's own content (``article-body paywall``,
    ``gallery-title article-content``) is content, not furniture. Carousels and
    sliders are not furniture by name: product and course pages show their content in them.

``button_boxes`` (off by default)
    A short box around a button (``<button>``, ``<input>``, ``role="button"``): an appeal
    or prompt and its call to action ("Support us" over a donate button), at most
    ``button_chars`` characters with no paragraph of prose. Off by default: on forums and
    product pages such a box is a short post with its reply button, or a product's blurb.

``repeated_widgets``
    A small box around a button or form control whose text stands two or three times
    on the page, each time outside the other (a newsletter box in the article and in the
    sidebar, a follow box at top and bottom). Repeated paragraphs without controls (an
    article that repeats a sentence) are not touched, nor the items of a list that repeats
    one label many times.

Guards keep the article: no step removes an element that holds the page's ``h1``, or
``min_prose`` paragraphs of prose, or more than ``max_share`` of the page's text (a
``<form>`` wrapping a whole page, a ``paywall`` class on the article body itself).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from newsclean.article import Removal
from newsclean.textutil import ends_sentence, word_count

__all__ = [
    "BUTTONS",
    "CONTENT_WORDS",
    "HIDDEN",
    "REPEATED",
    "WIDGETS",
    "WIDGET_WORDS",
    "FurnitureLimits",
    "delete_element",
    "named_kind",
    "strip_furniture",
]

HIDDEN = "hidden_elements"
WIDGETS = "page_widgets"
BUTTONS = "button_boxes"
REPEATED = "repeated_widgets"

#: what a word in a class, id or ``data-testid`` name says the element is (words are the
#: parts of a name split at ``-``, ``_``, digits and camelCase; two adjacent parts also
#: count joined, so ``font-size`` is ``fontsize``)
WIDGET_WORDS: dict[str, str] = {
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr", "cookiebar", "onetrust", "cookiebot"), "cookie notice"),
    **dict.fromkeys(("share", "sharing", "sharebar", "sharedaddy", "social", "sociallikes", "addthis"), "share widget"),
    **dict.fromkeys(("sharethis", "shariff"), "share widget"),
    **dict.fromkeys(("fontsize", "textsize", "textresize", "fontresize"), "text-size widget"),
    **dict.fromkeys(("login", "signin", "logon", "userlogin", "register", "registration"), "login prompt"),
    **dict.fromkeys(("paywall", "regwall", "premiumlock", "premiumwall"), "paywall prompt"),
    **dict.fromkeys(("related", "relatedposts", "readalso", "outbrain", "taboola"), "related links"),
    **dict.fromkeys(("newsletter", "newsletters", "signup", "simplenews", "mailchimp", "optin"), "newsletter box"),
    **dict.fromkeys(("gallery", "slideshow", "lightbox"), "gallery"),
    **dict.fromkeys(("player", "jwplayer", "videoplayer", "vjs", "videojs", "audioplayer"), "media player"),
    **dict.fromkeys(("donate", "donation", "donations", "fundraising", "supportbox"), "donation appeal"),
    **dict.fromkeys(("reporterror", "errorreport"), "error-report widget"),
    **dict.fromkeys(("modal", "popup"), "pop-up"),
}
#: words that name the article's own content in a class name ("article-body", "entry-content",
#: "story_text", "gallery-title"): an element that carries such a name is not furniture by name
CONTENT_WORDS = frozenset(("article", "content", "body", "story", "entry", "text", "title", "headline"))

# kinds whose elements are the page's content on a gallery or video page: they go only when
# they hold no sentence (labels, counters, times and captions, not the story told in slides)
_MEDIA = frozenset(("gallery", "media player"))

# kinds that are controls: the element must hold a link or a control to be one (a utility
# class such as "font-size-sm" on a line of text is not a widget)
_INTERACTIVE = frozenset(("share widget", "text-size widget", "login prompt", "newsletter box"))
_ROLES: dict[str, str] = {"dialog": "dialog", "alertdialog": "dialog", "toolbar": "toolbar"}
_TAGS = frozenset(("dialog",))
_NEVER = frozenset(("html", "body", "main", "article", "h1", "head"))
# (stdlib ``re``: these run on every element's attributes, where the ``regex`` module's
# case folding and timeout cost ten times more; none of them can backtrack)
_NAME_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_NAMING = ("class", "id", "data-testid")
# the elements the steps look at: blocks that hold a widget or a hidden region (inline
# elements, links and list items hold a piece of one; walking them costs most of the time)
_CONTAINERS = (
    "div",
    "section",
    "aside",
    "ul",
    "ol",
    "dl",
    "form",
    "dialog",
    "figure",
    "header",
    "footer",
    "nav",
    "p",
    "table",
    "iframe",
    "button",
    "details",
)
_CONTROLS = ("form", "button", "input", "select", "textarea")


@dataclass(frozen=True)
class FurnitureLimits:
    """What an element may hold and still go: at most ``max_share`` of the page's text and
    fewer than ``min_prose`` prose paragraphs (``prose_words`` words, or a sentence of
    ``sentence_words``), no ``h1``; a hidden one, no prose paragraph once it holds more
    than ``hidden_chars`` characters. A repeated box holds at most ``box_chars`` characters,
    a box around a button at most ``button_chars``. A box shown more than ``max_repeats``
    times is a list's repeated item (course materials, product options), not a widget."""

    max_share: float = 0.3
    hidden_chars: int = 300
    min_prose: int = 3
    prose_words: int = 30
    sentence_words: int = 12
    box_chars: int = 400
    max_repeats: int = 3
    button_chars: int = 250


def strip_furniture(
    tree: etree._Element,
    *,
    hidden: bool = True,
    widgets: bool = True,
    buttons: bool = False,
    repeated: bool = True,
    limits: FurnitureLimits | None = None,
) -> list[Removal]:
    """Remove from ``tree`` (in place) what the switched-on steps find; one removal each."""
    limits = limits or FurnitureLimits()
    body = tree.find("body")
    if body is None or not (hidden or widgets or buttons or repeated):
        return []
    page_chars = _chars(body)
    found: list[tuple[etree._Element, str, str]] = []
    if hidden or widgets:
        found += _marked(body, hidden=hidden, widgets=widgets)
    if buttons:
        found += _button_boxes(body, limits)
    if repeated:
        found += _repeated(body, limits)
    removals: list[Removal] = []
    gone: set[etree._Element] = set()
    for el, step, reason in found:
        if (
            el in gone
            or any(a in gone for a in el.iterancestors())
            or not _may_go(el, step, reason, page_chars, limits)
        ):
            continue
        text = " ".join(" ".join(el.itertext()).split())
        gone.add(el)
        delete_element(el)
        if text:
            removals.append(Removal(filter=step, reason=reason, text=text))
    return removals


def _marked(body: etree._Element, *, hidden: bool, widgets: bool) -> Iterator[tuple[etree._Element, str, str]]:
    """Elements hidden from the reader or named as furniture, in document order."""
    kinds: dict[str, str | None] = {}  # class/id value -> furniture kind (values repeat)
    for el in body.iterdescendants(*_CONTAINERS):
        tag = str(el.tag)
        if hidden:
            why = _hidden(el)
            if why:
                yield el, HIDDEN, why
                continue
        if widgets:
            why = _widget(el, tag, kinds)
            if why:
                yield el, WIDGETS, why


_HIDDEN_ATTRIBUTE = "hidden element (hidden attribute)"


def _hidden(el: etree._Element) -> str | None:
    value = el.get("hidden")
    if value is not None and value.strip().casefold() != "until-found":
        return _HIDDEN_ATTRIBUTE
    aria = el.get("aria-hidden")
    if aria and aria.strip().casefold() == "true":
        return "hidden element (aria-hidden)"
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return "hidden element (inline style)"
    return None


def _widget(el: etree._Element, tag: str, kinds: dict[str, str | None]) -> str | None:
    if tag in _TAGS:
        return f"page furniture (<{tag}>)"
    role = el.get("role")
    if role:
        role = role.strip().casefold()
        if role in _ROLES:
            return f"{_ROLES[role]} (role={role})"
    for attr in _NAMING:
        value = el.get(attr)
        if not value:
            continue
        kind = kinds.get(value, "")
        if kind == "":
            kind = kinds[value] = named_kind(value)
        if kind and (kind not in _INTERACTIVE or _has_control(el)) and (kind not in _MEDIA or _labels_only(el)):
            return f"{kind} ({attr} {value.strip()[:60]!r})"
    return None


_CONTROL = etree.XPath("boolean(descendant-or-self::*[self::a or self::button or self::input or self::select])")


def _has_control(el: etree._Element) -> bool:
    return bool(_CONTROL(el))


_SENTENCE_WORDS = 6


_MEDIA_CHARS = 200


def _labels_only(el: etree._Element) -> bool:
    """Whether a gallery or player holds only labels: short (``_MEDIA_CHARS``), no sentence."""
    return _chars(el) <= _MEDIA_CHARS and not _has_sentence(el)


def _has_sentence(el: etree._Element) -> bool:
    """Whether a piece of the element's text is a sentence (6+ words, sentence punctuation)."""
    return any(ends_sentence(t) and word_count(t) >= _SENTENCE_WORDS for t in el.itertext())


def named_kind(value: str) -> str | None:
    """The furniture kind a class/id value names, if one of its names is made of a furniture
    word and none of them names the article's own content (:data:`CONTENT_WORDS` without a
    furniture word: ``article-body paywall`` is the article, behind a paywall)."""
    kind = None
    for name in value.split():
        parts = [p.lower() for p in _NAME_PARTS.findall(name)]
        found = next(
            (WIDGET_WORDS[w] for w in (*parts, *(a + b for a, b in itertools.pairwise(parts))) if w in WIDGET_WORDS),
            None,
        )
        if found is None and CONTENT_WORDS.intersection(parts):
            return None
        kind = kind or found
    return kind


def _repeated(body: etree._Element, limits: FurnitureLimits) -> list[tuple[etree._Element, str, str]]:
    """Small boxes around a control whose text stands two or three times on the page."""
    boxes: dict[str, list[etree._Element]] = {}
    seen: set[etree._Element] = set()
    lengths: dict[etree._Element, int] = {}
    for control in body.iter(*_CONTROLS):
        box = _box(control, limits.box_chars, lengths)
        if box is None or box in seen:
            continue
        seen.add(box)
        key = " ".join(_text(box).split())
        if len(key) >= 20:
            boxes.setdefault(key, []).append(box)
    out: list[tuple[etree._Element, str, str]] = []
    for found in boxes.values():
        apart = [b for b in found if not any(a in found for a in b.iterancestors())]
        if 2 <= len(apart) <= limits.max_repeats:
            out += [(b, REPEATED, f"box repeated {len(apart)} times on the page") for b in apart]
    return out


_BUTTONS = etree.XPath("//button | //input[not(@type='hidden')] | //*[@role='button']")


def _button_boxes(body: etree._Element, limits: FurnitureLimits) -> list[tuple[etree._Element, str, str]]:
    """Short boxes around a button, with no prose paragraph in them."""
    out = []
    for control in _BUTTONS(body):
        box = _box(control, limits.button_chars, {})
        if box is not None and not _prose_paragraphs(box, limits):
            out.append((box, BUTTONS, "short box around a button"))
    return out


def _box(control: etree._Element, max_chars: int, lengths: dict[etree._Element, int]) -> etree._Element | None:
    """The largest block around ``control`` (at most three levels up) within ``max_chars``;
    ``None`` if there is none. ``lengths`` memoizes text lengths (links share ancestors)."""
    best = None
    node = control.getparent()
    for _ in range(3):
        if node is None or node.tag in _NEVER or not isinstance(node.tag, str):
            break
        length = lengths.get(node)
        if length is None:
            length = lengths[node] = len(_text(node))
        if length > max_chars:
            break
        best = node
        node = node.getparent()
    return best


def _may_go(el: etree._Element, step: str, reason: str, page_chars: int, limits: FurnitureLimits) -> bool:
    """The guards: no ``h1``, little of the page's text, few prose paragraphs; a hidden
    element with a paragraph of prose goes only when short (a folded tab or accordion
    panel holds text the page means to show)."""
    if el.find(".//h1") is not None:
        return False
    chars = _chars(el)
    if page_chars and chars > limits.max_share * page_chars:
        return False
    if step == HIDDEN and reason != _HIDDEN_ATTRIBUTE and _has_sentence(el):
        return False  # a folded accordion or tab panel: text the page shows on a click
    if step == HIDDEN and chars > limits.hidden_chars:
        return not _prose_paragraphs(el, limits)
    return _prose_paragraphs(el, limits, stop=limits.min_prose) < limits.min_prose


def _prose_paragraphs(el: etree._Element, limits: FurnitureLimits, stop: int = 1) -> int:
    """How many paragraphs of prose ``el`` holds (counting stops at ``stop``)."""
    prose = 0
    for p in el.iter("p"):
        text = _text(p)
        n = word_count(text)
        if n >= limits.prose_words or (n >= limits.sentence_words and ends_sentence(text)):
            prose += 1
            if prose >= stop:
                break
    return prose


_STRING = etree.XPath("string()")


def _text(el: etree._Element) -> str:
    """The element's text (its string value, built in C)."""
    return str(_STRING(el))


def _chars(el: etree._Element) -> int:
    text = _text(el)
    return len(text) - sum(text.count(c) for c in " \n\t\r\f")


def delete_element(el: etree._Element) -> None:
    """Remove ``el`` and its subtree, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
