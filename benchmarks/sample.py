"""Write the committed corpus sample (``fixtures/corpus-sample/``) from the full corpora.

    python -m benchmarks.sample            # rewrite fixtures/corpus-sample/ from ../shared/corpus

For each corpus, the pages are ordered by the SHA-1 of their id and the first
``PER_HALF`` of each half (tune, check; see :mod:`benchmarks.corpora`) whose compressed
HTML is at most ``MAX_GZ_BYTES`` are taken: the same pages on every run, spread over the
corpus, and small enough to commit. Files are copied byte for byte, in the corpus's own
layout (gzip-compressed HTML, the ground truth of the chosen pages only), with the
corpus's licence file, so :mod:`benchmarks.corpora` reads the sample as it reads the
full corpus.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks import corpora

PER_HALF = 10
MAX_GZ_BYTES = 120_000


def _order(pages: Iterator[corpora.Page], size: Callable[[corpora.Page], int]) -> list[corpora.Page]:
    """``PER_HALF`` pages of each half, in SHA-1 order of their ids."""
    chosen: list[corpora.Page] = []
    counts = dict.fromkeys(corpora.HALVES, 0)
    for page in sorted(pages, key=lambda p: hashlib.sha1(p.id.encode()).hexdigest()):
        if counts[page.half] < PER_HALF and size(page) <= MAX_GZ_BYTES:
            counts[page.half] += 1
            chosen.append(page)
    return sorted(chosen, key=lambda p: p.id)


def _copy_common(src: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for licence in src.glob("LICENSE*"):
        shutil.copyfile(licence, dest / licence.name)


def write_scrapinghub(dest_root: Path) -> list[corpora.Page]:
    src, dest = corpora.corpus_dir("scrapinghub", "full"), dest_root / "scrapinghub"
    pages = _order(corpora.scrapinghub(source="full"), lambda p: (src / "html" / f"{p.id}.html.gz").stat().st_size)
    _copy_common(src, dest)
    (dest / "html").mkdir(exist_ok=True)
    truth = json.loads((src / "ground-truth.json").read_text("utf-8"))
    for p in pages:
        shutil.copyfile(src / "html" / f"{p.id}.html.gz", dest / "html" / f"{p.id}.html.gz")
    subset = {p.id: truth[p.id] for p in pages}
    (dest / "ground-truth.json").write_text(json.dumps(subset, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return pages


def write_wcxb(dest_root: Path, folder: str) -> list[corpora.Page]:
    src, dest = corpora.corpus_dir(folder, "full"), dest_root / folder
    loader = corpora.wcxb if folder == "wcxb-dev-articles" else corpora.wcxb_other
    pages = _order(loader(source="full"), lambda p: (src / "html" / f"{p.id}.html.gz").stat().st_size)
    _copy_common(src, dest)
    for sub in ("html", "ground-truth"):
        (dest / sub).mkdir(exist_ok=True)
    for p in pages:
        shutil.copyfile(src / "html" / f"{p.id}.html.gz", dest / "html" / f"{p.id}.html.gz")
        shutil.copyfile(src / "ground-truth" / f"{p.id}.json", dest / "ground-truth" / f"{p.id}.json")
    return pages


def write_boilerplate(dest_root: Path) -> list[corpora.Page]:
    src, dest = corpora.corpus_dir("boilerplate-dev", "full"), dest_root / "boilerplate-dev"
    pages = _order(corpora.boilerplate(source="full"), lambda p: (src / "pages" / f"{p.id}.html.gz").stat().st_size)
    _copy_common(src, dest)
    (dest / "pages").mkdir(exist_ok=True)
    segments = json.loads((src / "segments.json").read_text("utf-8"))
    for p in pages:
        shutil.copyfile(src / "pages" / f"{p.id}.html.gz", dest / "pages" / f"{p.id}.html.gz")
    subset = {p.id: segments[p.id] for p in pages}
    (dest / "segments.json").write_text(json.dumps(subset, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return pages


def main() -> None:
    dest = corpora.SAMPLE_DIR
    for folder in corpora.FOLDERS.values():
        shutil.rmtree(dest / folder, ignore_errors=True)
    written = {
        "scrapinghub": write_scrapinghub(dest),
        "wcxb-dev-articles": write_wcxb(dest, "wcxb-dev-articles"),
        "wcxb-dev-other": write_wcxb(dest, "wcxb-dev-other"),
        "boilerplate-dev": write_boilerplate(dest),
    }
    for folder, pages in written.items():
        halves = {h: sum(p.half == h for p in pages) for h in corpora.HALVES}
        print(f"{folder}: {len(pages)} pages {halves}")


if __name__ == "__main__":
    main()
