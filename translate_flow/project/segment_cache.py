"""The typed hand-off of segments from extract to merge and check.

Extract saves an article's segments under the article's digest (its bytes and every
setting that shapes them), so merge and check need not parse its Markdown again. A
row that does not hold exactly the expected shape, or fails its checksum, is ignored:
the article is parsed instead. Losing the cache costs only time.

The rows live in one SQLite file, ``.translate-flow/segments.sqlite3``, not in a file
per article: creating a file costs 0.04–0.4 ms on the ext4 machines measured, more than
all the other work of saving an article's segments (see docs/decisions.md). The run's
main process writes them; each thread keeps its connections open between articles
(``connections.py``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.lazy import lazy_module
from translate_flow.project.state import STATE_DIR, cache_usable

if TYPE_CHECKING:
    import sqlite3

    from translate_flow.document import segment as segment_model
    from translate_flow.document.segment import Segment
    from translate_flow.project import connections
else:
    # Every extract may prune the cache; only a run that reads or writes segments needs
    # their model or SQLite.
    segment_model = lazy_module("translate_flow.document.segment")
    connections = lazy_module("translate_flow.project.connections")
    sqlite3 = lazy_module("sqlite3")

__all__ = ["load_segments", "prune_segments", "save_segment_rows", "segment_rows", "segment_store"]

_VERSION = 1
"""Raised whenever a row's shape changes, so an old cache is ignored rather than misread."""

_COLUMNS = ("digest", "version", "rows", "checksum")
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS segments"
    " (digest TEXT PRIMARY KEY, version INTEGER NOT NULL, rows TEXT NOT NULL, checksum TEXT NOT NULL)"
)


def _checksum(source_digest: str, rows: str) -> str:
    """What ties a row to its digest. Writes are not synced, so after a power cut a page of one
    row may stand beside a page of another: the row is then ignored, never used for the wrong
    article (merge would splice translations at another page's offsets)."""
    return hashlib.blake2b(f"{source_digest}\0{rows}".encode(), digest_size=16).hexdigest()


Row = tuple[str, str, int, int, int, str, str, bool, list[str | int] | None]


def segment_store(root: Path) -> Path:
    """The cache file of the project at ``root``."""
    return root / STATE_DIR / "segments.sqlite3"


def _row(segment: Segment) -> Row:
    where = segment.location
    fm = list(segment.fm_path) if segment.fm_path is not None else None
    return (
        segment.text,
        segment.kind,
        where.start,
        where.end,
        where.line,
        segment.prefix,
        segment.hard_break,
        segment.one_line,
        fm,
    )


def _segment(row: object, make: type[Segment], where: type[segment_model.Location]) -> Segment:
    """A segment from one stored row; TypeError when the row is not exactly a row."""
    if not isinstance(row, list) or len(row) != 9:
        raise TypeError("not a segment row")
    text, kind, start, end, line, prefix, hard, one, fm = row
    strings = (text, kind, prefix, hard)
    numbers = (start, end, line)
    if not all(isinstance(v, str) for v in strings) or not all(type(v) is int for v in numbers):
        raise TypeError("not a segment row")
    if not isinstance(one, bool) or not (
        fm is None or (isinstance(fm, list) and all(isinstance(p, (str, int)) for p in fm))
    ):
        raise TypeError("not a segment row")
    return make(text, kind, where(start, end, line), prefix, hard, one, tuple(fm) if fm is not None else None)


def _prepare(db: sqlite3.Connection) -> None:
    db.execute(_SCHEMA)
    # A table of another shape (an older version's) is made again rather than misread.
    if tuple(column[1] for column in db.execute("PRAGMA table_info(segments)")) != _COLUMNS:
        db.execute("DROP TABLE segments")
        db.execute(_SCHEMA)


def _writable(root: Path) -> sqlite3.Connection | None:
    path = segment_store(root)
    if not cache_usable(root, path):
        return None
    return connections.writable(path, _prepare)


def _failed(path: Path, exc: sqlite3.Error) -> None:
    """A write that failed: a damaged file is deleted, to be made again by the next write;
    a busy or read-only one is left as it is. Either way it is only a cache."""
    if isinstance(exc, sqlite3.OperationalError):
        connections.forget(path)
    else:
        connections.discard(path)


def segment_rows(segments: Sequence[Segment]) -> str:
    """An article's segments as ``save_segment_rows`` stores them (made where they were found,
    so the process that stores them only writes)."""
    return json.dumps([_row(s) for s in segments], ensure_ascii=False)


def save_segment_rows(root: Path, rows: Sequence[tuple[str, str]]) -> None:
    """Remember several articles' segments (source digest, ``segment_rows``) in one transaction.

    One process writes them all: workers that each wrote their own would wait on each
    other's lock, and SQLite's wait is a sleep of a millisecond or more.
    """
    if not rows:
        return
    db = _writable(root)
    if db is None:
        return
    try:
        db.execute("BEGIN")
        db.executemany(
            "INSERT OR REPLACE INTO segments VALUES (?, ?, ?, ?)",
            [(digest, _VERSION, text, _checksum(digest, text)) for digest, text in rows],
        )
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        _failed(segment_store(root), exc)


def load_segments(root: Path, source_digest: str) -> tuple[Segment, ...] | None:
    """The segments extract found for these exact source bytes and settings, or None."""
    path = segment_store(root)
    if not cache_usable(root, path):
        return None
    db = connections.readable(path)
    if db is None:
        return None
    try:
        found = db.execute("SELECT version, rows, checksum FROM segments WHERE digest = ?", (source_digest,)).fetchone()
        if found is None or found[0] != _VERSION or not isinstance(found[1], str):
            return None
        if found[2] != _checksum(source_digest, found[1]):
            return None
        rows = json.loads(found[1])
        if not isinstance(rows, list):
            return None
        make, where = segment_model.Segment, segment_model.Location
        return tuple(_segment(row, make, where) for row in rows)
    except sqlite3.Error:
        connections.forget(path)  # a reader never deletes: a check changes nothing
        return None
    except (ValueError, TypeError):
        return None


def prune_segments(root: Path, keep: set[str]) -> None:
    """Forget segments of sources that no longer exist in this form."""
    path = segment_store(root)
    if path.exists():
        db = _writable(root)
        if db is not None:
            try:
                stored = [digest for (digest,) in db.execute("SELECT digest FROM segments")]
                gone = [(digest,) for digest in stored if digest not in keep]
                if gone:
                    db.execute("BEGIN")  # one transaction, not one per row
                    db.executemany("DELETE FROM segments WHERE digest = ?", gone)
                    db.execute("COMMIT")
            except sqlite3.Error as exc:
                _failed(path, exc)
    _remove_old_folder(root)


def _remove_old_folder(root: Path) -> None:
    """Earlier versions kept a JSON file per article in ``segments/``; those are never read now."""
    folder = root / STATE_DIR / "segments"
    # Checked as the folder of a file in it: a linked folder is never emptied.
    if folder.is_dir() and cache_usable(root, folder / "check.json"):
        for path in folder.glob("*.json"):
            if not path.is_symlink():
                path.unlink(missing_ok=True)
        try:
            folder.rmdir()
        except OSError:
            pass  # something else is in it: not ours to remove
