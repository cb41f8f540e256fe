"""Train the page-type model shipped in ``newsclean/data/page_type.json``.

    python -m benchmarks.train_page_type [--cache DIR] [--c 0.003] [--max-lost 0.015]

The pages are the WCXB development pages of every type (``wcxb-dev-articles`` and
``wcxb-dev-other``, 1,358 pages) and the scrapinghub articles (181); the model learns
from the **tune** half only (site-disjoint, see :mod:`benchmarks.corpora`). The features
are those of :mod:`newsclean.page_features`, read from what the HTML source gives
(:func:`~newsclean.sources.html.html_document`: the page's evidence and its blocks).
Extraction takes a few minutes for all pages; ``--cache DIR`` keeps them (keyed by the
page's bytes and the library version) so that retraining after a model change is quick.

The model is a multinomial logistic regression (scikit-learn, lbfgs, classes weighted
by their inverse frequency) over standardized features; features non-zero on fewer
than three tune pages are left out. The article class's weight (``article_weight``, see
:class:`~newsclean.page_type.Model`) is then the lowest that calls at most ``--max-lost``
of the tune articles something else, each predicted by a model that did not see its
site (5 folds by site). The script prints the share of articles lost on both halves and
the check accuracy. scikit-learn is needed here only (the ``bench`` extra); the library
reads the weights with pure Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import newsclean
from benchmarks import corpora
from newsclean.document import Block
from newsclean.page_features import PageEvidence, features
from newsclean.page_type import MODEL_FILE, PAGE_TYPES, Model
from newsclean.sources.detect import decode
from newsclean.sources.html import html_document

log = logging.getLogger(__name__)

MODEL_PATH = Path(newsclean.__file__).resolve().parent / "data" / MODEL_FILE
MIN_PAGES = 3  # a feature must be non-zero on this many tune pages
DEFAULT_C = 0.003


@dataclass(frozen=True)
class LabelledPage:
    """A corpus page as the HTML source saw it: its evidence, its blocks (before the
    filters) and its title, with its type (``article`` for every scrapinghub page)."""

    key: str
    corpus: str
    site: str
    half: str
    label: str
    url: str | None
    evidence: PageEvidence
    blocks: tuple[Block, ...]
    title: str | None

    @cached_property
    def features(self) -> dict[str, float]:
        return features(self.evidence, self.blocks)


#: the corpora read: the two WCXB development folders (all seven types) and scrapinghub (articles)
CORPORA = (("wcxb", corpora.wcxb), ("wcxb-other", corpora.wcxb_other), ("scrapinghub", corpora.scrapinghub))


def labelled_pages(
    cache: Path | None = None, names: tuple[str, ...] = ("wcxb", "wcxb-other")
) -> Iterator[LabelledPage]:
    """The pages of the corpora ``names`` with their type, evidence and blocks, as
    :func:`~newsclean.sources.html.html_document` gives them (the decision reads nothing
    else). ``cache`` keeps them between runs, keyed by the page's bytes and the library's
    version (a feature change needs a new version or an empty cache)."""
    store: dict[str, tuple[PageEvidence, list[Block], str | None]] = {}
    cache_file = cache / "page-type-pages.pkl" if cache else None
    if cache_file and cache_file.exists():
        store = pickle.loads(cache_file.read_bytes())
    changed = 0
    for name, load in CORPORA:
        if name not in names:
            continue
        for page in load():
            key = f"{name}/{page.id}/{hashlib.sha1(page.html).hexdigest()[:12]}/{newsclean.__version__}"
            if key not in store:
                doc = html_document(decode(page.html, html_hint=True), url=page.url)
                assert doc.evidence is not None
                title = doc.meta.get("title")
                store[key] = (doc.evidence, doc.blocks, title if isinstance(title, str) else None)
                changed += 1
                if cache_file and changed % 200 == 0:
                    cache_file.write_bytes(pickle.dumps(store))
            evidence, blocks, title = store[key]
            label = page.truth.get("page_type", "article") if name != "scrapinghub" else "article"
            yield LabelledPage(key, name, page.site, page.half, label, page.url, evidence, tuple(blocks), title)
    if cache_file and changed:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(pickle.dumps(store))


def fit(pages: list[LabelledPage], c: float = DEFAULT_C) -> Model:
    """A model fitted on ``pages`` (all of them: pass the tune half)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

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
            "trained_on": "tune half (site-disjoint split of benchmarks.corpora) of the WCXB development pages "
            "and the scrapinghub articles",
            "pages": len(pages),
            "c": c,
            "command": "python -m benchmarks.train_page_type",
        },
    )


def predict(model: Model, page: LabelledPage) -> str:
    return model.decide(model.probabilities(page.features))


def grouped_folds(pages: list[LabelledPage], k: int = 5) -> list[list[int]]:
    """``k`` folds of page indices, whole sites per fold (by a hash of the site name)."""
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, p in enumerate(pages):
        folds[hashlib.sha256(p.site.encode()).digest()[1] % k].append(i)
    return folds


def out_of_fold(pages: list[LabelledPage], c: float = DEFAULT_C) -> list[dict[str, float]]:
    """The probabilities of every page, each from a model fitted on the other folds (5
    folds, whole sites per fold; the article class not weighted): what the model says
    of sites it did not see."""
    out: list[dict[str, float]] = [{} for _ in pages]
    for fold in grouped_folds(pages):
        held = set(fold)
        model = fit([p for i, p in enumerate(pages) if i not in held], c)
        for i in fold:
            out[i] = model.probabilities(pages[i].features)
    return out


def weighted(probabilities: dict[str, float], weight: float) -> str:
    """The type :class:`~newsclean.page_type.Model` decides for these (unweighted)
    probabilities with ``article_weight`` = ``weight``."""
    scores = {c: p * weight if c == "article" else p for c, p in probabilities.items()}
    return max(PAGE_TYPES, key=lambda c: (scores.get(c, 0.0), -PAGE_TYPES.index(c)))


def cross_validated(pages: list[LabelledPage], c: float = DEFAULT_C, weight: float = 1.0) -> list[tuple[str, str]]:
    """(truth, prediction) for every page from :func:`out_of_fold`, decided with the
    article weight ``weight``."""
    return [(p.label, weighted(probs, weight)) for p, probs in zip(pages, out_of_fold(pages, c), strict=True)]


#: at most this share of the tune half's articles may be called something else (the target
#: is 2% on the check half: the margin is for sites the model never saw)
MAX_LOST = 0.015
WEIGHTS = tuple(1.0 + 0.25 * i for i in range(120))


def lost_share(probabilities: list[dict[str, float]], weight: float) -> float:
    """The share of (article) pages with these unweighted probabilities called something else."""
    lost = sum(weighted(p, weight) != "article" for p in probabilities)
    return lost / len(probabilities) if probabilities else 0.0


def choose_weight(article_probabilities: list[dict[str, float]], max_lost: float = MAX_LOST) -> float:
    """The lowest article weight (:data:`WEIGHTS`) that calls at most ``max_lost`` of
    these articles (tune half, predicted out of fold) something else."""
    for w in WEIGHTS:
        if lost_share(article_probabilities, w) <= max_lost:
            return w
    return WEIGHTS[-1]


def training_pages(pages: list[LabelledPage]) -> list[LabelledPage]:
    """The pages the model learns from: the tune half of every corpus (the WCXB pages of
    all types and the scrapinghub articles)."""
    return [p for p in pages if p.half == "tune"]


def accuracy(pairs: list[tuple[str, str]]) -> float:
    return sum(1 for t, p in pairs if t == p) / len(pairs) if pairs else 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="directory keeping the extracted pages between runs")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    parser.add_argument("--max-lost", type=float, default=MAX_LOST, help="share of tune articles that may be lost")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = list(labelled_pages(args.cache, tuple(name for name, _ in CORPORA)))
    train = training_pages(pages)
    model = fit(train, args.c)
    oof = out_of_fold(train, args.c)
    articles = [probs for p, probs in zip(train, oof, strict=True) if p.label == "article"]
    weight = choose_weight(articles, args.max_lost)
    model = replace(model, article_weight=weight, info={**model.info, "max_lost": args.max_lost})
    check = [p for p in pages if p.half == "check"]
    plain = replace(model, article_weight=1.0)
    check_articles = [plain.probabilities(p.features) for p in check if p.label == "article"]
    on_check = [(p.label, predict(model, p)) for p in check if p.corpus != "scrapinghub"]
    args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n", "utf-8")
    log.info(
        "%d features; article weight %.2f: articles lost tune %.3f, check %.3f; check accuracy %.3f; written to %s",
        len(model.features),
        weight,
        lost_share(articles, weight),
        lost_share(check_articles, weight),
        accuracy(on_check),
        args.out,
    )


if __name__ == "__main__":
    main()
