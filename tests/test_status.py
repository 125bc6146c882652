"""status: the progress table, JSON, and the HTML report as a browser shows it."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import yaml

from tests.conftest import REPO, need_tool, read_po, run, write_tree


def _project(project: Path) -> Path:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr", "zh-CN"]\n',
            "content/a.md": "One two three.\n\nFour five.\n\nSix.\n\nSeven eight nine ten.\n",
            "content/b.md": "Alpha beta.\n",
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    po = read_po(project / "locales/fr/a.po")
    po[0].msgstr = "Un deux trois."
    po[1].msgstr = "Quatre cinq ?"
    po[1].flags.append("fuzzy")
    po.save(str(project / "locales/fr/a.po"))
    return project


def test_status_json_counts(project: Path) -> None:
    result = run(_project(project), "status", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    fr = next(row for row in data["languages"] if row["language"] == "fr")
    assert {
        k: fr[k]
        for k in ("name", "articles", "entries", "translated", "fuzzy", "untranslated", "percent", "words_left")
    } == {
        "name": "French",
        "articles": 2,
        "entries": 5,
        "translated": 1,
        "fuzzy": 1,
        "untranslated": 3,
        "percent": 20.0,
        "words_left": 9,
    }
    assert [row["article"] for row in data["articles"]] == ["content/a.md", "content/b.md"] * 2


def test_status_table(project: Path) -> None:
    lines = run(_project(project), "status").output.splitlines()
    assert lines[0].split() == [
        "language",
        "name",
        "articles",
        "entries",
        "translated",
        "fuzzy",
        "untranslated",
        "done",
        "words",
        "left",
    ]
    assert lines[1].split() == ["fr", "French", "2", "5", "1", "1", "3", "20%", "9"]
    assert lines[2].split()[:2] == ["zh-CN", "Chinese"]
    by_article = run(project, "status", "--by-article", "--lang", "fr").output.splitlines()
    assert [line.split()[2] for line in by_article[1:]] == ["content/a.md", "content/b.md"]


def test_html_report_renders_in_chromium(project: Path, tmp_path: Path) -> None:
    chromium = need_tool("chromium")
    page = tmp_path / "status.html"
    assert run(_project(project), "status", "--html", str(page)).exit_code == 0
    text = page.read_text()
    assert "<script" not in text and "http" not in text.replace("http-equiv", "")  # self-contained
    assert "French" in text and "content/a.md" in text and 'aria-label="20% translated"' in text
    shot = tmp_path / "status.png"
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--window-size=1100,700",
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 5000


def test_pre_commit_hooks_are_declared() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    by_id = {hook["id"]: hook for hook in hooks}
    assert by_id["translate-flow-extract-check"]["entry"] == "translate-flow extract --check"
    assert by_id["translate-flow-check"]["entry"] == "translate-flow check"
    assert all(hook["pass_filenames"] is False for hook in hooks)
