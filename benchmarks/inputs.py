"""Pages given as trees: the same article as the markup gives, and what each path costs.

    python -m benchmarks.inputs                  # scrapinghub + boilerplate-dev, every page
    python -m benchmarks.inputs --limit 40       # a quick look

For every page, ``clean()`` runs on the decoded markup (``str``), on an lxml tree of it
(``lxml.html.document_fromstring``), on a BeautifulSoup built with bs4's ``lxml`` parser
and on one built with ``html.parser``. Written to ``benchmarks/results/inputs.md``:

* **same result**: the share of pages whose body text, title, authors and publication
  date equal those of the ``str`` input, per corpus and half; for the lxml-built soup also
  those of the soup rendered with ``str(soup)`` (bs4 keeps whitespace-only text and
  ``class`` values only in normalised form, so a soup can differ from its page; the copy
  must not differ from the soup);
* **cost**: medians per page of what each path adds before extraction (copying the
  caller's lxml tree vs serialising and parsing it again; copying a soup's nodes into
  lxml vs ``str(soup)`` and a parse) and of the whole ``clean()`` call for each input.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from lxml import etree

from benchmarks.corpora import CORPORA, HALVES
from benchmarks.markdown import table
from newsclean import NewscleanError, clean
from newsclean.sources.detect import decode
from newsclean.sources.parse import parse_html
from newsclean.sources.soup import soup_to_tree

RESULTS = Path(__file__).resolve().parent / "results"
INPUTS = ("lxml tree", "soup (lxml)", "soup (html.parser)")
RENDERED = "soup (lxml) = str(soup)"
COLUMNS = (*INPUTS, RENDERED)


def _timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


def _reparse(tree: lxml.html.HtmlElement) -> Any:
    return parse_html(lxml.html.tostring(tree, encoding="unicode"))


def _render_parse(soup: BeautifulSoup) -> Any:
    return parse_html(str(soup))


def _key(page: Any) -> tuple[Any, ...]:
    try:
        a = clean(page)
    except NewscleanError as exc:
        return ("error", type(exc).__name__)
    return (a.text, a.title, tuple(a.authors), a.published)


def _tree(text: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(encoding="utf-8")
    return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)


def run(corpora: list[str], limit: int | None) -> str:
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # XHTML pages, parsed as HTML on purpose
    same: dict[tuple[str, str, str], list[bool]] = {}
    cost: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        cost.setdefault(name, []).append(seconds)

    for corpus in corpora:
        for page in CORPORA[corpus](limit):
            text = decode(page.html)
            tree = _tree(text)
            soup_lxml = BeautifulSoup(text, "lxml")
            soup_py = BeautifulSoup(text, "html.parser")
            add("copy an lxml tree", _timed(copy.deepcopy, tree)[1])
            add("serialise + parse an lxml tree", _timed(_reparse, tree)[1])
            add("copy a soup into lxml", _timed(soup_to_tree, soup_lxml)[1])
            add("str(soup) + parse", _timed(_render_parse, soup_lxml)[1])
            base, seconds = _timed(_key, text)
            add("clean(str)", seconds)
            for name, given in zip(INPUTS, (tree, soup_lxml, soup_py), strict=True):
                got, seconds = _timed(_key, given)
                add(f"clean({name})", seconds)
                same.setdefault((corpus, page.half, name), []).append(got == base)
                if given is soup_lxml:  # the copy against the soup rendered and parsed
                    rendered = _key(str(soup_lxml))
                    same.setdefault((corpus, page.half, RENDERED), []).append(got == rendered)
            assert etree.tostring(tree) == etree.tostring(_tree(text)), "the caller's tree was changed"
    lines = [
        "## Inputs: trees and soups",
        "",
        "`python -m benchmarks.inputs` (pages whose body text, title, authors and publication date "
        "equal those of the same page given as `str`; the tree is `lxml.html.document_fromstring` "
        "of the decoded page, the soups `BeautifulSoup(page, 'lxml')` and `BeautifulSoup(page, 'html.parser')`; "
        "the last column compares the soup copied into lxml with the same soup rendered (`str(soup)`) and "
        "parsed, as bs4 itself keeps whitespace-only text and class attributes only in normalised form):",
        "",
    ]
    rows: list[list[object]] = []
    for corpus in corpora:
        for half in HALVES:
            shares = [same.get((corpus, half, name), []) for name in COLUMNS]
            if shares[0]:
                rows.append([corpus, half, len(shares[0]), *(f"{sum(r)}/{len(r)}" for r in shares)])
    lines += table(["corpus", "half", "pages", *COLUMNS], rows, text_columns=2)
    lines += ["", "Median time per page, same run:", ""]
    lines += table(["step", "median ms"], [[name, f"{1000 * statistics.median(v):.1f}"] for name, v in cost.items()])
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    parser.add_argument("--limit", type=int, default=None, help="pages per corpus")
    args = parser.parse_args()
    text = run(args.corpus or ["scrapinghub", "boilerplate"], args.limit)
    if args.limit is None:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "inputs.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
