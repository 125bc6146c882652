"""Which translated resource files merge wrote: it never overwrites one it did not write.

An ``i18n/es.yaml`` or ``data/es/termbase.yaml`` may already exist, written by hand (and
issue 16's import will bring such translations into the PO files). Merge keeps the digest
of every resource file it writes in ``<locales>/written-by-translate-flow.json`` and
replaces a file only when it still holds those bytes. The record sits beside the PO files,
which are committed, rather than in the ``.translate-flow/`` cache: a fresh clone in CI
must still know which files are merge's to update. A file that already holds exactly what
merge would write is taken as merge's too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from translate_flow.config import Config
from translate_flow.fsutil import read_regular, write_if_changed

__all__ = ["RECORD_NAME", "Ownership"]

RECORD_NAME = "written-by-translate-flow.json"
_ABOUT = (
    "Digests of the translated i18n and data files translate-flow merge wrote; "
    "merge replaces such a file only while it still holds these bytes."
)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Ownership:
    """The record, loaded once and saved once per merge."""

    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.path = config.locales_path / RECORD_NAME
        self.files: dict[str, str] = {}
        try:
            loaded = json.loads(read_regular(self.path).decode("utf-8"))
            files = loaded.get("files") if isinstance(loaded, dict) else None
            if isinstance(files, dict):
                self.files = {str(k): str(v) for k, v in files.items()}
        except (OSError, ValueError):
            pass  # no record (or an unreadable one): no file is known to be merge's
        self.dirty = False

    def may_write(self, rel: str, current: bytes | None, new: bytes) -> bool:
        """True when ``rel`` may be given ``new``: it does not exist, already holds it, or
        holds what merge last wrote there."""
        return current is None or current == new or self.files.get(rel) == _digest(current)

    def ours(self, rel: str, current: bytes) -> bool:
        """True when the file holds what merge last wrote there."""
        return self.files.get(rel) == _digest(current)

    def wrote(self, rel: str, data: bytes) -> None:
        """Record that ``rel`` holds ``data``, written (or found) by merge."""
        if self.files.get(rel) != _digest(data):
            self.files[rel] = _digest(data)
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        payload = {"about": _ABOUT, "files": dict(sorted(self.files.items()))}
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
        write_if_changed(self.path, text.encode("utf-8"))
        self.dirty = False

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()
