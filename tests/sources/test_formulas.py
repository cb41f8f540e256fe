"""Formulas as text: TeX source where the page has it, a linear reading of MathML where not."""

from __future__ import annotations

from lxml import etree

from newsclean.sources.formulas import formulas_as_text, mathml_text
from newsclean.sources.parse import parse_html


def text_after(markup: str) -> tuple[int, str]:
    html = f"<html><body><article>{markup}</article></body></html>"
    tree = parse_html(html)
    n = formulas_as_text(tree, html)
    return n, " ".join(tree.find("body").text_content().split())


def test_mathml_reads_as_a_line() -> None:
    cases = {
        "<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>": "a/2",
        "<math><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac></math>": "(a+b)/2",
        "<math><msqrt><mi>x</mi></msqrt></math>": "√x",
        "<math><msub><mi>x</mi><mi>i</mi></msub></math>": "x_i",
        "<math><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></math>": "x_i^2",
        "<math><semantics><mi>y</mi><annotation>ignored</annotation></semantics></math>": "y",
    }
    for markup, expected in cases.items():
        assert mathml_text(etree.fromstring(markup)) == expected


def test_tex_annotation_and_alttext_win_over_the_rendering() -> None:
    annotated = (
        '<p>So <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^{2}</annotation>'
        "</semantics></math> grows.</p>"
    )
    assert text_after(annotated) == (1, r"So \(x^{2}\) grows.")
    alt = '<p>So <math alttext="{\\displaystyle y}" display="block"><mi>y</mi></math> grows.</p>'
    assert text_after(alt) == (1, r"So \[y\] grows.")


def test_mathjax2_script_replaces_its_rendering() -> None:
    markup = (
        '<p>Take <span class="MathJax_Preview">x</span><span class="MathJax" id="MathJax-Element-1-Frame">'
        '<span class="mi">x</span></span><script type="math/tex" id="MathJax-Element-1">x_1</script> first.</p>'
    )
    assert text_after(markup) == (1, r"Take \(x_1\) first.")


def test_formula_images_give_their_alt_text() -> None:
    image = '<p>Area <img class="latex" alt="\\pi r^2" src="f.png"> of it.</p>'
    assert text_after(image) == (1, r"Area \(\pi r^2\) of it.")
    assert text_after('<p>A photo <img class="photo" alt="a harbour" src="h.jpg"> here.</p>')[0] == 0


def test_a_section_whose_class_names_math_is_not_taken_for_a_wrapper() -> None:
    prose = "The next section explains the whole derivation step by step for readers new to it."
    n, text = text_after(f'<div class="math-section"><p>{prose}</p><math><mi>z</mi></math></div>')
    assert n == 1 and prose in text and text.endswith("z")


def test_pages_without_math_are_not_walked() -> None:
    html = "<html><body><p>No formulas here at all.</p></body></html>"
    assert formulas_as_text(parse_html(html), html) == 0
