"""Host names of page addresses, public-suffix aware (through courlan, which ships the
public suffix list): the registered domain of ``https://news.example.co.uk/a`` is
``example.co.uk`` and the site's label in it ``example``.

    >>> registered_domain("https://news.example.co.uk/story")
    'example.co.uk'
    >>> site_label("https://www.example.co.uk/story")
    'example'
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from courlan import extract_domain

__all__ = ["registered_domain", "site_label"]


@lru_cache(maxsize=1024)
def registered_domain(url: str | None) -> str | None:
    """The domain a site registered (``"example.co.uk"``), case-folded; ``None`` for an
    address without one (no host, an IP address, ``localhost``)."""
    if not url:
        return None
    if "//" not in url:
        url = "http://" + url
    try:
        domain = extract_domain(url)
    except ValueError:
        return None
    return str(domain).casefold() if domain else None


def site_label(url: str | None) -> str | None:
    """The site's own name in its address: the registered domain without its public suffix
    (``"example"`` for ``https://www.example.co.uk/``), or ``None``."""
    domain = registered_domain(url)
    if domain is None:
        return None
    host = (urlsplit("http://" + domain).hostname or "").split(".")
    return host[0] or None
