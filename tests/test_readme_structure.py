"""The README's "Structure and Markdown" example runs and prints what the README shows."""

from __future__ import annotations

import contextlib
import io
import re

from .conftest import ROOT

SECTION = re.compile(r"<!-- structure section.*?-->(.*?)<!-- end structure section -->", re.DOTALL)
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def test_structure_example_runs_and_prints_the_shown_markdown() -> None:
    section = SECTION.search((ROOT / "README.md").read_text("utf-8"))
    assert section is not None
    blocks = FENCE.findall(section.group(1))
    code = next(body for lang, body in blocks if lang == "python")
    shown = next(body for lang, body in blocks if lang == "markdown")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown + "\n"
