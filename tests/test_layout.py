"""layout.py on its own: where a source's translation goes, for each layout."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree
from translate_flow.config.load import load_config
from translate_flow.project.layout import layout_for


def test_filename_layout_puts_the_key_before_the_extension(tmp_path: Path) -> None:
    write_tree(tmp_path, {"translate-flow.toml": 'languages = ["zh-CN"]\n[language_keys]\nzh-CN = "zh-cn"\n'})
    layout = layout_for(load_config(tmp_path))
    assert layout.output_path(tmp_path / "content/news/post.md", "zh-CN") == tmp_path / "content/news/post.zh-cn.md"


def test_directory_layout_mirrors_the_path_in_the_language_folder(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr"]\nlayout = "directory"\n'
            '[content_dirs]\nen = "content/en"\nfr = "content/fr"\n',
            "content/en/docs/a.md": "Hello.\n",  # language folders count once they exist
        },
    )
    layout = layout_for(load_config(tmp_path))
    assert layout.output_path(tmp_path / "content/en/docs/a.md", "fr") == tmp_path / "content/fr/docs/a.md"
