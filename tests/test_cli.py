"""The single-page command line: files, standard input, --json, --example."""

from __future__ import annotations

import json
import subprocess
import sys

from newsclean.cli import main

from .conftest import FIXTURES

SEED = FIXTURES / "seed" / "usnews-syria-defections.txt"


def test_example_prints_clean_text(capsys) -> None:
    assert main(["--example"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Nearly 20 high-ranking Syrian military officers")
    assert "By + More" not in out and "Photo Gallery" not in out


def test_json_for_a_file(capsys) -> None:
    assert main(["--json", str(SEED)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["authors"] == ["John T. Bennett"]
    assert {r["filter"] for r in record["removed"]} == {"bylines", "inserts", "author_bios", "related_links"}


def test_missing_file_fails_with_message(capsys) -> None:
    assert main(["/no/such/file.html"]) == 1
    assert "No such file" in capsys.readouterr().err


def test_module_entry_point_reads_stdin() -> None:
    body = b"A paragraph of real body text. " * 20
    html = b"<html><body><article><h1>T</h1><p>" + body + b"</p></article></body></html>"
    command = [sys.executable, "-m", "newsclean", "--kind", "html"]
    proc = subprocess.run(command, input=html, capture_output=True, check=True)
    assert b"A paragraph of real body text." in proc.stdout
