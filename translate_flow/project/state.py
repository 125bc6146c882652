"""A small cache of what earlier runs computed, so unchanged work is not redone.

Kept in ``.translate-flow/state.json`` in the project. Losing it costs only time:
every entry is keyed by a hash of everything its result depends on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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


def cache_usable(root: Path, path: Path) -> bool:
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
        self.usable = cache_usable(root, self.path)
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
