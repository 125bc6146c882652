"""Odd files and settings give one line naming the file (and line), never a traceback,
and the other files are still processed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import read_po, run, write_tree

CONFIG = 'languages = ["fr"]\n'


@pytest.fixture
def site(project: Path) -> Path:
    return write_tree(project, {"translate-flow.toml": CONFIG, "content/a.md": "Hello world.\n"})


def _ran_cleanly(site: Path, *args: str) -> str:
    result = run(site, *args)
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    return result.output


def _good_file_still_done(site: Path) -> None:
    assert read_po(site / "locales/fr/a.po")[0].msgid == "Hello world."


def test_a_symbolic_link_loop(site: Path) -> None:
    (site / "content/self.md").symlink_to("self.md")
    output = _ran_cleanly(site, "extract")
    assert "error: content/self.md: is a symbolic link that loops; refused" in output
    _good_file_still_done(site)


def test_a_file_name_that_is_not_utf8(site: Path) -> None:
    name = os.fsdecode(b"b\xff.md")
    (site / "content" / name).write_text("Other.\n")
    output = _ran_cleanly(site, "extract")
    assert "error: content/b\ufffd.md: the file name is not valid UTF-8; rename it" in output
    _good_file_still_done(site)


def test_a_file_name_with_a_line_break(site: Path) -> None:
    (site / "content/new\nline.md").write_text("Other.\n")
    output = _ran_cleanly(site, "extract")
    assert "error: content/new\\nline.md: the file name holds a line break; rename it" in output
    _good_file_still_done(site)
    assert _ran_cleanly(site, "extract").count("error:") == 1  # and no catalog of it to be refused later


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ('{"title": "x", "n": ' + "9" * 5000 + "}", "content/j.md:1: invalid JSON front matter: Exceeds the limit"),
    ],
)
def test_json_front_matter_beyond_what_python_reads(site: Path, front_matter: str, message: str) -> None:
    write_tree(site, {"content/j.md": front_matter + "\n\nBody.\n"})
    assert f"error: {message}" in _ran_cleanly(site, "extract")
    _good_file_still_done(site)


def test_a_lone_surrogate_in_json_front_matter_is_not_a_text(site: Path) -> None:
    write_tree(site, {"content/j.md": '{"title": "\\ud800"}\n\nBody.\n'})
    _ran_cleanly(site, "extract")
    assert [e.msgid for e in read_po(site / "locales/fr/j.po")] == ["Body."]


@pytest.mark.parametrize("command", [["status", "--html"], ["check", "-o"]])
def test_reports_into_a_folder_that_cannot_be(site: Path, command: list[str]) -> None:
    assert run(site, "extract", "-q").exit_code == 0
    target = site / "translate-flow.toml" / "report.out"  # a folder that is a file
    result = run(site, *command, str(target))
    assert result.exit_code == 1
    assert f"{target}: cannot write: Not a directory" in result.output  # the folder is a file


def test_init_that_cannot_write_its_file(project: Path) -> None:
    (project / "translate-flow.toml").mkdir()  # a folder in the way; root could write anywhere else
    result = run(project, "init", "--language", "fr", "--force")
    assert result.exit_code == 1 and "translate-flow.toml: cannot write: Is a directory" in result.output


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("wrap = 1", "'wrap' must be 0 (no wrapping) or a width of at least 20"),
        ("max_article_bytes = 100000000000000000000", "'max_article_bytes' must be between 1 and 1073741824"),
        ('project_name = "x\\nX-Injected: yes"', "'project_name' must not hold line breaks or control characters"),
        ('hugo_config = "/etc/hugo.toml"', "'hugo_config': /etc/hugo.toml is not inside the project"),
    ],
)
def test_settings_that_would_crash_or_inject(site: Path, setting: str, message: str) -> None:
    (site / "translate-flow.toml").write_text(CONFIG + setting + "\n")
    result = run(site, "extract")
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {site / 'translate-flow.toml'}:2: {message}"


def test_a_catalog_path_that_is_a_folder(site: Path) -> None:
    (site / "locales/fr/a.po").mkdir(parents=True)
    for command in ("extract", "status", "check"):
        lines = _ran_cleanly(site, command).splitlines()
        assert any("locales/fr/a.po:" in line and "is not a regular file" in line for line in lines), command
