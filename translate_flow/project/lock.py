"""One writer per project: an advisory lock on a file in the locales directory.

The kernel drops an flock when its holder dies, so a lock left by a killed run is
never in the way: the file may still be there, but nobody holds it.
"""

from __future__ import annotations

import fcntl
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from translate_flow.errors import LockError
from translate_flow.fsutil import Confinement

LOCK_NAME = ".translate-flow.lock"


@contextmanager
def project_lock(root: Path, locales: Path, command: str, timeout: float = 10.0) -> Iterator[None]:
    """Hold the project lock for the block; wait up to ``timeout`` seconds for another run."""
    path = locales / LOCK_NAME
    rel = path.relative_to(root).as_posix()
    # A lock that is a link (a pull request can carry one) would be truncated through it.
    Confinement(root).check(path)
    try:
        locales.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NOCTTY | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        raise LockError(f"cannot open the lock file: {exc.strerror or exc}", rel) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LockError("the lock file is not a regular file", rel)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "another process"
                    raise LockError(f"the project is locked by {holder}; waited {timeout:g} s", rel) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {os.uname().nodename} ({command})\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
