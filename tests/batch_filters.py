"""Custom pipeline filters the batch tests run in worker processes (importable by path:
``tests.batch_filters:NAME``). A marker word in a page's text triggers each misbehaviour."""

from __future__ import annotations

import os
import signal
import time

from newsclean.document import Document


def _has(doc: Document, marker: str) -> bool:
    return any(marker in block.text for block in doc.blocks)


def raise_on_marker(doc: Document) -> None:
    """Raises for a page containing RAISE-ME."""
    if _has(doc, "RAISE-ME"):
        raise RuntimeError("this page asked to fail")


def die_on_marker(doc: Document) -> None:
    """Kills its own process (as a segfault or the OOM killer would) for a page containing KILL-ME."""
    if _has(doc, "KILL-ME"):
        os.kill(os.getpid(), signal.SIGKILL)


def slow(doc: Document) -> None:
    """Takes a little while per page, so a test can stop a run midway."""
    time.sleep(0.05)


def hang_on_marker(doc: Document) -> None:
    """Never finishes for a page containing HANG-ME (as a pathological page can)."""
    while _has(doc, "HANG-ME"):
        time.sleep(1)
