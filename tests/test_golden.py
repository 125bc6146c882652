"""Golden cases: tests/cases/<name>/input is a project, expected/ holds every file that the
commands in <name>/commands create or change. Set TRANSLATE_FLOW_REGEN=1 to rewrite expected/
after a deliberate change, then review the diff."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import all_catalogs, msgfmt_check, project_tree, run

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input").is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(case / "input", root)
    for line in (case / "commands").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        args, _, status = line.partition("->")
        result = run(root, *args.split())
        assert result.exit_code == int(status or 0), result.output
    before = project_tree(case / "input")
    after = project_tree(root)
    changed = {rel: data for rel, data in after.items() if before.get(rel) != data}
    assert set(before) <= set(after), "a command deleted an input file"
    expected_dir = case / "expected"
    if os.environ.get("TRANSLATE_FLOW_REGEN") == "1":
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, data in changed.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_bytes(data)
    expected = project_tree(expected_dir) if expected_dir.is_dir() else {}
    assert sorted(changed) == sorted(expected)
    for rel, data in expected.items():
        assert changed[rel] == data, f"{case.name}: {rel} differs from the golden file"
    catalogs = all_catalogs(root)
    if catalogs:
        msgfmt_check(*catalogs)
