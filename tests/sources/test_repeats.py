"""Repeated identical paragraphs: the copies the extraction folded into one come back."""

from __future__ import annotations

from lxml import html

from newsclean.document import Block, Kind
from newsclean.sources.repeats import restore_repeats

LINE = "We will not leave this square until the government hears every one of us."
OTHER = "By noon the chant had spread to the neighbouring avenues of the old town."


def blocks(*texts: str) -> list[Block]:
    return [Block(Kind.PARAGRAPH, t, i) for i, t in enumerate(texts)]


def test_a_run_of_siblings_is_restored_to_its_length() -> None:
    tree = html.fromstring(f"<html><body><article><p>{OTHER}</p>{f'<p>{LINE}</p>' * 4}</article></body></html>")
    out = restore_repeats(blocks(OTHER, LINE), tree)
    assert [b.text for b in out] == [OTHER, LINE, LINE, LINE, LINE]
    assert [b.position for b in out] == list(range(5))


def test_copies_already_there_or_far_apart_are_left_alone() -> None:
    run = f"<html><body><article>{f'<p>{LINE}</p>' * 3}</article></body></html>"
    body = blocks(LINE, LINE, LINE)
    assert restore_repeats(body, html.fromstring(run)) is body
    apart = f"<html><body><article><p>{LINE}</p></article><aside><p>{LINE}</p></aside></body></html>"
    body = blocks(LINE)
    assert restore_repeats(body, html.fromstring(apart)) is body


def test_a_run_the_body_does_not_hold_is_not_added() -> None:
    tree = html.fromstring(f"<html><body><footer>{f'<p>{LINE}</p>' * 2}</footer></body></html>")
    body = blocks(OTHER)
    assert restore_repeats(body, tree) is body
