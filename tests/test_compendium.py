"""Compendiums through the CLI: one per language, read by extract as msgmerge -C reads them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

from tests.conftest import msgfmt_check, need_tool, read_po, run, write_tree

_HEAD = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
_ARTICLE = (
    "Open the file.\n\nOpen the file now please.\n\nA draft only.\n\nTwo answers.\n\nNothing like it at all here.\n"
)
_FR = _HEAD + (
    'msgid "Open the file."\nmsgstr "Ouvrez le fichier."\n\n'
    'msgid "Open the file now, please."\nmsgstr "Ouvrez le fichier maintenant."\n\n'
    '#, fuzzy\nmsgid "A draft only."\nmsgstr "Un brouillon."\n'
)
_ZH = _HEAD + 'msgid "Open the file."\nmsgstr "打开文件。"\n'


def _msgcat(project: Path) -> None:
    """tm/fr.po gains an entry msgcat merged from two files that disagree."""
    msgcat = need_tool("msgcat")
    a = write_tree(project, {"a.po": _HEAD + 'msgid "Two answers."\nmsgstr "Deux A."\n'}) / "a.po"
    b = write_tree(project, {"b.po": _HEAD + 'msgid "Two answers."\nmsgstr "Deux B."\n'}) / "b.po"
    merged = subprocess.run([msgcat, a.name, b.name], cwd=project, capture_output=True, text=True, check=True).stdout
    assert "#-#-#-#-#  a.po  #-#-#-#-#" in merged
    body = merged.split("\n\n", 1)[1]
    (project / "tm/fr.po").write_text(_FR + "\n" + body, encoding="utf-8")


def _site(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr", "zh-CN"]\n[engines.memory]\ncompendium = "tm/{lang}.po"\n',
            "content/a.md": _ARTICLE,
            "tm/zh-CN.po": _ZH,
        },
    )
    _msgcat(project)


def _state(po: polib.POFile) -> dict[str, tuple[str, bool, str | None]]:
    return {e.msgid: (e.msgstr, e.fuzzy, e.previous_msgid) for e in po if not e.obsolete}


def test_extract_fills_as_msgmerge_C_does_except_msgcat_conflicts(project: Path) -> None:
    _site(project)
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    ours = _state(read_po(project / "locales/fr/a.po"))
    msgmerge = need_tool("msgmerge")
    done = subprocess.run(
        [msgmerge, "--quiet", "--previous", "-C", "tm/fr.po", "/dev/null", "locales/templates/a.pot"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = _state(polib.pofile(done.stdout))
    # The one difference: msgmerge copies msgcat's alternatives with their file-name lines;
    # they are no translation, so the entry stays empty.
    assert theirs.pop("Two answers.")[0].startswith("#-#-#-#-#  a.po  #-#-#-#-#")
    assert ours.pop("Two answers.") == ("", False, None)
    assert ours == theirs
    assert ours["Open the file."] == ("Ouvrez le fichier.", False, None)
    assert ours["Open the file now please."] == ("Ouvrez le fichier maintenant.", True, "Open the file now, please.")
    assert ours["A draft only."] == ("Un brouillon.", True, None)
    msgfmt_check(project / "locales/fr/a.po", project / "locales/zh-CN/a.po")


def test_each_language_gets_only_its_own_compendium(project: Path) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    zh = _state(read_po(project / "locales/zh-CN/a.po"))
    assert zh["Open the file."] == ("打开文件。", False, None)
    assert {msgstr for msgstr, _, _ in zh.values()} == {"", "打开文件。"}
    drafted = run(project, "pretranslate", "--engine", "memory", "--lang", "zh-CN")
    assert drafted.exit_code == 0, drafted.output
    # Before, the French compendium drafted every zh-CN entry; now nothing French gets there.
    after = _state(read_po(project / "locales/zh-CN/a.po"))
    assert {msgstr for msgstr, _, _ in after.values()} <= {"", "打开文件。"}


def test_a_changed_compendium_reaches_catalogs_of_unchanged_articles(project: Path) -> None:
    _site(project)
    assert run(project, "extract", "-q").exit_code == 0
    write_tree(project, {"tm/zh-CN.po": _ZH + '\nmsgid "Nothing like it at all here."\nmsgstr "完全不同。"\n'})
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    assert "wrote locales/zh-CN/a.po" in result.output and "locales/fr/a.po" not in result.output
    assert _state(read_po(project / "locales/zh-CN/a.po"))["Nothing like it at all here."] == (
        "完全不同。",
        False,
        None,
    )
    assert "wrote" not in run(project, "extract").output


def test_one_file_for_two_languages_is_a_usage_error_naming_the_line(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr", "zh-CN"]\n\n[engines.memory]\ncompendium = "tm/fr.po"\n',
            "content/a.md": _ARTICLE,
            "tm/fr.po": _FR,
        },
    )
    result = run(project, "extract")
    assert result.exit_code == 2
    assert (
        f"{project.resolve() / 'translate-flow.toml'}:4: 'engines.memory.compendium': one file cannot serve"
        in result.output
    )
    assert not (project / "locales").exists()
