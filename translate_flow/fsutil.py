"""File writing that never leaves a half-written file behind."""

from __future__ import annotations

import errno
import itertools
import os
import re
import stat
from pathlib import Path

from translate_flow.errors import StaleWriteError, UnsafePathError

# Temporary names as atomic_write_bytes makes them: .<file name>.<pid>-<counter>.tmp
_TEMP_NAME = re.compile(r"\..+\.[0-9]+-[0-9]+\.tmp")
_counter = itertools.count()


ANY = object()
"""``expected`` when any current content may be replaced."""


def atomic_write_bytes(path: Path, data: bytes, expected: bytes | None | object = ANY) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    The rename is atomic on POSIX, so a reader (or a crash) sees the old file
    or the new one, never a truncated mix. With ``expected`` (the bytes the new content
    was made from, None for "no file"), a file that changed meanwhile is left alone and
    StaleWriteError is raised: an editor's save during a run is never overwritten.
    """
    try:
        mode: int | None = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    if mode is not None and _special(mode):
        # A rename would put a regular file in place of a device or a FIFO (/dev/null!).
        raise OSError(errno.EINVAL, "is not a regular file; not replaced")
    # O_EXCL with a pid-and-counter name: unique like mkstemp, without its random-name cost.
    tmp = os.path.join(os.path.dirname(path), f".{path.name}.{os.getpid()}-{next(_counter)}.tmp")
    # Mode 0o666: the kernel applies the user's umask, as for any file an editor creates.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError:  # the folder is made when missing, not asked for on every write
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        try:
            # No fsync: the rename alone keeps a killed run from leaving a torn file, and
            # fsync per file made extract three times slower (see docs/decisions.md).
            # Plain writes: a buffered file object costs three more system calls per file.
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        if mode is not None:
            # Keep the permissions a user gave the file.
            os.chmod(tmp, stat.S_IMODE(mode))
        if expected is not ANY:
            # Checked last, just before the rename, so the window for a lost save is the
            # time between two system calls.
            try:
                current: bytes | None = read_regular(path)
            except FileNotFoundError:
                current = None
            if current != expected:
                raise StaleWriteError("changed on disk while translate-flow was working on it; left as it is", path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def folder_prefix(folder: str) -> str:
    """``folder`` ending in one separator: a path inside it starts with this, and a sibling
    whose name only starts like it (``site2`` beside ``site``) does not."""
    return folder if folder.endswith(os.sep) else folder + os.sep


def _special(mode: int) -> bool:
    """A device, FIFO or socket: something a rename must not replace."""
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def write_output(path: Path, data: bytes) -> bool:
    """Write a file the user named on the command line (``-o``), like ``write_if_changed``,
    except that a device or a FIFO (``-o /dev/stdout``, ``-o /dev/null``) is written to as it is."""
    try:
        special = _special(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        special = False
    if special:
        with open(path, "wb") as handle:
            handle.write(data)
        return True
    return write_if_changed(path, data)


def write_if_changed(path: Path, data: bytes, expected: bytes | None | object = ANY) -> bool:
    """Write ``data`` atomically unless the file already holds exactly it.

    Returns True when the file was written. Leaving unchanged files alone keeps
    their mtime, so build tools and editors do not see a change.
    """
    try:
        if read_regular(path) == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data, expected)
    return True


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temporary files a killed run left behind; call only while holding the project lock."""
    removed = 0
    if not folder.is_dir():
        return 0
    # os.walk, not rglob: every run walks the whole locales tree here, and a name test is cheap.
    for top, _, files in os.walk(folder):
        for name in files:
            path = Path(top, name)
            if name.startswith(".") and _TEMP_NAME.fullmatch(name) and path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _problem(path: str | Path, folder: bool) -> str | None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None  # made by us when needed
    except OSError as exc:
        return f"cannot be examined: {exc.strerror or exc}"
    if stat.S_ISLNK(mode):
        return "is a symbolic link; translate-flow does not follow links for its own files"
    if folder and not stat.S_ISDIR(mode):
        return "is not a folder"
    if not folder and not stat.S_ISREG(mode):
        return "is not a regular file"
    return None


class Confinement:
    """Checks that a path the tool derives is a real file in real folders inside the project.

    A pull request can carry a symbolic link (``locales/fr -> /etc``) or a FIFO into a
    checkout; following either would write outside the project or hang. Folder checks
    are remembered, so checking every catalog of a large site costs a few hundred lstat calls.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        # Folders are kept as strings: checking a site's catalogs is a few calls per catalog,
        # and pathlib's joins and hashes cost several times the lstat calls themselves.
        self._root = os.fspath(root)
        self._prefix = folder_prefix(self._root)
        self._folders: dict[str, str | None] = {self._root: None}
        # Folders whose every part was found safe: a catalog beside another costs one lstat.
        self._safe: set[str] = {self._root}

    def check(self, path: Path) -> None:
        """Raise UnsafePathError naming the first part of ``path`` that is not safe to use."""
        text = os.fspath(path)
        if os.path.dirname(text) not in self._safe:
            self._check_folders(path, text)
        problem = _problem(text, folder=False)
        if problem is not None:
            raise UnsafePathError(problem, path.relative_to(self.root).as_posix())

    def _check_folders(self, path: Path, text: str) -> None:
        if text.startswith(self._prefix):
            parts = text[len(self._prefix) :].split(os.sep)
        else:  # the root itself, or a path outside it: pathlib decides which
            try:
                parts = list(path.relative_to(self.root).parts)
            except ValueError:
                raise UnsafePathError("is outside the project", path) from None
        current = self._root
        for part in parts[:-1]:
            current = os.path.join(current, part)
            if current not in self._folders:
                self._folders[current] = _problem(current, folder=True)
            problem = self._folders[current]
            if problem is not None:
                raise UnsafePathError(problem, Path(current).relative_to(self.root).as_posix())
        if parts and text.startswith(self._prefix):
            # Only a folder inside the root: the root itself is no file in a folder of the
            # project, and a relative path's empty folder name must never count as checked.
            self._safe.add(os.path.dirname(text))


def read_regular(path: Path) -> bytes:
    """A regular file's bytes; anything else (a FIFO, a device, a link) raises OSError instead of
    blocking or reading without end."""
    return read_head(path, -1)


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes (all with -1) of a regular file, never of a FIFO, device or link."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(size)
    finally:
        os.close(fd)
