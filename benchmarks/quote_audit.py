"""Quotes of corpus pages in the code: examples in code, docstrings, comments, tests and the
README must be invented, not copied from the pages newsclean is measured on.

    python -m benchmarks.quote_audit                 # list quotes of the shared corpora
    python -m benchmarks.quote_audit --source sample # the same over fixtures/corpus-sample

What counts as a quote candidate, in ``newsclean/``, ``tests/``, the comments of the lexicon's
TOML files and README.md:

- a string of four or more words between quotes or double backticks, in a string literal,
  a docstring or a comment (:data:`MIN_WORDS`);
- a line of a docstring's literal block (the indented lines after a line ending in ``::``),
  each cell of it (cells are separated by two or more spaces), with its trailing
  ``(comment)`` or ``-> result`` left out;
- a whole string literal of four or more words on one line;
- a host name (``example.de``, ``news.example.co.uk``) whose registered domain is the site of
  a corpus page: naming a corpus site in the code is pointing at a page. Platforms that host
  or are linked from every kind of site (:data:`PLATFORMS`: social networks, code hosting)
  are named for what they are, not for a page.

Each candidate is looked up in the visible text of every page of the corpora (case-folded,
whitespace folded). Wording found on at most ``--max-sites`` sites (default 2) is a quote of
those pages and is listed with where it stands and the pages that hold it; wording on more
sites is general. Exit status 1 when anything is listed.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpora
from benchmarks.robustness import visible_text

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("newsclean", "tests")
MIN_WORDS = 4
MAX_SITES = 2
#: registered domains named in the code for what they are (profile links, hosted blogs)
PLATFORMS = frozenset(
    (
        *("facebook.com", "github.com", "instagram.com", "linkedin.com", "medium.com", "reddit.com", "twitter.com"),
        *("x.com", "youtube.com", "tiktok.com", "threads.net", "bsky.app", "substack.com", "wordpress.com"),
        "blogspot.com",
    )
)
_QUOTED = re.compile(r"``([^`]{12,200})``|\"([^\"\n]{12,200})\"|'([^'\n]{12,200})'|“([^”\n]{12,200})”")
_SPACE = re.compile(r"\s+")
_CELLS = re.compile(r"\s{2,}")
_TRAILER = re.compile(r"\s*(?:\(.*\)|->.*|→.*)$")
_HOST = re.compile(r"(?<![\w@./-])((?:[a-z0-9-]+\.)+[a-z]{2,6})(?![\w.-]*\()")


@dataclass(frozen=True)
class Candidate:
    """A piece of text in a source file that may quote a page: ``kind`` is ``"text"`` (found
    by its wording) or ``"host"`` (a host name, found by the page's site)."""

    path: str
    line: int
    text: str
    kind: str = "text"


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip()


def _quotes(text: str) -> list[tuple[re.Match[str], str]]:
    return [(m, next(g for g in m.groups() if g)) for m in _QUOTED.finditer(text)]


def _literal_lines(value: str) -> Iterator[tuple[int, str]]:
    """(line offset, cell) of the literal blocks of a docstring."""
    lines = value.split("\n")
    inside, indent = False, 0
    for n, line in enumerate(lines):
        stripped = line.strip()
        width = len(line) - len(line.lstrip())
        if inside and stripped and width <= indent:
            inside = False
        if inside and stripped:
            for cell in _CELLS.split(stripped):
                yield n, _TRAILER.sub("", cell)
        if stripped.endswith("::"):
            inside, indent = True, width


def _texts(value: str, first_line: int) -> Iterator[tuple[int, str]]:
    for m, text in _quotes(value):
        yield first_line + value[: m.start()].count("\n"), text
    yield from ((first_line + n, cell) for n, cell in _literal_lines(value))
    if "\n" not in value and len(value) <= 200:
        yield first_line, value


def candidates(path: Path) -> list[Candidate]:
    """The quote candidates of one source file (see the module's docstring)."""
    source = path.read_text("utf-8")
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    found: list[tuple[int, str]] = []
    if path.suffix == ".py":
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.STRING:
                try:
                    value = ast.literal_eval(tok.string)
                except (ValueError, SyntaxError):
                    continue
                if isinstance(value, str):
                    found.extend(_texts(value, tok.start[0]))
            elif tok.type == tokenize.COMMENT:
                found.extend((tok.start[0], t) for _, t in _quotes(tok.string))
    else:  # README.md, and the comments of the lexicon's TOML files (their phrases have their own audit)
        for n, line in enumerate(source.splitlines(), 1):
            if path.suffix != ".toml" or line.lstrip().startswith("#"):
                found.extend((n, t) for _, t in _quotes(line))
    out = [Candidate(name, n, t) for n, t in found if len(t.split()) >= MIN_WORDS]
    for n, line in enumerate(source.splitlines(), 1):
        hosts = (h for h in _HOST.findall(line.casefold()) if corpora.site_of("http://" + h) not in PLATFORMS)
        out.extend(Candidate(name, n, host, "host") for host in hosts)
    return out


def source_files(root: Path = ROOT) -> list[Path]:
    files = [p for d in SCANNED for p in sorted((root / d).rglob("*.py"))]
    return [*files, *sorted((root / "newsclean").rglob("*.toml")), root / "README.md"]


@dataclass(frozen=True)
class Hit:
    """A candidate's wording (or host) and the pages that hold it."""

    key: str
    where: tuple[str, ...]
    sites: frozenset[str]
    pages: tuple[str, ...]

    def __str__(self) -> str:
        return f"{', '.join(self.where)}: {self.key!r} on {len(self.sites)} site(s): {', '.join(self.pages[:3])}"


def find_quotes(
    found: Iterable[Candidate], pages: Iterable[tuple[str, corpora.Page]], max_sites: int = MAX_SITES
) -> list[Hit]:
    """The candidates whose wording is on at most ``max_sites`` sites of ``pages``
    ((corpus, page) pairs), and the hosts that name a site of them."""
    wanted: dict[str, list[str]] = defaultdict(list)
    hosts: dict[str, list[str]] = defaultdict(list)
    for c in found:
        (hosts[corpora.site_of("http://" + c.text)] if c.kind == "host" else wanted[fold(c.text)]).append(
            f"{c.path}:{c.line}"
        )
    sites: dict[str, set[str]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    for name, page in pages:
        text = fold(visible_text(page.html.decode("utf-8", "replace")))
        for key in wanted:
            if key in text:
                sites[key].add(page.site)
                where[key].append(f"{name}/{page.id}")
        if page.site in hosts:
            sites["host " + page.site].add(page.site)
            where["host " + page.site].append(f"{name}/{page.id}")
    hits = [Hit(k, tuple(wanted[k]), frozenset(sites[k]), tuple(where[k])) for k in sites if k in wanted] + [
        Hit(k, tuple(hosts[k[5:]]), frozenset(sites[k]), tuple(where[k])) for k in sites if k.startswith("host ")
    ]
    return sorted((h for h in hits if len(h.sites) <= max_sites), key=lambda h: h.where[0])


def corpus_pages(source: corpora.Source | None = None) -> Iterator[tuple[str, corpora.Page]]:
    for name, loader in corpora.CORPORA.items():
        for page in loader(source=source):
            yield name, page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--max-sites", type=int, default=MAX_SITES, help="list strings found on at most this many sites"
    )
    parser.add_argument("--source", choices=("full", "sample"), default=None, help="corpora (default: full if present)")
    args = parser.parse_args(argv)
    found = [c for path in source_files() for c in candidates(path)]
    hits = find_quotes(found, corpus_pages(args.source), args.max_sites)
    for hit in hits:
        sys.stdout.write(f"{hit}\n")
    sys.stdout.write(f"{len(hits)} quoted string(s) or site name(s) found on at most {args.max_sites} site(s)\n")
    return 1 if hits else 0


if __name__ == "__main__":
    raise SystemExit(main())
