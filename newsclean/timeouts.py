"""A regex timeout inside a filter leaves the block it was working on as it is.

Every pattern newsclean runs over a block has a timeout (:data:`~newsclean.textutil.REGEX_TIMEOUT`),
so a pathological block cannot hang a batch. When one fires, ``regex`` raises
``TimeoutError``. Failing the page for it would make results depend on the machine's
load; skipping the whole filter would let one block cost the page every removal that
filter makes. So the pipeline runs each filter through :func:`run_filter`, which handles
a timeout per block:

1. The document's state is noted before the filter runs (a shallow copy of each field).
2. On a regex timeout, the filter's changes are undone (restored from that note), the
   block it was working on is set aside, and the filter runs again over the other
   blocks; the block then goes back in its place, as the filter found it. The document
   gets the warning ``"regex-timeout"``.
3. The block the filter was working on is :attr:`Document.current
   <newsclean.document.Document.current>`: the one ``for block in doc`` handed out last.
   Filters walk the body that way, one block at a time, so the catch belongs around the
   filter's run, not inside each filter's loop (where every filter would have to repeat
   it). A filter that walks ``doc.blocks`` itself names no block; a timeout in it leaves
   the filter out on this page (every block stays as the filter found it), with the same
   warning. So does a third timeout of one filter on one page (each costs the timeout's
   wait; :class:`~newsclean.Limits`' ``time_budget`` bounds the rest).

Why redo the filter rather than carry on where it stopped: a filter's loop cannot be
resumed from outside, and its work on the blocks before the timeout may depend on the
block that timed out (a neighbour, a count over the body); running it again without that
block gives the same result as a page that never had it. The pipeline keeps what it set
aside (:class:`Aside`) across the passes of one run, so a later pass does not wait for
the same timeout again.

Only ``regex``'s timeout is handled so: any other exception, another ``TimeoutError``
included, still fails the filter (:class:`~newsclean.errors.FilterError`).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsclean.document import Block, Document

__all__ = ["MAX_TIMEOUTS", "TIMEOUT_WARNING", "Aside", "is_regex_timeout", "run_filter"]

log: logging.Logger = logging.getLogger(__name__)

#: the warning a document gets when a pattern timed out in one of its filters
TIMEOUT_WARNING = "regex-timeout"
#: timeouts of one filter on one page after which the filter is undone on that page
MAX_TIMEOUTS = 3
# what ``regex`` says when a match runs past its timeout
_REGEX_MESSAGE = "regex timed out"


def is_regex_timeout(exc: BaseException) -> bool:
    """Whether ``exc`` is ``regex``'s timeout (a ``TimeoutError`` saying so)."""
    return isinstance(exc, TimeoutError) and exc.args == (_REGEX_MESSAGE,)


@dataclass
class Aside:
    """What one run over a document leaves aside for one filter after its timeouts: the
    ``positions`` of blocks, or the ``whole`` filter; ``timeouts`` counts them."""

    positions: set[int] = field(default_factory=set)
    whole: bool = False
    timeouts: int = 0


def run_filter(f: Callable[[Document], Document | None], doc: Document, name: str, aside: Aside) -> Document | None:
    """``f(doc)``, with the blocks ``aside`` names set aside while it runs and a regex
    timeout handled per block (see the module docstring); ``aside`` notes the timeouts.
    Returns what ``f`` returned, or ``None`` when the filter is left out on this document."""
    while not aside.whole:
        before = _note(doc)
        held = _set_aside(doc, aside.positions)
        doc.current = None
        try:
            result = f(doc)
        except Exception as exc:
            if not is_regex_timeout(exc):
                raise
            block = doc.current
            _restore(doc, before)
            aside.timeouts += 1
            _warn(doc)
            if block is None or aside.timeouts >= MAX_TIMEOUTS:
                log.warning("a pattern of %s timed out; the filter is left out on this page", name)
                aside.whole = True
                break
            log.warning("a pattern of %s timed out on block %d; that block is left as it is", name, block.position)
            aside.positions.add(block.position)
            continue
        out = result if isinstance(result, Document) else doc
        _put_back(out, held)
        if aside.timeouts:
            _warn(out)
        return result
    return None


def _warn(doc: Document) -> None:
    if TIMEOUT_WARNING not in doc.warnings:
        doc.warnings.append(TIMEOUT_WARNING)


def _note(doc: Document) -> dict[str, Any]:
    """The document's attributes, containers copied (filters change them in place)."""
    return {k: v.copy() if isinstance(v, (list, dict, set)) else v for k, v in vars(doc).items()}


def _restore(doc: Document, state: dict[str, Any]) -> None:
    vars(doc).update(state)


def _set_aside(doc: Document, hidden: set[int]) -> list[Block]:
    """Take the blocks at the ``hidden`` positions out of the body; returns them."""
    if not hidden:
        return []
    aside = [b for b in doc.blocks if b.position in hidden]
    if aside:
        doc.blocks = [b for b in doc.blocks if b.position not in hidden]
    return aside


def _put_back(doc: Document, aside: list[Block]) -> None:
    """Put blocks set aside back in their places (blocks stand in position order)."""
    if not aside:
        return
    blocks = list(doc.blocks)
    for block in aside:
        blocks.insert(bisect.bisect_left([b.position for b in blocks], block.position), block)
    doc.blocks = blocks
