"""project/lock.py: one run at a time, and a clear message naming the holder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from translate_flow.errors import LockError
from translate_flow.project.lock import LOCK_NAME, project_lock


def test_a_second_run_waits_then_names_the_holder(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    with project_lock(tmp_path, locales, "extract", timeout=0):
        holder = (locales / LOCK_NAME).read_text()
        assert f"pid {os.getpid()}" in holder and "(extract)" in holder
        # flock locks belong to the open file, so a second open in this process conflicts too.
        with (
            pytest.raises(LockError, match=r"locked by pid \d+ on .* \(extract\); waited 0 s"),
            project_lock(tmp_path, locales, "merge", timeout=0),
        ):
            pass
    with project_lock(tmp_path, locales, "merge", timeout=0):
        pass  # released when the block ends


def test_a_lock_file_that_is_a_link_is_refused(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    (tmp_path / "elsewhere").write_text("keep me")
    (locales / LOCK_NAME).symlink_to(tmp_path / "elsewhere")
    with pytest.raises(Exception, match="symbolic link"), project_lock(tmp_path, locales, "extract", timeout=0):
        pass
    assert (tmp_path / "elsewhere").read_text() == "keep me"
