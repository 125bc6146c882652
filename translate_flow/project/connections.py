"""SQLite connections to the project's cache files, kept open between articles.

Opening a connection costs about 0.2 ms, five times a cached segment look-up, so a
process keeps a few open. A connection is used again only while its file is the same
file (device and inode): a cache deleted or replaced meanwhile is opened afresh, never
written through a stale handle. At most ``KEEP`` stay open, so a long-lived process that
works on many projects holds few file descriptors.

Reading connections are opened read-only, so a check never changes a cache. Writing ones
use a persistent rollback journal without sync: no file is created per write, and a run
killed mid-write leaves the journal for the next connection to roll back. A power cut may
damage the file; it is a cache, and a damaged one is ignored, then rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

__all__ = ["KEEP", "forget", "forget_all", "readable", "writable"]

KEEP = 4
"""How many connections a process keeps open."""


@dataclass(frozen=True)
class _Open:
    connection: sqlite3.Connection
    """The open connection."""
    identity: tuple[int, int]
    """Device and inode of the file it was opened on."""
    writes: bool
    """False for a read-only connection."""


_open: OrderedDict[Path, _Open] = OrderedDict()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _cached(path: Path, writes: bool) -> sqlite3.Connection | None:
    kept = _open.get(path)
    if kept is None:
        return None
    if kept.identity != _identity(path) or (writes and not kept.writes):
        forget(path)
        return None
    _open.move_to_end(path)
    return kept.connection


def _keep(path: Path, connection: sqlite3.Connection, writes: bool) -> sqlite3.Connection | None:
    identity = _identity(path)
    if identity is None:
        connection.close()
        return None
    _open[path] = _Open(connection, identity, writes)
    while len(_open) > KEEP:
        _, oldest = _open.popitem(last=False)
        oldest.connection.close()
    return connection


def writable(path: Path, schema: str) -> sqlite3.Connection | None:
    """A connection that may write ``path`` (created with ``schema`` if need be), in autocommit
    mode; None when the file cannot be opened or is not an SQLite database."""
    connection = _cached(path, writes=True)
    if connection is not None:
        return connection
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.execute("PRAGMA journal_mode = PERSIST")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(schema)
    except sqlite3.Error as exc:
        connection.close()
        # Busy past the timeout, or read-only: left as it is. Anything else is damage.
        return None if isinstance(exc, sqlite3.OperationalError) else _rebuilt(path, schema)
    return _keep(path, connection, writes=True)


def _rebuilt(path: Path, schema: str) -> sqlite3.Connection | None:
    """A damaged cache (not a database, or a foreign one) is removed and made again, once."""
    if path.is_symlink() or not path.is_file():
        return None
    for name in (path, path.with_name(path.name + "-journal")):
        name.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA journal_mode = PERSIST")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(schema)
    except sqlite3.Error:
        return None
    return _keep(path, connection, writes=True)


def readable(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to an existing ``path``; None when there is none."""
    connection = _cached(path, writes=False)
    if connection is not None:
        return connection
    if _identity(path) is None:
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return None
    return _keep(path, connection, writes=False)


def forget(path: Path) -> None:
    """Close the connection kept for ``path``, if any."""
    kept = _open.pop(path, None)
    if kept is not None:
        kept.connection.close()


def forget_all() -> None:
    """Close every connection this process keeps (the end of a run)."""
    while _open:
        _, kept = _open.popitem()
        kept.connection.close()
