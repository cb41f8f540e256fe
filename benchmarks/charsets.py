"""Decoding bytes whose HTTP charset and ``<meta charset>`` disagree: newsclean vs UnicodeDammit.

    python -m benchmarks.charsets

Every corpus page with enough non-ASCII letters (its first 50,000 characters) is re-encoded in its script's legacy
encoding (Latin: windows-1252, Cyrillic: windows-1251, Chinese: GB18030, Japanese:
Shift-JIS, Korean: EUC-KR; characters it lacks become character references) or in UTF-8,
its ``<meta charset>`` replaced, and given an HTTP charset, in scenarios where one of
the two labels is wrong (a server's default ``ISO-8859-1`` on a UTF-8 page, a template's
``utf-8`` on a legacy page, ...). A decoder scores a page when its text equals the
re-encoded page decoded with the right encoding. Written to
``benchmarks/results/charsets.md``.

Decoders: newsclean's ``decode(data, charset=header)`` (what ``clean(response)`` does),
the same without the header (what ``clean(response.content)`` does), bs4's
``UnicodeDammit`` with the header as a known definite encoding (tried first) and as a
user encoding (tried after the markup's declaration), the first again with its detector
set to charset-normalizer (UnicodeDammit uses chardet when it is installed, as it is
here, not by newsclean), and the header alone.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import bs4.dammit
import charset_normalizer
from bs4 import UnicodeDammit

from benchmarks.corpora import CORPORA
from benchmarks.markdown import table
from newsclean.errors import NewscleanError
from newsclean.sources.detect import decode

RESULTS = Path(__file__).resolve().parent / "results"
#: pages are cut to their first 50,000 characters (head and most of the body): decoding
#: is decided on the first part of a page, and chardet under UnicodeDammit is slow on more
PAGE_CHARS = 50_000
LEGACY = {"LATIN": "cp1252", "CYRILLIC": "cp1251", "CJK": "gb18030", "KANA": "shift_jis", "HANGUL": "euc-kr"}
_META = re.compile(rb"<meta[^>]{0,300}?charset[^>]{0,100}>", re.IGNORECASE)
_HEAD = re.compile(rb"<head[^>]{0,300}>", re.IGNORECASE)

# (name, bytes' encoding: "legacy" or "utf-8", header label, meta label); "legacy" in a
# label is the page's legacy encoding, None is no label
SCENARIOS: list[tuple[str, str, str | None, str | None]] = [
    ("header right, meta utf-8 (wrong)", "legacy", "legacy", "utf-8"),
    ("header right, no meta", "legacy", "legacy", None),
    ("header ISO-8859-1 (wrong) on UTF-8, meta right", "utf-8", "iso-8859-1", "utf-8"),
    ("header ISO-8859-1 (wrong) on UTF-8, no meta", "utf-8", "iso-8859-1", None),
    ("header utf-8 (wrong), meta right", "legacy", "utf-8", "legacy"),
    ("header utf-8 (wrong), no meta", "legacy", "utf-8", None),
    ("header ISO-8859-1 (wrong unless Latin), meta right", "legacy", "iso-8859-1", "legacy"),
    ("header windows-1252 (wrong unless Latin), meta right", "legacy", "windows-1252", "legacy"),
    ("both right", "legacy", "legacy", "legacy"),
]


def _ours(data: bytes, header: str | None) -> str:
    return decode(data, html_hint=True, charset=header)


def _ours_no_header(data: bytes, header: str | None) -> str:
    return decode(data, html_hint=True)


def _dammit_definite(data: bytes, header: str | None) -> str:
    return UnicodeDammit(data, known_definite_encodings=[header] if header else [], is_html=True).unicode_markup or ""


def _dammit_user(data: bytes, header: str | None) -> str:
    return UnicodeDammit(data, user_encodings=[header] if header else [], is_html=True).unicode_markup or ""


def _dammit_normalizer(data: bytes, header: str | None) -> str:
    """UnicodeDammit with its detector set to charset-normalizer (newsclean's), not chardet."""
    module = bs4.dammit.chardet_module
    bs4.dammit.chardet_module = charset_normalizer
    try:
        return _dammit_definite(data, header)
    finally:
        bs4.dammit.chardet_module = module


def _header_alone(data: bytes, header: str | None) -> str:
    return data.decode(header or "utf-8", errors="replace")


DECODERS: dict[str, Callable[[bytes, str | None], str]] = {
    "newsclean, header used": _ours,
    "newsclean, header ignored": _ours_no_header,
    "UnicodeDammit, header definite": _dammit_definite,
    "UnicodeDammit, header as user encoding": _dammit_user,
    "UnicodeDammit with charset-normalizer, header definite": _dammit_normalizer,
    "header alone": _header_alone,
}


def _script(text: str) -> str | None:
    """The page's main non-ASCII script (a key of LEGACY), if it has 200+ such letters."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ord(ch) > 127 and ch.isalpha():
            word = unicodedata.name(ch, "?").split()[0]
            counts["KANA" if word in ("HIRAGANA", "KATAKANA") else word] += 1
    if counts["KANA"] >= 50:
        return "KANA"
    top = counts.most_common(1)
    return top[0][0] if top and top[0][1] >= 200 and top[0][0] in LEGACY else None


def _with_meta(markup: bytes, label: str | None) -> bytes:
    markup = _META.sub(b"", markup)
    if label is None:
        return markup
    tag = b'<meta charset="' + label.encode("ascii") + b'">'
    m = _HEAD.search(markup)
    return markup[: m.end()] + tag + markup[m.end() :] if m else tag + markup


def run() -> str:
    scores: dict[tuple[str, str], int] = {}
    pages: Counter[str] = Counter()
    for corpus in CORPORA.values():
        for page in corpus(None):
            text = decode(page.html)[:PAGE_CHARS]
            script = _script(text)
            if script is None:
                continue
            legacy = LEGACY[script]
            for name, body, header, meta in SCENARIOS:
                encoding = legacy if body == "legacy" else "utf-8"
                header_label = legacy if header == "legacy" else header
                meta_label = legacy if meta == "legacy" else meta
                utf8 = _with_meta(text.encode("utf-8", "surrogatepass"), meta_label)
                data = utf8.decode("utf-8", "surrogatepass").encode(encoding, "xmlcharrefreplace")
                truth = data.decode(encoding)
                pages[name] += 1
                for decoder, fn in DECODERS.items():
                    try:
                        got = fn(data, header_label).removeprefix("\ufeff")
                    except NewscleanError:
                        got = None
                    scores[(name, decoder)] = scores.get((name, decoder), 0) + (got == truth)
    lines = [
        "## Charsets: HTTP header against `<meta charset>`",
        "",
        "`python -m benchmarks.charsets`: pages decoded exactly, of the corpus pages with 200+ non-ASCII "
        "letters (first 50,000 characters) re-encoded in their script's legacy encoding (or UTF-8) "
        "with the labels of each scenario.",
        "",
    ]
    rows: list[list[object]] = [
        [name, pages[name], *(scores.get((name, d), 0) for d in DECODERS)] for name, *_ in SCENARIOS
    ]
    rows.append(["all", sum(pages.values()), *(sum(scores.get((n, d), 0) for n, *_ in SCENARIOS) for d in DECODERS)])
    lines += table(["scenario", "pages", *DECODERS], rows)
    return "\n".join(lines) + "\n"


def main() -> None:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    text = run()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "charsets.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
