"""Every ```python block of README.md runs as written: each is saved as a script in an
empty folder and run with this interpreter (as a reader would paste it into a file).

Blocks are found whatever sections the README has. A block that uses Spark is run by
``tests/test_spark.py`` inside its Spark session (one JVM start for both).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

README = ROOT / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(markdown: str) -> list[tuple[int, str]]:
    """(line number, code) of each ```python block."""
    return [(markdown.count("\n", 0, m.start()) + 1, m.group(1)) for m in _BLOCK.finditer(markdown)]


def uses_spark(code: str) -> bool:
    return "pyspark" in code or "newsclean.spark" in code


BLOCKS = [(line, code) for line, code in python_blocks(README.read_text("utf-8")) if not uses_spark(code)]


def run_script(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    script = folder / "example.py"
    script.write_text(code, "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, script.name], cwd=folder, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("line", "code"), BLOCKS, ids=[f"README.md:{line}" for line, _ in BLOCKS])
def test_readme_example_runs(line: int, code: str, tmp_path: Path) -> None:
    proc = run_script(code, tmp_path)
    assert proc.returncode == 0, f"README.md line {line}:\n{proc.stderr[-3000:]}"


def test_a_failing_block_is_reported(tmp_path: Path) -> None:
    """The check can fail: a block using an undefined name exits non-zero."""
    assert run_script("import newsclean\n\nnewsclean.clean(page)\n", tmp_path).returncode != 0


def test_clean_many_without_main_guard_says_so(tmp_path: Path) -> None:
    """A script starting workers at top level gets a ConfigError naming the guard and the line."""
    unguarded = 'from newsclean import clean_many\n\nprint(list(clean_many(["A page."], workers=2)))\n'
    proc = run_script(unguarded, tmp_path)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("newsclean.errors.ConfigError: ") and "example.py, line 3" in last
    assert 'if __name__ == "__main__":' in last
    guarded = unguarded.replace("print(", 'if __name__ == "__main__":\n    print(')
    proc = run_script(guarded, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "A page." in proc.stdout
