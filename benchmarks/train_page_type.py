"""Train the page-type model shipped in ``newsclean/data/page_type.json``.

    python -m benchmarks.train_page_type [--cache DIR] [--c 0.01]

The pages are the WCXB development pages of every type (``wcxb-dev-articles`` and
``wcxb-dev-other``, 1,358 pages); the model learns from the **tune** half only (site-
disjoint, see :mod:`benchmarks.corpora`) and the script prints its scores on the tune
half (5-fold cross-validation grouped by site) and on the check half. The features are
those of :mod:`newsclean.page_features`, computed on the page as ``clean()`` sees it:
the markup of the parsed tree, and the blocks of :func:`~newsclean.sources.html.html_document`.
Extraction takes a few minutes for all pages; ``--cache DIR`` keeps the blocks (keyed by
the page's bytes and the library version) so that retraining after a feature change is quick.

The model is a multinomial logistic regression (scikit-learn, lbfgs, classes weighted
by their inverse frequency) over standardized features; features non-zero on fewer
than three tune pages are left out. scikit-learn is needed here only (the ``bench``
extra); the library reads the weights with pure Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import newsclean
from benchmarks import corpora
from newsclean.document import Block
from newsclean.page_features import features, read_markup
from newsclean.page_type import MODEL_FILE, PAGE_TYPES, Model
from newsclean.sources.detect import decode
from newsclean.sources.html import html_document
from newsclean.sources.parse import parse_html

log = logging.getLogger(__name__)

MODEL_PATH = Path(newsclean.__file__).resolve().parent / "data" / MODEL_FILE
MIN_PAGES = 3  # a feature must be non-zero on this many tune pages
DEFAULT_C = 0.003


@dataclass(frozen=True)
class LabelledPage:
    key: str
    site: str
    half: str
    label: str
    url: str | None
    html: str
    features: dict[str, float]
    blocks: tuple[Block, ...]


def labelled_pages(cache: Path | None = None) -> Iterator[LabelledPage]:
    """Every WCXB development page with its type, features and extracted blocks."""
    store: dict[str, list[Block]] = {}
    cache_file = cache / "page-type-blocks.pkl" if cache else None
    if cache_file and cache_file.exists():
        store = pickle.loads(cache_file.read_bytes())
    changed = False
    for name, load in (("wcxb", corpora.wcxb), ("wcxb-other", corpora.wcxb_other)):
        for page in load():
            html = decode(page.html, html_hint=True)
            key = f"{name}/{page.id}/{hashlib.sha1(page.html).hexdigest()[:12]}/{newsclean.__version__}"
            if key not in store:
                store[key] = html_document(html, url=page.url).blocks
                changed = True
            blocks = store[key]
            signals = read_markup(parse_html(html), page.url)
            yield LabelledPage(
                key,
                page.site,
                page.half,
                page.truth["page_type"],
                page.url,
                html,
                features(signals, blocks),
                tuple(blocks),
            )
    if cache_file and changed:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(pickle.dumps(store))


def fit(pages: list[LabelledPage], c: float = DEFAULT_C) -> Model:
    """A model fitted on ``pages`` (all of them: pass the tune half)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({k for p in pages for k, v in p.features.items() if v})
    x = np.array([[p.features.get(n, 0.0) for n in names] for p in pages])
    keep = (x != 0).sum(axis=0) >= MIN_PAGES
    names = [n for n, k in zip(names, keep, strict=False) if k]
    x = x[:, keep]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    y = [p.label for p in pages]
    lr = LogisticRegression(C=c, max_iter=10000, class_weight="balanced")
    lr.fit((x - mean) / scale, y)
    classes = [str(k) for k in lr.classes_]
    order = [classes.index(t) for t in PAGE_TYPES if t in classes]
    return Model(
        classes=tuple(classes[i] for i in order),
        features=tuple(names),
        mean=tuple(round(float(v), 6) for v in mean),
        scale=tuple(round(float(v), 6) for v in scale),
        coef=tuple(tuple(round(float(w), 6) for w in lr.coef_[i]) for i in order),
        intercept=tuple(round(float(lr.intercept_[i]), 6) for i in order),
        info={
            "trained_on": "WCXB development pages, tune half (site-disjoint split of benchmarks.corpora)",
            "pages": len(pages),
            "c": c,
            "command": "python -m benchmarks.train_page_type",
        },
    )


def predict(model: Model, page: LabelledPage) -> str:
    probabilities = model.probabilities(page.features)
    return max(model.classes, key=lambda c: (probabilities[c], -model.classes.index(c)))


def grouped_folds(pages: list[LabelledPage], k: int = 5) -> list[list[int]]:
    """``k`` folds of page indices, whole sites per fold (by a hash of the site name)."""
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, p in enumerate(pages):
        folds[hashlib.sha256(p.site.encode()).digest()[1] % k].append(i)
    return folds


def cross_validated(tune: list[LabelledPage], c: float = DEFAULT_C) -> list[tuple[str, str]]:
    """(truth, prediction) for every tune page, each predicted by a model fitted on the
    other folds (5 folds, whole sites per fold)."""
    pairs: list[tuple[str, str]] = []
    for fold in grouped_folds(tune):
        held = set(fold)
        model = fit([p for i, p in enumerate(tune) if i not in held], c)
        pairs += [(tune[i].label, predict(model, tune[i])) for i in fold]
    return pairs


def accuracy(pairs: list[tuple[str, str]]) -> float:
    return sum(1 for t, p in pairs if t == p) / len(pairs) if pairs else 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="directory keeping the extracted blocks between runs")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = list(labelled_pages(args.cache))
    tune = [p for p in pages if p.half == "tune"]
    check = [p for p in pages if p.half == "check"]
    cv = cross_validated(tune, args.c)
    model = fit(tune, args.c)
    on_check = [(p.label, predict(model, p)) for p in check]
    args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n", "utf-8")
    log.info(
        "%d features; tune (5-fold by site) accuracy %.3f; check accuracy %.3f; written to %s",
        len(model.features),
        accuracy(cv),
        accuracy(on_check),
        args.out,
    )


if __name__ == "__main__":
    main()
