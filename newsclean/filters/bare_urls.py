"""``bare_urls``: the page's own address printed as a block of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from newsclean.document import Document, Kind
from newsclean.textutil import REGEX_TIMEOUT, fullmatch

_URL = regex.compile(r"[\s(<\[]*(?P<url>(?:https?://|www\.)[^\s<>\"]{1,2000}?)[\s)>\].]*", regex.IGNORECASE)


_SCHEME_WWW = regex.compile(r"^(?:https?://)?(?:www\.)?", regex.IGNORECASE)


def url_key(url: str) -> str:
    """``"https://www.Example.com/a/b/?x=1#top"`` → ``"example.com/a/b"`` (for comparing addresses)."""
    key = _SCHEME_WWW.sub("", url.strip(), timeout=REGEX_TIMEOUT)
    key = key.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    host, _, path = key.partition("/")
    return host.lower() + ("/" + path if path else "")


@dataclass(frozen=True)
class BareUrls:
    """Remove blocks that are nothing but the page's own URL.

    Removes ``https://www.example.com/news/article/Cat-found-14848175.php`` standing alone
    in the article at that address: a print or share widget showing the page's address,
    never prose. Needs the page URL (``clean(..., url=...)`` or the page's canonical link).
    Other URLs standing alone stay: a list of sources or links is content.
    """

    name: ClassVar[str] = "bare_urls"

    def __call__(self, doc: Document) -> None:
        page = doc.meta.get("url")
        if not isinstance(page, str) or not page:
            return
        own = url_key(page)
        for block in doc:
            if block.kind is Kind.CODE or len(block.text) > 2100:
                continue
            m = fullmatch(_URL, block.text)
            if m and url_key(m.group("url")) == own:
                doc.remove(block, filter=self.name, reason="the page's own URL")
