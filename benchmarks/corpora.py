"""Loaders for the shared corpora (``../shared/corpus`` by default, or ``$NEWSCLEAN_SHARED``).

Each loader yields :class:`Page` records: an id, the raw HTML bytes and the corpus's
reference data, unchanged. Benchmarks read the corpora here and nowhere else.

**Tune and check halves.** Every page belongs to a site (its registered domain, public-
suffix aware: ``news.example.co.uk`` -> ``example.co.uk``), and every site to one half:
:func:`half` hashes the site name, so all pages of a site fall in the same half and the
split never changes. Rules are tuned on the ``tune`` half; the ``check`` half says
whether a gain holds on sites the tuning never saw. Benchmarks report both.

**Full corpora or the committed sample.** The full corpora live outside the repository
(``../shared/corpus`` or ``$NEWSCLEAN_SHARED/corpus``). A small sample of each, in the
same layout, is committed under ``fixtures/corpus-sample/`` (about 20 pages per corpus,
half from each half; see its README and :mod:`benchmarks.sample`), so the tests run on
real pages in a fresh clone. Every loader takes ``source``: ``"full"``, ``"sample"`` or
``None`` (the full corpus when present, else the sample).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from courlan import extract_domain

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "fixtures" / "corpus-sample"

Source = Literal["full", "sample"]
#: the folder of each corpus (under ``corpus/`` of the shared data, or of the sample)
FOLDERS = {
    "scrapinghub": "scrapinghub",
    "wcxb": "wcxb-dev-articles",
    "boilerplate": "boilerplate-dev",
    "wcxb-other": "wcxb-dev-other",
}


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))


def full_available(folder: str | None = None) -> bool:
    """Whether the full corpora (or the one in ``folder``, e.g. ``"scrapinghub"``) are present."""
    root = shared_dir() / "corpus"
    return (root / folder).is_dir() if folder else all((root / f).is_dir() for f in FOLDERS.values())


def corpus_dir(folder: str, source: Source | None = None) -> Path:
    """The folder of one corpus (``"scrapinghub"``, ``"wcxb-dev-articles"``, ...): the full
    corpus (``source="full"``), the committed sample (``"sample"``), or the full one when
    present and else the sample (``None``)."""
    if source is None:
        source = "full" if full_available(folder) else "sample"
    return (shared_dir() / "corpus" if source == "full" else SAMPLE_DIR) / folder


@dataclass(frozen=True)
class Page:
    id: str
    html: bytes
    truth: dict[str, Any] = field(default_factory=dict)
    url: str | None = None
    #: the file name the corpus knew the page by, where it has one (boilerplate-dev)
    file: str | None = None

    @property
    def site(self) -> str:
        return site_of(self.url, self.file or self.id)

    @property
    def half(self) -> Half:
        return half(self.site)


Half = Literal["tune", "check"]
HALVES: tuple[Half, Half] = ("tune", "check")
_FILE_SITE = re.compile(r"(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[._-]|$)")


def site_of(url: str | None, name: str = "") -> str:
    """The registered domain of ``url`` (``"example.co.uk"``); for a page without a URL,
    the domain its file name starts with (``"example.de-story.html"``), else ``name``."""
    if url:
        domain = extract_domain(url)
        if domain:
            return str(domain).casefold()
    m = _FILE_SITE.match(name.casefold())
    if m:
        return str(extract_domain("http://" + m.group(1)) or m.group(1))
    return name


def half(site: str) -> Half:
    """``"tune"`` or ``"check"``: the first bit of the SHA-256 of the site name."""
    return "tune" if hashlib.sha256(site.encode("utf-8")).digest()[0] < 128 else "check"


def scrapinghub(limit: int | None = None, source: Source | None = None) -> Iterator[Page]:
    """181 pages (20 in the sample); ``truth["articleBody"]`` is the reference body."""
    root = corpus_dir("scrapinghub", source)
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for n, pid in enumerate(sorted(truth)):
        if limit is not None and n >= limit:
            return
        yield Page(
            pid, gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes()), truth[pid], truth[pid].get("url")
        )


def wcxb(limit: int | None = None, source: Source | None = None) -> Iterator[Page]:
    """711 article pages (20 in the sample); ``truth`` is the ground-truth record's
    ``ground_truth`` object."""
    return _wcxb("wcxb-dev-articles", limit, source)


def wcxb_other(limit: int | None = None, source: Source | None = None) -> Iterator[Page]:
    """647 pages (20 in the sample) of the six other WCXB types (service, forum, listing,
    product, collection, documentation); ``truth`` as for :func:`wcxb`, plus
    ``truth["page_type"]``."""
    return _wcxb("wcxb-dev-other", limit, source)


def _wcxb(folder: str, limit: int | None, source: Source | None) -> Iterator[Page]:
    root = corpus_dir(folder, source)
    files = sorted((root / "ground-truth").glob("*.json"))
    for n, path in enumerate(files):
        if limit is not None and n >= limit:
            return
        record = json.loads(path.read_text("utf-8"))
        pid = path.stem
        truth = dict(record.get("ground_truth") or {})
        truth["page_type"] = ((record.get("_internal") or {}).get("page_type") or {}).get("primary", "article")
        yield Page(
            pid,
            gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes()),
            truth,
            record.get("url") or None,
        )


def boilerplate(limit: int | None = None, source: Source | None = None) -> Iterator[Page]:
    """418 pages (20 in the sample); ``truth`` has ``with`` and ``without`` snippet lists
    (and ``meta``)."""
    root = corpus_dir("boilerplate-dev", source)
    segments = json.loads((root / "segments.json").read_text("utf-8"))
    for n, pid in enumerate(sorted(segments)):
        if limit is not None and n >= limit:
            return
        rec = segments[pid]
        yield Page(
            pid,
            gzip.decompress((root / "pages" / f"{pid}.html.gz").read_bytes()),
            rec,
            rec.get("url") or None,
            rec.get("file"),
        )


CORPORA = {"scrapinghub": scrapinghub, "wcxb": wcxb, "boilerplate": boilerplate, "wcxb-other": wcxb_other}
