"""Which translated files merge wrote: it never overwrites one it did not write.

A translated page (``post.fr.md``, ``content/fr/…``), an ``i18n/es.yaml`` or a
``data/es/termbase.yaml`` may already exist, written by hand (issue 16's import will bring
such translations into the PO files). Merge keeps the digest of every file it writes in
``<locales>/written-by-translate-flow.json`` and replaces a file only when it still holds
those bytes. The record sits beside the PO files, which are committed, rather than in the
``.translate-flow/`` cache: a fresh clone in CI must still know which files are merge's to
update. A file that already holds exactly what merge would write is taken as merge's too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import read_regular, write_if_changed

__all__ = ["RECORD_NAME", "Ownership", "file_digest"]

RECORD_NAME = "written-by-translate-flow.json"
_ABOUT = (
    "Digests of the translated pages, i18n and data files translate-flow merge wrote; "
    "merge replaces such a file only while it still holds these bytes."
)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_MEND = "mend it (a merge conflict?) or delete it, then run again: it says which pages merge wrote"


class Ownership:
    """The record, loaded once and saved once per merge.

    Merge's workers get a copy of ``files`` and hand back what they wrote (``adopt``): the
    record itself is only changed and saved in the main process.
    """

    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.path = config.locales_path / RECORD_NAME
        self.files: dict[str, str] = {}
        rel = self.path.relative_to(self.root).as_posix()
        try:
            loaded = json.loads(read_regular(self.path).decode("utf-8"))
        except FileNotFoundError:
            loaded = {"files": {}}  # no record yet: no file is known to be merge's
        except UnicodeDecodeError as exc:
            raise TranslateFlowError(f"cannot be read: {exc.reason}; {_MEND}", rel) from exc
        except json.JSONDecodeError as exc:
            raise TranslateFlowError(f"is not valid JSON ({exc.msg}); {_MEND}", rel, exc.lineno) from exc
        except OSError as exc:
            raise TranslateFlowError(f"cannot be read: {exc.strerror or exc}; {_MEND}", rel) from exc
        files = loaded.get("files") if isinstance(loaded, dict) else None
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            # Saving over it would forget every file it names: those would look hand-written forever.
            raise TranslateFlowError(f"does not hold a record of files; {_MEND}", rel)
        self.files = {str(k): v for k, v in files.items()}
        self.dirty = False

    def may_write(self, rel: str, current: bytes | None, new: bytes) -> bool:
        """True when ``rel`` may be given ``new``: it does not exist, already holds it, or
        holds what merge last wrote there."""
        return may_write(self.files, rel, current, new)

    def ours(self, rel: str, current: bytes) -> bool:
        """True when the file holds what merge last wrote there."""
        return self.files.get(rel) == file_digest(current)

    def wrote(self, rel: str, data: bytes) -> None:
        """Record that ``rel`` holds ``data``, written (or found) by merge."""
        self.adopt({rel: file_digest(data)})

    def adopt(self, digests: Mapping[str, str]) -> None:
        """Record files by digest (what merge's workers wrote or found)."""
        for rel, value in digests.items():
            if self.files.get(rel) != value:
                self.files[rel] = value
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


def may_write(known: Mapping[str, str], rel: str, current: bytes | None, new: bytes) -> bool:
    """The rule, on a copy of the record: missing, already ``new``, or what merge last wrote."""
    return current is None or current == new or known.get(rel) == file_digest(current)
