"""project/scan.py: which files are articles, and names no PO reference can hold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config import load_config
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.project.layout import layout_for
from translate_flow.project.scan import markdown_files
from translate_flow.reports import Notice


def test_articles_are_found_and_hidden_folders_left_out(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "content/a.md": "A.\n",
            "content/b/c.markdown": "C.\n",
            "content/.drafts/d.md": "D.\n",
            "content/e.txt": "E.\n",
        },
    )
    config = load_config(tmp_path)
    found = markdown_files(config, layout_for(config))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["content/a.md", "content/b/c.markdown"]


def test_odd_files_and_names_become_notices_and_errors(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/a.md": "A.\n"})
    os.mkfifo(tmp_path / "content/pipe.md")
    (tmp_path / "content/two\nlines.md").write_text("B.\n")
    config = load_config(tmp_path)
    notices: list[Notice] = []
    errors: list[TranslateFlowError] = []
    found = markdown_files(config, layout_for(config), notices, errors)
    assert [p.name for p in found] == ["a.md"]
    assert [str(n) for n in notices] == ["content/pipe.md: skipped: not a regular file"]
    assert [str(e) for e in errors] == ["content/two\\nlines.md: the file name holds a line break; rename it"]


def test_a_missing_content_folder_is_a_configuration_error(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    with pytest.raises(ConfigError, match="content directory does not exist"):
        markdown_files(config, layout_for(config))
