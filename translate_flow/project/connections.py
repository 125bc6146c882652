"""SQLite connections to the project's cache files, kept open between articles.

Opening a connection costs about 0.2 ms, five times a cached segment look-up, so each
thread keeps a few open (SQLite objects belong to the thread that made them). A
connection is used again only while its file is the same file (device and inode): a
cache deleted or replaced meanwhile is opened afresh, never written through a stale
handle. At most ``KEEP`` stay open, so a long-lived process that works on many projects
holds few file descriptors.

Reading connections are opened read-only, so a check never changes a cache. Writing ones
use a persistent rollback journal without sync: no file is created per write, and a run
killed mid-write leaves the journal for the next connection to roll back. A power cut may
damage the file; it is a cache, and a damaged one is ignored, then rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["KEEP", "discard", "forget", "forget_all", "kept", "readable", "writable"]

KEEP = 4
"""How many connections a thread keeps open."""


@dataclass(frozen=True)
class _Open:
    connection: sqlite3.Connection
    """The open connection."""
    identity: tuple[int, int]
    """Device and inode of the file it was opened on."""
    writes: bool
    """False for a read-only connection."""


_threads = threading.local()


def kept() -> OrderedDict[Path, _Open]:
    """This thread's open connections, by path, the most recently used last."""
    found: OrderedDict[Path, _Open] | None = getattr(_threads, "open", None)
    if found is None:
        found = _threads.open = OrderedDict()
    return found


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _cached(path: Path, writes: bool) -> sqlite3.Connection | None:
    known = kept().get(path)
    if known is None:
        return None
    if known.identity != _identity(path) or (writes and not known.writes):
        forget(path)
        return None
    kept().move_to_end(path)
    return known.connection


def _keep(path: Path, connection: sqlite3.Connection, writes: bool) -> sqlite3.Connection | None:
    identity = _identity(path)
    if identity is None:
        connection.close()
        return None
    open_ = kept()
    open_[path] = _Open(connection, identity, writes)
    while len(open_) > KEEP:
        _, oldest = open_.popitem(last=False)
        _close(oldest.connection)
    return connection


def writable(path: Path, prepare: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection | None:
    """A connection that may write ``path``, in autocommit mode; ``prepare`` makes its tables
    (once per connection). None when the file cannot be opened or made ready."""
    connection = _cached(path, writes=True)
    if connection is not None:
        return connection
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    for attempt in range(2):
        try:
            connection = sqlite3.connect(path, timeout=60, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            connection.execute("PRAGMA journal_mode = PERSIST")
            connection.execute("PRAGMA synchronous = OFF")
            prepare(connection)
        except sqlite3.Error as exc:
            connection.close()
            # Busy past the timeout, or read-only: left as it is. Anything else is damage:
            # the file is removed and made again, once.
            if isinstance(exc, sqlite3.OperationalError) or attempt or not discard(path):
                return None
            continue
        return _keep(path, connection, writes=True)
    return None


def discard(path: Path) -> bool:
    """Close and delete a damaged cache file and its journal (never a link); True when gone."""
    forget(path)
    try:
        if path.is_symlink() or not path.is_file():
            return False
        for name in (path, path.with_name(path.name + "-journal")):
            if not name.is_symlink():
                name.unlink(missing_ok=True)
    except OSError:
        return False  # a read-only folder: the cache stays off, which costs only time
    return True


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


def _close(connection: sqlite3.Connection) -> None:
    with suppress(sqlite3.Error):
        connection.close()


def forget(path: Path) -> None:
    """Close the connection this thread keeps for ``path``, if any."""
    known = kept().pop(path, None)
    if known is not None:
        _close(known.connection)


def forget_all() -> None:
    """Close every connection this thread keeps."""
    open_ = kept()
    while open_:
        _, known = open_.popitem()
        _close(known.connection)
