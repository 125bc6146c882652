"""A small cache of what earlier runs computed, so unchanged work is not redone.

Kept in ``.translate-flow/state.json`` in the project. Losing it costs only time:
every entry is keyed by a hash of everything its result depends on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from translate_flow.document.segment import Location, Segment
from translate_flow.errors import UnsafePathError
from translate_flow.fsutil import Confinement, read_regular, write_if_changed

STATE_DIR = ".translate-flow"


def digest(*parts: bytes | str | None) -> str:
    """A hash of several inputs (None stands for "absent")."""
    h = hashlib.sha256()
    for part in parts:
        if part is None:
            h.update(b"\x01")
        else:
            data = part.encode("utf-8") if isinstance(part, str) else part
            h.update(b"\x00" + len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def read_or_none(path: Path) -> bytes | None:
    """A regular file's bytes, or None (missing, unreadable, a FIFO or a device)."""
    try:
        return read_regular(path)
    except OSError:
        return None


def _safe(root: Path, path: Path) -> bool:
    """True when a cache file may be used: links in ``.translate-flow`` are never followed."""
    try:
        Confinement(root).check(path)
    except UnsafePathError:
        return False
    return True


class StateCache:
    """JSON key → value, loaded once and saved once."""

    def __init__(self, root: Path, name: str) -> None:
        self.path = root / STATE_DIR / f"{name}.json"
        # A state folder that is a link is neither read nor written: the cache only saves time.
        self.usable = _safe(root, self.path)
        self.data: dict[str, Any] = {}
        if self.usable:
            try:
                loaded = json.loads(read_regular(self.path).decode("utf-8"))
                self.data = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                pass
        self.dirty = False

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def put(self, key: str, value: Any) -> None:
        if self.data.get(key) != value:
            self.data[key] = value
            self.dirty = True

    def save(self) -> None:
        if self.dirty and self.usable:
            payload = json.dumps(self.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            try:
                write_if_changed(self.path, payload.encode("utf-8"))
            except OSError:
                pass  # a cache that cannot be written only costs time next run
            self.dirty = False


def segments_path(root: Path, source_digest: str) -> Path:
    return root / STATE_DIR / "segments" / f"{source_digest}.json"


def save_segments(root: Path, source_digest: str, segments: list[Segment]) -> None:
    """Remember an article's segments so merge and check need not parse its Markdown again."""
    rows = [
        [
            s.text,
            s.kind,
            s.location.start,
            s.location.end,
            s.location.line,
            s.prefix,
            s.hard_break,
            s.one_line,
            list(s.fm_path) if s.fm_path is not None else None,
        ]
        for s in segments
    ]
    path = segments_path(root, source_digest)
    if not _safe(root, path):
        return
    try:
        write_if_changed(path, json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # only a cache


def load_segments(root: Path, source_digest: str) -> list[Segment] | None:
    """The segments extract found for these exact source bytes and settings, or None."""
    path = segments_path(root, source_digest)
    if not _safe(root, path):
        return None
    try:
        rows = json.loads(read_regular(path))
        return [
            Segment(text, kind, Location(start, end, line), prefix, hard, one, tuple(fm) if fm is not None else None)
            for text, kind, start, end, line, prefix, hard, one, fm in rows
        ]
    except (OSError, ValueError, TypeError):
        return None


def prune_segments(root: Path, keep: set[str]) -> None:
    """Forget segments of sources that no longer exist in this form."""
    folder = root / STATE_DIR / "segments"
    # Checked as the folder of a file in it: a linked folder is never emptied.
    if folder.is_dir() and _safe(root, folder / "check.json"):
        for path in folder.glob("*.json"):
            if path.stem not in keep and not path.is_symlink():
                path.unlink(missing_ok=True)
