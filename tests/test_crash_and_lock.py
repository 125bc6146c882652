"""Crash safety and the project lock, with real processes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import all_catalogs, fill, msgfmt_check, project_tree, run, write_tree
from translate_flow.catalog.io import parse_catalog, read_catalog
from translate_flow.catalog.update import kept_translations
from translate_flow.project.lock import LOCK_NAME

HOLDER = """
import sys
from pathlib import Path
from translate_flow.project.lock import project_lock
with project_lock(Path(sys.argv[1]).parent, Path(sys.argv[1]), "test holder"):
    print("locked", flush=True)
    sys.stdin.read()
"""


def _cli(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "translate_flow", "-C", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=root,  # worker processes inherit it, which lets the test find them
    )


def _processes_in(folder: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == folder:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _no_orphans(folder: Path) -> bool:
    """Wait (bounded) for every process of a killed run to be gone."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if not _processes_in(folder):
            return True
        time.sleep(0.1)
    return False


def _holder(locales: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(locales)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
    return proc


def test_second_run_waits_then_names_the_holder(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\nlock_timeout = 0.3\n', "content/a.md": "Hi.\n"})
    holder = _holder(project / "locales")
    try:
        result = run(project, "extract")
        assert result.exit_code == 1
        assert f"locales/{LOCK_NAME}: the project is locked by pid {holder.pid}" in result.output
        assert "(test holder); waited 0.3 s" in result.output
        assert not (project / "locales/fr/a.po").exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    assert run(project, "extract").exit_code == 0


def test_lock_of_a_killed_process_is_taken_over(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\nlock_timeout = 0\n', "content/a.md": "Hi.\n"})
    holder = _holder(project / "locales")
    holder.kill()
    holder.wait()
    assert "test holder" in (project / "locales" / LOCK_NAME).read_text()  # left behind, but nobody holds it
    assert run(project, "extract").exit_code == 0


def _corpus(root: Path, articles: int, variant: str) -> None:
    files = {"translate-flow.toml": 'languages = ["fr", "de"]\nproject_name = "crash"\nlock_timeout = 60\n'}
    for i in range(articles):
        paragraphs = [f"Article {i} paragraph {j} {variant} says something useful." for j in range(12)]
        files[f"content/s{i % 7}/a{i}.md"] = f"---\ntitle: Title {i}\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    write_tree(root, files)


def test_sigkill_at_random_points_never_corrupts_and_rerun_finishes(tmp_path: Path) -> None:
    base = tmp_path / "base"
    _corpus(base, 120, "v1")
    assert run(base, "extract", "-q").exit_code == 0
    for po in (base / "locales/fr").rglob("*.po"):
        fill(po, lambda m: "FR " + m)
    _corpus(base, 120, "v2")  # every paragraph changes: the next extract rewrites every file

    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    started = time.monotonic()
    assert _cli(reference, "extract", "-q").wait() == 0
    duration = time.monotonic() - started
    expected = project_tree(reference)

    rng = random.Random(20261129)
    for attempt in range(5):
        victim = tmp_path / f"victim{attempt}"
        shutil.copytree(base, victim)
        before = project_tree(victim)
        proc = _cli(victim, "extract", "-q", "--jobs", "2")
        time.sleep(rng.uniform(0.1, duration))  # the kill point, not a synchronisation
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _no_orphans(victim), "worker processes outlived the killed run"
        for path in all_catalogs(victim):
            rel = path.relative_to(victim).as_posix()
            data = path.read_bytes()
            # Whole and readable: the old file, the final one, or (for a POT) the final one whose
            # fingerprint still says "pending" until the project-wide pass is done.
            final = expected.get(rel)
            pending = final.replace(b"Source: ", b"Source: pending-", 1) if final else None
            assert data in (before.get(rel), final, pending), f"{rel} is neither old nor new"
            current = read_catalog(path, rel)
            if rel in before and rel.endswith(".po"):
                assert not kept_translations(parse_catalog(before[rel], rel), current), f"{rel} lost a translation"
        assert _cli(victim, "extract", "-q").wait() == 0
        assert project_tree(victim) == expected
        assert not list(victim.rglob("*.tmp")), "the re-run cleans up what the killed run left"
    msgfmt_check(*all_catalogs(reference)[:20])


def test_concurrent_runs_do_not_interleave(tmp_path: Path) -> None:
    serial = tmp_path / "serial"
    _corpus(serial, 60, "v1")
    assert run(serial, "extract", "-q").exit_code == 0
    parallel = tmp_path / "parallel"
    _corpus(parallel, 60, "v1")
    runs = [_cli(parallel, "extract", "-q") for _ in range(3)]
    assert [proc.wait() for proc in runs] == [0, 0, 0]
    assert project_tree(parallel) == project_tree(serial)
    assert not [p for p in parallel.rglob("*.tmp")]
