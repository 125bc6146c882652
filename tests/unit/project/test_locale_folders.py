"""project.locale_folders: one language in any spelling, the team's folder kept, strays named."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.project.locale_folders import language_folder, stray_folders


def _folders(root: Path, *names: str, files: tuple[str, ...] = ()) -> Path:
    for name in names:
        (root / name).mkdir(parents=True)
    for name in files:
        (root / name).write_text("")
    return root


@pytest.mark.parametrize("asked", ["pt-BR", "pt_BR", "pt-br", "PT_br"])
def test_an_existing_folder_is_used_in_its_own_spelling(tmp_path: Path, asked: str) -> None:
    _folders(tmp_path, "pt_BR", "templates")
    assert language_folder(tmp_path, asked) == tmp_path / "pt_BR"


def test_without_a_folder_the_bcp47_spelling_is_used(tmp_path: Path) -> None:
    assert language_folder(tmp_path / "none-yet", "pt_br") == tmp_path / "none-yet/pt-BR"
    _folders(tmp_path, "pt")  # another language is no spelling of this one
    assert language_folder(tmp_path, "pt-BR") == tmp_path / "pt-BR"


def test_the_bcp47_folder_wins_then_one_holding_files(tmp_path: Path) -> None:
    _folders(tmp_path, "pt-br", "pt_BR", files=("pt_BR/a.po",))
    assert language_folder(tmp_path, "pt-BR") == tmp_path / "pt_BR"  # the empty one is a mistake
    _folders(tmp_path, "pt-BR")
    assert language_folder(tmp_path, "pt-BR") == tmp_path / "pt-BR"


def test_a_renamed_folder_is_found_under_its_new_name(tmp_path: Path) -> None:
    _folders(tmp_path, "pt_BR")
    assert language_folder(tmp_path, "pt-BR").name == "pt_BR"
    (tmp_path / "pt_BR").rename(tmp_path / "pt-br")
    assert language_folder(tmp_path, "pt-BR").name == "pt-br"


def test_stray_folders_are_named_once_each(tmp_path: Path) -> None:
    _folders(tmp_path, "de", "fr", "misc", "pt_BR", "pt-BR", "templates", ".git", files=("de/a.po", "de/b.po"))
    (tmp_path / "notes.txt").write_text("a file is no folder")
    found = dict(stray_folders(tmp_path, ["fr", "pt-br"]))
    assert sorted(found) == ["de", "misc", "pt_BR"]
    assert found["de"] == "de is not a target language; its catalogs are not used"
    assert found["misc"] == "not a language code; no catalogs are read from it"
    assert found["pt_BR"] == "another spelling of pt-BR; the catalogs in pt-BR/ are used"
    assert list(stray_folders(tmp_path / "absent", ["fr"])) == []
