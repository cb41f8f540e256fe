"""Reading and writing batches: JSONL and WARC input, JSONL output, compression by suffix.

Files ending in ``.gz`` are gzip, ``.zst``/``.zstd`` zstandard (the ``zstandard``
package), anything else plain; ``-`` is standard input/output. Output is written
incrementally: a plain file is flushed after every record; a compressed file is written
as a series of complete gzip members / zstd frames (one per second or per 256 records),
so a killed run leaves a readable file holding everything up to its last flush.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsclean.batch.lines import RawRecord
from newsclean.batch.results import record_id
from newsclean.errors import InputError

__all__ = ["JsonlWriter", "Stats", "done_ids", "open_input", "read_lines", "read_warc", "warc_responses"]

log: logging.Logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Stats:
    """Counts for the summary line."""

    read: int = 0
    written: int = 0
    errors: int = 0
    skipped: int = 0
    #: pages left out by ``--only-articles`` (their ``page_type`` is not ``"article"``)
    not_articles: int = 0
    #: pieces removed per filter, over every page written
    removed: dict[str, int] = field(default_factory=dict)

    def count_removals(self, counts: Mapping[str, int]) -> None:
        for name, n in counts.items():
            self.removed[name] = self.removed.get(name, 0) + n


def _compression(path: str | Path) -> str | None:
    suffix = Path(path).suffix.lower()
    if suffix == ".gz":
        return "gzip"
    if suffix in (".zst", ".zstd"):
        return "zstd"
    return None


def _zstd() -> Any:
    try:
        import zstandard
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputError("zstd files need the 'zstandard' package: pip install 'newsclean[zstd]'") from exc
    return zstandard


def open_input(path: str) -> IO[bytes]:
    """A binary stream of the (decompressed) content of ``path`` (``-``: standard input)."""
    if path == "-":
        return sys.stdin.buffer
    kind = _compression(path)
    if kind == "gzip":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if kind == "zstd":
        reader = _zstd().ZstdDecompressor().stream_reader(open(path, "rb"), read_across_frames=True, closefd=True)  # noqa: SIM115
        return io.BufferedReader(reader)
    return open(path, "rb")


def read_lines(paths: Iterable[str]) -> Iterator[RawRecord]:
    """The records of JSONL files as raw lines, one per non-blank line, for the workers
    to parse (:mod:`newsclean.batch.lines`; a line that is not a JSON object becomes that
    record's error there).

    A record without an id gets its line number (``"7"``; ``"FILE:LINE"`` when several
    files are read). A file whose first non-blank line is not JSON at all is not JSON Lines
    (an HTML page, say): :class:`~newsclean.InputError`, before any record of it is read
    (that line is the only one parsed here).
    """
    paths = list(paths)
    for path in paths:
        with open_input(path) as fh:
            first = True
            for number, line in enumerate(fh, 1):
                if line.isspace():
                    continue
                if first:
                    first = False
                    try:
                        json.loads(line)
                    except ValueError as exc:  # JSONDecodeError and bad UTF-8
                        raise _not_jsonl(path, number, exc) from exc
                yield RawRecord(number, str(number) if len(paths) == 1 else f"{path}:{number}", line)


def _not_jsonl(path: str, number: int, exc: ValueError) -> InputError:
    name = "standard input" if path == "-" else path
    hint = "" if path == "-" else f"; to clean one page, run `newsclean {path}`"
    return InputError(
        f"{name} is not JSON Lines: line {number} is not JSON ({exc}); the batch command reads one JSON "
        f"object per line{hint}"
    )


def read_warc(paths: Iterable[str], stats: Stats) -> Iterator[dict[str, Any]]:
    """The HTML 200 responses of WARC files (any compression) as records:
    ``{"id": WARC-Record-ID, "url": WARC-Target-URI, "warc_date": WARC-Date, "html": body}``.

    Other responses (non-200, non-HTML) are counted in ``stats.skipped`` and
    ``stats.read``; records that are not responses (requests, metadata) are ignored.
    """
    for path in paths:
        yield from warc_responses(sys.stdin.buffer if path == "-" else path, stats)


def warc_responses(stream: Any, stats: Stats) -> Iterator[dict[str, Any]]:
    """The HTML 200 responses of one WARC file (a path or a binary stream), as :func:`read_warc` gives them."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputError("WARC input needs fastwarc: pip install 'newsclean[warc]'") from exc
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, auto_decode="all"):
        stats.read += 1
        status = record.http_headers.status_code if record.is_http else None
        ctype = (record.http_content_type or "").lower() if record.is_http else ""
        if status != 200 or ctype not in HTML_TYPES:
            stats.skipped += 1
            log.debug("skipped %s (status %s, %s)", record.headers.get("WARC-Target-URI"), status, ctype or "-")
            continue
        yield {
            "id": record.record_id,
            "url": record.headers.get("WARC-Target-URI"),
            "warc_date": record.headers.get("WARC-Date"),
            "html": record.reader.read(),
        }


# -- output -----------------------------------------------------------------------------
class JsonlWriter:
    """Writes JSON lines to a file or standard output, flushed as described above."""

    def __init__(self, path: str | None, *, append: bool = False, every: float = 1.0, max_lines: int = 256) -> None:
        self.path = path
        self.kind = _compression(path) if path and path != "-" else None
        self.every, self.max_lines = every, max_lines
        self.buffer: list[bytes] = []
        self.last = time.monotonic()
        if not path or path == "-":
            self.fh: IO[bytes] = sys.stdout.buffer
        else:
            self.fh = open(path, "ab" if append else "wb")  # noqa: SIM115

    def write(self, record: dict[str, Any]) -> None:
        self.write_line((json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8"))

    def write_line(self, line: bytes) -> None:
        """Write one line made already (UTF-8 JSON ending in a newline)."""
        if self.kind is None:
            self.fh.write(line)
            self.fh.flush()
            return
        self.buffer.append(line)
        if len(self.buffer) >= self.max_lines or time.monotonic() - self.last >= self.every:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            data = b"".join(self.buffer)
            self.buffer.clear()
            if self.kind == "gzip":
                data = gzip.compress(data, mtime=0)
            elif self.kind == "zstd":
                data = _zstd().ZstdCompressor().compress(data)
            self.fh.write(data)
        self.fh.flush()
        self.last = time.monotonic()

    def close(self) -> None:
        self.flush()
        if self.fh is not sys.stdout.buffer:
            self.fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def done_ids(path: str) -> set[str]:
    """The ids (strings, see :func:`~newsclean.batch.results.record_id`) of the complete
    records in an output file, for ``--resume``.

    A damaged end (a line cut by a kill, a truncated gzip member or zstd frame) is cut off
    the file, so appending continues right after the last complete record.
    """
    if not os.path.exists(path):
        return set()
    kind = _compression(path)
    ids: set[str] = set()
    good_end = 0
    with open(path, "rb") as fh:
        if kind is None:
            pos = 0
            for line in fh:
                pos += len(line)
                rid = _line_id(line)
                if rid is not None:
                    ids.add(rid)
                    good_end = pos
        else:
            for end, member_ids in _members(fh, kind):
                ids |= member_ids
                good_end = end
    size = os.path.getsize(path)
    if good_end < size:
        log.warning("%s: cutting %d bytes of damaged output after the last complete record", path, size - good_end)
        os.truncate(path, good_end)
    return ids


def _line_id(line: bytes) -> str | None:
    if not line.endswith(b"\n"):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record_id(record["id"]) if isinstance(record, dict) and "id" in record else None


def _members(fh: IO[bytes], kind: str) -> Iterator[tuple[int, set[str]]]:
    """(end offset, ids) of each complete gzip member / zstd frame, up to the first damaged one."""

    def decompressor() -> Any:
        return zlib.decompressobj(wbits=31) if kind == "gzip" else _zstd().ZstdDecompressor().decompressobj()

    ids: set[str] = set()
    obj, offset, pending, tail = decompressor(), 0, b"", b""
    while True:
        chunk = pending or fh.read(1 << 16)
        pending = b""
        if not chunk:
            return  # end of file; an unfinished member is damage and is not reported
        try:
            out = obj.decompress(chunk)
        except Exception:  # zlib.error, zstandard.ZstdError: damaged from here on
            return
        lines = (tail + out).split(b"\n")
        tail = lines.pop()
        ids.update(rid for rid in (_line_id(line + b"\n") for line in lines) if rid is not None)
        if obj.eof:
            pending = obj.unused_data
            offset += len(chunk) - len(pending)
            yield offset, ids
            obj, tail, ids = decompressor(), b"", set()
        else:
            offset += len(chunk)
