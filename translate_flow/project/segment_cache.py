"""The typed hand-off of segments from extract to merge and check.

Extract saves an article's segments under the article's digest (its bytes and every
setting that shapes them), so merge and check need not parse its Markdown again. A
cache file that does not hold exactly the expected shape is ignored: the article is
parsed instead. Losing the cache costs only time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.fsutil import read_regular, write_if_changed
from translate_flow.lazy import lazy_module
from translate_flow.project.state import STATE_DIR, cache_usable

if TYPE_CHECKING:
    from translate_flow.document import segment as segment_model
    from translate_flow.document.segment import Segment
else:
    # Every extract prunes the cache; only a run that reads or writes segments needs their model.
    segment_model = lazy_module("translate_flow.document.segment")

__all__ = ["load_segments", "prune_segments", "save_segments"]

_VERSION = 1
"""Raised whenever a row's shape changes, so an old cache is ignored rather than misread."""

Row = tuple[str, str, int, int, int, str, str, bool, list[str | int] | None]


def _path(root: Path, source_digest: str) -> Path:
    return root / STATE_DIR / "segments" / f"{source_digest}.json"


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


def save_segments(root: Path, source_digest: str, segments: Sequence[Segment]) -> None:
    """Remember an article's segments for merge and check."""
    path = _path(root, source_digest)
    if not cache_usable(root, path):
        return
    payload = {"version": _VERSION, "segments": [_row(s) for s in segments]}
    try:
        write_if_changed(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # only a cache


def load_segments(root: Path, source_digest: str) -> tuple[Segment, ...] | None:
    """The segments extract found for these exact source bytes and settings, or None."""
    path = _path(root, source_digest)
    if not cache_usable(root, path):
        return None
    try:
        payload = json.loads(read_regular(path))
        if not isinstance(payload, dict) or payload.get("version") != _VERSION:
            return None
        rows = payload["segments"]
        if not isinstance(rows, list):
            return None
        make, where = segment_model.Segment, segment_model.Location
        return tuple(_segment(row, make, where) for row in rows)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def prune_segments(root: Path, keep: set[str]) -> None:
    """Forget segments of sources that no longer exist in this form."""
    folder = root / STATE_DIR / "segments"
    # Checked as the folder of a file in it: a linked folder is never emptied.
    if folder.is_dir() and cache_usable(root, folder / "check.json"):
        for path in folder.glob("*.json"):
            if path.stem not in keep and not path.is_symlink():
                path.unlink(missing_ok=True)
