"""Cleaning pages opens no socket and writes no file.

Sockets: ``socket.socket.connect`` and ``socket.create_connection`` are patched to raise,
and the ``socket.connect``/``socket.__new__`` audit events are refused. Files: an audit
hook sees every ``open`` (built-in ``open``, ``io.open``, ``os.open``) and fails on any
write, append, create or truncate mode. The hook is installed once per process (audit
hooks cannot be removed) and only acts while a test switches it on.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator

import pytest

from newsclean import clean

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_STATE = {"on": False, "events": []}


def _hook(event: str, args: tuple) -> None:
    if not _STATE["on"]:
        return
    if event in ("socket.connect", "socket.__new__", "socket.getaddrinfo"):
        _STATE["events"].append((event, args))
    elif event == "open" and len(args) >= 3:
        path, mode, flags = args[0], args[1], args[2]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writes:
            _STATE["events"].append((event, (path, mode, flags)))


sys.addaudithook(_hook)


@pytest.fixture
def sealed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _STATE["events"] = []
    _STATE["on"] = True
    try:
        yield _STATE["events"]
    finally:
        _STATE["on"] = False


def test_the_hook_sees_writes_and_sockets(sealed: list, tmp_path) -> None:
    """The check can fail: a write and a socket are noticed."""
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as s, pytest.raises(AssertionError):
        s.connect(("127.0.0.1", 9))
    kinds = {event for event, _ in sealed}
    assert "open" in kinds and "socket.__new__" in kinds
    sealed.clear()


def test_cleaning_corpus_pages_touches_no_network_and_no_file(sealed: list) -> None:
    from benchmarks.corpora import CORPORA
    from benchmarks.robustness import visible_text
    from newsclean.sources.detect import decode

    pages = [page for loader in CORPORA.values() for page in loader(limit=8, source="sample")]
    for page in pages:
        texts = [page.html, visible_text(decode(page.html))]
        sealed_before = len(sealed)
        for data in texts:
            clean(data, url=page.url)
        assert len(sealed) == sealed_before, f"{page.id}: {sealed[sealed_before:]}"
    assert sealed == []


def test_cleaning_examples_touches_no_network_and_no_file(sealed: list) -> None:
    clean("<html><body><article><p>Some text of an article.</p></article></body></html>", url="https://example.com/a")
    clean(b"Headline\n\nBy Jane Doe\n\nThe body.\n\nAdvertisement")
    assert sealed == []
