"""The numbers the page-type decision reads: markup, URL shape, the extraction and the body.

:func:`read_evidence` gathers, once the HTML source has extracted the body, what the page
shows of its type (:class:`PageEvidence`): what the metadata walk already collected
(schema.org types, ``og:type``, bylines, ...; :class:`~newsclean.metadata.signals.Signals`),
a few counts the parsed tree gives in C (tags, links, microdata types), and what the
extraction found (how much of the page's visible text it kept, whether its fast body was
doubted, what page furniture went before it). :func:`features` adds the URL's shape and the
body (the blocks: prose share, paragraph lengths, teaser structure, ...) and gives one
flat, named vector of numbers. Every feature is a count (as ``log1p``), a share or a 0/1
flag, and none depends on the page's language: words come in only as markup vocabulary
(schema.org types, URL path words, the names of page furniture).

    >>> from newsclean.sources.parse import parse_html
    >>> tree = parse_html('<html><body><article><h1>A title</h1><p>Some text.</p></article></body></html>')
    >>> evidence = read_evidence(tree, "https://example.org/2024/05/a-long-story-slug-here")
    >>> evidence.tags["article"], features(evidence, [])["url_year"]
    (1, 1.0)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from lxml import etree

from newsclean.article import Removal
from newsclean.document import Block, Kind
from newsclean.sources.page_furniture import WIDGETS, named_kind
from newsclean.textutil import ends_sentence

if TYPE_CHECKING:
    from newsclean.metadata import PageMetadata
    from newsclean.metadata.signals import Signals

__all__ = ["PageEvidence", "body_features", "features", "read_evidence", "url_features"]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: schema.org types (JSON-LD ``@type``, microdata ``itemtype``) by the page type they speak for
SCHEMA_GROUPS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            _words(
                "article newsarticle blogposting report scholarlyarticle liveblogposting opinionnewsarticle "
                "analysisnewsarticle reportagenewsarticle backgroundnewsarticle reviewnewsarticle socialmediaposting "
                "recipe medicalwebpage"
            ),
            "article",
        ),
        **dict.fromkeys(_words("product offer aggregateoffer individualproduct productgroup productmodel"), "product"),
        **dict.fromkeys(_words("itemlist collectionpage offercatalog searchresultspage"), "list"),
        **dict.fromkeys(_words("discussionforumposting qapage question answer comment"), "forum"),
        **dict.fromkeys(_words("techarticle apireference softwaresourcecode"), "docs"),
        **dict.fromkeys(
            _words(
                "organization localbusiness service professionalservice corporation softwareapplication "
                "webapplication course educationalorganization collegeoruniversity event contactpage aboutpage "
                "faqpage store onlinestore"
            ),
            "org",
        ),
        "webpage": "webpage",
        "website": "website",
        "breadcrumblist": "breadcrumb",
        "howto": "howto",
        "review": "review",
        "aggregaterating": "review",
        "person": "person",
        "videoobject": "video",
    }
)

#: tags counted one by one (rare on a page: few elements to look at)
COUNTED = _words("article main time pre code form input textarea select button table h1 h2 h3 h4 blockquote nav aside")
#: tags counted by lxml alone (common: an XPath count, no element reaches Python)
_XPATH_COUNTED = ("p", "li", "a", "img")
_COUNTS = {t: etree.XPath(f"count(//{t})") for t in _XPATH_COUNTED}

#: words of a URL path counted as present/absent
URL_WORDS = _words(
    "docs doc documentation api reference wiki manual guide tutorial learn forum forums thread threads topic topics "
    "t questions q community discussion discussions board boards viewtopic showthread product products p dp itm "
    "item shop store buy collection collections category categories c b l catalog news blog article articles story "
    "post posts tag tags archive page pricing services service solutions features platform about contact en us "
    "html php htm aspx index search recipes reviews review best how what why vs listing library book app software "
    "download support help faq home course courses events jobs"
)
#: labels of the host name counted as present/absent
HOST_WORDS = _words(
    "docs developer forum forums community shop store help support wiki blog news answers discuss learn bbs"
)

_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,400}\]|"[^"]{0,100}")')
_QUOTED = re.compile(r'"([^"]{1,100})"')
_LD_DATE = re.compile(r'"datePublished"\s*:')
_LD_AUTHOR = re.compile(r'"author"\s*:\s*[\[{"]')
_LD_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(?:false|False|FALSE)')
_URL_WORD = re.compile(r"[a-z]+")
_DIGITS5 = re.compile(r"\d{5,}")
_YEAR_DIR = re.compile(r"/(?:19|20)\d\d/")
_SEARCH_NAMES = frozenset(("q", "s", "search", "query", "keyword", "keywords", "k", "term"))
_CURRENCY = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:€|\$|£|USD|EUR|GBP)")
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)")
_HREFS = etree.XPath("//a/@href", smart_strings=False)
_ITEMTYPES = etree.XPath("//@itemtype", smart_strings=False)
_PRICE_META = ("product:price:amount", "og:price:amount", "product:price", "og:price")


@dataclass(frozen=True)
class PageEvidence:
    """What a page shows of its type, besides its body.

    From the markup: ``og_type``, ``schema`` (schema.org types of JSON-LD and microdata,
    case-folded, each once), ``dated`` / ``authored`` (a publication date, an author in
    JSON-LD or meta tags), ``paywalled`` (JSON-LD ``isAccessibleForFree: false``),
    ``priced`` (product price meta tags), ``title`` (the ``<title>``), ``h1`` (how many),
    ``bylines`` (distinct author names in byline elements, author links and ``rel=author``
    links), ``tags`` (elements by tag, :data:`COUNTED` and a few common ones), ``links``
    (where the links go, :func:`_link_shape`), ``linked_headings`` (``h2``-``h4`` holding a
    link), ``search_inputs``, ``datetimes`` (``<time datetime>``).

    From the extraction: ``visible`` (characters of the page's visible text, counted
    without whitespace), ``doubt`` (what looked wrong with the fast extraction's body:
    ``"menu"``, ``"little"``, ``"one-block"`` or ``""``), ``furniture`` (what the
    structural steps took out before it, by reason: ``"cookie notice"``, ``"paywall
    prompt"``, ...) and, on a small page (:data:`SMALL_PAGE` visible characters or
    fewer), ``consent_chars``: the characters inside elements whose class or id names a
    cookie notice (such an element stays when it is the whole page).
    """

    url: str = ""
    title: str = ""
    og_type: str = ""
    schema: tuple[str, ...] = ()
    dated: bool = False
    authored: bool = False
    paywalled: bool = False
    priced: bool = False
    h1: int = 0
    h1_title: bool = False
    title_chars: int = 0
    title_words: int = 0
    published: str = ""
    authors: int = 0
    bylines: int = 0
    tags: Mapping[str, int] = field(default_factory=dict)
    links: Mapping[str, float] = field(default_factory=dict)
    linked_headings: int = 0
    anchored_headings: int = 0
    search_inputs: int = 0
    datetimes: int = 0
    visible: int = 0
    doubt: str = ""
    furniture: Mapping[str, int] = field(default_factory=dict)
    consent_chars: int = 0


#: a page with this many visible characters or fewer is looked at for a cookie notice
SMALL_PAGE = 1500
_NAMED = etree.XPath("//body//*[@class or @id]")
_COOKIE_NOTICE = "cookie notice"


def _consent_chars(tree: etree._Element) -> int:
    """Characters (without whitespace) inside the outermost elements whose class or id
    names a cookie notice."""
    total = 0
    for el in _NAMED(tree):
        named = any(named_kind(el.get(a) or "") == _COOKIE_NOTICE for a in ("class", "id"))
        if named and not any(named_kind(a.get("class") or "") == _COOKIE_NOTICE for a in el.iterancestors()):
            total += len("".join("".join(el.itertext()).split()))
    return total


def read_evidence(
    tree: etree._Element | None,
    url: str | None = None,
    page: PageMetadata | None = None,
    *,
    visible: int = 0,
    doubt: str | None = None,
    furniture: Sequence[Removal] = (),
) -> PageEvidence:
    """The evidence of a parsed page: ``page`` is its metadata (see
    :func:`newsclean.metadata.extract`: its fields and the signals its walk over the tree
    collected are read, the tree is not walked again), ``visible``, ``doubt`` and
    ``furniture`` what the HTML source found (see :class:`PageEvidence`).

    The tree is read by lxml in C: a few XPath counts and queries, and one walk over the
    few elements of :data:`COUNTED`. ``None`` (a page that did not parse) gives empty
    evidence but for the URL.
    """
    if tree is None:
        return PageEvidence(url=url or "")
    tags: Counter[str] = Counter()
    search_inputs = datetimes = linked_headings = anchored_headings = 0
    for el in tree.iter(COUNTED):
        tag = str(el.tag)
        tags[tag] += 1
        if tag == "input":
            if el.get("type") == "search" or (el.get("name") or "").casefold() in _SEARCH_NAMES:
                search_inputs += 1
        elif tag == "time":
            datetimes += el.get("datetime") is not None
        elif tag in ("h2", "h3", "h4"):
            linked_headings += el.find(".//a") is not None
            anchored_headings += el.get("id") is not None
    for tag, count in _COUNTS.items():
        n = int(count(tree))
        if n:
            tags[tag] = n
    hrefs = _HREFS(tree)
    signals = page.signals if page is not None else None
    schema = [t.rsplit("/", 1)[-1].casefold() for t in _ITEMTYPES(tree)]
    meta: Mapping[str, list[str]] = signals.meta if signals else {}
    dated = bool(meta.get("article:published_time") or meta.get("datepublished"))
    authored = bool(meta.get("author") or meta.get("article:author"))
    paywalled = False
    for text in signals.jsonld if signals else ():
        for m in _LD_TYPE.finditer(text):
            schema.extend(t.casefold() for t in _QUOTED.findall(m.group(1)))
        dated = dated or bool(_LD_DATE.search(text))
        authored = authored or bool(_LD_AUTHOR.search(text))
        paywalled = paywalled or bool(_LD_NOT_FREE.search(text))
    og_type = (meta.get("og:type") or [""])[0].strip().casefold()
    reasons = Counter(r.reason.partition(" (")[0] if r.filter == WIDGETS else r.filter for r in furniture)
    return PageEvidence(
        url=url or "",
        title=" ".join((signals.title or "").split()) if signals else "",
        og_type=og_type,
        schema=tuple(dict.fromkeys(schema)),
        dated=dated,
        authored=authored,
        paywalled=paywalled,
        priced=any(meta.get(k) for k in _PRICE_META),
        h1=len(signals.h1) if signals else 0,
        h1_title=_h1_title(page, signals),
        title_chars=len(page.title or "") if page else 0,
        title_words=len((page.title or "").split()) if page else 0,
        published=_published(page),
        authors=len(page.authors) if page else 0,
        bylines=_bylines(signals) if signals else 0,
        tags=dict(tags),
        links=_link_shape(hrefs, url),
        linked_headings=linked_headings,
        anchored_headings=anchored_headings,
        search_inputs=search_inputs,
        datetimes=datetimes,
        visible=visible,
        doubt=doubt or "",
        furniture=dict(reasons),
        consent_chars=_consent_chars(tree) if 0 < visible <= SMALL_PAGE else 0,
    )


def _h1_title(page: PageMetadata | None, signals: Signals | None) -> bool:
    """Whether the page's first ``<h1>`` is its title (an article's headline is both)."""
    if page is None or signals is None or not page.title or not signals.h1:
        return False
    return _key(signals.h1[0]) == _key(page.title)


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


#: sources of a publication date the markup states (JSON-LD, meta tags, microdata, ``<time>``)
_STATED = ("json-ld", "meta", "microdata", "html:time")


def _published(page: PageMetadata | None) -> str:
    """``"stated"`` when the markup states a publication date, ``"found"`` when one was
    found in the page's text, else ``""``."""
    if page is None or not page.published:
        return ""
    return "stated" if page.sources.get("published", "").startswith(_STATED) else "found"


def _bylines(signals: Signals) -> int:
    """Distinct author names the page shows in byline elements and author links."""
    names = {" ".join(t.casefold().split()) for t in signals.bylines}
    names.update(" ".join(t.casefold().split()) for t, _ in signals.author_links)
    names.update(" ".join(t.casefold().split()) for t, _ in signals.rel_author)
    return len(names)


# Over the page's links, one per line (each a linear scan: no nested quantifiers).
_FRAGMENT_LINK = re.compile(r"^\s*#", re.MULTILINE)
_SLUG_LINK = re.compile(r"[-_][^-_/\n?#]*[-_][^-_/\n?#]*[-_][^-_/\n?#]*[-_][^/\n?#]*/?(?:[?#].*)?$", re.MULTILINE)
_DATED_LINK = re.compile(r"/(?:19|20)\d\d/")
_USER_LINK = re.compile(r"/(?:u|user|users|member|members|profile|profiles|people)/")
_PRODUCT_LINK = re.compile(r"/(?:p|dp|product|products|item|itm|ip|sku)/|\.p$|/shop/", re.MULTILINE)


def _path(url: str | None) -> str:
    """The path of ``url`` (``""`` for none or an invalid URL)."""
    try:
        return urlsplit(url).path if url else ""
    except ValueError:
        return ""


def _link_shape(hrefs: list[str], url: str | None) -> dict[str, float]:
    """Counts and shares describing where the page's links go: to story-like slugs
    (five words or more), dated paths, user profiles, products, the cart, the page's own
    section (its first path segment), or nowhere (``#...``), in lower case. Regular
    expressions over all links at once: a loop over hundreds of links costs more than the
    rest of the page."""
    lines = "\n".join(hrefs).lower()  # a link holding a line break only blurs its own counts
    starts = "\n" + lines  # every line's start after a line break: counted with str.count
    path = _path(url).lower()
    first = path.split("/")[1] if path.startswith("/") and len(path) > 1 else ""
    n = len(hrefs) or 1
    slug_links = _SLUG_LINK.findall(lines)
    return {
        "n": len(hrefs),
        "external": sum(starts.count(f"\n{p}") for p in ("http://", "https://", "//")) / n,
        "slugs": len(set(slug_links)),
        "slug_share": len(slug_links) / n,
        "dated": len(_DATED_LINK.findall(lines)),
        "user": len(_USER_LINK.findall(lines)),
        "product": len(_PRODUCT_LINK.findall(lines)),
        "cart": sum(lines.count(w) for w in ("cart", "basket", "checkout")),
        "fragment": len(_FRAGMENT_LINK.findall(lines)) / n,
        "same_section": (lines.count("/" + first + "/") / n) if first else 0.0,
    }


def _log(n: float) -> float:
    return math.log1p(max(0.0, n))


_OG_KINDS = ("article", "product", "website", "video", "profile", "book")
_DOUBTS = ("menu", "little", "one-block")


def evidence_features(e: PageEvidence) -> dict[str, float]:
    """The evidence as named numbers (features that are 0 are left out)."""
    f: dict[str, float] = {}
    for t, count in e.tags.items():
        f["tag_" + t] = _log(count)
    for t in e.schema:
        group = SCHEMA_GROUPS.get(t)
        if group:
            f["schema_" + group] = 1.0
    og = e.og_type.split(".")[0].split(":")[0]
    if og:
        f["og_" + og if og in _OG_KINDS else "og_other"] = 1.0
    for name, flag in (("dated", e.dated), ("authored", e.authored), ("priced", e.priced)):
        if flag:
            f[name] = 1.0
    f["h1"] = float(min(e.h1, 3))
    f["h1_title"] = float(e.h1_title)
    f["title_chars"] = _log(e.title_chars)
    f["title_words"] = _log(e.title_words)
    if e.published:
        f["published_" + e.published] = 1.0
    f["authors"] = _log(e.authors)
    f["head_ids"] = _log(e.anchored_headings)
    f["bylines"] = _log(e.bylines)
    f["search_inputs"] = _log(e.search_inputs)
    f["datetimes"] = _log(e.datetimes)
    f["head_links"] = _log(e.linked_headings)
    links = e.links
    for key in ("n", "slugs", "dated", "user", "product", "cart"):
        f["l_" + key] = _log(links.get(key, 0))
    for key in ("external", "slug_share", "fragment", "same_section"):
        f["l_" + key] = float(links.get(key, 0.0))
    f["visible"] = _log(e.visible)
    if e.doubt in _DOUBTS:
        f["doubt_" + e.doubt] = 1.0
    for reason, n in e.furniture.items():
        f["furn_" + reason.replace(" ", "_")] = _log(n)
    return {k: v for k, v in f.items() if v}


def url_features(url: str | None) -> dict[str, float]:
    """The shape of the page's URL: depth, last segment, dates and IDs, path and host words."""
    f: dict[str, float] = {}
    if not url:
        f["url_none"] = 1.0
        return f
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        f["url_none"] = 1.0
        return f
    path = parts.path
    segments = [s for s in path.split("/") if s]
    last = segments[-1] if segments else ""
    f["url_depth"] = float(min(len(segments), 10))
    f["url_root"] = float(not segments)
    f["url_query"] = float(bool(parts.query))
    f["url_last_len"] = _log(len(last))
    f["url_last_hyphens"] = float(min(last.count("-") + last.count("_"), 12))
    f["url_digits5"] = float(bool(_DIGITS5.search(path)))
    f["url_year"] = float(bool(_YEAR_DIR.search(path)))
    words = set(_URL_WORD.findall(path.casefold()))
    for w in URL_WORDS:
        if w in words:
            f["urlw_" + w] = 1.0
    labels = set(host.casefold().split("."))
    for w in HOST_WORDS:
        if w in labels:
            f["host_" + w] = 1.0
    return {k: v for k, v in f.items() if v}


_PROSE_KINDS = (Kind.PARAGRAPH, Kind.QUOTE)
_QUESTION_MARKS = ("?", "？", "؟")


_CURRENCY_MARKS = ("$", "€", "£", "¥", "₹", "USD", "EUR", "GBP")


def _prices(text: str) -> int:
    """How many prices ``text`` holds (a currency sign or code next to a number); the
    regular expression runs only over a text holding a sign or code."""
    return len(_CURRENCY.findall(text)) if any(mark in text for mark in _CURRENCY_MARKS) else 0


def body_features(blocks: Sequence[Block], visible: int = 0) -> dict[str, float]:
    """The shape of the extracted body: how much prose, how long the paragraphs, how many
    teasers (a heading followed by a short paragraph), links, questions, prices, dates;
    with ``visible`` (the page's visible characters), the share of the page it holds."""
    n = len(blocks)
    chars: Counter[Kind] = Counter()
    counts: Counter[Kind] = Counter()
    paragraphs: list[int] = []
    total = dense = long200 = long400 = short = prose = linked = teasers = linked_headings = questions = dates = 0
    link = 0.0
    previous: Kind | None = None
    for b in blocks:
        text = b.text
        length = len(text)
        kind = b.kind
        total += length
        dense += length - text.count(" ") - text.count("\n")
        chars[kind] += length
        counts[kind] += 1
        if kind in _PROSE_KINDS:
            paragraphs.append(length)
            if previous is Kind.HEADING and kind is Kind.PARAGRAPH and length < 350:
                teasers += 1
        if length >= 200:
            long200 += length
            if length >= 400:
                long400 += length
        elif length < 60:
            short += 1
            if _DATE.search(text):
                dates += 1
        elif length < 80 and _DATE.search(text):
            dates += 1
        if length >= 40 and ends_sentence(text):
            prose += length
        ratio = b.link_ratio
        if ratio:
            link += ratio * length
            if ratio > 0.6:
                linked += 1
            if kind is Kind.HEADING and ratio > 0.5:
                linked_headings += 1
        if text.rstrip().endswith(_QUESTION_MARKS):
            questions += 1
        previous = kind
    size = total or 1
    f: dict[str, float] = {"b_n": _log(n), "b_chars": _log(total), "b_empty": float(n == 0)}
    for kind in (Kind.HEADING, Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.QUOTE, Kind.CODE, Kind.TABLE):
        if counts[kind]:
            f["bshare_" + kind.value] = chars[kind] / size
            f["bn_" + kind.value] = _log(counts[kind])
    if paragraphs:
        paragraphs.sort()
        f["p_median"] = _log(paragraphs[len(paragraphs) // 2])
        f["p_p75"] = _log(paragraphs[(3 * (len(paragraphs) - 1)) // 4])
        f["p_max"] = _log(paragraphs[-1])
    f["p_long200"] = long200 / size
    f["p_long400"] = long400 / size
    f["p_short60"] = short / max(1, n)
    f["prose"] = prose / size
    f["link"] = link / size
    f["linked_blocks"] = linked / max(1, n)
    f["teasers"] = _log(teasers)
    f["teaser_share"] = teasers / max(1, counts[Kind.HEADING])
    f["linked_headings"] = _log(linked_headings)
    f["questions"] = questions / max(1, n)
    f["currency"] = _log(_prices("\n".join(b.text for b in blocks)))
    f["dates"] = _log(dates)
    if visible:
        f["coverage"] = min(1.0, dense / visible)
    return {k: v for k, v in f.items() if v}


def features(evidence: PageEvidence, blocks: Sequence[Block]) -> dict[str, float]:
    """Every feature of a page: evidence, URL and body (absent keys are 0)."""
    f = evidence_features(evidence)
    f.update(url_features(evidence.url))
    f.update(body_features(blocks, evidence.visible))
    return f
