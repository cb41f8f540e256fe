"""Loaders for the shared corpora (``../shared/corpus`` by default, or ``$NEWSCLEAN_SHARED``).

Each loader yields :class:`Page` records: an id, the raw HTML bytes and the corpus's
reference data, unchanged. Benchmarks read the corpora here and nowhere else.

**Tune and check halves.** Every page belongs to a site (its registered domain, public-
suffix aware: ``news.example.co.uk`` -> ``example.co.uk``), and every site to one half:
:func:`half` hashes the site name, so all pages of a site fall in the same half and the
split never changes. Rules are tuned on the ``tune`` half; the ``check`` half says
whether a gain holds on sites the tuning never saw. Benchmarks report both.
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


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))


def corpus_dir(name: str) -> Path:
    return shared_dir() / "corpus" / name


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


def scrapinghub(limit: int | None = None) -> Iterator[Page]:
    """181 pages; ``truth["articleBody"]`` is the reference body."""
    root = corpus_dir("scrapinghub")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for n, pid in enumerate(sorted(truth)):
        if limit is not None and n >= limit:
            return
        yield Page(
            pid, gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes()), truth[pid], truth[pid].get("url")
        )


def wcxb(limit: int | None = None) -> Iterator[Page]:
    """711 article pages; ``truth`` is the ground-truth record's ``ground_truth`` object."""
    return _wcxb("wcxb-dev-articles", limit)


def wcxb_other(limit: int | None = None) -> Iterator[Page]:
    """647 pages of the six other WCXB types (service, forum, listing, product,
    collection, documentation); ``truth`` as for :func:`wcxb`, plus ``truth["page_type"]``."""
    return _wcxb("wcxb-dev-other", limit)


def _wcxb(folder: str, limit: int | None) -> Iterator[Page]:
    root = corpus_dir(folder)
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


def boilerplate(limit: int | None = None) -> Iterator[Page]:
    """418 pages; ``truth`` has ``with`` and ``without`` snippet lists (and ``meta``)."""
    root = corpus_dir("boilerplate-dev")
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
