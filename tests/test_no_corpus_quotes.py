"""Examples in the code are invented: no docstring, comment, string or test quotes a page of the
committed corpus sample, or names its site.

:mod:`benchmarks.quote_audit` does the same over the full corpora; this test runs it over
``fixtures/corpus-sample``, which every clone has.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import quote_audit
from benchmarks.robustness import visible_text


def test_no_source_file_quotes_a_sample_page() -> None:
    found = [c for path in quote_audit.source_files() for c in quote_audit.candidates(path)]
    hits = quote_audit.find_quotes(found, quote_audit.corpus_pages("sample"))
    assert not hits, "invent the examples instead:\n" + "\n".join(map(str, hits))


def test_the_audit_finds_a_quoted_line_and_a_site_name(tmp_path: Path) -> None:
    name, page = next(iter(quote_audit.corpus_pages("sample")))
    lines = visible_text(page.html.decode("utf-8", "replace")).splitlines()
    quoted = " ".join(next(t for t in lines if len(t.split()) >= 6).split()[:6])
    source = tmp_path / "quoting.py"
    source.write_text(f'"""An example::\n\n    {quoted}\n"""\n# seen on www.{page.site}\n', "utf-8")
    hits = quote_audit.find_quotes(quote_audit.candidates(source), [(name, page)])
    assert sorted(h.key.startswith("host ") for h in hits) == [False, True]
