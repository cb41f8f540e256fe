"""Markdown read into typed blocks, and the structure scores of one page.

A Markdown document (CommonMark plus GFM pipe tables) is parsed with markdown-it-py and
read into a :class:`Structure`: heading texts, list-item texts (each item's own text,
without the items of lists nested in it), table-cell texts (header and body cells),
the words inside block quotes, link URLs (made absolute against the page URL and
normalised) and the words of the whole text (inline text and code, no link targets and
no raw HTML).

Texts are compared as lower-cased ``\\w+`` word tokens: a heading, item or cell is the
sequence of its tokens, and two are the same when those sequences are equal.
:func:`score` gives, for one page, the F1 of the multisets of headings, list items and
table cells, the F1 of the sets of link URLs, the recall of the quoted words (multiset)
and the word F1 of the whole text; ``None`` where the reference has no such element (the
page does not count in that column's macro average).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from markdown_it import MarkdownIt

__all__ = ["Structure", "normalise_url", "read", "score"]

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def key(text: str) -> str:
    """A text as its lower-cased word tokens, joined by one space."""
    return " ".join(words(text))


@dataclass
class Structure:
    headings: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)  # words
    links: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)  # words


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def normalise_url(href: str, base: str | None) -> str | None:
    """An absolute http(s) URL without fragment, default port and trailing slash, with a
    lower-cased scheme and host and percent-escapes decoded; ``None`` for other links."""
    href = href.strip()
    if not href:
        return None
    url = urljoin(base or "", href)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.lower()
    if (scheme, host.rsplit(":", 1)[-1]) in (("http", "80"), ("https", "443")):
        host = host.rsplit(":", 1)[0]
    path = unquote(parts.path).rstrip("/")
    return urlunsplit((scheme, host, path, unquote(parts.query), ""))


def _inline_text(token: Any) -> str:
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def _links(token: Any, base: str | None, into: set[str]) -> None:
    for child in token.children or []:
        if child.type == "link_open":
            url = normalise_url(str(child.attrGet("href") or ""), base)
            if url:
                into.add(url)


def read(markdown: str, base: str | None = None) -> Structure:
    """The typed blocks of ``markdown`` (relative links resolved against ``base``)."""
    out = Structure()
    item_texts: list[list[str]] = []  # one entry per open list item: its own paragraphs
    quote_depth = 0
    cell = False
    heading = False
    for tok in _parser().parse(markdown or ""):
        t = tok.type
        if t == "list_item_open":
            item_texts.append([])
        elif t == "list_item_close":
            text = key(" ".join(item_texts.pop()))
            if text:
                out.items.append(text)
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t in ("th_open", "td_open"):
            cell = True
        elif t in ("th_close", "td_close"):
            cell = False
        elif t == "heading_open":
            heading = True
        elif t == "heading_close":
            heading = False
        elif t in ("fence", "code_block"):
            out.text.extend(words(tok.content))
            if quote_depth:
                out.quoted.extend(words(tok.content))
        elif t == "inline":
            text = _inline_text(tok)
            _links(tok, base, out.links)
            tokens = words(text)
            out.text.extend(tokens)
            if quote_depth:
                out.quoted.extend(tokens)
            if heading:
                if tokens:
                    out.headings.append(" ".join(tokens))
            elif cell:
                if tokens:
                    out.cells.append(" ".join(tokens))
            elif item_texts:  # the innermost open item's own text
                item_texts[-1].append(text)
    return out


def _f1(truth: Counter[str], pred: Counter[str]) -> float:
    overlap = sum((truth & pred).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(truth.values())
    return 2 * p * r / (p + r)


def score(truth: Structure, pred: Structure) -> dict[str, float | None]:
    """Per-page scores (``None``: the reference has no such element)."""
    out: dict[str, float | None] = {}
    for name in ("headings", "items", "cells"):
        t: list[str] = getattr(truth, name)
        out[name] = _f1(Counter(t), Counter(getattr(pred, name))) if t else None
    out["links"] = _f1(Counter(truth.links), Counter(pred.links)) if truth.links else None
    if truth.quoted:
        tq = Counter(truth.quoted)
        out["quotes"] = sum((tq & Counter(pred.quoted)).values()) / sum(tq.values())
    else:
        out["quotes"] = None
    out["words"] = _f1(Counter(truth.text), Counter(pred.text)) if truth.text else None
    return out
