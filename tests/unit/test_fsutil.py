"""fsutil.py: atomic writes, writes only on change, stale-write refusal, confinement, regular files only."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from translate_flow.errors import StaleWriteError, UnsafePathError
from translate_flow.fsutil import (
    Confinement,
    atomic_write_bytes,
    read_head,
    read_regular,
    remove_stale_temp_files,
    write_if_changed,
    write_output,
)


def test_an_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "a.po"
    atomic_write_bytes(target, b"one")
    assert target.read_bytes() == b"one"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.po"]


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_umask_s(tmp_path: Path) -> None:
    kept = tmp_path / "kept.po"
    kept.write_bytes(b"old")
    kept.chmod(0o604)  # what no usual umask gives a new file
    atomic_write_bytes(kept, b"new")
    assert kept.read_bytes() == b"new" and stat.S_IMODE(kept.stat().st_mode) == 0o604
    mask = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "a" / "b" / "new.po", b"x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "a/b/new.po").stat().st_mode) == 0o640


def test_a_write_that_fails_midway_leaves_the_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"old")
    sizes: list[int] = []
    real_write = os.write

    def short_then_full(fd: int, data: bytes) -> int:
        sizes.append(len(data))
        if len(sizes) == 1:
            return real_write(fd, data[:3])  # the kernel may write less than asked
        if len(sizes) == 2:
            return real_write(fd, data)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_full)
    atomic_write_bytes(target, b"0123456789")
    assert target.read_bytes() == b"0123456789" and sizes == [10, 7]
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"abc")
    assert target.read_bytes() == b"0123456789"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po"]


def test_an_unchanged_file_is_not_touched(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    assert write_if_changed(target, b"same")
    before = os.stat(target)
    assert not write_if_changed(target, b"same")
    after = os.stat(target)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert write_if_changed(target, b"other") and target.read_bytes() == b"other"


def test_a_file_saved_by_someone_else_meanwhile_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"what we read")
    target.write_bytes(b"the translator's save")
    with pytest.raises(StaleWriteError):
        atomic_write_bytes(target, b"ours", expected=b"what we read")
    assert target.read_bytes() == b"the translator's save"
    with pytest.raises(StaleWriteError):
        atomic_write_bytes(tmp_path / "new.po", b"ours", expected=b"a file that was there")
    assert not (tmp_path / "new.po").exists()


def test_only_our_own_temporary_names_are_cleaned(tmp_path: Path) -> None:
    ours = tmp_path / "fr" / ".a.po.123-4.tmp"
    theirs = tmp_path / "fr" / "notes.tmp"
    ours.parent.mkdir()
    ours.write_bytes(b"x")
    theirs.write_bytes(b"y")
    assert remove_stale_temp_files(tmp_path) == 1
    assert not ours.exists() and theirs.exists()


def test_confinement_names_the_first_unsafe_part(tmp_path: Path) -> None:
    (tmp_path / "locales").mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (tmp_path / "locales" / "fr").symlink_to(outside)
    check = Confinement(tmp_path).check
    check(tmp_path / "locales" / "de" / "a.po")  # not there yet: made by us when needed
    with pytest.raises(UnsafePathError, match="symbolic link") as caught:
        check(tmp_path / "locales" / "fr" / "a.po")
    assert str(caught.value).startswith("locales/fr:")
    with pytest.raises(UnsafePathError, match="outside the project"):
        check(outside / "a.po")


def test_confinement_at_the_filesystem_root_still_refuses_a_relative_path() -> None:
    confinement = Confinement(Path("/"))
    confinement.check(Path("/translate-flow-absent.po"))  # a file in the root folder itself
    with pytest.raises(UnsafePathError, match="outside the project"):
        confinement.check(Path("x.po"))


def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "a.po"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        read_regular(fifo)
    link = tmp_path / "b.po"
    (tmp_path / "real.po").write_bytes(b"abc")
    link.symlink_to(tmp_path / "real.po")
    with pytest.raises(OSError):
        read_head(link, 2)
    assert read_head(tmp_path / "real.po", 2) == b"ab"


def test_a_fifo_is_never_replaced_by_a_rename(tmp_path: Path) -> None:
    """A rename over /dev/null once turned the machine's /dev/null into a regular file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_bytes(fifo, b"data")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_user_named_fifo_output_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert write_output(fifo, b"report\n")
    reader.join(timeout=30)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    regular = tmp_path / "out.json"
    assert write_output(regular, b"{}") and not write_output(regular, b"{}")


def test_confinement_checks_a_folder_once_and_never_lets_a_path_out(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "locales" / "fr").mkdir(parents=True)
    (tmp_path / "outside.po").write_text("", encoding="utf-8")
    confinement = Confinement(root)
    with pytest.raises(UnsafePathError, match="is not a regular file"):
        confinement.check(root)
    # Checking the root itself vouches for no folder outside it.
    with pytest.raises(UnsafePathError, match="outside the project"):
        confinement.check(tmp_path / "outside.po")
    confinement.check(root / "locales" / "fr" / "a.po")
    (root / "locales" / "fr" / "link.po").symlink_to(tmp_path / "outside.po")
    # The folder was found safe before; the file itself is still looked at.
    with pytest.raises(UnsafePathError, match="symbolic link"):
        confinement.check(root / "locales" / "fr" / "link.po")
