"""Flatten HTML that nests deeper than a limit, so that the parser keeps all of it.

libxml2 (the parser under lxml and trafilatura) stops at 256 levels of nesting and drops
everything below, and recursive code over such a tree can reach Python's recursion
limit. :func:`flatten_nesting` scans the tags once (a linear pass, no tree) and removes
the tags of elements that would open deeper than ``max_depth``, keeping their text:
``<div><div>...<p>text</p>...</div></div>`` (100,000 levels) becomes at most
``max_depth`` levels with the same text.

The scan is an approximation of HTML parsing made for this one purpose: void elements
(``<br>``, ``<img>``) and self-closing tags do not nest, an open ``<p>``/``<li>``/``<td>``
... closes a still-open one of the same name, and a closing tag closes the nearest open
element of its name (unmatched closing tags are ignored). Pages within the limit are
returned unchanged.
"""

from __future__ import annotations

import re

__all__ = ["flatten_nesting", "max_nesting"]

# One tag: bounded name and attribute runs, no nested quantifiers, so the scan is linear.
# (stdlib ``re``: this runs once over the whole document, where a per-call timeout of the
# ``regex`` module would be the wrong guard; the pattern cannot backtrack beyond one tag.)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})((?:\s[^<>]{0,4000})?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "command",
        "basefont",
        "frame",
    ]
)
_SELF_CLOSING_SIBLINGS = frozenset(["p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot"])
# Tags whose removal must not glue the words on either side together.
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "var",
    ]
)
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp"))
_CLOSE_SEARCH = 64  # how far down the stack a closing tag looks for its element


def _scan(html: str, max_depth: int) -> tuple[int, list[tuple[int, int, str]]]:
    """(deepest nesting seen, spans of tags opening or closing beyond ``max_depth``)."""
    stack: list[tuple[str, bool]] = []  # (tag name, dropped)
    kept = 0  # elements on the stack that were kept
    deepest = 0
    drop: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            break
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _CLOSE_SEARCH), -1):
                if stack[i][0] == name:
                    for _, dropped in stack[i:]:
                        kept -= not dropped
                    if stack[i][1]:
                        drop.append((m.start(), m.end(), name))
                    del stack[i:]
                    break
            continue
        if name in _VOID or attrs.endswith("/"):
            continue
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == name:
            kept -= not stack.pop()[1]
        if name in _RAW_TEXT:  # kept whole, never nested into: their content is not markup
            end = html.find("</" + name, pos)
            pos = end if end >= 0 else len(html)
            continue
        dropped = kept >= max_depth
        if dropped:
            drop.append((m.start(), m.end(), name))
        else:
            kept += 1
            deepest = max(deepest, kept)
        stack.append((name, dropped))
    return deepest, drop


def max_nesting(html: str) -> int:
    """How deep elements nest in ``html`` (by the approximate scan of this module)."""
    return _scan(html, 1 << 30)[0]


def flatten_nesting(html: str, max_depth: int) -> tuple[str, bool]:
    """``html`` with tags deeper than ``max_depth`` removed (text kept), and whether it changed."""
    if html.count("<") <= max_depth:  # cannot nest that deep: skip the scan
        return html, False
    _, drop = _scan(html, max_depth)
    if not drop:
        return html, False
    out: list[str] = []
    pos = 0
    for start, end, name in drop:
        out.append(html[pos:start])
        out.append("" if name in _INLINE else " ")
        pos = end
    out.append(html[pos:])
    return "".join(out), True
