"""Locale folders as translation tools write them: `pt_BR`, `pt-br` and `pt-BR` are one language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import fill, msgfmt_check, read_po, run, write_tree

SOURCE = "---\ntitle: Hello world\n---\n\nA first paragraph here.\n"
PT = {"Hello world": "Olá mundo", "A first paragraph here.": "Um primeiro parágrafo aqui."}


@pytest.mark.parametrize("configured", ["pt-BR", "pt_BR", "pt-br"])
def test_a_weblate_folder_is_updated_in_place(project: Path, configured: str) -> None:
    """Weblate and gettext write `locales/pt_BR/`: extract keeps using it whatever the config says."""
    write_tree(
        project, {"translate-flow.toml": f'languages = ["{configured}"]\nmin_percent = 50\n', "content/p.md": SOURCE}
    )
    assert run(project, "extract", "-q").exit_code == 0
    (project / "locales/pt-BR").rename(project / "locales/pt_BR")
    fill(project / "locales/pt_BR/p.po", PT.__getitem__)
    (project / "content/p.md").write_text(SOURCE + "\nZebras graze quietly at dusk.\n")

    extracted = run(project, "extract")
    assert extracted.exit_code == 0, extracted.output
    assert "wrote locales/pt_BR/p.po" in extracted.output
    assert not (project / "locales/pt-BR").exists()
    po = read_po(project / "locales/pt_BR/p.po")
    assert {e.msgid: e.msgstr for e in po} == {**PT, "Zebras graze quietly at dusk.": ""}
    assert po.metadata["Language"] == "pt_BR"
    msgfmt_check(project / "locales/pt_BR/p.po")

    status = json.loads(run(project, "status", "--format", "json").output)
    assert [(row["language"], row["translated"], row["entries"]) for row in status["languages"]] == [("pt-BR", 2, 3)]
    assert run(project, "merge", "-q").exit_code == 0
    assert "Olá mundo" in (project / "content/p.pt-BR.md").read_text()


def test_folders_that_hold_no_target_language_are_one_warning_each(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["pt-BR"]\n',
            "content/p.md": SOURCE,
            "content/q.md": SOURCE.replace("Hello", "Goodbye"),
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    for name in ("p", "q"):  # two catalogs in a language no longer translated: still one warning
        (project / "locales/de").mkdir(exist_ok=True)
        (project / f"locales/pt-BR/{name}.po").rename(project / f"locales/de/{name}.po")
    (project / "locales/pt_BR").mkdir()
    (project / "locales/drafts").mkdir()
    assert run(project, "extract", "-q").exit_code == 0

    checked = json.loads(run(project, "check", "--format", "json").output)
    strays = [(f["path"], f["severity"], f["message"]) for f in checked["findings"] if f["check"] == "locale-folder"]
    assert strays == [
        ("locales/de", "warning", "de is not a target language; its catalogs are not used"),
        ("locales/drafts", "warning", "not a language code; no catalogs are read from it"),
        ("locales/pt_BR", "warning", "another spelling of pt-BR; the catalogs in pt-BR/ are used"),
    ]
    # extract says the same, once per folder.
    said = run(project, "extract").output.splitlines()
    assert [line for line in said if line.startswith("locales/") and not line.startswith("locales/pt-BR/")] == [
        "locales/de: de is not a target language; its catalogs are not used",
        "locales/drafts: not a language code; no catalogs are read from it",
        "locales/pt_BR: another spelling of pt-BR; the catalogs in pt-BR/ are used",
    ]


def test_an_article_language_folder_is_a_target(project: Path) -> None:
    """A language only an article's `translations` names is a target too: its folder is no stray."""
    write_tree(
        project,
        {"translate-flow.toml": 'languages = ["fr"]\n', "content/p.md": "---\ntranslations: [es_ES]\n" + SOURCE[4:]},
    )
    assert run(project, "extract", "-q").exit_code == 0
    assert (project / "locales/es-ES/p.po").is_file()
    checked = json.loads(run(project, "check", "--format", "json").output)
    assert [f for f in checked["findings"] if f["check"] == "locale-folder"] == []
    assert "locale" not in run(project, "extract").output


def test_memories_and_tmx_export_read_the_team_s_folder(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["pt-BR"]\n', "content/p.md": SOURCE})
    assert run(project, "extract", "-q").exit_code == 0
    (project / "locales/pt-BR").rename(project / "locales/pt_BR")
    fill(project / "locales/pt_BR/p.po", PT.__getitem__)
    # A second article with a known text takes it from the team's folder at extract.
    (project / "content/q.md").write_text("A first paragraph here.\n")
    assert run(project, "extract", "-q").exit_code == 0
    assert (
        read_po(project / "locales/pt_BR/q.po").find("A first paragraph here.").msgstr == PT["A first paragraph here."]
    )
    exported = run(project, "tm", "export", "-o", str(project / "memory.tmx"))
    assert exported.exit_code == 0, exported.output
    assert "Um primeiro parágrafo aqui." in (project / "memory.tmx").read_text(encoding="utf-8")
