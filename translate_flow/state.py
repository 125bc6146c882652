"""A small cache of what earlier runs computed, so unchanged work is not redone.

Kept in ``.translate-flow/state.json`` in the project. Losing it costs only time:
every entry is keyed by a hash of everything its result depends on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from translate_flow.fsutil import write_if_changed

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
    try:
        return path.read_bytes()
    except OSError:
        return None


class StateCache:
    """JSON key → value, loaded once and saved once."""

    def __init__(self, root: Path, name: str) -> None:
        self.path = root / STATE_DIR / f"{name}.json"
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            self.data: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.data = {}
        self.dirty = False

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def put(self, key: str, value: Any) -> None:
        if self.data.get(key) != value:
            self.data[key] = value
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            payload = json.dumps(self.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            try:
                write_if_changed(self.path, payload.encode("utf-8"))
            except OSError:
                pass  # a cache that cannot be written only costs time next run
            self.dirty = False


def segments_path(root: Path, source_digest: str) -> Path:
    return root / STATE_DIR / "segments" / f"{source_digest}.json"


def save_segments(root: Path, source_digest: str, segments: list[Any]) -> None:
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
    try:
        write_if_changed(segments_path(root, source_digest), json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # only a cache


def load_segments(root: Path, source_digest: str) -> list[Any] | None:
    """The segments extract found for these exact source bytes and settings, or None."""
    from translate_flow.segment import Location, Segment

    try:
        rows = json.loads(segments_path(root, source_digest).read_bytes())
        return [
            Segment(text, kind, Location(start, end, line), prefix, hard, one, tuple(fm) if fm is not None else None)
            for text, kind, start, end, line, prefix, hard, one, fm in rows
        ]
    except (OSError, ValueError, TypeError):
        return None


def prune_segments(root: Path, keep: set[str]) -> None:
    """Forget segments of sources that no longer exist in this form."""
    folder = root / STATE_DIR / "segments"
    if folder.is_dir():
        for path in folder.glob("*.json"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
