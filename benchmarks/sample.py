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


#: per corpus folder: its loader, the folder of its pages, and its ground truth: one JSON
#: file keyed by page id, or a folder of one JSON file per page (``None``)
LAYOUT: dict[str, tuple[Callable[..., Iterator[corpora.Page]], str, str | None]] = {
    "scrapinghub": (corpora.scrapinghub, "html", "ground-truth.json"),
    "wcxb-dev-articles": (corpora.wcxb, "html", None),
    "wcxb-dev-other": (corpora.wcxb_other, "html", None),
    "boilerplate-dev": (corpora.boilerplate, "pages", "segments.json"),
}


def write_corpus(folder: str, dest_root: Path) -> list[corpora.Page]:
    """Copy the chosen pages of one corpus, its licence and their ground truth."""
    loader, html_dir, truth_file = LAYOUT[folder]
    src, dest = corpora.corpus_dir(folder, "full"), dest_root / folder
    pages = _order(loader(source="full"), lambda p: (src / html_dir / f"{p.id}.html.gz").stat().st_size)
    dest.mkdir(parents=True, exist_ok=True)
    for licence in src.glob("LICENSE*"):
        shutil.copyfile(licence, dest / licence.name)
    (dest / html_dir).mkdir(exist_ok=True)
    for p in pages:
        shutil.copyfile(src / html_dir / f"{p.id}.html.gz", dest / html_dir / f"{p.id}.html.gz")
    if truth_file is None:
        (dest / "ground-truth").mkdir(exist_ok=True)
        for p in pages:
            shutil.copyfile(src / "ground-truth" / f"{p.id}.json", dest / "ground-truth" / f"{p.id}.json")
    else:
        truth = json.loads((src / truth_file).read_text("utf-8"))
        subset = {p.id: truth[p.id] for p in pages}
        (dest / truth_file).write_text(json.dumps(subset, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return pages


def main() -> None:
    dest = corpora.SAMPLE_DIR
    for folder in LAYOUT:
        shutil.rmtree(dest / folder, ignore_errors=True)
        pages = write_corpus(folder, dest)
        halves = {h: sum(p.half == h for p in pages) for h in corpora.HALVES}
        print(f"{folder}: {len(pages)} pages {halves}")


if __name__ == "__main__":
    main()
