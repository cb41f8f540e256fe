"""An extracted body made flat: every block a child of the body, all text inside a block.

A page may write its text straight into a container, between headings and lists, with
no paragraph element around it (``<div><h2>Books</h2>Although ...<br><br>There are
...<ul>...</ul></div>``, or the same inside a ``<span>``). The extractor's body then
holds that text as the *tail* of the heading or list before it, or as text of the body
itself, next to inline elements (links, highlighted words, line breaks); or it takes the
whole container for one paragraph with the headings and lists inside. Read block by
block, such a body loses the text after each heading and every list, and runs the
headings into the prose.

:func:`flatten_body` opens up each paragraph that holds blocks (headings, lists, quotes,
tables, paragraphs), and wraps each run of loose text and inline elements between two
blocks into a paragraph (``p``) of its own, in place: the text stays in the article, in
its place, and the headings and lists stay blocks of their own.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["flatten_body"]

# elements of the extractor's body format that live inside a line of text
_INLINE = frozenset(("ref", "hi", "lb", "del", "span", "sub", "sup"))
# blocks a paragraph cannot hold
_BLOCKS = frozenset(("p", "head", "list", "quote", "table", "code"))


def flatten_body(body: etree._Element) -> int:
    """Open up ``body``'s paragraphs that hold blocks and wrap its loose text into
    paragraphs (see the module docstring); the number of changes made."""
    opened = _open_block_holders(body)
    return opened + gather_loose_text(body)


def _open_block_holders(body: etree._Element) -> int:
    """Replace each child ``p`` of ``body`` that holds a block by its content."""
    opened = 0
    k = 0
    while k < len(body):
        child = body[k]
        if child.tag != "p" or not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in child):
            k += 1
            continue
        _splice(body, k, child)
        opened += 1  # the same index now holds the first of its children: looked at again
    return opened


def _splice(body: etree._Element, k: int, child: etree._Element) -> None:
    """Put ``child``'s text and children where ``child`` is (index ``k``), then its tail."""
    inner = list(child)
    text, tail = child.text, child.tail
    body.remove(child)
    if k == 0:
        body.text = (body.text or "") + (text or "")
    else:
        body[k - 1].tail = (body[k - 1].tail or "") + (text or "")
    for offset, el in enumerate(inner):
        body.insert(k + offset, el)
    if tail:
        if inner:
            inner[-1].tail = (inner[-1].tail or "") + tail
        elif k == 0:
            body.text = (body.text or "") + tail
        else:
            body[k - 1].tail = (body[k - 1].tail or "") + tail


def gather_loose_text(body: etree._Element) -> int:
    """Wrap the loose text runs of ``body`` (its text, its children's tails, inline children)
    into paragraphs; the number of paragraphs made. A body without loose text is left as is."""
    if not _has_loose(body):
        return 0
    children = list(body)
    text = body.text
    body.text = None
    for child in children:
        body.remove(child)
    made: list[etree._Element] = []
    run: etree._Element | None = None

    def add_text(value: str | None) -> None:
        nonlocal run
        if not value:
            return
        if run is None:
            if not value.strip():
                return
            run = etree.SubElement(body, "p")
            made.append(run)
        if len(run):
            run[-1].tail = (run[-1].tail or "") + value
        else:
            run.text = (run.text or "") + value

    add_text(text)
    for child in children:
        tail, child.tail = child.tail, None
        if isinstance(child.tag, str) and child.tag in _INLINE:
            if run is None:
                run = etree.SubElement(body, "p")
                made.append(run)
            run.append(child)
        else:
            body.append(child)
            run = None
        add_text(tail)
    for p in made:
        _trim_breaks(p)
    return len(made)


def _has_loose(body: etree._Element) -> bool:
    if (body.text or "").strip():
        return True
    return any((c.tail or "").strip() or (isinstance(c.tag, str) and c.tag in _INLINE) for c in body)


def _trim_breaks(p: etree._Element) -> None:
    """Drop line breaks that open or close a paragraph (nothing to break there)."""
    while len(p) and p[-1].tag == "lb" and not (p[-1].tail or "").strip():
        p.remove(p[-1])
    while len(p) and p[0].tag == "lb" and not (p.text or "").strip():
        first = p[0]
        p.text = first.tail
        p.remove(first)
