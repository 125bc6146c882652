"""File writing that never leaves a half-written file behind."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

# Temporary names as atomic_write_bytes makes them: .<file name>.<pid>-<counter>.tmp
_TEMP_NAME = re.compile(r"\..+\.[0-9]+-[0-9]+\.tmp")
_counter = itertools.count()
# Read once: os.umask can only be read by setting it, which is not safe to repeat from threads.
_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    The rename is atomic on POSIX, so a reader (or a crash) sees the old file
    or the new one, never a truncated mix.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL with a pid-and-counter name: unique like mkstemp, without its random-name cost.
    tmp = str(path.parent / f".{path.name}.{os.getpid()}-{next(_counter)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            # No fsync: the rename alone keeps a killed run from leaving a torn file, and
            # fsync per file made extract three times slower (see docs/decisions.md).
            handle.write(data)
        if path.exists():
            # Keep the permissions a user gave the file.
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless the file already holds exactly it.

    Returns True when the file was written. Leaving unchanged files alone keeps
    their mtime, so build tools and editors do not see a change.
    """
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data)
    return True


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temporary files a killed run left behind; call only while holding the project lock."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.rglob(".*.tmp"):
        if _TEMP_NAME.fullmatch(path.name) and path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
