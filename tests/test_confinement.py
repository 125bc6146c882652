"""Nothing outside the project is touched, no link is followed, no editor's save is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import read_po, run, write_tree
from translate_flow.steps import extract_article as article_module
from translate_flow.steps import extract_project as extract_module

CONFIG = 'languages = ["fr"]\n'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = write_tree(tmp_path / "site", {"translate-flow.toml": CONFIG, "content/a.md": "Hello world.\n"})
    (tmp_path / "outside").mkdir()
    return root


def _outside(site: Path) -> Path:
    return site.parent / "outside"


def test_a_linked_lock_never_truncates_its_target(site: Path) -> None:
    victim = _outside(site) / "victim.txt"
    victim.write_text("precious\n")
    (site / "locales").mkdir()
    (site / "locales/.translate-flow.lock").symlink_to(victim)
    for command in ("extract", "merge", "pretranslate"):
        result = run(site, command)
        assert result.exit_code == 1
        assert "locales/.translate-flow.lock: is a symbolic link" in result.output
    assert victim.read_text() == "precious\n"


def test_a_lock_that_is_a_folder_is_one_line(site: Path) -> None:
    (site / "locales/.translate-flow.lock").mkdir(parents=True)
    result = run(site, "extract")
    assert result.exit_code == 1 and "locales/.translate-flow.lock: is not a regular file" in result.output


def test_a_linked_locale_folder_is_refused_and_nothing_is_written_outside(site: Path) -> None:
    (site / "locales").mkdir()
    (site / "locales/fr").symlink_to(_outside(site))
    result = run(site, "extract")
    assert result.exit_code == 1
    assert "error: locales/fr: is a symbolic link" in result.output
    assert list(_outside(site).iterdir()) == []


def test_a_linked_catalog_is_never_read(site: Path) -> None:
    (site / "locales/fr").mkdir(parents=True)
    (site / "locales/fr/a.po").symlink_to("/dev/zero")
    result = run(site, "extract")
    assert result.exit_code == 1 and "error: locales/fr/a.po: is a symbolic link" in result.output


def test_a_linked_state_folder_is_neither_read_written_nor_emptied(site: Path) -> None:
    mine = _outside(site) / "mine.json"
    mine.write_text("{}")
    (site / ".translate-flow").symlink_to(_outside(site))
    assert run(site, "extract", "--force", "-q").exit_code == 0
    assert run(site, "merge", "-q").exit_code == 0
    assert sorted(p.name for p in _outside(site).iterdir()) == ["mine.json"]


def test_a_linked_segment_cache_is_never_emptied(site: Path) -> None:
    (_outside(site) / "mine.json").write_text("{}")
    (site / ".translate-flow").mkdir()
    (site / ".translate-flow/segments").symlink_to(_outside(site))  # the folder earlier versions used
    assert run(site, "extract", "--force", "-q").exit_code == 0
    assert (_outside(site) / "mine.json").read_text() == "{}"


def test_a_linked_segment_store_is_neither_read_nor_written(site: Path) -> None:
    (site / ".translate-flow").mkdir()
    (site / ".translate-flow/segments.sqlite3").symlink_to(_outside(site) / "mine.sqlite3")
    assert run(site, "extract", "--force", "-q").exit_code == 0
    assert run(site, "merge", "-q").exit_code == 0
    assert list(_outside(site).iterdir()) == []


def test_a_linked_mt_cache_is_refused(site: Path) -> None:
    (site / ".translate-flow").mkdir()
    (site / ".translate-flow/mt-cache.sqlite3").symlink_to(_outside(site) / "cache.sqlite3")
    assert run(site, "extract", "-q").exit_code == 0
    result = run(site, "pretranslate", "--engine", "memory")
    assert result.exit_code == 1 and ".translate-flow/mt-cache.sqlite3: is a symbolic link" in result.output
    assert list(_outside(site).iterdir()) == []


def test_directory_layout_output_folder_that_is_a_link(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "site",
        {
            "translate-flow.toml": 'languages = ["fr"]\nlayout = "directory"\nmin_percent = 0\n'
            '[content_dirs]\nen = "content/en"\nfr = "content/fr"\n',
            "content/en/a.md": "Hello world.\n",
        },
    )
    (tmp_path / "outside").mkdir()
    (root / "content/fr").symlink_to(tmp_path / "outside")
    result = run(root, "extract")
    assert result.exit_code == 2 and "'content_dirs.fr' must be a relative path inside the project" in result.output
    # A link that stays inside the project is refused too: outputs are never written through links.
    (root / "content/fr").unlink()
    (root / "content/elsewhere").mkdir()
    (root / "content/fr").symlink_to(root / "content/elsewhere")
    result = run(root, "extract")
    assert result.exit_code == 1 and "error: content/fr: is a symbolic link" in result.output
    run(root, "merge")
    assert list((tmp_path / "outside").iterdir()) == [] and list((root / "content/elsewhere").iterdir()) == []


def test_hugo_config_outside_the_project_is_not_read(site: Path) -> None:
    (_outside(site) / "hugo.toml").write_text('defaultContentLanguage = "de"\n')
    for setting in ("../outside/hugo.toml", str(_outside(site) / "hugo.toml")):
        (site / "translate-flow.toml").write_text(CONFIG + f"hugo_config = {setting!r}\n")
        result = run(site, "extract")
        assert result.exit_code == 2 and "is not inside the project" in result.output


def test_fifos_are_skipped_with_a_notice_and_nothing_hangs(site: Path) -> None:
    os.mkfifo(site / "content/pipe.md")
    (site / "locales/fr").mkdir(parents=True)
    os.mkfifo(site / "locales/fr/pipe.po")
    result = run(site, "extract")
    assert result.exit_code == 0 and "content/pipe.md: skipped: not a regular file" in result.output
    assert run(site, "status").exit_code == 0
    assert run(site, "check").exit_code == 1  # untranslated, but it finishes
    assert run(site, "pretranslate", "--engine", "memory").exit_code == 0


def test_same_name_other_extension_is_a_clash(site: Path) -> None:
    write_tree(site, {"content/a.markdown": "Another text.\n"})
    result = run(site, "extract")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "shares its catalogs with content/a." in errors[0]
    # One of the two owns the catalog, whole: the other's text never ends up in it.
    texts = {e.msgid for e in read_po(site / "locales/fr/a.po")}
    assert texts in ({"Hello world."}, {"Another text."})
    assert run(site, "extract", "--check").exit_code == 1  # the clash stays an error, run after run


def test_pretranslate_never_reverts_a_translators_save(site: Path) -> None:
    write_tree(site, {"content/a.md": "Hello world.\n\nSecond text.\n"})
    (site / "translate-flow.toml").write_text(
        CONFIG + '[engines.editor]\nclass = "tests.plugin_engine:EditorSavesEngine"\n'
        'po = "locales/fr/a.po"\nmsgid = "Hello world."\nmsgstr = "Bonjour le monde."\n'
    )
    assert run(site, "extract", "-q").exit_code == 0
    result = run(site, "pretranslate", "--engine", "editor")
    assert result.exit_code == 0, result.output
    po = read_po(site / "locales/fr/a.po")
    saved = po.find("Hello world.")
    assert saved.msgstr == "Bonjour le monde." and "fuzzy" not in saved.flags
    # The draft went only into the entry the translator had left empty.
    assert po.find("Second text.").msgstr == "[draft] Second text."


def test_extract_never_overwrites_a_save_made_while_it_worked(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(site, "extract", "-q").exit_code == 0
    path = site / "locales/fr/a.po"
    write_tree(site, {"content/a.md": "Hello world.\n\nA new paragraph.\n"})
    real = article_module.catalog_changes
    saved: list[bool] = []

    def plan_then_save(before: bytes | None, po: object, entries: str | None = None) -> bytes | None:
        data = real(before, po, entries)  # type: ignore[arg-type]
        if not saved:
            # The translator saves between extract's read and its write.
            edited = read_po(path, wrapwidth=0)
            edited.find("Hello world.").msgstr = "Bonjour le monde."
            edited.save(str(path))
            saved.append(True)
        return data

    monkeypatch.setattr(article_module, "catalog_changes", plan_then_save)
    result = run(site, "extract", "-j", "1")
    assert result.exit_code == 0, result.output
    po = read_po(path)
    assert po.find("Hello world.").msgstr == "Bonjour le monde."
    assert po.find("A new paragraph.") is not None


def test_a_stray_catalog_linked_to_a_device_is_never_read(site: Path) -> None:
    (site / "locales/fr").mkdir(parents=True)
    (site / "locales/fr/z.po").symlink_to("/dev/zero")
    # The project-wide memory pass and the memory engine read every catalog of a language.
    assert run(site, "extract", "-q").exit_code == 0
    assert run(site, "pretranslate", "--engine", "memory", "-q").exit_code == 0
    assert run(site, "status").exit_code == 0


def test_a_fifo_where_a_template_goes_never_blocks(site: Path) -> None:
    assert run(site, "extract", "-q").exit_code == 0
    (site / "locales/templates/a.pot").unlink()
    os.mkfifo(site / "locales/templates/a.pot")
    for command in ("extract", "merge", "check", "status"):
        lines = run(site, command).output.splitlines()
        assert any("locales/templates/a.pot:" in line and "is not a regular file" in line for line in lines), command


def test_the_project_wide_pass_never_overwrites_a_save(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(site, {"content/a.md": "Shared text.\n"})
    assert run(site, "extract", "-q").exit_code == 0
    po = read_po(site / "locales/fr/a.po")
    po.find("Shared text.").msgstr = "Texte partagé."
    po.save(str(site / "locales/fr/a.po"))
    write_tree(site, {"content/b.md": "Shared text.\n\nOnly in b.\n"})
    real = extract_module.fill_from_memory
    saved: list[bool] = []

    def save_then_fill(po: object, *args: object) -> bool:
        if not saved:  # the translator saves b.po between the pass's read and its write
            path = site / "locales/fr/b.po"
            edited = read_po(path, wrapwidth=0)
            edited.find("Only in b.").msgstr = "Seulement dans b."
            edited.save(str(path))
            saved.append(True)
        return real(po, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_module, "fill_from_memory", save_then_fill)
    assert run(site, "extract", "-j", "1", "-q").exit_code == 0
    b = read_po(site / "locales/fr/b.po")
    assert b.find("Only in b.").msgstr == "Seulement dans b."
    assert b.find("Shared text.").msgstr == "Texte partagé."
