"""A flat body: blocks out of the paragraphs that hold them, loose text into paragraphs."""

from __future__ import annotations

from lxml import etree

from newsclean.sources.flat_body import flatten_body


def shape(body: etree._Element) -> list[tuple[str, str]]:
    return [(el.tag, " ".join(" ".join(el.itertext()).split())) for el in body]


def test_text_after_a_heading_becomes_a_paragraph() -> None:
    body = etree.fromstring(
        "<body><head>Books</head>Books are heavy.<lb/><lb/>Pack them flat.<list><item>A</item></list>Done.</body>"
    )
    assert flatten_body(body) == 2
    assert shape(body) == [("head", "Books"), ("p", "Books are heavy. Pack them flat."), ("list", "A"), ("p", "Done.")]
    assert body[1][-1].tail == "Pack them flat."  # the line breaks inside are kept, none at the ends


def test_a_paragraph_holding_blocks_is_opened_up() -> None:
    body = etree.fromstring(
        "<body><p>Intro <ref target='/a'>link</ref> text.<head>Part one</head>Body of part one.<list><item>x</item>"
        "</list></p><p>After.</p></body>"
    )
    flatten_body(body)
    assert shape(body) == [
        ("p", "Intro link text."),
        ("head", "Part one"),
        ("p", "Body of part one."),
        ("list", "x"),
        ("p", "After."),
    ]
    assert body[0].find("ref") is not None


def test_a_flat_body_is_left_alone() -> None:
    body = etree.fromstring("<body><p>One <hi>two</hi>.</p>\n<head>Three</head>\n<p>Four.</p></body>")
    before = etree.tostring(body)
    assert flatten_body(body) == 0
    assert etree.tostring(body) == before
