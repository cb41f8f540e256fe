from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def load_json(relative: str):
    return json.loads((FIXTURES / relative).read_text("utf-8"))


#: the embedded example article (shipped in the package for ``newsclean --example``)
EXAMPLE_FILE = Path(str(resources.files("newsclean.data").joinpath("usnews-syria-defections.txt")))
#: what cleaning it must give
EXAMPLE_EXPECTED = FIXTURES / "example" / "usnews-syria-defections.expected.json"


def pytest_report_header(config: pytest.Config) -> str:
    """One line saying which real pages the corpus tests run on."""
    from benchmarks import corpora

    sample = f"the committed sample ({corpora.SAMPLE_DIR.relative_to(ROOT)})"
    if corpora.full_available():
        every = os.environ.get("NEWSCLEAN_SWEEP_EVERY", "8")
        return (
            f"newsclean corpora: {sample}, and the full corpora at {corpora.shared_dir() / 'corpus'} "
            f"(real-page sweep: every {every}th page of each as well)"
        )
    return f"newsclean corpora: {sample} only (full corpora not found under {corpora.shared_dir()})"
