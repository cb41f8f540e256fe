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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsclean.batch import BadRecord, Fields
from newsclean.errors import InputError

__all__ = ["JsonlWriter", "Stats", "done_ids", "id_key", "open_input", "read_jsonl", "read_warc"]

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Stats:
    """Counts for the summary line."""

    read: int = 0
    written: int = 0
    errors: int = 0
    skipped: int = 0


def id_key(value: Any) -> str:
    """A comparable form of a record id (``5`` and ``"5"`` stay different)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


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
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return open(path, "rb")


def read_jsonl(paths: Iterable[str], fields: Fields = Fields()) -> Iterator[dict[str, Any] | BadRecord]:  # noqa: B008
    """The records of JSONL files, one per non-blank line.

    A record without an id gets its line number (``"FILE:LINE"`` when several files are
    read). A line that is not a JSON object gives a :class:`BadRecord` under that id.
    """
    paths = list(paths)
    for path in paths:
        with open_input(path) as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                default_id: Any = number if len(paths) == 1 else f"{path}:{number}"
                try:
                    record = json.loads(line)
                except ValueError as exc:  # JSONDecodeError and bad UTF-8
                    yield BadRecord(f"line {number}: {exc}", id=default_id, type=type(exc).__name__)
                    continue
                if not isinstance(record, dict):
                    yield BadRecord(f"line {number}: a record is a JSON object", id=default_id, type="InputError")
                    continue
                record.setdefault(fields.id, default_id)
                yield record


def read_warc(paths: Iterable[str], stats: Stats) -> Iterator[dict[str, Any]]:
    """The HTML 200 responses of WARC files (any compression) as records:
    ``{"id": WARC-Record-ID, "url": WARC-Target-URI, "warc_date": WARC-Date, "html": body}``.

    Other responses (non-200, non-HTML) are counted in ``stats.skipped`` and
    ``stats.read``; records that are not responses (requests, metadata) are ignored.
    """
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputError("WARC input needs fastwarc: pip install 'newsclean[warc]'") from exc
    for path in paths:
        stream: Any = sys.stdin.buffer if path == "-" else path
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
        line = (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8")
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
    """The ids (as :func:`id_key`) of the complete records in an output file, for ``--resume``.

    A damaged tail (a line cut by a kill, a truncated gzip member or zstd frame) is cut
    off the file, so appending continues after the last complete record.
    """
    if not os.path.exists(path):
        return set()
    lines: list[bytes] = []
    damaged = False
    try:
        with open_input(path) as fh:
            for line in fh:
                lines.append(line)
    except (EOFError, OSError, gzip.BadGzipFile) as exc:
        log.info("output %s has a damaged end (%s); cutting it", path, exc)
        damaged = True
    except Exception as exc:  # zstandard.ZstdError
        log.info("output %s has a damaged end (%s); cutting it", path, exc)
        damaged = True
    ids: set[str] = set()
    good: list[bytes] = []
    for line in lines:
        try:
            record = json.loads(line) if line.endswith(b"\n") else None
        except ValueError:
            record = None
        if not isinstance(record, dict) or "id" not in record:
            damaged = damaged or line is lines[-1]
            continue
        ids.add(id_key(record["id"]))
        good.append(line)
    if damaged:
        _rewrite(path, good)
    return ids


def _rewrite(path: str, lines: list[bytes]) -> None:
    tmp = f"{path}.tmp-{os.getpid()}"
    writer = JsonlWriter(tmp, max_lines=len(lines) + 1)
    writer.kind = _compression(path)
    writer.buffer = list(lines)
    writer.close()
    os.replace(tmp, path)
