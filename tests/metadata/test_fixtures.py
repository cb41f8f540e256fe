"""Hand-made metadata fixtures: ``fixtures/metadata/<name>.html`` + ``<name>.expected.json``.

The expected file lists only the fields the fixture is about (``"sources.<field>"`` checks
provenance); ``_via`` says whether the fixture goes through ``newsclean.metadata.extract``
(markup only) or the whole ``newsclean.clean`` (markup reconciled with the body text);
``_url`` is the page address passed along, ``_now`` the moment the page was fetched.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsclean
from newsclean.metadata import extract
from newsclean.metadata.names import is_bad_name
from newsclean.sources.parse import parse_html

from ..conftest import FIXTURES

CASES = sorted(p.name[: -len(".html")] for p in (FIXTURES / "metadata").glob("*.html"))


def _result(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    html = (FIXTURES / "metadata" / f"{name}.html").read_text("utf-8")
    expected = json.loads((FIXTURES / "metadata" / f"{name}.expected.json").read_text("utf-8"))
    url = expected.get("_url")
    now = expected.get("_now")
    if expected["_via"] == "clean":
        got = newsclean.clean(html, url=url, kind="html", now=now).to_dict()
    else:
        page = extract(parse_html(html), url=url, html=html, now=now)
        got = {**vars(page), "sources": dict(page.sources)}
    return got, expected


def test_enough_fixtures() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_fixture(name: str) -> None:
    got, expected = _result(name)
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        if key.startswith("sources."):
            assert got["sources"].get(key[len("sources.") :]) == want, key
        elif want is None:
            assert not got.get(key), key
        else:
            assert got.get(key) == want, key
    for name_ in got.get("authors") or []:
        assert not is_bad_name(name_), name_


def test_dek_sample_shape() -> None:
    """The hand-checked dek sample ``fixtures/deks.json`` that ``benchmarks.metadata`` scores
    subtitles on: at least 150 pages, each once, with a dek string or none."""
    pages = json.loads((FIXTURES / "deks.json").read_text("utf-8"))["pages"]
    assert len(pages) >= 150
    assert len({(p["corpus"], p["id"]) for p in pages}) == len(pages)
    for p in pages:
        assert p["corpus"] in ("wcxb", "wcxb-other") and p["id"].isdigit()
        assert p["dek"] is None or (isinstance(p["dek"], str) and p["dek"].strip() == p["dek"] and p["dek"])
