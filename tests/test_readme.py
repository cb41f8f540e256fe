"""The README's examples run as written.

The Python blocks of a README section run in order, in one namespace, as a reader would
paste them. Where an example fetches a page, the network is replaced by a local server
of one invented article (with a redirect before it), so the code runs unchanged offline.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.optional import require

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)

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


def section(heading: str) -> list[str]:
    """The Python code blocks under the README heading ``## heading``."""
    text = README.read_text("utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return _BLOCK.findall(text[start : end if end != -1 else len(text)])


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
    blocks = section("In your scraper")
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
