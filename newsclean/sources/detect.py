"""Decode bytes (any encoding) and tell HTML from plain text."""

from __future__ import annotations

import codecs
import logging
import unicodedata
from functools import lru_cache

import charset_normalizer
import regex

from newsclean.errors import BinaryInputError, DecodeError, InputError
from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["decode", "detect_kind", "sanitize", "sniff_binary"]

log: logging.Logger = logging.getLogger(__name__)

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


def decode(
    data: bytes, *, html_hint: bool | None = None, charset: str | None = None, encoding: str | None = None
) -> str:
    """Decode ``data``: a BOM wins, then UTF-16/32 without BOM (by the pattern of zero
    bytes), then the ``charset`` the transport declared (an HTTP ``Content-Type``) where
    the bytes agree with it, then strict UTF-8 (or UTF-8 with a few stray Latin-1 bytes),
    then a ``<meta charset>`` that the bytes agree with, then charset-normalizer's best guess.

    ``encoding`` is the caller's own word: the bytes are decoded with it (bytes it cannot
    decode become U+FFFD), after the check for binary data. A declared ``charset`` is
    weaker, as servers often send a default label: it is passed over when the bytes do not
    decode with it, or when a single-byte label sits on valid multi-byte UTF-8. The labels
    servers send by default (``ISO-8859-1``, ``US-ASCII``, ``windows-1252``: one encoding
    for browsers) also give way to a ``<meta charset>`` naming another encoding the bytes
    decode with, and to a multi-byte encoding charset-normalizer reads the bytes clearly
    better in (Shift-JIS, GB18030). Another single-byte label (``KOI8-R``, ``ISO-8859-2``)
    was chosen on purpose and is followed even where the bytes alone would be guessed otherwise.

    Raises :class:`~newsclean.errors.BinaryInputError` for binary data (a PDF, an image,
    an archive, ... whatever it is labelled), :class:`~newsclean.errors.DecodeError`
    when no encoding gives mostly valid text, and :class:`~newsclean.errors.InputError`
    for an ``encoding`` Python does not know.
    """
    if not data:
        return ""
    if encoding is not None:
        return _forced(data, encoding)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"))
    wide = _looks_utf32(data) or _looks_utf16(data)
    if wide:
        return _checked(data.decode(wide, errors="replace"))
    kind = sniff_binary(data)
    if kind == "binary":  # UTF-16 of non-Latin text has no zero bytes but "control" bytes
        wide = _utf16_text(data)
        if wide:
            return _checked(data.decode(wide, errors="replace"))
    if kind:
        raise BinaryInputError(kind)
    declared = _transport(data, charset, html_hint) if charset else None
    if declared is not None:
        return declared
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    declared = _declared(data) if html_hint is not False else None
    if declared:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: the bytes do not even decode
        else:
            if _plausible(data, declared):
                return text
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None:
        return _checked(data.decode("cp1252", errors="replace"))
    return _checked(data.decode(best.encoding, errors="replace"))


def _forced(data: bytes, encoding: str) -> str:
    """``data`` decoded with the caller's ``encoding`` (a BOM of it dropped)."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    kind = sniff_binary(data) if not codec.startswith(("utf-16", "utf-32")) else None
    if kind:
        raise BinaryInputError(kind)
    return _checked(data.decode(codec, errors="replace").removeprefix("\ufeff"))


def _transport(data: bytes, charset: str, html_hint: bool | None) -> str | None:
    """``data`` decoded with the charset its transport declared, or ``None`` where the
    bytes disagree with it (see :func:`decode`)."""
    try:
        name = _canonical(charset.strip().strip("\"'"))
    except LookupError:
        log.debug("unknown charset %r declared: ignored", charset)
        return None
    if _single_byte(name):
        if not data.isascii() and _is_utf8(data):
            return None  # a server's default label on a UTF-8 page: strict UTF-8 follows
        if name == "cp1252" and (_page_declares_other(data, name, html_hint) or not _plausible(data, name)):
            return None  # a server's default label: the page's own declaration, then detection, decide
        return data.decode(name, errors="replace")
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _page_declares_other(data: bytes, name: str, html_hint: bool | None) -> bool:
    """Whether the page's ``<meta charset>`` names another encoding that decodes it."""
    declared = _declared(data) if html_hint is not False else None
    if not declared or declared == name:
        return False
    try:
        data.decode(declared)
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_STRAY = regex.compile(r"[\uDC80-\uDCFF]+")  # bytes that were not UTF-8 (surrogate-escaped)
_MULTIBYTE = regex.compile(r"[^\x00-\x7F\uDC80-\uDCFF]")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray single-byte characters, decoded: the stray bytes read
    as windows-1252 (a page in UTF-8 with one "ü" pasted in Latin-1, ``b"Gr\\xfc\\xdfe"``).

    ``None`` unless the bytes hold valid multi-byte UTF-8 and at most one stray byte per
    2,000 (at least 8 allowed): a Latin-1 page has no valid multi-byte sequences, and a
    page with many stray bytes is in another encoding.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = _STRAY.findall(text, timeout=REGEX_TIMEOUT)
    count = sum(len(s) for s in stray)
    if not count or count > max(8, len(data) // 2000) or not _MULTIBYTE.search(text, timeout=REGEX_TIMEOUT):
        return None
    return _STRAY.sub(_as_cp1252, text, timeout=REGEX_TIMEOUT)


def _as_cp1252(m: regex.Match[str]) -> str:
    return bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", errors="replace")


def _declared(data: bytes) -> str | None:
    """The encoding a ``<meta charset>`` (or ``http-equiv``) in the head names, if Python knows it."""
    m = _META_CHARSET.search(data[:8192], timeout=REGEX_TIMEOUT)
    if not m:
        return None
    try:
        return _canonical(m.group(1).decode("ascii", "ignore"))
    except LookupError:
        return None


def _plausible(data: bytes, declared: str) -> bool:
    """Whether a declared encoding fits the bytes.

    Single-byte encodings (windows-1252, latin-1, ...) decode any bytes, so a page in
    Shift-JIS declared as windows-1252 decodes without error into gibberish; a declared
    encoding is kept unless charset-normalizer finds a clearly better one of another
    family (a multi-byte encoding that decodes the text with little chaos).
    """
    if not _single_byte(declared):
        return True  # multi-byte decoders reject bytes that are not theirs
    sample = data[:200_000]
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or _single_byte(best.encoding):
        return True
    return not best.chaos < 0.1


@lru_cache(maxsize=256)
def _single_byte(encoding: str) -> bool:
    """Whether ``encoding`` maps each byte to one character (windows-1252, KOI8-R, but also
    DOS code pages such as cp775 that charset-normalizer may name): the 256 byte values
    decode to 256 characters, where a multi-byte decoder pairs some of them up."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    if name.startswith(("utf", "ucs", "iso2022", "hz")):  # whole ranges of bytes are not theirs
        return False
    try:
        return len(bytes(range(256)).decode(name, errors="replace")) == 256
    except (UnicodeError, LookupError, TypeError):
        return False


def _checked(text: str) -> str:
    """``text``, unless it is mostly replacement characters (undecodable bytes)."""
    sample = text[:20_000]
    if len(sample) >= 64 and sample.count("\ufffd") > 0.25 * len(sample):
        raise DecodeError("input bytes do not decode as text in any known encoding (mostly invalid sequences)")
    return text


# Signatures of binary formats that get served as (or mistaken for) pages.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "pdf"),
    (0, b"\x89PNG\r\n\x1a\n", "png"),
    (0, b"\xff\xd8\xff", "jpeg"),
    (0, b"GIF87a", "gif"),
    (0, b"GIF89a", "gif"),
    (0, b"PK\x03\x04", "zip"),
    (0, b"PK\x05\x06", "zip"),
    (0, b"\x1f\x8b\x08", "gzip"),
    (0, b"\x28\xb5\x2f\xfd", "zstd"),
    (0, b"\xfd7zXZ\x00", "xz"),
    (0, b"BZh", "bzip2"),
    (0, b"7z\xbc\xaf\x27\x1c", "7z"),
    (0, b"Rar!\x1a\x07", "rar"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2 (doc/xls)"),
    (0, b"\x7fELF", "elf executable"),
    (0, b"wOFF", "woff font"),
    (0, b"wOF2", "woff2 font"),
    (0, b"OggS", "ogg"),
    (0, b"ID3", "mp3"),
    (0, b"fLaC", "flac"),
    (0, b"\x1a\x45\xdf\xa3", "matroska/webm"),
    (0, b"II*\x00", "tiff"),
    (0, b"MM\x00*", "tiff"),
    (0, b"SQLite format 3\x00", "sqlite"),
    (4, b"ftyp", "mp4/heic"),
)
_RIFF_KINDS = {b"WEBP": "webp", b"WAVE": "wav", b"AVI ": "avi"}
# first characters of the signatures (a str is only checked when it opens with one)
_MAGIC_STARTS = frozenset(chr(magic[0]) for offset, magic, _ in _MAGIC if offset == 0) | {"R", "\x00"}


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` is (``"pdf"``, ``"png"``, ``"zip"``, ... or ``"binary"``
    when a large share of control bytes gives it away), or ``None`` for text-like bytes.

    Call it on bytes that are not UTF-16/32 (their zero bytes look binary)."""
    return _magic(data[:64].lstrip(b" \t\r\n")) or ("binary" if _binary(data) else None)


def _magic(head: bytes) -> str | None:
    """The binary format whose signature ``head`` opens with, if any."""
    for offset, magic, kind in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if kind == "bzip2" and not head[3:4].isdigit():
                continue
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    return None


def sanitize(text: str) -> str:
    """``text`` safe for the parsers: lone surrogates become U+FFFD and NUL characters go.

    Raises :class:`~newsclean.errors.BinaryInputError` for a string that is a binary
    file read as text (it opens with a PDF, PNG, ZIP, ... signature). Control characters
    alone do not make a string binary: the ``normalize`` filter drops them."""
    if text.isascii():
        if "\x00" in text:
            text = text.replace("\x00", "")
    else:
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _SURROGATE.search(text) else text
        text = text.replace("\x00", "")
    head = text[:64].lstrip()
    if head[:1] in _MAGIC_STARTS:
        kind = _magic(head.encode("latin-1", "replace"))
        if kind:
            raise BinaryInputError(kind)
    return text


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _canonical(name: str) -> str:
    name = name.lower()
    # browsers treat these labels as windows-1252 (WHATWG encoding standard)
    return "cp1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"} else codecs.lookup(name).name


def _looks_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the zero bytes fall on one side (mostly-ASCII
    UTF-16 without BOM), else ``None``."""
    sample = data[:400]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if max(even_zeros, odd_zeros) > 0.4 * half and min(even_zeros, odd_zeros) < 0.05 * half:
        return "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    return None


def _looks_utf32(data: bytes) -> str | None:
    """``"utf-32-le"``/``"utf-32-be"`` for UTF-32 without BOM (three zero bytes in four)."""
    sample = data[: 400 - 400 % 4]
    if len(sample) < 8 or len(sample) % 4:
        return None
    quarter = len(sample) // 4
    zeros = [sample[i::4].count(0) for i in range(4)]
    if zeros[0] < 0.05 * quarter and min(zeros[1:]) > 0.9 * quarter:
        return "utf-32-le"
    if zeros[3] < 0.05 * quarter and min(zeros[:3]) > 0.9 * quarter:
        return "utf-32-be"
    return None


def _utf16_text(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes decode strictly as UTF-16 into
    printable text of assigned characters (Chinese, Japanese, Korean, ... without BOM);
    random binary data fails this on its first unpaired surrogate."""
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not text:
            continue
        good = sum(1 for c in text if (c.isprintable() or c.isspace()) and unicodedata.category(c) not in _ODD)
        if good >= 0.98 * len(text):
            return encoding
    return None


_ODD = frozenset(("Co", "Cn", "Cs"))


# control bytes that text does not hold (tab, newlines, form feed and escape are text)
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 27 or 27 < b < 32)


def _binary(data: bytes) -> bool:
    """Many control bytes (other than tab, newlines, form feed, escape) or any run of NULs."""
    sample = data[:4096]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.1 * len(sample) or sample.count(b"\x00\x00\x00\x00") > 2


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
