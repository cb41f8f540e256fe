"""Loaders for the shared corpora (``../shared/corpus`` by default, or ``$NEWSCLEAN_SHARED``).

Each loader yields :class:`Page` records: an id, the raw HTML bytes and the corpus's
reference data, unchanged. Benchmarks read the corpora here and nowhere else.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    root = corpus_dir("wcxb-dev-articles")
    files = sorted((root / "ground-truth").glob("*.json"))
    for n, path in enumerate(files):
        if limit is not None and n >= limit:
            return
        record = json.loads(path.read_text("utf-8"))
        pid = path.stem
        yield Page(
            pid,
            gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes()),
            record.get("ground_truth") or {},
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
        yield Page(pid, gzip.decompress((root / "pages" / f"{pid}.html.gz").read_bytes()), rec, rec.get("url") or None)


CORPORA = {"scrapinghub": scrapinghub, "wcxb": wcxb, "boilerplate": boilerplate}
