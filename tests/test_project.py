"""The project's own promises: CI runs exactly the README's test command."""

from __future__ import annotations

import re

from tests.conftest import REPO


def _readme_command(marker: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.+?)\n```", readme)
    assert match, f"README has no {marker} block"
    return match.group(1)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = _readme_command("test-command")
    ci = (REPO / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert command in ci
    assert "apt-get install -y -q gettext apertium apertium-eng-spa chromium" in ci


def test_readme_main_command_is_sync() -> None:
    assert _readme_command("main-command") == "python3 -m pip install . && translate-flow sync"
