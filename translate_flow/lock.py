"""One writer per project: an advisory lock on a file in the locales directory.

The kernel drops an flock when its holder dies, so a lock left by a killed run is
never in the way: the file may still be there, but nobody holds it.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from translate_flow.errors import LockError

LOCK_NAME = ".translate-flow.lock"


@contextmanager
def project_lock(locales: Path, command: str, timeout: float = 10.0) -> Iterator[None]:
    """Hold the project lock for the block; wait up to ``timeout`` seconds for another run."""
    locales.mkdir(parents=True, exist_ok=True)
    path = locales / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "another process"
                    raise LockError(f"the project is locked by {holder}; waited {timeout:g} s", path) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} ({command})\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
