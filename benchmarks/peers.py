"""The extractors compared, behind one interface: ``peer(html_bytes, url) -> body text``.

Every peer gets the page's raw bytes and does its own decoding inside the timed call, so
decoding is paid by everyone. :func:`run_peer` times one call with
``time.perf_counter`` and turns a crash into ``None`` (the metrics score it as an empty
extraction) plus the error message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

Peer = Callable[[bytes, "str | None"], str]

# block-level tags after which readability's summary HTML gets a line break
_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td"}
    | {"th", "br", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "main"}
    | {"aside", "nav"}
)


def _decode(html: bytes) -> str:
    from newsclean.sources.detect import decode

    return decode(html, html_hint=True)


def newsclean_html(html: bytes, url: str | None) -> str:
    import newsclean

    return newsclean.clean(html, url=url, kind="html").text


def trafilatura_default(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def trafilatura_fast(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, fast=True) or ""


def newspaper4k(html: bytes, url: str | None) -> str:
    import newspaper

    article = newspaper.Article(url or "http://example.com/article", fetch_images=False)
    article.download(input_html=_decode(html))
    article.parse()
    return article.text or ""


def readability(html: bytes, url: str | None) -> str:
    import lxml.html
    from readability import Document

    summary = Document(_decode(html), url=url).summary(html_partial=True)
    if not summary.strip():
        return ""
    tree = lxml.html.fromstring(summary)
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    text = tree.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


PEERS: dict[str, Peer] = {
    "newsclean": newsclean_html,
    "trafilatura": trafilatura_default,
    "trafilatura-fast": trafilatura_fast,
    "newspaper4k": newspaper4k,
    "readability": readability,
}
BASELINE = "trafilatura"  # speed ratios are against this peer, measured in the same run


def quiet() -> None:
    """Silence the peers' own logging (trafilatura and readability log per page)."""
    for name in ("trafilatura", "readability", "newspaper", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def run_peer(peer: Peer, html: bytes, url: str | None) -> dict[str, Any]:
    """``{"text": str | None, "ms": float, "error": str | None}`` for one page."""
    start = time.perf_counter()
    try:
        text: str | None = peer(html, url)
        error = None
    except Exception as exc:  # a crash is a result: it scores as an empty extraction
        text, error = None, f"{type(exc).__name__}: {exc}"[:200]
    return {"text": text, "ms": (time.perf_counter() - start) * 1000, "error": error}
