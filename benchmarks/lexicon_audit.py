"""Lexicon audit: on how many distinct sites of the shared corpora each lexicon phrase occurs.

    python -m benchmarks.lexicon_audit                # writes the report and the snapshot
    python -m benchmarks.lexicon_audit --out /tmp/l   # report elsewhere (the snapshot too)

A phrase belongs in the lexicon when it is general wording: it occurs on at least two
independent sites (:attr:`benchmarks.corpora.Page.site`, all four corpora together), or it is
documented standard wording (``documented`` in the phrase file, see :mod:`newsclean.lexicon`).

What "occurs" means mirrors how the filters match: the page's visible text (the body without
``script``, ``style``, ``noscript`` and ``template``, block elements on their own lines: the text
mode input of :func:`benchmarks.robustness.visible_text`) or its reference text (the corpus's
annotated body, where it has one) holds the phrase case-blind (full case folding), any run of
whitespace matching a space in the phrase, and as whole words (no word character right before
or after a phrase edge that is itself a word character). Class words (``lead_classes``) are
matched the way :mod:`newsclean.sources.lead_paragraph` matches them: in the ``class``
attributes of the page (``byline_classes`` likewise). Path words (``author_paths``) are
matched as whole path segments of the page's link targets (``href="/author/jane-doe"``).

A single-site phrase that also occurs in an annotated boilerplate snippet (the ``without``
snippets of boilerplate-dev and WCXB pages) of that site was copied from that page's
annotation; the lexicon must hold none.

Writes ``benchmarks/results/lexicon.md`` (the counts and the lists) and
``fixtures/lexicon-sites.json`` (one record per phrase entry: language, key, phrase, number of
sites, whether it is a copy of one site's annotation), which ``tests/test_lexicon_discipline.py``
reads without the corpora.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shlex
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from benchmarks import corpora
from benchmarks.robustness import visible_text
from newsclean import lexicon
from newsclean.errors import NewscleanError
from newsclean.sources.detect import decode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SNAPSHOT = ROOT / "fixtures" / "lexicon-sites.json"
CORPUS_NAMES = ("scrapinghub", "wcxb", "wcxb-other", "boilerplate")
#: keys whose entries are class words, matched in ``class`` attributes instead of text
CLASS_KEYS = frozenset({"lead_classes", "byline_classes"})
#: keys whose entries are path segments, matched in link targets (``href``) instead of text
HREF_KEYS = frozenset({"author_paths"})
MIN_SITES = 2
#: single-site phrases of this many words or more may be at most ``LONG_SHARE`` of the lexicon
LONG_WORDS = 3
LONG_SHARE = 0.02

_HREF_ATTR = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, order=True)
class Entry:
    """One phrase of one key of one language's phrase file (case-folded, as the filters use it)."""

    language: str
    key: str
    phrase: str

    @property
    def in_classes(self) -> bool:
        return self.key in CLASS_KEYS

    @property
    def in_hrefs(self) -> bool:
        return self.key in HREF_KEYS

    @property
    def where(self) -> str:
        """What of a page the entry is matched in: ``"text"``, ``"classes"`` or ``"hrefs"``."""
        return "classes" if self.in_classes else "hrefs" if self.in_hrefs else "text"

    @property
    def n_words(self) -> int:
        return len(self.phrase.split())


@dataclass(frozen=True)
class PageText:
    """What the audit reads of one page: visible and reference text, class words, annotations."""

    corpus: str
    id: str
    site: str
    text: str
    classes: str
    annotation: str
    hrefs: str = ""


def entries() -> list[Entry]:
    """Every phrase entry of every shipped phrase file, through :mod:`newsclean.lexicon`."""
    out: dict[Entry, None] = {}
    for language in lexicon.sections():
        for key, phrases in lexicon.load(language).items():
            for phrase in phrases:
                if phrase.strip():
                    out.setdefault(Entry(language, key, phrase.strip().casefold()), None)
    return list(out)


# -- page text -----------------------------------------------------------------------------------


def class_words(html: str) -> str:
    """Every ``class`` attribute value of the page, one per line."""
    return "\n".join(next(v for v in m.groups() if v is not None) for m in _CLASS_ATTR.finditer(html))


def link_targets(html: str) -> str:
    """Every ``href`` attribute value of the page, one per line."""
    return "\n".join(next(v for v in m.groups() if v is not None) for m in _HREF_ATTR.finditer(html))


def _references(corpus: str, truth: dict[str, object]) -> list[str]:
    keys = {"scrapinghub": ("articleBody",), "wcxb": ("main_content",), "wcxb-other": ("main_content",)}
    refs = [truth.get(k) for k in keys.get(corpus, ())]
    if corpus == "boilerplate":
        refs.extend(_snippets(truth.get("with")))
    return [r for r in refs if isinstance(r, str) and r]


def _snippets(value: object) -> list[str]:
    return [s for s in value if isinstance(s, str)] if isinstance(value, list) else []


def read_page(corpus: str, page: corpora.Page) -> PageText:
    """The audit's view of ``page`` (an unparsable page counts with its reference text only)."""
    try:
        html = decode(page.html, html_hint=True)
    except NewscleanError:
        html = ""
    text, classes = unicodedata.normalize("NFC", visible_text(html)), class_words(html)
    refs = _references(corpus, page.truth)
    annotation = "\n".join(_snippets(page.truth.get("without")))
    return PageText(corpus, page.id, page.site, "\n".join([text, *refs]), classes, annotation, link_targets(html))


def pages(corpus_names: Iterable[str] = CORPUS_NAMES, limit: int | None = None) -> Iterator[PageText]:
    for corpus in corpus_names:
        for page in corpora.CORPORA[corpus](limit):
            yield read_page(corpus, page)


# -- matching ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """How the filters find a phrase, for a case-folded text: whole words (class words: not
    inside a longer run of letters, as :mod:`newsclean.sources.lead_paragraph` has it), any
    whitespace for a space. The filters match case-blind with full case folding; matching the
    folded phrase in the folded text is the same and many times faster.

    The left edge is checked after a match: a pattern that opens with a literal is searched
    for with a fast scan, one that opens with a look-behind is tried at every position."""

    body: re.Pattern[str]
    left: re.Pattern[str] | None

    @classmethod
    @cache
    def of(cls, phrase: str, in_classes: bool = False, in_hrefs: bool = False) -> Pattern:
        body = r"\s+".join(re.escape(w) for w in phrase.casefold().split())
        if in_hrefs:  # a whole path segment
            return cls(re.compile("/" + body + "/"), None)
        if in_classes:
            return cls(re.compile(body + r"(?![a-z])"), re.compile(r"[a-z]"))
        after = r"(?!\w)" if _WORD.match(phrase[-1:]) else ""
        return cls(re.compile(body + after), re.compile(r"\w") if _WORD.match(phrase[:1]) else None)

    def search(self, folded: str) -> bool:
        start = 0
        while m := self.body.search(folded, start):
            i = m.start()
            if self.left is None or i == 0 or not self.left.match(folded, i - 1):
                return True
            start = i + 1
        return False


@cache
def _needed(phrase: str) -> tuple[str, ...]:
    """Words a text must hold (case-folded) before the phrase pattern is worth running."""
    return tuple(_WORD.findall(phrase.casefold()))


@dataclass(frozen=True)
class Folded:
    """A text case-folded once, with its word set for a cheap pre-check."""

    text: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Folded:
        folded = text.casefold()
        return cls(folded, frozenset(_WORD.findall(folded)))

    def may_hold(self, needed: tuple[str, ...], in_classes: bool) -> bool:
        if in_classes:  # class words are matched inside longer tokens ("article-lead")
            return all(w in self.text for w in needed)
        return all(w in self.words for w in needed)


def occurs(entry: Entry, text: str | Folded) -> bool:
    """Whether ``entry``'s phrase occurs in ``text`` (matched as described above)."""
    folded = text if isinstance(text, Folded) else Folded.of(text)
    if not folded.may_hold(_needed(entry.phrase), entry.in_classes or entry.in_hrefs):
        return False
    return Pattern.of(entry.phrase, entry.in_classes, entry.in_hrefs).search(folded.text)


def sites_of(all_entries: list[Entry], all_pages: Iterable[PageText]) -> dict[Entry, set[str]]:
    """For each entry, the sites with a page that holds it."""
    by_phrase: dict[tuple[str, str], list[Entry]] = {}
    for e in all_entries:
        by_phrase.setdefault((e.phrase, e.where), []).append(e)
    found: dict[tuple[str, str], set[str]] = {k: set() for k in by_phrase}
    for page in all_pages:
        folded = {"text": Folded.of(page.text), "classes": Folded.of(page.classes), "hrefs": Folded.of(page.hrefs)}
        for (phrase, where), group in by_phrase.items():
            if page.site not in found[(phrase, where)] and occurs(group[0], folded[where]):
                found[(phrase, where)].add(page.site)
    return {e: found[(e.phrase, e.where)] for e in all_entries}


def annotation_copies(sites: dict[Entry, set[str]], all_pages: Iterable[PageText]) -> dict[Entry, str]:
    """Single-site entries that occur in an annotated boilerplate snippet of that site's pages."""
    single = {e: next(iter(s)) for e, s in sites.items() if len(s) == 1 and e.where == "text"}
    copies: dict[Entry, str] = {}
    for page in all_pages:
        if not page.annotation:
            continue
        folded = Folded.of(page.annotation)
        for e, site in single.items():
            if site == page.site and e not in copies and occurs(e, folded):
                copies[e] = f"{page.corpus}/{page.id}"
    return copies


# -- the snapshot --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One entry's audit result, as the snapshot stores it."""

    language: str
    key: str
    phrase: str
    sites: int
    #: ``corpus/page id`` of the annotation a single-site phrase was found in, else ``""``
    annotation: str = ""

    @property
    def entry(self) -> Entry:
        return Entry(self.language, self.key, self.phrase)


def records(sites: dict[Entry, set[str]], copies: dict[Entry, str]) -> list[Record]:
    out = [Record(e.language, e.key, e.phrase, len(s), copies.get(e, "")) for e, s in sites.items()]
    return sorted(out, key=lambda r: (r.language, r.key, r.phrase))


def write_snapshot(path: Path, recs: list[Record], n_sites: int, n_pages: int) -> None:
    """One record per line, so that a change to the lexicon shows as a readable diff."""
    head = {"sites": n_sites, "pages": n_pages, "corpora": list(CORPUS_NAMES), "min_sites": MIN_SITES}
    lines = [json.dumps(r.__dict__, ensure_ascii=False) for r in recs]
    body = ",\n    ".join(lines)
    path.write_text(f'{{\n  "audit": {json.dumps(head)},\n  "records": [\n    {body}\n  ]\n}}\n', "utf-8")


def read_snapshot(path: Path = SNAPSHOT) -> list[Record]:
    data = json.loads(path.read_text("utf-8"))
    return [Record(**r) for r in data["records"]]


def documented(entry: Entry) -> str:
    """The source note of ``entry``'s phrase in its language's ``documented`` table ("" if none)."""
    return lexicon.documented(entry.language).get(entry.phrase, "")


# -- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """The counts the report states and the discipline test checks."""

    entries: int
    phrases: int
    single: int
    single_long: int
    zero: int
    copies: int
    breaking: int

    @property
    def long_share(self) -> float:
        return self.single_long / self.phrases if self.phrases else 0.0


def breaks_rule(rec: Record) -> bool:
    """On fewer than :data:`MIN_SITES` sites and not documented, or copied from an annotation."""
    return bool(rec.annotation) or (rec.sites < MIN_SITES and not documented(rec.entry))


def summarize(recs: list[Record]) -> Summary:
    """Counts over distinct phrases (a phrase under several keys or languages counts once,
    with the most sites any of its entries has)."""
    best: dict[str, Record] = {}
    for r in recs:
        if r.phrase not in best or r.sites > best[r.phrase].sites:
            best[r.phrase] = r
    single = [r for r in best.values() if r.sites == 1]
    return Summary(
        entries=len(recs),
        phrases=len(best),
        single=len(single),
        single_long=sum(1 for r in single if r.entry.n_words >= LONG_WORDS),
        zero=sum(1 for r in best.values() if r.sites == 0),
        copies=sum(1 for r in recs if r.annotation),
        breaking=sum(1 for r in recs if breaks_rule(r)),
    )


def report(recs: list[Record], n_sites: int, n_pages: int, command: str, when: str) -> str:
    s = summarize(recs)
    lines = ["## Lexicon audit", "", f"`{command}` ({when})", ""]
    lines += [
        f"Every phrase of every key of `newsclean/lexicon/*.toml`, looked for on {n_pages} pages of "
        f"{n_sites} distinct sites ({', '.join(CORPUS_NAMES)}), matched as the filters match it "
        "(case-blind, whitespace-flexible, whole words; class words in `class` attributes). A phrase "
        f"belongs in the lexicon when it occurs on at least {MIN_SITES} sites or is documented standard "
        "wording (the `documented` table of its phrase file).",
        "",
        "| count | value |",
        "|---|---:|",
        f"| phrase entries (language, key, phrase) | {s.entries} |",
        f"| distinct phrases | {s.phrases} |",
        f"| phrases on one site only | {s.single} |",
        f"| of them {LONG_WORDS}+ words (share of the lexicon; limit {LONG_SHARE:.0%}) "
        f"| {s.single_long} ({s.long_share:.1%}) |",
        f"| phrases on no site | {s.zero} |",
        f"| entries copied from one site's annotated boilerplate | {s.copies} |",
        f"| entries breaking the rule (under {MIN_SITES} sites and not documented, or copied) | {s.breaking} |",
        "",
    ]
    by_lang: dict[str, list[Record]] = {}
    for r in recs:
        by_lang.setdefault(r.language, []).append(r)
    lines += [
        "| language | entries | on 2+ sites | on 1 site | on none | documented |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for lang, rs in sorted(by_lang.items()):
        lines.append(
            f"| {lang} | {len(rs)} | {sum(r.sites >= 2 for r in rs)} | {sum(r.sites == 1 for r in rs)} "
            f"| {sum(r.sites == 0 for r in rs)} | {sum(bool(documented(r.entry)) for r in rs)} |"
        )
    lines.append("")
    copies = [r for r in recs if r.annotation]
    if copies:
        lines += ["### Copied from one site's annotated boilerplate", ""]
        lines += [f'- {r.language} `{r.key}`: "{r.phrase}" ({r.annotation})' for r in copies]
        lines.append("")
    below = [r for r in recs if r.sites < MIN_SITES and not r.annotation]
    if below:
        lines += [f"### Under {MIN_SITES} sites", ""]
        lines += ["Documented ones give their source note; the others break the rule.", ""]
        for r in below:
            note = documented(r.entry)
            status = f"documented: {note}" if note else "**undocumented**"
            sites = "1 site" if r.sites == 1 else f"{r.sites} sites"
            lines.append(f'- {r.language} `{r.key}`: "{r.phrase}" ({sites}; {status})')
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.lexicon_audit", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=None, help="write report and snapshot here instead of the repo")
    args = ap.parse_args(argv)
    command = (
        "python -m benchmarks.lexicon_audit" + (" " + shlex.join(argv if argv is not None else sys.argv[1:])).rstrip()
    )
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    all_pages = list(pages())
    all_entries = entries()
    sites = sites_of(all_entries, all_pages)
    recs = records(sites, annotation_copies(sites, all_pages))
    n_sites = len({p.site for p in all_pages})
    md_path, snap_path = RESULTS / "lexicon.md", SNAPSHOT
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        md_path, snap_path = args.out / "lexicon.md", args.out / "lexicon-sites.json"
    write_snapshot(snap_path, recs, n_sites, len(all_pages))
    md_path.write_text(report(recs, n_sites, len(all_pages), command, when), "utf-8")


if __name__ == "__main__":
    main()
