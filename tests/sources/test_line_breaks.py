"""Paragraphs written as lines (``<br>``): split where a reader sees a new block, kept where not."""

from __future__ import annotations

from lxml import etree

from newsclean.sources.line_breaks import split_lines

SENTENCE = "The council met on Tuesday evening and voted to keep the old library open for another year at least."


def body(*lines: str) -> etree._Element:
    return etree.fromstring("<body><p>" + "<lb/>".join(lines) + "</p></body>")


def blocks(el: etree._Element) -> list[tuple[str, str]]:
    out = []
    for child in el:
        if child.tag == "list":
            out += [("item", "".join(i.itertext())) for i in child]
        else:
            out.append((child.tag, " / ".join(t for t in child.itertext())))
    return out


def test_marked_lines_become_a_list_between_paragraphs() -> None:
    el = body("Three options remain on the table for the council:", "a) repair", "b) rebuild", "c) sell", SENTENCE)
    assert split_lines(el) == 1
    assert blocks(el) == [
        ("p", "Three options remain on the table for the council:"),
        ("item", "a) repair"),
        ("item", "b) rebuild"),
        ("item", "c) sell"),
        ("p", SENTENCE),
    ]


def test_numbers_and_bullets_count_but_out_of_sequence_markers_do_not() -> None:
    assert split_lines(body("1. first step", "2. second step")) == 1
    assert split_lines(body("• one thing", "• another thing")) == 1
    assert split_lines(body("1. first step", "3. third step")) == 0
    assert split_lines(body("a) one", "1. two")) == 0


def test_dialogue_turns_are_not_a_list() -> None:
    assert split_lines(body("— Are you coming?", "— Not tonight.")) == 0


def test_empty_line_heading_line_and_announcing_sentence_cut() -> None:
    el = body(SENTENCE, "", "What happens next", SENTENCE.replace("Tuesday", "Friday"))
    split_lines(el)
    assert [t for _, t in blocks(el)] == [SENTENCE, "What happens next", SENTENCE.replace("Tuesday", "Friday")]


def test_verse_address_and_hard_wrapped_text_keep_their_lines() -> None:
    for lines in (
        ("Slow tide, slow boat", "slow bread, slow talk", "no one here is late."),
        ("Example Gazette", "1 Quay Street", "Harbour Town"),
        ("The council met on Tuesday evening and", "voted to keep the old library open for", "another year at least."),
    ):
        el = body(*lines)
        assert split_lines(el) == 0
        assert len(el) == 1 and len(el[0].findall("lb")) == len(lines) - 1


def test_links_inside_lines_are_kept() -> None:
    el = etree.fromstring(f"<body><p>{SENTENCE}<lb/><lb/>See <ref target='/x'>the plan</ref> for details.</p></body>")
    split_lines(el)
    assert len(el) == 2 and el[1].find("ref") is not None
