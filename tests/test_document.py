"""Block measures: computed once per block, fresh for a block with new text."""

from newsclean.document import Block, Kind


def test_block_measures_are_computed_once_and_belong_to_the_block() -> None:
    block = Block(Kind.PARAGRAPH, "Read more: three words", 0)
    assert (block.n_words, block.lead_word) == (4, "read")
    assert block.__dict__["n_words"] == 4  # stored on the instance: the next access is a lookup
    other = Block(Kind.PARAGRAPH, "Two words", 1)
    assert (other.n_words, other.lead_word) == (2, "two")
    changed = block.with_text("Sources say so")
    assert (changed.n_words, changed.lead_word) == (3, "sources")
    assert (block.n_words, block.lead_word) == (4, "read")


def test_block_measures_are_documented_on_the_class() -> None:
    assert "words" in (Block.n_words.__doc__ or "")
    assert Block.__dict__["lead_word"].__get__(None, Block) is Block.__dict__["lead_word"]
