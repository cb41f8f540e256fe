from __future__ import annotations

import json
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
