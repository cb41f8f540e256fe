"""Properties of ``to_markdown`` over generated bodies (hypothesis), read back with a
CommonMark parser (markdown-it-py, GFM tables on):

- it never raises;
- the words of the Markdown's text are the body's words, in order (escaping loses and
  invents nothing: no text turns into markup, no markup into text);
- links come back as links, with their anchor text.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import newsclean
from newsclean.article import Article
from newsclean.blocks import BodyBlock, Cell, Kind, Link

WORD = regex.compile(r"\w+")
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
PARSER = MarkdownIt("commonmark").enable("table")

# Text that looks like Markdown as often as it looks like prose.
MARKUP = [
    "#",
    "# ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "`",
    "```",
    "~~~",
    "_",
    "**",
    "[",
    "](",
    ")",
    "!",
    "<a>",
    "<",
]
MARKUP += ["&amp;", "&#35;", "\\", "|", "---", "===", "    ", "\t", "\n", "<http://x.example>", "[a]: /b", "\u00a0"]
pieces = st.one_of(st.sampled_from(MARKUP), st.text(min_size=1, max_size=12), st.sampled_from(["word", "Two", "3"]))
texts = st.lists(pieces, min_size=1, max_size=8).map("".join).filter(lambda t: bool(t.strip()))


@st.composite
def bodies(draw: st.DrawFn) -> list[BodyBlock]:
    blocks: list[BodyBlock] = []
    for position in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(list(Kind)))
        text = draw(texts)
        extra: dict[str, object] = {
            "group": draw(st.sampled_from([None, 1, 2])),
            "quote": draw(st.sampled_from([None, None, 7])),
        }
        if kind is Kind.HEADING:
            extra["level"] = draw(st.integers(0, 8))
        elif kind is Kind.LIST_ITEM:
            extra["level"] = draw(st.integers(0, 4))
            extra["ordered"] = draw(st.booleans())
        elif kind is Kind.TABLE:
            cells = tuple(Cell(draw(texts), draw(st.booleans())) for _ in range(draw(st.integers(1, 3))))
            cells += (Cell(""),) * draw(st.integers(0, 1))
            text = " | ".join(c.text for c in cells if c.text)
            extra["cells"] = cells
        elif kind is Kind.CODE:
            extra["language"] = draw(st.sampled_from(["", "python", "c++", "a`b"]))
        if kind is not Kind.CODE and draw(st.booleans()):
            start = draw(st.integers(0, len(text) - 1))
            anchor = text[start : draw(st.integers(start + 1, len(text)))].strip()
            if anchor:
                extra["links"] = (Link(anchor, draw(st.sampled_from(["https://x.example/a b(c)", "/rel", "#f"]))),)
        blocks.append(BodyBlock(kind, text, position, **extra))  # type: ignore[arg-type]
    return blocks


def words(text: str) -> list[str]:
    return [str(w) for w in WORD.findall(text.casefold())]


def markdown_words(markdown: str) -> list[str]:
    """The words of the text a CommonMark reader sees (inline text and code, not URLs)."""
    out: list[str] = []
    for tok in PARSER.parse(markdown):
        if tok.type in ("fence", "code_block"):
            out += words(tok.content)
        elif tok.type == "inline":  # a link may start or end inside a word: join the pieces first
            pieces = [c.content if c.type in ("text", "code_inline", "image") else "" for c in tok.children or []]
            out += words("".join(pieces))
    return out


def body_words(blocks: list[BodyBlock]) -> list[str]:
    return [w for b in blocks for w in words(b.text)]


@SETTINGS
@given(bodies(), st.booleans())
@example([BodyBlock(Kind.PARAGRAPH, "Wow!", 0, links=(Link("Wow", "/a"),))], True)
@example([BodyBlock(Kind.PARAGRAPH, "x!y", 0, links=(Link("y", "/a"),))], True)
@example([BodyBlock(Kind.HEADING, "C #", 0, level=2)], True)
def test_markdown_words_are_the_body_words(blocks: list[BodyBlock], links: bool) -> None:
    markdown = Article(blocks=blocks).to_markdown(links=links)
    assert markdown_words(markdown) == body_words(blocks)


@SETTINGS
@given(bodies())
def test_links_read_back_as_links(blocks: list[BodyBlock]) -> None:
    markdown = Article(blocks=blocks).to_markdown()
    anchors = []
    for tok in PARSER.parse(markdown):
        children = tok.children or []
        for i, child in enumerate(children):
            if child.type == "link_open":
                anchors.append(" ".join(words("".join(c.content for c in children[i + 1 : i + 2]))))
    expected = [" ".join(words(link.text)) for b in blocks if b.kind is not Kind.CODE for link in b.links]
    assert len(anchors) <= len(expected)
    assert all(a in expected for a in anchors)


@SETTINGS
@given(st.lists(pieces, max_size=30).map("".join))
def test_cleaned_text_gives_markdown_with_its_words(page: str) -> None:
    article = newsclean.clean(page, kind="text")
    assert markdown_words(article.to_markdown()) == words(article.text)
