"""Mathematical formulas as text, before the extraction deletes them.

Pages show formulas in a few ways, and an extractor that cleans the page loses each:

- MathJax 2 puts the TeX source in ``<script type="math/tex">`` (deleted with the
  scripts) next to its rendering (``span.MathJax``, ``span.MathJax_SVG``, an ``<svg>``);
- MathJax 3 renders into ``<mjx-container>`` elements whose glyphs are drawn by CSS, so
  their only text is the MathML copy kept for screen readers;
- KaTeX and MediaWiki keep MathML with the TeX source as an ``<annotation>`` (MediaWiki
  inside an element hidden by ``display: none``, next to a fallback image);
- plain MathML (``<math>``) is deleted whole by the extractor;
- a formula image (``<img class="latex" alt="E=mc^2">``) has its TeX as alt text.

:func:`formulas_as_text` replaces each formula, at its outermost math wrapper, by its TeX
source between the delimiters ``\\(`` ``\\)`` (inline) or ``\\[`` ``\\]`` (display), or, for
MathML without TeX, by a linear reading of it (``a^2+b^2=c^2``), so the formula and the
words after it stay in their sentence. A display formula standing between paragraphs
becomes a paragraph of its own. Pages without math markup (a substring test on the raw
page) are not walked at all.
"""

from __future__ import annotations

import regex
from lxml import etree

from newsclean.textutil import REGEX_TIMEOUT

__all__ = ["formulas_as_text", "mathml_text"]

# substrings of a page that may hold formulas (case as the tools write them)
_HINTS = ("<math", "math/tex", "<mjx-", "katex", "MathJax", "latex", "LaTeX")
# class tokens of the elements that wrap a formula's rendering
_WRAPPER = regex.compile(r"(?i)(?:^|[\s_-])(?:math|katex|mathjax|mjx|mwe-math-\w+|latex|tex)(?:$|[\s_-])")
# the same test on a tree given without its markup
_MAY_HOLD_MATH = etree.XPath(
    "boolean(//math | //script[starts-with(@type, 'math/')] | //mjx-container"
    " | //*[contains(@class, 'katex') or contains(@class, 'MathJax') or contains(@class, 'latex')])"
)
_TEX_IMAGE = regex.compile(r"(?i)(?:^|[\s_-])(?:latex|tex|math|formula|equation)(?:$|[\s_-])")
_BLOCK_PARENTS = frozenset(
    ("body", "main", "article", "section", "div", "td", "th", "li", "dd", "blockquote", "figure", "center")
)
_MAX_DEPTH = 40  # MathML nesting read (deeper is read as plain text)


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].casefold()


def _classes(el: etree._Element) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _plain(el: etree._Element) -> str:
    return _squash("".join(el.itertext()))


def formulas_as_text(tree: etree._Element, html: str) -> int:
    """Replace the formulas in ``tree`` by their text (see the module docstring); the
    number replaced. ``html`` is the page's markup, tested for math before the walk
    (``""`` for a page given as a tree: the tree is searched instead)."""
    if not (any(hint in html for hint in _HINTS) if html else _MAY_HOLD_MATH(tree)):
        return 0
    done = 0
    for script in list(tree.iter("script")):
        kind = (script.get("type") or "").strip().casefold()
        if kind.startswith("math/tex") and (script.text or "").strip():
            _drop_rendering(script)
            _replace(script, _delimited(_squash(script.text or ""), "mode=display" in kind))
            done += 1
    for el in list(tree.iter("mjx-container")):
        if el.getparent() is None:
            continue
        math = next((m for m in el.iter() if _local(m.tag) == "math"), None)
        if math is not None:
            _replace(el, _math_text(math, display=el.get("display") == "true"))
            done += 1
    for math in list(tree.iter("math")):
        if not _attached(math, tree):
            continue
        _replace(_wrapper(math), _math_text(math))
        done += 1
    for img in list(tree.iter("img")):
        alt = _squash(img.get("alt") or "")
        if alt and _attached(img, tree) and _TEX_IMAGE.search(img.get("class") or "", timeout=REGEX_TIMEOUT):
            _replace(_wrapper(img), _delimited(alt, False))
            done += 1
    return done


def _attached(el: etree._Element, tree: etree._Element) -> bool:
    """Whether ``el`` is still in ``tree`` (an earlier replacement may have taken it out)."""
    return el is tree or any(a is tree for a in el.iterancestors())


def _balanced(tex: str) -> bool:
    depth = 0
    for c in tex:
        depth += (c == "{") - (c == "}")
        if depth < 0:
            return False
    return depth == 0


_STYLE_WRAP = regex.compile(r"^\{\\(?:displaystyle|textstyle)\s*(.*)\}$", regex.DOTALL)


def _delimited(tex: str, display: bool) -> str:
    """``tex`` between inline or display delimiters (MediaWiki's ``{\\displaystyle ...}``
    wrapper taken off)."""
    m = _STYLE_WRAP.match(tex, timeout=REGEX_TIMEOUT)
    if m and _balanced(m.group(1)):
        tex = m.group(1).strip()
    return f"\\[{tex}\\]" if display else f"\\({tex}\\)"


def _math_text(math: etree._Element, display: bool | None = None) -> str:
    """A ``<math>`` element's TeX source (annotation, else ``alttext``) in delimiters, else
    its linear reading."""
    if display is None:
        display = (math.get("display") or "").casefold() == "block"
    for el in math.iter():
        if _local(el.tag) == "annotation" and "tex" in (el.get("encoding") or "").casefold():
            tex = _squash(el.text or "")
            if tex:
                return _delimited(tex, display)
    alt = _squash(math.get("alttext") or "")
    if alt:
        return _delimited(alt, display)
    return mathml_text(math)


def _wrapper(el: etree._Element) -> etree._Element:
    """The outermost ancestor of ``el`` that only wraps a formula's rendering (its class
    names math, KaTeX, MathJax, ... and it holds little more text than the formula and a
    rendering of it), else ``el`` itself."""
    outer = el
    own = len(_plain(el))
    for parent in el.iterancestors():
        if _local(parent.tag) in ("p", "body", "article", "main", "section", "li", "td"):
            break
        if not _WRAPPER.search(_classes(parent), timeout=REGEX_TIMEOUT):
            break
        if len(_plain(parent)) > 2 * own + 20:  # holds more than the formula and its rendering
            break
        outer = parent
    return outer


def _drop_rendering(script: etree._Element) -> None:
    """Delete the rendering MathJax 2 put just before its TeX script (preview, frame,
    display box, SVG: elements whose class or id starts with ``MathJax``/``MJX``)."""
    for _ in range(3):
        previous = script.getprevious()
        if previous is None or (previous.tail and previous.tail.strip()):
            return
        marks = _classes(previous)
        if not ("MathJax" in marks or "MJX" in marks or "mjx" in marks):
            return
        _replace(previous, "")


def _replace(el: etree._Element, text: str) -> None:
    """Put ``text`` where ``el`` was (``el`` and its subtree go, its tail stays). A display
    formula gets a paragraph of its own: among blocks a ``p``, in running text an empty
    line (two line breaks) before and after it; an inline formula becomes part of the text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    if text.startswith("\\[") and _local(parent.tag) in _BLOCK_PARENTS:
        if _mixed(parent):
            new = parent.makeelement("span", {})
            new.text = text
            breaks = [parent.makeelement("br", {}) for _ in range(4)]  # an empty line before and after
            breaks[-1].tail = tail
            at = parent.index(el)
            parent.remove(el)
            for offset, part in enumerate((*breaks[:2], new, *breaks[2:])):
                parent.insert(at + offset, part)
            return
        new = parent.makeelement("p", {})
        new.text = text
        new.tail = tail
        parent.replace(el, new)
        return
    previous = el.getprevious()
    joined = text + tail
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(el)


def _mixed(el: etree._Element) -> bool:
    """Whether ``el`` holds text of its own beside its children (running text, not blocks)."""
    return bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)


# -- MathML read as a line of text --------------------------------------------------------

_SKIPPED = frozenset(("annotation", "annotation-xml", "mphantom", "none", "mprescripts"))


def _children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if _local(c.tag) and _local(c.tag) not in _SKIPPED]


def _grouped(text: str) -> str:
    """``text`` as an operand: in parentheses when it is longer than one symbol."""
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def mathml_text(math: etree._Element) -> str:
    """A linear reading of a MathML element: ``x^2``, ``(a+b)/2``, ``√(x)``, ``x_i``.

    >>> from lxml import etree
    >>> mathml_text(etree.fromstring("<math><msup><mi>a</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></math>"))
    'a^2+1'
    """
    return _squash(_read(math, 0))


def _read(el: etree._Element, depth: int) -> str:
    tag = _local(el.tag)
    if depth > _MAX_DEPTH:
        return _plain(el)
    parts = [_read(c, depth + 1) for c in _children(el)]
    if tag in ("mi", "mn", "mo", "mtext", "ms"):
        return _squash(el.text or "") or _plain(el)
    if tag == "semantics":
        return parts[0] if parts else ""
    if tag in ("msup", "msub") and len(parts) == 2:
        return parts[0] + ("^" if tag == "msup" else "_") + _grouped(parts[1])
    if tag == "msubsup" and len(parts) == 3:
        return f"{parts[0]}_{_grouped(parts[1])}^{_grouped(parts[2])}"
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0])}/{_grouped(parts[1])}"
    if tag == "msqrt":
        return f"√{_grouped(''.join(parts))}"
    if tag == "mroot" and len(parts) == 2:
        return f"{_grouped(parts[1])}√{_grouped(parts[0])}"
    if tag in ("mtable",):
        return "; ".join(parts)
    if tag in ("mtr", "mlabeledtr"):
        return ", ".join(parts)
    if tag in ("mover", "munder", "munderover"):
        return "".join(parts)
    return "".join(parts)
