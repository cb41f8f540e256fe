"""Every ```python block of README.md runs as written: each is saved as a script in an
empty folder and run with this interpreter (as a reader would paste it into a file).

Blocks are found whatever sections the README has. A block that uses Spark is run by
``tests/test_spark.py`` inside its Spark session (one JVM start for both). The blocks of
"In your scraper" fetch pages: they run in order, in one namespace, with the network
replaced by a local answer of one invented article (with a redirect before it), so the
code runs unchanged offline.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.optional import require

from .conftest import ROOT

README = ROOT / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(markdown: str) -> list[tuple[int, str]]:
    """(line number, code) of each ```python block."""
    return [(markdown.count("\n", 0, m.start()) + 1, m.group(1)) for m in _BLOCK.finditer(markdown)]


def uses_spark(code: str) -> bool:
    return "pyspark" in code or "newsclean.spark" in code


SCRAPER_SECTION = "In your scraper"


def section(heading: str) -> list[str]:
    """The Python code blocks under the README heading ``## heading``."""
    text = README.read_text("utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return [code for _, code in python_blocks(text[start : end if end != -1 else len(text)])]


BLOCKS = [
    (line, code)
    for line, code in python_blocks(README.read_text("utf-8"))
    if not uses_spark(code) and code not in section(SCRAPER_SECTION)
]


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


# -- In your scraper ----------------------------------------------------------------------
TITLE = "Ferries to run later from June"
PARAGRAPHS = [
    "The harbour board approved the new ferry timetable on Tuesday after a long debate about evening "
    "services, which residents of the outer islands had asked for since spring.",
    "Boats will now leave every forty minutes until ten at night, and a late service on Fridays will "
    "bring theatre-goers home, the board's chair said after the vote.",
]
FINAL_URL = "https://www.example.com/2024/05/07/ferries-later"
PAGE = (
    f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Example News</title></head>'
    f'<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav><article><h1>{TITLE}</h1>'
    f"<p>By Ana Example</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
)


@pytest.fixture
def offline_web(monkeypatch: pytest.MonkeyPatch) -> None:
    """requests answers from here: any URL redirects to FINAL_URL, which serves PAGE."""
    requests = require("requests")

    def send(self: Any, request: Any, **kwargs: Any) -> Any:
        response = requests.models.Response()
        response.request, response.url = request, request.url
        if request.url == FINAL_URL:
            response.status_code = 200
            response._content = PAGE.encode("utf-8")
            response.headers = requests.structures.CaseInsensitiveDict({"Content-Type": "text/html; charset=utf-8"})
        else:
            response.status_code = 301
            response._content = b""
            response.headers = requests.structures.CaseInsensitiveDict({"Location": FINAL_URL})
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)


def test_in_your_scraper(offline_web: None) -> None:
    require("bs4")
    require("scrapy")
    blocks = section(SCRAPER_SECTION)
    assert len(blocks) == 3
    namespace: dict[str, Any] = {"__name__": "readme"}
    exec(blocks[0], namespace)  # requests
    article = namespace["article"]
    assert article.url == FINAL_URL and article.title == TITLE and article.authors == ["Ana Example"]
    assert article.text == "\n\n".join(PARAGRAPHS)
    exec(blocks[1], namespace)  # BeautifulSoup
    assert namespace["article"].text == article.text and namespace["article"].url == FINAL_URL
    assert namespace["links"] == ["/", "/local"]
    exec(blocks[2], namespace)  # Scrapy settings and spider
    scrapy_pipeline(namespace)


def scrapy_pipeline(namespace: dict[str, Any]) -> None:
    """The settings of the README turn the spider's items into cleaned items."""
    from scrapy.http import HtmlResponse
    from scrapy.pipelines import ItemPipelineManager
    from scrapy.utils.test import get_crawler

    settings = {k: v for k, v in namespace.items() if k.isupper()}
    crawler = get_crawler(namespace["NewsSpider"], settings_dict=settings)
    (pipeline,) = ItemPipelineManager.from_crawler(crawler).middlewares
    response = HtmlResponse(
        url=FINAL_URL, body=PAGE.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    (item,) = namespace["NewsSpider"]().parse(response)
    item = pipeline.process_item(item)
    assert item["body_text"] == namespace["article"].text
    assert item["title"] == TITLE and item["authors"] == ["Ana Example"] and "response" not in item
