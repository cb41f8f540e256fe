"""Put back the copies of a paragraph that the page repeats and the extractor folded into one.

An article may repeat a paragraph on purpose: a chant, a refrain, a line said again and
again. trafilatura drops an element whose text equals the one before it (it takes such a
repeat for an artefact of its own passes), and its fallbacks drop any text seen before,
so five identical paragraphs come out as one.

:func:`restore_repeats` finds, in the page tree, runs of sibling paragraphs (``p``) with
the same text, one after the other (the extractor compares whole lists and quotes, so
the items of one are not folded); where the extracted body holds that text fewer times
in a row than the run, the missing copies are put back after it. Only runs of siblings count: text repeated in
distant parts of the page (a teaser, a mobile copy of the article) is not content that
was lost. One XPath query (evaluated in C) is the whole cost on a page with no such run.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from newsclean.document import Block

__all__ = ["restore_repeats"]

# paragraphs whose text equals that of the paragraph right before them (one scan of the
# <p> elements; string values are compared in C)
_REPEATS = etree.XPath("//p[. = preceding-sibling::*[1][self::p]][normalize-space(.) != '']")


def _key(text: str) -> str:
    return " ".join(text.split())


def _runs(tree: etree._Element) -> dict[str, int]:
    """Text of each run of identical sibling elements → the run's length (the longest run
    when the page has several of one text)."""
    runs: dict[str, int] = {}
    previous: etree._Element | None = None
    length = 1
    for el in _REPEATS(tree):
        length = length + 1 if previous is not None and el.getprevious() is previous else 2
        key = _key("".join(el.itertext()))
        runs[key] = max(runs.get(key, 0), length)
        previous = el
    return runs


def restore_repeats(blocks: list[Block], tree: etree._Element) -> list[Block]:
    """``blocks`` with each repeated paragraph as many times in a row as the page has it
    (a new list; ``blocks`` itself when nothing is missing)."""
    runs = _runs(tree)
    if not runs:
        return blocks
    out: list[Block] = []
    seen: set[str] = set()
    i = 0
    while i < len(blocks):
        key = _key(blocks[i].text)
        j = i
        while j < len(blocks) and _key(blocks[j].text) == key:
            j += 1
        out.extend(blocks[i:j])
        wanted = runs.get(key, 0)
        if wanted > j - i and key not in seen:
            out.extend([blocks[j - 1]] * (wanted - (j - i)))
        seen.add(key)
        i = j
    if len(out) == len(blocks):
        return blocks
    return [replace(b, position=n) for n, b in enumerate(out)]
