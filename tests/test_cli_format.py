"""``newsclean --format text|markdown|json`` for single pages (``--json`` is ``--format json``)."""

from __future__ import annotations

import json

import pytest

import newsclean
from newsclean.cli import main

from .conftest import FIXTURES

PAGE = FIXTURES / "structure" / "page.html"


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "markdown", "--url", "https://gazette.example.org/stories/x", str(PAGE)]) == 0
    assert capsys.readouterr().out == (FIXTURES / "structure" / "page.md").read_text("utf-8")


def test_text_format_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "text", str(PAGE)]) == 0
    explicit = capsys.readouterr().out
    assert main([str(PAGE)]) == 0
    assert capsys.readouterr().out == explicit == newsclean.clean(PAGE.read_bytes()).text + "\n"


def test_json_format_and_its_alias(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "json", str(PAGE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert main(["--json", str(PAGE)]) == 0
    assert json.loads(capsys.readouterr().out) == record
    assert {b["kind"] for b in record["blocks"]} >= {"heading", "list_item", "table", "quote", "code"}


def test_json_with_another_format_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--json", "--format", "markdown", str(PAGE)])
    assert exc.value.code == 2
    assert "--json" in capsys.readouterr().err
