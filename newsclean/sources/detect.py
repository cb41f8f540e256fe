"""Decode bytes (any encoding) and tell HTML from plain text."""

from __future__ import annotations

import codecs

import charset_normalizer
import regex

from newsclean.errors import InputError
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["decode", "detect_kind"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.IGNORECASE)
# Elements that make a document HTML; an inline tag alone (<b>) in prose does not.
_HTML_START = regex.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b", regex.IGNORECASE | regex.DOTALL
)
_BLOCK_TAG = regex.compile(
    r"</?(?:html|head|body|div|p|br|span|a|article|section|main|header|footer|nav|aside|table|tr|td|ul|ol|li|"
    r"h[1-6]|script|style|meta|link|title|img|figure|figcaption|blockquote|em|strong|b|i|form|iframe|noscript)\b[^<>]{0,2000}>",
    regex.IGNORECASE,
)


def decode(data: bytes, *, html_hint: bool | None = None) -> str:
    """Decode ``data``: a BOM wins, then strict UTF-8, then a valid ``<meta charset>``,
    then charset-normalizer's best guess. Raises :class:`InputError` for binary data."""
    if not data:
        return ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1] == 0 else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html_hint is not False:
        m = _META_CHARSET.search(data[:8192], timeout=REGEX_TIMEOUT)
        if m:
            name = m.group(1).decode("ascii", "ignore")
            try:
                return data.decode(_canonical(name))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: fall through to detection
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None:
        if _binary(data):
            raise InputError("input looks like binary data, not a text or HTML page")
        return data.decode("cp1252", errors="replace")
    return data.decode(best.encoding, errors="replace")


def _canonical(name: str) -> str:
    name = name.lower()
    # browsers treat these labels as windows-1252 (WHATWG encoding standard)
    return "cp1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"} else codecs.lookup(name).name


def _looks_utf16(data: bytes) -> bool:
    sample = data[:400]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_zeros, odd_zeros) > 0.4 * half and min(even_zeros, odd_zeros) < 0.05 * half


def _binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > 0.1 * len(sample)


def detect_kind(text: str) -> str:
    """``"html"`` or ``"text"``.

    HTML when the text opens with a doctype, ``<html>``, ``<head>`` or ``<body>``; or when it
    opens with a tag and has markup; or when markup tags are dense (at least 3, a closing
    one among them, and one tag per 40 characters of text or more). Prose that mentions a
    tag ("use the <b> element") stays text.
    """
    head = text[:5000]
    if _HTML_START.match(head, timeout=REGEX_TIMEOUT):
        return "html"
    sample = text[:20000]
    tags = _BLOCK_TAG.findall(sample, timeout=REGEX_TIMEOUT)
    if not tags:
        return "text"
    closing = sum(1 for t in tags if t.startswith("</"))
    if (
        sample.lstrip().startswith("<")
        and _BLOCK_TAG.match(sample.lstrip(), timeout=REGEX_TIMEOUT)
        and (closing or len(tags) >= 2)
    ):
        return "html"
    return "html" if len(tags) >= 3 and closing and len(sample) / len(tags) <= 40 else "text"
