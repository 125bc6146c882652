"""The code itself: fully typed (mypy --strict) and lint-clean (ruff)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO, need_tool


def test_mypy_strict() -> None:
    need_tool("mypy")
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff() -> None:
    ruff = need_tool("ruff")
    done = subprocess.run(
        [ruff, "check", "translate_flow", "tests", "bench"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
