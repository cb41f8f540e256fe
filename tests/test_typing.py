"""Types hold: the package is clean under ``mypy --strict`` (its configuration and its one
ignored import in pyproject.toml), and type checkers follow the README's patterns:
``if result.ok:`` narrows a batch result to :class:`~newsclean.Cleaned` (``article`` is an
Article) or :class:`~newsclean.Failed` (``error`` is a dict), checked on small snippets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

NARROWED = """\
from newsclean import Article, Result, clean_many


def texts(records: list[str]) -> list[str]:
    out: list[str] = []
    for result in clean_many(records, workers=0):
        if result.ok:
            article: Article = result.article
            out.append(article.text)
        else:
            out.append(result.error["type"] + ": " + result.error["message"])
    return out


def first_error(results: list[Result]) -> str | None:
    for result in results:
        if not result.ok:
            return result.error["message"]
    return None
"""

NOT_NARROWED = """\
from newsclean import clean_many

for result in clean_many(["A page."], workers=0):
    print(result.article.text)
"""


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module: the second run reuses the analysis of newsclean."""
    return tmp_path_factory.mktemp("mypy-cache")


def mypy(code: str, folder: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    snippet = folder / "snippet.py"
    snippet.write_text(code, "utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--cache-dir", str(cache)]
    return subprocess.run([*command, str(snippet)], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_result_ok_narrows_for_mypy(tmp_path: Path, cache: Path) -> None:
    proc = mypy(NARROWED, tmp_path, cache)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_an_unchecked_result_is_an_error(tmp_path: Path, cache: Path) -> None:
    """The check can fail: using ``article`` without looking at ``ok`` is reported."""
    proc = mypy(NOT_NARROWED, tmp_path, cache)
    assert proc.returncode == 1 and 'has no attribute "text"  [union-attr]' in proc.stdout


def test_package_is_clean_under_mypy_strict() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "newsclean"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
