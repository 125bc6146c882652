"""project/layout.py: the two layouts as two classes with one interface."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config import load_config
from translate_flow.project.layout import DirectoryLayout, FilenameLayout, layout_for


def test_the_configured_layout_picks_its_class(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/a.md": "A.\n"})
    assert isinstance(layout_for(load_config(tmp_path)), FilenameLayout)
    write_tree(tmp_path, {"translate-flow.toml": 'layout = "directory"\n'})
    assert isinstance(layout_for(load_config(tmp_path)), DirectoryLayout)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("post.md", ("post", None, ".md")),
        ("post.fr.md", ("post", "fr", ".md")),
        ("post.zh-cn.markdown", ("post", "zh-CN", ".markdown")),
        ("v1.2.md", ("v1.2", None, ".md")),  # "2" is no language
        (".fr.md", (".fr", None, ".md")),  # nothing before the dot: no suffix language
        ("notes.txt", ("notes.txt", None, "")),
    ],
)
def test_filename_layout_reads_the_language_suffix(
    tmp_path: Path, name: str, expected: tuple[str, str | None, str]
) -> None:
    layout = FilenameLayout(load_config(tmp_path))
    assert layout.split_name(name) == expected


def test_filename_layout_groups_a_source_with_its_translations(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/news/a.md": "A.\n", "content/news/a.fr.md": "A.\n"})
    layout = FilenameLayout(load_config(tmp_path))
    plain = layout.placement(tmp_path / "content/news/a.md")
    french = layout.placement(tmp_path / "content/news/a.fr.md")
    assert plain.group == french.group == "news/a"
    assert (plain.hint, french.hint) == (None, "fr")
    assert layout.is_plain(plain.hint) and not layout.is_plain(french.hint)
    assert plain.stem == "news/a"


def test_directory_layout_groups_by_path_inside_the_language_folder(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'layout = "directory"\nlanguages = ["de"]\n',
            "content/en/docs/a.md": "A.\n",
            "content/de/docs/a.md": "A.\n",
        },
    )
    layout = DirectoryLayout(load_config(tmp_path))
    english = layout.placement(tmp_path / "content/en/docs/a.md")
    german = layout.placement(tmp_path / "content/de/docs/a.md")
    assert english.group == german.group == "docs/a.md"
    assert (english.hint, german.hint) == ("en", "de")
    assert layout.is_plain("en") and not layout.is_plain("de")
    assert layout.output_path(tmp_path / "content/en/docs/a.md", "fr") == tmp_path / "content/fr/docs/a.md"


def test_directory_layout_scans_language_folders_outside_content(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'layout = "directory"\nlanguages = ["fr"]\n[content_dirs]\nfr = "french"\n',
            "content/a.md": "A.\n",
            "french/a.md": "A.\n",
        },
    )
    layout = DirectoryLayout(load_config(tmp_path))
    assert layout.scan_roots() == [tmp_path / "content", tmp_path / "french"]
    assert layout.output_path(tmp_path / "content/a.md", "fr") == tmp_path / "french/a.md"


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
