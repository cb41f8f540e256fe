"""Is the page an article? Its type, the confidence and the evidence that decided.

A page is one of seven types: ``article``, ``listing`` (an index of stories, a home
page, an archive), ``collection`` (a category page or product grid), ``forum`` (a
thread, a question and its answers), ``product`` (one product), ``documentation``
(API references, manuals, wikis) and ``service`` (marketing and service pages). The
decision reads the features of :mod:`newsclean.page_features` (markup, URL shape, the
extracted body) with a multinomial logistic model shipped as data
(``newsclean/data/page_type.json``, retrained by ``python -m benchmarks.train_page_type``):
pure Python, deterministic, a few hundred multiplications per page.

    >>> from newsclean.document import Block, Kind
    >>> prose = "The council approved the plan on Tuesday after a long debate, officials said. " * 6
    >>> text_page_type([Block(Kind.PARAGRAPH, prose, 0), Block(Kind.PARAGRAPH, prose, 1)]).type
    'article'
    >>> text_page_type([Block(Kind.PARAGRAPH, "Home", 0), Block(Kind.PARAGRAPH, "About us", 1)]) is None
    True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from types import MappingProxyType
from typing import Any

from newsclean.document import Block, Kind
from newsclean.page_features import SCHEMA_GROUPS, PageEvidence, features
from newsclean.textutil import ends_sentence

__all__ = ["PAGE_TYPES", "Model", "PageType", "classify", "shipped_model", "text_page_type"]

PAGE_TYPES = ("article", "listing", "collection", "forum", "product", "documentation", "service")
MODEL_FILE = "page_type.json"

# text input: an article's prose is at least this much text in sentence-ending paragraphs
_TEXT_PROSE_CHARS = 400
_TEXT_PROSE_PARAGRAPHS = 2
_TEXT_PROSE_MIN = 80  # characters a paragraph needs to count as prose


@dataclass(frozen=True)
class PageType:
    """The decision: ``type`` (one of :data:`PAGE_TYPES`), ``confidence`` (0-1, the
    model's probability of that type) and ``evidence``, the few signals that decided
    (read-only; :meth:`compact` gives it as one line)."""

    type: str
    confidence: float
    evidence: Mapping[str, str | float] = field(default_factory=lambda: MappingProxyType({}))

    def compact(self) -> str:
        """``"product 0.91: schema=product url=products top=l_product,schema_product"``."""
        parts = " ".join(f"{k}={_short(v)}" for k, v in self.evidence.items())
        return f"{self.type} {self.confidence:.2f}" + (f": {parts}" if parts else "")


def _short(value: str | float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Model:
    """A multinomial logistic model over named features: each feature is centred and
    scaled (``mean``, ``scale``), each class scores ``intercept + coef . x``, and the
    softmax of the scores gives the probabilities. Features the model does not know are
    ignored, features it knows but a page lacks are 0.

    The article class's probability counts ``article_weight`` times (a prior that favours
    articles; the probabilities are normalized again, :meth:`probabilities`): a page is
    called something other than an article only when another type is more than
    ``article_weight`` times as probable as an article. Calling an article a listing costs
    a user the article, so the doubtful pages stay articles."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    info: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    article_weight: float = 1.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Model:
        model = cls(
            classes=tuple(data["classes"]),
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) or 1.0 for v in data["scale"]),
            coef=tuple(tuple(float(v) for v in row) for row in data["coef"]),
            intercept=tuple(float(v) for v in data["intercept"]),
            info=MappingProxyType(dict(data.get("info", {}))),
            article_weight=float(data.get("article_weight", 1.0)),
        )
        n = len(model.features)
        if len(model.mean) != n or len(model.scale) != n or any(len(row) != n for row in model.coef):
            raise ValueError("page-type model: feature vectors of different lengths")
        if len(model.coef) != len(model.classes) or len(model.intercept) != len(model.classes):
            raise ValueError("page-type model: one row of weights per class expected")
        return model

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": [list(row) for row in self.coef],
            "intercept": list(self.intercept),
            "info": dict(self.info),
            "article_weight": self.article_weight,
        }

    @cached_property
    def _weights(self) -> dict[str, tuple[tuple[float, ...], float, float]]:
        """Per feature: its weight for each class, its mean and its scale."""
        return {
            name: (tuple(row[k] for row in self.coef), self.mean[k], self.scale[k])
            for k, name in enumerate(self.features)
        }

    @cached_property
    def _base(self) -> tuple[float, ...]:
        """Each class's score for a page whose features are all 0."""
        return tuple(
            b - sum(w * m / s for w, m, s in zip(row, self.mean, self.scale, strict=True))
            for row, b in zip(self.coef, self.intercept, strict=True)
        )

    def probabilities(self, values: Mapping[str, float]) -> dict[str, float]:
        """Each class's probability for a page with these feature values, the article
        class weighted by ``article_weight`` (the sum runs over the page's non-zero
        features only: a few dozen of a few hundred)."""
        scores = list(self._base)
        weights = self._weights
        for name, value in values.items():
            known = weights.get(name) if value else None
            if known is not None:
                row, _, scale = known
                x = value / scale
                for c, w in enumerate(row):
                    scores[c] += w * x
        top = max(scores)
        exps = [math.exp(s - top) * self._prior[c] for c, s in enumerate(scores)]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    @cached_property
    def _prior(self) -> tuple[float, ...]:
        """Each class's weight: ``article_weight`` for articles, 1 for the others."""
        return tuple(self.article_weight if c == "article" else 1.0 for c in self.classes)

    def decide(self, probabilities: Mapping[str, float]) -> str:
        """The most probable type (ties: the first class)."""
        return max(self.classes, key=lambda c: (probabilities[c], -self.classes.index(c)))

    def reasons(self, values: Mapping[str, float], chosen: str, n: int = 3) -> list[str]:
        """The ``n`` features of the page (among its non-zero ones) that pushed most
        towards ``chosen`` against the average of the other classes: the difference of
        weights times the feature's standardized value."""
        i = self.classes.index(chosen)
        others = len(self.classes) - 1
        pushes = []
        weights = self._weights
        for name, value in values.items():
            known = weights.get(name) if value else None
            if known is not None:
                row, mean, scale = known
                push = (row[i] - (sum(row) - row[i]) / others) * (value - mean) / scale
                if push > 0:
                    pushes.append((push, name))
        pushes.sort(key=lambda p: (-p[0], p[1]))
        return [name for _, name in pushes[:n]]


@cache
def shipped_model() -> Model:
    """The model shipped with the library (read once, at first use)."""
    text = resources.files("newsclean.data").joinpath(MODEL_FILE).read_text("utf-8")
    return Model.from_dict(json.loads(text))


def classify(evidence: PageEvidence, blocks: Sequence[Block], model: Model | None = None) -> PageType:
    """The type of a page from its evidence (see :func:`~newsclean.page_features.read_evidence`)
    and the blocks the extraction found."""
    model = model or shipped_model()
    values = features(evidence, blocks)
    probabilities = model.probabilities(values)
    chosen = model.decide(probabilities)
    return PageType(chosen, round(probabilities[chosen], 4), _evidence(evidence, values, model.reasons(values, chosen)))


def _evidence(signals: PageEvidence, values: Mapping[str, float], reasons: list[str]) -> Mapping[str, str | float]:
    """The signals worth showing: markup types, the URL words, the body's shape and the
    features that pushed the model most."""
    out: dict[str, str | float] = {}
    groups = sorted({SCHEMA_GROUPS[t] for t in signals.schema if t in SCHEMA_GROUPS})
    if groups:
        out["schema"] = ",".join(groups)
    if signals.og_type:
        out["og"] = signals.og_type[:30]
    words = sorted(k[5:] for k, v in values.items() if k.startswith("urlw_") and v)
    if words:
        out["url"] = ",".join(words[:4])
    out["prose"] = round(values.get("prose", 0.0), 2)
    teasers = round(math.expm1(values.get("teasers", 0.0)))
    if teasers:
        out["teasers"] = float(teasers)
    code = signals.tags.get("pre", 0)
    if code:
        out["code"] = float(code)
    prices = round(math.expm1(values.get("currency", 0.0)))
    if prices:
        out["prices"] = float(prices)
    if signals.datetimes > 1:
        out["timestamps"] = float(signals.datetimes)
    out["region"] = "article" if values.get("p_long200", 0.0) >= 0.3 else "none"
    if reasons:
        out["top"] = ",".join(reasons)
    return MappingProxyType(out)


def text_page_type(blocks: Sequence[Block]) -> PageType | None:
    """Text input has no markup: ``article`` when the text holds an article's prose (at
    least two sentence-ending paragraphs of 80+ characters, 400+ characters together),
    else ``None``. The confidence is the share of the text in such paragraphs."""
    total = sum(len(b.text) for b in blocks)
    prose = [
        len(b.text)
        for b in blocks
        if b.kind in (Kind.PARAGRAPH, Kind.QUOTE) and len(b.text) >= _TEXT_PROSE_MIN and ends_sentence(b.text)
    ]
    if len(prose) < _TEXT_PROSE_PARAGRAPHS or sum(prose) < _TEXT_PROSE_CHARS:
        return None
    share = round(sum(prose) / total, 4) if total else 0.0
    return PageType("article", share, MappingProxyType({"prose": round(share, 2), "paragraphs": float(len(prose))}))
