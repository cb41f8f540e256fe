"""The command line. The single-page form: files, standard input, --json, --example.
``newsclean batch``: one output line per input line, compression, resume after a kill,
progress only on a terminal, exit codes."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsclean
import newsclean.batch.results
from newsclean import Pipeline
from newsclean.batch.records import done_ids, open_input
from newsclean.cli import main
from newsclean.filters import DEFAULT_ORDER

from .conftest import EXAMPLE_FILE, ROOT

EXAMPLE = EXAMPLE_FILE


def page(n: int) -> str:
    return f"Headline {n}\n\nBy Jane Doe\n\nBody paragraph {n} says something.\n\nAdvertisement"


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if path.suffix == ".gz":
        data = gzip.compress(data)
    elif path.suffix == ".zst":
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def read_out(path: Path) -> list[dict]:
    with open_input(str(path)) as fh:
        return [json.loads(line) for line in fh]


def records(n: int) -> list[str]:
    return [json.dumps({"id": f"r{i}", "text": page(i)}) for i in range(n)]


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=timeout
    )


# -- the single-page command is unchanged ----------------------------------------------
def test_example_prints_clean_text(capsys) -> None:
    assert main(["--example"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Nearly 20 high-ranking Syrian military officers")
    assert "By + More" not in out and "Photo Gallery" not in out


def test_json_for_a_file(capsys) -> None:
    assert main(["--json", str(EXAMPLE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["authors"] == ["John T. Bennett"]
    assert {r["filter"] for r in record["removed"]} == {"bylines", "inserts", "author_bios", "related_links"}


def test_missing_file_fails_with_message(capsys) -> None:
    assert main(["/no/such/file.html"]) == 1
    assert "No such file" in capsys.readouterr().err


def test_module_entry_point_reads_stdin() -> None:
    body = b"A paragraph of real body text. " * 20
    html = b"<html><body><article><h1>T</h1><p>" + body + b"</p></article></body></html>"
    command = [sys.executable, "-m", "newsclean", "--kind", "html"]
    proc = subprocess.run(command, input=html, capture_output=True, check=True)
    assert b"A paragraph of real body text." in proc.stdout


def test_single_page_form_still_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == newsclean.clean(EXAMPLE.read_text("utf-8")).text + "\n"
    assert main(["--json", str(EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == str(EXAMPLE)
    # a file that happens to be called like a subcommand is reachable as ./batch
    (tmp_path / "batch").write_text(page(1), "utf-8")
    assert main([str(tmp_path / "batch")]) == 0
    assert capsys.readouterr().out == "Body paragraph 1 says something.\n"


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["batch", "--help"], ["warc", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0
        text = capsys.readouterr().out
        assert "examples:" in text
        if argv != ["--help"]:
            assert "--resume" in text and "--workers" in text and "--quiet" in text
        else:
            assert "newsclean batch IN.jsonl -o OUT.jsonl" in text


# -- one output line per input line ----------------------------------------------------
def test_malformed_lines_give_error_records_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        *records(3),
        '{"id": "broken", "text": ',
        "[1, 2, 3]",
        "",
        json.dumps({"text": page(9)}),  # no id: its line number
        '{"id": "r-bad-utf8", "text": "\xff"}',
    ]
    src = write_jsonl(tmp_path / "in.jsonl", lines)
    (tmp_path / "in.jsonl").write_bytes(src.read_bytes().replace("\xff".encode(), b"\xff"))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "1"]) == 0
    got = read_out(out)
    assert [r["id"] for r in got] == ["r0", "r1", "r2", "4", "5", "7", "8"]  # ids are always strings
    types = [r.get("error", {}).get("type") for r in got]
    assert types == [None, None, None, "JSONDecodeError", "InputError", None, "UnicodeDecodeError"]
    assert got[0]["text"] == "Body paragraph 0 says something." and got[0]["authors"] == ["Jane Doe"]
    assert got[5]["text"] == "Body paragraph 9 says something."
    err = capsys.readouterr().err
    assert "newsclean: done: read 7, written 7, errors 3, skipped 0, " in err
    assert "newsclean: removed: bylines 4, inserts 4\n" in err  # per filter, over the run


def test_field_names_keep_and_pipeline_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = page(1) + "\n\nRelated:\n\n• One headline\n\n• Two"
    src = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"doc": "d1", "body": text, "from": "feed"})])
    config = tmp_path / "p.toml"
    config.write_text('[pipeline]\ndisable = ["bylines"]\n', "utf-8")
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(src), "-o", str(out), "--workers", "0", "--quiet", "--pipeline", str(config)]
    assert main([*argv, "--text-field", "body", "--id-field", "doc", "--keep", "from"]) == 0
    (rec,) = read_out(out)
    expected = newsclean.clean(text, pipeline=Pipeline.from_config(config))
    assert rec["id"] == "d1" and rec["from"] == "feed" and rec["text"] == expected.text
    assert "By Jane Doe" in rec["text"]  # the config really switched bylines off
    assert capsys.readouterr().err == ""  # --quiet


@pytest.mark.parametrize(("src_suffix", "out_suffix"), [(".gz", ".zst"), (".zst", ".gz")])
def test_compressed_round_trip(tmp_path: Path, src_suffix: str, out_suffix: str) -> None:
    plain_out = tmp_path / "plain.jsonl"
    assert main(["batch", str(write_jsonl(tmp_path / "in.jsonl", records(6))), "-o", str(plain_out), "-q"]) == 0
    src = write_jsonl(tmp_path / f"in.jsonl{src_suffix}", records(6))
    out = tmp_path / f"out.jsonl{out_suffix}"
    assert main(["batch", str(src), "-o", str(out), "--workers", "1", "-q"]) == 0
    magic = {".gz": b"\x1f\x8b", ".zst": b"\x28\xb5\x2f\xfd"}
    assert out.read_bytes()[:4].startswith(magic[out_suffix])
    assert read_out(out) == read_out(plain_out)


def test_stdin_to_stdout_without_a_terminal_has_no_progress_bar() -> None:
    proc = run_cli("batch", "-", "--workers", "1", stdin="\n".join(records(4)).encode())
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["r0", "r1", "r2", "r3"]
    err = proc.stderr.decode()
    assert err.count("\n") == 2 and err.startswith("newsclean: done: read 4, written 4, errors 0, skipped 0, ")
    assert err.endswith("newsclean: removed: bylines 4, inserts 4\n")
    assert "\r" not in err and "pages/s" not in err


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    src = write_jsonl(tmp_path / "in.jsonl", [*records(3), "{broken"])
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "0"]) == 0
    shown = terminal.getvalue()
    assert "pages/s" in shown and "4 pages" in shown and "errors=1" in shown
    assert shown.rstrip().splitlines()[-2].startswith("newsclean: done: read 4, written 4, errors 1")
    assert shown.rstrip().splitlines()[-1] == "newsclean: removed: bylines 3, inserts 3"
    terminal.truncate(0)
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "0", "--quiet"]) == 0
    assert terminal.getvalue().strip("\x00") == ""


# -- failures --------------------------------------------------------------------------
def test_exit_status_on_failure(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(1))
    assert main(["batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 1
    (tmp_path / "bad.toml").write_text('[pipeline]\ndisable = ["no_such_filter"]\n', "utf-8")
    assert main(["batch", str(src), "--pipeline", str(tmp_path / "bad.toml"), "-q"]) == 1
    assert main(["batch", str(src), "--resume", "-q"]) == 1  # --resume needs -o
    assert main(["batch", str(src), "--workers", "-2", "-q"]) == 1


# -- resume ----------------------------------------------------------------------------
def test_killed_run_resumed_gives_every_record_once(tmp_path: Path) -> None:
    n = 60
    src = write_jsonl(tmp_path / "in.jsonl", records(n))
    out = tmp_path / "out.jsonl"
    slow = tmp_path / "slow.toml"
    order = [*DEFAULT_ORDER, "tests.batch_filters:slow"]
    slow.write_text(f"[pipeline]\nfilters = {json.dumps(order)}\n", "utf-8")
    cmd = [sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(
        [*cmd, "--chunk-size", "1", "--pipeline", str(slow)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill reaches its workers too
    )
    try:
        deadline = time.monotonic() + 90
        while (not out.exists() or out.read_bytes().count(b"\n") < 5) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    before = out.read_bytes()
    finished = before.count(b"\n")
    assert 5 <= finished < n, "the run was not stopped midway"
    proc2 = run_cli("batch", str(src), "-o", str(out), "--workers", "1", "--resume")
    assert proc2.returncode == 0, proc2.stderr
    assert out.read_bytes().startswith(before[: before.rfind(b"\n") + 1])  # finished work kept as it was
    got = read_out(out)
    assert sorted(r["id"] for r in got) == sorted(f"r{i}" for i in range(n))  # all, none twice
    assert all(r["text"] == f"Body paragraph {r['id'][1:]} says something." for r in got)
    assert f"skipped {finished}," in proc2.stderr.decode()


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_resume_cuts_a_damaged_tail(tmp_path: Path, suffix: str) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(5))
    out = tmp_path / f"out{suffix}"
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "-q"]) == 0
    full = read_out(out)
    # keep the first two records whole, then a cut-off third (as a kill mid-write leaves it)
    first = write_jsonl(tmp_path / f"part{suffix}", [json.dumps(r) for r in full[:2]]).read_bytes()
    third = write_jsonl(tmp_path / f"third{suffix}", [json.dumps(full[2])]).read_bytes()
    out.write_bytes(first + third[: len(third) // 2])
    assert done_ids(str(out)) == {"r0", "r1"}
    assert read_out(out) == full[:2]  # the damaged end is gone
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "-q", "--resume"]) == 0
    assert read_out(out) == full


# -- real pages with corrupted lines among them ------------------------------------------
def test_scrapinghub_pages_plus_five_corrupted_lines(tmp_path: Path) -> None:
    from benchmarks.corpora import scrapinghub

    pages = scrapinghub(source="sample")
    lines = [json.dumps({"id": p.id, "html": p.html.decode("utf-8"), "url": p.url}) for p in pages]
    n = len(lines)
    assert n >= 20
    corrupted = ['{"id": "c1", "html": "<p>cut', "not json", '{"id": 3,}', "\x00\x01binary", '["a list"]']
    for k, bad in enumerate(corrupted):
        lines.insert(2 + 4 * k, bad)
    src = write_jsonl(tmp_path / "sh.jsonl.gz", lines)
    out = tmp_path / "out.jsonl"
    proc = run_cli("batch", str(src), "-o", str(out), "--workers", "2", timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = read_out(out)
    assert len(got) == n + 5
    assert sum("error" in r for r in got) == 5
    expected_ids = []
    for number, line in enumerate(lines, 1):
        try:
            expected_ids.append(json.loads(line)["id"])
        except (ValueError, TypeError):
            expected_ids.append(str(number))  # a corrupted line's record is named by its line number
    assert [r["id"] for r in got] == expected_ids
    ok = [r for r in got if "error" not in r]
    assert len(ok) == n and len({r["id"] for r in ok}) == n
    assert all(r["text"] for r in ok)  # real article text, not empty shells
    assert f"read {n + 5}, written {n + 5}, errors 5, skipped 0" in proc.stderr.decode()


# -- the single-page command: several files, .gz, -q, --stats, -v, a closed pipe -------
def test_several_files_each_printed_and_a_missing_one_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt.gz"
    a.write_text(page(1), "utf-8")
    b.write_bytes(gzip.compress(page(2).encode()))  # read by suffix, as batch does
    missing = tmp_path / "missing.html"
    assert main([str(a), str(missing), str(b)]) == 1
    out, err = capsys.readouterr()
    assert out == (f"==> {a} <==\nBody paragraph 1 says something.\n\n==> {b} <==\nBody paragraph 2 says something.\n")
    assert err == f"newsclean: error: {missing}: No such file or directory\n"
    assert main(["--json", str(a), str(missing), str(b)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(a), str(b)]  # one object per line
    assert main([str(b)]) == 0 and capsys.readouterr().out == "Body paragraph 2 says something.\n"


def test_stats_quiet_and_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(page(1), "utf-8")
    assert main(["--stats", str(a)]) == 0
    err = capsys.readouterr().err
    assert err == f"newsclean: {a}: 1 paragraph(s) kept, 2 removal(s) (bylines 1, inserts 1)\n"
    assert main(["-q", "--stats", str(a), str(tmp_path / "gone.txt")]) == 1
    assert capsys.readouterr().err == f"newsclean: error: {tmp_path / 'gone.txt'}: No such file or directory\n"


def test_verbose_shows_newsclean_decisions_and_very_verbose_the_dependencies(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text(
        "<html><head><title>Council votes</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Council votes</h1><p>By Jane Doe</p><p>The council voted on Tuesday to add three bus routes.</p>"
        "<p>Advertisement</p><p>Officials said the routes would start in the spring.</p></article></body></html>",
        "utf-8",
    )
    quiet = run_cli(str(html))
    assert quiet.returncode == 0 and quiet.stderr == b""
    verbose = run_cli("-v", str(html)).stderr.decode()
    assert "newsclean: bylines removed 'By Jane Doe' (byline naming Jane Doe)" in verbose
    assert "newsclean: inserts removed 'Advertisement'" in verbose
    assert "newsclean: HTML source: trafilatura's fast extraction kept" in verbose
    assert "newsclean: cleaned html page: 2 paragraph(s) kept, 2 removal(s) (bylines 1, inserts 1)" in verbose
    assert "trafilatura" not in verbose.replace("trafilatura's", "")
    very = run_cli("-vv", str(html)).stderr.decode()
    assert "newsclean.pipeline: bylines removed 'By Jane Doe'" in very
    assert any(line.startswith(("trafilatura", "htmldate", "courlan")) for line in very.splitlines())


def test_verbose_batch_shows_the_workers_decisions(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(2))
    err = run_cli("batch", str(src), "--workers", "1", "-v").stderr.decode()
    assert err.count("bylines removed 'By Jane Doe'") == 2 and "newsclean: worker " in err
    assert "bylines removed" not in run_cli("batch", str(src), "--workers", "1").stderr.decode()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    for n in range(40):  # more output than a pipe holds
        (tmp_path / f"p{n:02d}.txt").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    records_file = write_jsonl(tmp_path / "in.jsonl", records(300))
    for command in (
        f"{sys.executable} -m newsclean {tmp_path}/p*.txt",
        f"{sys.executable} -m newsclean batch {records_file} --workers 0",
    ):
        proc = subprocess.run(
            ["bash", "-c", f"{command} 2>{tmp_path}/err | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.stdout.strip() == "141", command  # as a shell reports a command stopped by SIGPIPE
        assert (tmp_path / "err").read_text() == "", command


def test_limits_from_options_and_a_toml_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(page(1), "utf-8")
    assert main(["--max-bytes", "20", str(a)]) == 1
    assert "over the limit of 20" in capsys.readouterr().err
    (tmp_path / "limits.toml").write_text("[limits]\nmax_input_bytes = 20\n", "utf-8")
    assert main(["--limits", str(tmp_path / "limits.toml"), str(a)]) == 1
    assert "over the limit of 20" in capsys.readouterr().err
    assert main(["--limits", str(tmp_path / "limits.toml"), "--max-bytes", "1000", str(a)]) == 0  # option wins
    assert capsys.readouterr().out == "Body paragraph 1 says something.\n"
    (tmp_path / "bad.toml").write_text("[limits]\nmax_bytes = 20\n", "utf-8")
    assert main(["--limits", str(tmp_path / "bad.toml"), str(a)]) == 1
    assert "unknown limit(s) ['max_bytes']" in capsys.readouterr().err
    src = write_jsonl(tmp_path / "in.jsonl", records(2))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "1", "-q", "--max-bytes", "20"]) == 0
    assert [r["error"]["type"] for r in read_out(out)] == ["InputTooLargeError"] * 2


# -- batch: input that is not JSONL, output fields, Ctrl-C -------------------------------
def test_batch_of_a_file_that_is_not_jsonl_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "page.html"
    html.write_text("<!DOCTYPE html>\n<html><body><p>One page.</p></body></html>\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(html), "-o", str(out), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{html} is not JSON Lines: line 1 is not JSON" in err and f"run `newsclean {html}`" in err
    assert not out.exists()  # it failed before any output
    proc = run_cli("batch", "-", stdin=b"\n\nnot json at all\n")
    assert proc.returncode == 1 and b"standard input is not JSON Lines: line 3 is not JSON" in proc.stderr


def test_batch_stores_the_body_once_unless_asked(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [*records(2), "{broken"])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "-q"]) == 0
    first = read_out(out)[0]
    assert "paragraphs" not in first and first["text"] == "Body paragraph 0 says something."
    assert set(first) == {"id", *newsclean.batch.results.OUTPUT_FIELDS}
    argv = ["batch", str(src), "-o", str(out), "--workers", "0", "-q", "--fields", "text,paragraphs,authors"]
    assert main(argv) == 0
    got = read_out(out)
    assert got[0] == {"id": "r0", "text": page(0).split("\n\n")[2], "paragraphs": [page(0).split("\n\n")[2]],
                      "authors": ["Jane Doe"]}  # fmt: skip
    assert got[2]["error"]["type"] == "JSONDecodeError"  # errors keep their shape
    assert main([*argv[:-1], "all"]) == 0 and "paragraphs" in read_out(out)[0] and "removed" in read_out(out)[0]
    assert main([*argv[:-1], "text,body"]) == 1  # an unknown field


def test_batch_format_chooses_the_body_form(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(1))
    out = tmp_path / "out.jsonl"
    formats = {}
    for fmt in ("text", "markdown", "json"):
        assert main(["batch", str(src), "-o", str(out), "--workers", "0", "-q", "--format", fmt]) == 0
        formats[fmt] = read_out(out)[0]
    article = newsclean.clean(page(0))
    assert formats["markdown"]["markdown"] == article.to_markdown() and "text" not in formats["markdown"]
    assert "blocks" not in formats["text"] and "markdown" not in formats["text"]
    assert formats["json"]["blocks"] == article.to_dict()["blocks"] and formats["json"]["text"] == article.text
    assert {k: v for k, v in formats["markdown"].items() if k != "markdown"} == {
        k: v for k, v in formats["text"].items() if k != "text"
    }
    assert main(["batch", str(src), "-o", str(out), "-q", "--format", "json", "--fields", "text"]) == 1


def test_batch_only_articles_leaves_out_other_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = ROOT / "fixtures" / "page_type"
    lines = [
        json.dumps({"id": "story", "html": (pages / "article.html").read_text("utf-8"), "url": CASES_ARTICLE_URL}),
        json.dumps({"id": "home", "html": (pages / "home-25-teasers.html").read_text("utf-8"), "url": HOME_URL}),
        "{broken",
    ]
    src = write_jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "-q"]) == 0
    every = {r["id"]: r for r in read_out(out)}
    assert every["story"]["page_type"] == "article" and every["home"]["page_type"] != "article"
    assert 0 < every["home"]["page_type_confidence"] <= 1 and "not-an-article" in every["home"]["warnings"]
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "--only-articles"]) == 0
    assert [r["id"] for r in read_out(out)] == ["story", "3"]  # the error line is still written
    assert "not articles 1" in capsys.readouterr().err


CASES_ARTICLE_URL = "https://riverton-courier.example/news/2024/03/05/council-votes-to-keep-the-old-harbour-crane"
HOME_URL = "https://riverton-courier.example/"


@pytest.mark.parametrize("target", ["group", "parent"])
def test_ctrl_c_stops_a_batch_promptly(tmp_path: Path, target: str) -> None:
    """Ctrl-C reaches the terminal's whole foreground group; ``kill -INT`` the parent alone.
    Either way the workers are stopped at once, quietly, and the exit status is 130."""
    from benchmarks.corpora import scrapinghub

    pages = [json.dumps({"id": p.id, "html": p.html.decode("utf-8")}) for p in scrapinghub(source="sample")]
    src = write_jsonl(tmp_path / "in.jsonl", pages * 4)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        # Ctrl-C handled as in a terminal, even when this test runs where SIGINT is ignored
        # (a background job of a shell): Python then installs no KeyboardInterrupt handler
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 120
        while (not out.exists() or out.read_bytes().count(b"\n") < 5) and time.monotonic() < deadline:
            time.sleep(0.05)
        if target == "group":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGINT)
        start = time.monotonic()
        _, err = proc.communicate(timeout=60)
        seconds = time.monotonic() - start
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert seconds < 1.5, f"took {seconds:.2f} s to stop"
    assert "newsclean: interrupted: read " in err.decode() and "Traceback" not in err.decode()
