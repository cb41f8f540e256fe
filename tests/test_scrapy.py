"""newsclean.scrapy.CleanPipeline, offline, with Scrapy's own test helpers."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any

import pytest

from newsclean import ConfigError
from tests.optional import require

require("scrapy")
from scrapy import Field, Item  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from newsclean.scrapy import CleanPipeline  # noqa: E402

PARAGRAPHS = [
    "The harbour board approved the new ferry timetable on Tuesday after a long debate about "
    "evening services, which residents of the outer islands had asked for since spring.",
    "Boats will now leave every forty minutes until ten at night, and a late service on Fridays "
    "will bring theatre-goers home, the board's chair said after the vote.",
]
TITLE = "Ferries to run later from June"
URL = "https://news.example.net/local/ferries-later"


def page(charset_meta: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html><head><meta charset="{charset_meta}"><title>{TITLE}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{TITLE}</h1>"
        f"<p>By Ana Example</p>{body}</article></body></html>"
    )


def response(body: bytes | None = None, content_type: str = "text/html; charset=utf-8") -> HtmlResponse:
    return HtmlResponse(url=URL, body=body or page().encode("utf-8"), headers={"Content-Type": content_type})


def pipeline(**settings: Any) -> CleanPipeline:
    crawler = get_crawler(settings_dict=settings)
    return CleanPipeline.from_crawler(crawler)


def test_defaults_add_text_title_authors_published() -> None:
    item = pipeline().process_item({"response": response()})
    assert item["text"] == "\n\n".join(PARAGRAPHS)
    assert item["title"] == TITLE
    assert item["authors"] == ["Ana Example"]
    assert "published" in item and "newsclean_error" not in item


def test_charset_from_response_headers() -> None:
    body = page(charset_meta="utf-8").replace("harbour", "härbour").encode("cp1252")  # the meta is wrong
    item = pipeline().process_item({"response": response(body, "text/html; charset=windows-1252")})
    assert item["text"].startswith("The härbour board")


def test_body_and_html_fields_and_field_names() -> None:
    p = pipeline(
        NEWSCLEAN_FIELDS=["text", "url", "language", "warnings"],
        NEWSCLEAN_FIELD_NAMES={"text": "body_text", "url": "clean_url"},
    )
    item = p.process_item({"url": URL, "body": page().encode("utf-8")})
    assert item["body_text"] == "\n\n".join(PARAGRAPHS)
    assert item["clean_url"] == URL
    assert set(item) == {"url", "body", "body_text", "clean_url", "language", "warnings"}
    assert p.process_item({"html": page()})["body_text"] == "\n\n".join(PARAGRAPHS)


def test_markdown_field() -> None:
    item = pipeline(NEWSCLEAN_FIELDS=["markdown", "title"]).process_item({"html": page()})
    assert item["markdown"] == "\n\n".join(PARAGRAPHS) + "\n" and "text" not in item


def test_page_fields_setting_and_drop_page() -> None:
    p = pipeline(NEWSCLEAN_PAGE_FIELDS=["raw"], NEWSCLEAN_DROP_PAGE=True)
    item = p.process_item({"raw": page(), "html": "not used"})
    assert "raw" not in item and item["html"] == "not used" and item["title"] == TITLE


def test_item_without_page_passes_unchanged() -> None:
    crawler = get_crawler()
    p = CleanPipeline.from_crawler(crawler)
    assert p.process_item({"name": "x"}) == {"name": "x"}
    assert crawler.stats.get_value("newsclean/no_page") == 1


def test_errors_kept_or_dropped() -> None:
    pdf = response(b"%PDF-1.7 binary", "application/pdf")
    crawler = get_crawler()
    item = CleanPipeline.from_crawler(crawler).process_item({"response": pdf})
    assert item["newsclean_error"]["type"] == "BinaryInputError"
    assert crawler.stats.get_value("newsclean/error/BinaryInputError") == 1
    with pytest.raises(DropItem, match="BinaryInputError"):
        pipeline(NEWSCLEAN_ON_ERROR="drop").process_item({"response": pdf})


def test_pipeline_config_and_limits(tmp_path: Path) -> None:
    config = tmp_path / "pipeline.toml"
    config.write_text('[pipeline]\ndisable = ["bylines"]\n', "utf-8")
    item = pipeline(NEWSCLEAN_PIPELINE=str(config)).process_item({"html": page()})
    assert item["text"].startswith("By Ana Example")  # the byline filter is off
    item = pipeline(NEWSCLEAN_LIMITS={"max_input_bytes": 100}).process_item({"html": page()})
    assert item["newsclean_error"]["type"] == "InputTooLargeError"


def test_scrapy_item_class() -> None:
    class Story(Item):
        url = Field()
        response = Field()
        text = Field()
        title = Field()
        authors = Field()
        published = Field()

    item = pipeline(NEWSCLEAN_DROP_PAGE=True).process_item(Story(url=URL, response=response()))
    assert item["title"] == TITLE and "response" not in item


@pytest.mark.parametrize(
    "settings",
    [
        {"NEWSCLEAN_FIELDS": ["txt"]},
        {"NEWSCLEAN_FIELD_NAMES": {"body": "x"}},
        {"NEWSCLEAN_ON_ERROR": "ignore"},
        {"NEWSCLEAN_LIMITS": {"max_bytes": 1}},
        {"NEWSCLEAN_PIPELINE": "/no/such/pipeline.toml"},
    ],
)
def test_bad_settings_fail_at_start(settings: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        pipeline(**settings)


def test_run_by_scrapys_item_pipeline_manager_without_deprecation_warnings() -> None:
    from scrapy.pipelines import ItemPipelineManager

    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": {"newsclean.scrapy.CleanPipeline": 300}})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. Scrapy's warning for a process_item that requires a spider
        manager = ItemPipelineManager.from_crawler(crawler)
        assert [type(m).__name__ for m in manager.middlewares] == ["CleanPipeline"]
        if hasattr(manager, "process_item_async"):  # recent Scrapy
            item = asyncio.run(manager.process_item_async({"response": response()}))
        else:  # older Scrapy: a Deferred, fired at once (nothing in the chain waits)
            done: list[Any] = []
            legacy: Any = manager
            legacy.process_item({"response": response()}, crawler.spider).addCallback(done.append)
            (item,) = done
    assert item["title"] == TITLE
