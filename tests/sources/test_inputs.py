"""clean() takes what scrapers hold: lxml trees, BeautifulSoup soups and tags, and HTTP
responses of requests, httpx and Scrapy, with their charset and final URL."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

import lxml.etree
import lxml.html
import pytest

from newsclean import BinaryInputError, InputError, Limits, clean
from newsclean.sources.inputs import looks_like_url, read_page
from tests.optional import require

bs4 = require("bs4")
requests = require("requests")
httpx = require("httpx")
scrapy_http = require("scrapy.http")
from requests.adapters import BaseAdapter  # noqa: E402

PARAGRAPHS = [
    "Die Bürgermeisterin eröffnete am Montag das neue Rathaus an der Königsallee. Zahlreiche Gäste "
    "begrüßten die Entscheidung, den Bau trotz höherer Kosten fortzuführen.",
    "Größere Säle sollen künftig auch für Konzerte genutzt werden, hieß es aus dem Büro der Stadt. "
    "Die Eröffnungsfeier dauerte bis spät in die Nacht, und die Straßen waren voller Menschen.",
    "Im Frühjahr folgen die Außenanlagen: ein Brunnen, Bänke und ein kleiner Garten für die Öffentlichkeit, "
    "den die Anwohner seit Jahren gefordert hatten.",
]
TITLE = "Neues Rathaus öffnet seine Türen"
FINAL_URL = "https://news.example.org/2024/05/06/rathaus-eroeffnet"
FIRST_URL = "https://example.org/s/abc123"


def page(meta_charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{meta_charset}">' if meta_charset else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="de"><head>{meta}<title>{TITLE}</title></head><body>'
        f'<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>'
        f"<!-- ad slot --><article><h1>{TITLE}</h1>{body}</article>"
        f"<footer>© 2024 Beispiel Verlag</footer></body></html>"
    )


EXPECTED = "\n\n".join(PARAGRAPHS)


def check(article: Any) -> None:
    assert article.text == EXPECTED
    assert article.title == TITLE


# -- trees and soups --------------------------------------------------------------------
def test_str_and_bytes_as_before() -> None:
    check(clean(page()))
    check(clean(page().encode("utf-8")))
    check(clean(bytearray(page().encode("utf-8"))))


def test_lxml_tree_is_used_as_is_and_left_unchanged() -> None:
    tree = lxml.html.fromstring(page())
    before = lxml.etree.tostring(tree)
    check(clean(tree))
    assert lxml.etree.tostring(tree) == before  # trafilatura changed a copy
    given = read_page(tree)
    assert given.tree is not None and given.tree is not tree and given.markup is None  # no rendering


def test_lxml_element_tree_and_subtree() -> None:
    tree = lxml.html.fromstring(page())
    check(clean(tree.getroottree()))
    article = clean(tree.find(".//article"))
    assert article.text == EXPECTED


def test_deep_lxml_tree_is_flattened_like_markup() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    markup = f"<html><body><article>{'<div>' * 120}{body}{'</div>' * 120}</article></body></html>"
    limits = Limits(max_depth=60)
    from_tree = clean(lxml.html.fromstring(markup), limits=limits)
    assert "flattened-nesting" in from_tree.warnings
    assert from_tree.text == clean(markup, limits=limits).text
    assert all(p in from_tree.text for p in PARAGRAPHS)  # the tags below the limit go, the text stays


def test_plain_etree_is_rendered_once() -> None:
    tree = lxml.etree.HTML(page())
    given = read_page(tree)
    assert given.tree is None and isinstance(given.markup, str) and given.kind == "html"
    check(clean(tree))


def test_soup_built_with_lxml_is_copied_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    soup = bs4.BeautifulSoup(page(), "lxml")
    before = str(soup)
    import newsclean.sources.html as html_source

    def no_parse(html: str) -> None:
        raise AssertionError("the page was parsed again")

    monkeypatch.setattr(html_source, "parse_html", no_parse)
    article = clean(soup)
    check(article)
    assert article.language == "de"
    assert str(soup) == before


def test_soup_of_other_parsers_is_rendered_once() -> None:
    soup = bs4.BeautifulSoup(page(), "html.parser")
    given = read_page(soup)
    assert given.tree is None and given.markup == str(soup)
    check(clean(soup))


def test_soup_tag() -> None:
    soup = bs4.BeautifulSoup(page(), "lxml")
    assert clean(soup.find("article")).text == EXPECTED
    detached = copy.copy(soup.find("article"))  # a tag of no soup: rendered
    assert clean(detached).text == EXPECTED


def test_soup_text_nodes_lxml_cannot_hold() -> None:
    markup = page().replace("Königsallee.", "Königsallee.\x0b").replace("<article>", '<article :class="x" @click="y">')
    markup = markup.replace("<p>Größere", "<p><o:p></o:p>Größere")
    check(clean(bs4.BeautifulSoup(markup, "lxml")))


def test_soup_that_lxml_refuses_is_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.sources.inputs as inputs

    def refuse(tag: object) -> None:
        raise ValueError("Invalid tag name")

    monkeypatch.setattr(inputs, "soup_to_tree", refuse)
    check(clean(bs4.BeautifulSoup(page(), "lxml")))


def test_soup_keeps_script_text_for_structured_data() -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Erika Beispiel"}}</script>'
    )
    soup = bs4.BeautifulSoup(page().replace("</head>", ld + "</head>"), "lxml")
    assert clean(soup).authors == ["Erika Beispiel"]


# -- responses --------------------------------------------------------------------------
def requests_response(body: bytes, content_type: str, url: str = FINAL_URL) -> Any:
    response = requests.models.Response()
    response.status_code = 200
    response._content = body
    response.headers = requests.structures.CaseInsensitiveDict({"Content-Type": content_type})
    response.url = url
    return response


class Pages(BaseAdapter):
    """A requests transport serving a redirect and a page, without network."""

    def __init__(self, body: bytes, content_type: str) -> None:
        super().__init__()
        self.body, self.content_type = body, content_type

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.url == FIRST_URL:
            response = requests_response(b"", "text/html", request.url)
            response.status_code = 301
            response.headers["Location"] = FINAL_URL
        else:
            response = requests_response(self.body, self.content_type, request.url)
        response.request = request
        return response

    def close(self) -> None:
        pass


def test_requests_redirect_final_url_and_header_charset_against_wrong_meta() -> None:
    body = page(meta_charset="utf-8").encode("cp1252")  # the meta is wrong; the header is right
    session = requests.Session()
    session.mount("https://", Pages(body, "text/html; charset=windows-1252"))
    response = session.get(FIRST_URL)
    assert response.history and response.url == FINAL_URL
    article = clean(response)
    check(article)
    assert article.url == FINAL_URL and article.sources["url"] == "response"
    assert clean(response, url="https://example.org/given").url == "https://example.org/given"


# short pages whose legacy bytes, behind a wrong <meta charset="utf-8">, are guessed wrong
# from the bytes alone (Polish in ISO-8859-2, Czech in windows-1250, Russian in KOI8-R)
LEGACY_PAGES = [
    ("iso-8859-2", "Burmistrz otworzył w poniedziałek nowy ratusz. Goście długo klaskali, a dzieci śpiewały."),
    ("windows-1250", "Starostka v pondělí otevřela novou radnici. Hosté dlouho tleskali a děti zpívaly."),
    ("koi8-r", "Мэр открыл новую ратушу в понедельник."),
]


@pytest.mark.parametrize(("charset", "text"), LEGACY_PAGES)
def test_header_charset_beats_a_wrong_meta(charset: str, text: str) -> None:
    markup = (
        f'<html><head><meta charset="utf-8"><title>x</title></head><body><article><p>{text}</p></article></body></html>'
    )
    body = markup.encode(charset)
    assert text not in clean(body).text  # the bytes alone mislead
    assert clean(requests_response(body, f"text/html; charset={charset}")).text == text
    scrapy_response = scrapy_http.HtmlResponse(
        url=FINAL_URL, body=body, headers={"Content-Type": f"text/html; charset={charset}"}
    )
    assert clean(scrapy_response).text == text


def test_server_default_latin1_label_on_utf8_page() -> None:
    response = requests_response(page().encode("utf-8"), "text/html; charset=ISO-8859-1")
    check(clean(response))


def test_caller_encoding_overrides_header() -> None:
    body = page(meta_charset=None).encode("cp1252")
    response = requests_response(body, "text/html; charset=utf-8")  # a wrong header
    check(clean(response, encoding="cp1252"))
    check(clean(body, encoding="windows-1252"))
    with pytest.raises(InputError, match="unknown encoding"):
        clean(body, encoding="no-such-codec")


def test_httpx_response_with_redirect() -> None:
    body = page(meta_charset="iso-8859-1").encode("utf-8")  # the meta is wrong; the header is right

    def handler(request: Any) -> Any:
        if str(request.url) == FIRST_URL:
            return httpx.Response(302, headers={"Location": FINAL_URL})
        return httpx.Response(200, content=body, headers={"Content-Type": "text/html; charset=utf-8"})

    with httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True) as client:
        response = client.get(FIRST_URL)
    assert response.history
    article = clean(response)
    check(article)
    assert article.url == FINAL_URL and article.sources["url"] == "response"


def test_httpx_stream_not_read() -> None:
    def handler(request: Any) -> Any:
        return httpx.Response(200, stream=httpx.ByteStream(page().encode()), headers={"Content-Type": "text/html"})

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as client,
        client.stream("GET", FINAL_URL) as response,
        pytest.raises(InputError, match="cannot be read"),
    ):
        clean(response)


def test_scrapy_html_response() -> None:
    body = page(meta_charset="utf-8").encode("cp1252")
    response = scrapy_http.HtmlResponse(
        url=FINAL_URL, body=body, headers={"Content-Type": "text/html; charset=windows-1252"}
    )
    article = clean(response)
    check(article)
    assert article.url == FINAL_URL and article.sources["url"] == "response"
    plain = scrapy_http.Response(url=FINAL_URL, body=page().encode("utf-8"), headers={"Content-Type": "text/html"})
    check(clean(plain))


@pytest.mark.parametrize(
    ("content_type", "body", "error", "detected"),
    [
        ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, BinaryInputError, "png"),
        ("application/pdf", b"not really a pdf", BinaryInputError, "application/pdf"),
        ("image/jpeg; charset=binary", b"text pretending", BinaryInputError, "image/jpeg"),
        ("application/json", b'{"a": 1}', InputError, None),
        ("application/rss+xml", b"<rss></rss>", InputError, None),
        ("text/css", b"body { color: red }", InputError, None),
    ],
)
def test_non_page_content_types(content_type: str, body: bytes, error: type, detected: str | None) -> None:
    with pytest.raises(error, match=r"not an HTML or text page|not a text or HTML page") as info:
        clean(requests_response(body, content_type))
    if detected:
        assert isinstance(info.value, BinaryInputError) and info.value.detected == detected


def test_unknown_or_text_content_types_are_read() -> None:
    check(clean(requests_response(page().encode(), "application/octet-stream")))
    check(clean(requests_response(page().encode(), "")))
    text = "\n\n".join([TITLE, *PARAGRAPHS]).encode("utf-8")
    assert clean(requests_response(text, "text/plain; charset=utf-8")).kind == "text"


class PlainResponse:
    """A response of another HTTP client: a plain dict of headers, no URL."""

    def __init__(self, content: bytes, headers: dict[str, str]) -> None:
        self.content, self.headers, self.url = content, headers, None


def test_any_object_with_the_attributes_of_a_response() -> None:
    body = page(meta_charset="utf-8").encode("cp1252")
    article = clean(PlainResponse(body, {"content-type": "text/html; charset=windows-1252"}))
    check(article)
    assert article.url is None
    with pytest.raises(BinaryInputError):
        clean(PlainResponse(b"GIF89a....", {"content-type": "image/gif"}))


def test_other_objects_are_refused() -> None:
    with pytest.raises(InputError, match="lxml or BeautifulSoup tree, or an HTTP response"):
        clean(12)
    with pytest.raises(InputError, match="kind='text'"):
        clean(lxml.html.fromstring(page()), kind="text")


# -- a URL given as the page ------------------------------------------------------------
@pytest.mark.parametrize("text", [FINAL_URL, f"  {FINAL_URL}\n", "www.example.org/news/story", FINAL_URL.encode()])
def test_url_as_page_warns(text: str | bytes) -> None:
    assert "input-looks-like-url" in clean(text).warnings


@pytest.mark.parametrize("text", [f"Read it at {FINAL_URL}", f"{FINAL_URL}\n\n{PARAGRAPHS[0]}", page()])
def test_page_mentioning_a_url_does_not_warn(text: str) -> None:
    assert not looks_like_url(text)
    assert "input-looks-like-url" not in clean(text).warnings


# -- no optional import at import time --------------------------------------------------
def test_import_newsclean_imports_no_scraper_library() -> None:
    code = (
        "import sys, newsclean, newsclean.sources.inputs; "
        "print(sorted(m for m in ('bs4', 'scrapy', 'requests', 'httpx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
