"""Editor-proof files: a catalog an editor or msgcat wrapped keeps its wrapping through extract.

Poedit and msgcat wrap at 79 columns. After a source change, extract must change only
the entries that changed (and the header's POT-Creation-Date, as msgmerge does), not
rewrap the whole file; and the header fields an editor maintains stay as the editor left them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import msgfmt_check, need_tool, read_po, run, write_tree

PARAS = [
    (
        "The library opens at nine every morning, and the reading room stays open until the last visitor "
        "has found what they came for, which on Saturdays can be well after six."
    ),
    (
        "Members can borrow up to ten books at a time; the full rules, with the fees for late returns, are at "
        "https://library.example.org/rules/borrowing-and-returns-for-members-and-visitors.html for everyone."
    ),
    'Returns go in the box beside the front door: "please do not leave books on the steps", the sign says.',
    "The reading room is quiet after six in the evening.",
]
EDITED = PARAS[1].replace("ten books", "twelve books")
FR = {
    PARAS[0]: "La bibliothèque ouvre à neuf heures chaque matin, et la salle de lecture reste ouverte "
    "jusqu'à ce que le dernier visiteur ait trouvé ce qu'il cherchait, ce qui le samedi peut être bien après six heures.",
    PARAS[1]: "Les membres peuvent emprunter jusqu'à dix livres à la fois ; les règles complètes, avec les frais "
    "de retard, sont sur https://library.example.org/rules/borrowing-and-returns-for-members-and-visitors.html pour tous.",
    PARAS[2]: "Les retours vont dans la boîte près de la porte : « merci de ne pas laisser de livres sur les "
    "marches », dit le panneau.",
    PARAS[3]: "La salle de lecture est calme après dix-huit heures.",
}
JA = {
    PARAS[0]: "図書館は毎朝九時に開館し、閲覧室は最後の来館者が探しているものを見つけるまで開いています。"
    "土曜日は六時をかなり過ぎることもあります。",
    PARAS[1]: "会員は一度に十冊まで借りることができます。延滞料金を含む詳しい規則は"
    "https://library.example.org/rules/borrowing-and-returns-for-members-and-visitors.html にあります。",
    PARAS[2]: "返却は正面玄関横のボックスへ。「階段に本を置かないでください」と看板に書いてあります。",
    PARAS[3]: "夕方六時以降、閲覧室は静かです。",
}
EDITOR_HEADER = {
    "Last-Translator": "Ana Lima <ana@example.org>",
    "Language-Team": "French <fr@example.org>",
    "X-Generator": "Poedit 3.4.2",
}


def _translate(project: Path) -> dict[str, Path]:
    write_tree(
        project, {"translate-flow.toml": 'languages = ["fr", "ja"]\n', "content/a.md": "\n\n".join(PARAS) + "\n"}
    )
    assert run(project, "extract").exit_code == 0
    catalogs = {"fr": project / "locales/fr/a.po", "ja": project / "locales/ja/a.po"}
    for language, texts in (("fr", FR), ("ja", JA)):
        po = read_po(catalogs[language], wrapwidth=0)
        for entry in po:
            entry.msgstr = texts.get(entry.msgid, entry.msgid)
            if entry.msgid == PARAS[1]:
                entry.tcomment = 'Ana: "livres" stays plural here'
        po.metadata.update(EDITOR_HEADER)
        po.save(str(catalogs[language]))
    return catalogs


def _msgcat(path: Path, width: int | None) -> None:
    """Save ``path`` as msgcat does (as Poedit would), in place."""
    options = [] if width is None else [f"--width={width}"]
    done = subprocess.run(
        [need_tool("msgcat"), *options, "-o", str(path), str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def _blocks(data: bytes) -> list[str]:
    return data.decode("utf-8").split("\n\n")


@pytest.mark.parametrize("width", [None, 79, 60, 100, 20])
def test_an_edited_source_changes_only_its_entry_in_a_wrapped_catalog(project: Path, width: int | None) -> None:
    catalogs = _translate(project)
    for path in catalogs.values():
        _msgcat(path, width)
    before = {language: path.read_bytes() for language, path in catalogs.items()}
    # The files really are wrapped (the long paragraphs need it at every width tried).
    assert all(b'msgid ""\n"' in data for data in before.values())
    # Re-extracting unchanged sources rewrites nothing.
    assert run(project, "extract", "--force").exit_code == 0
    assert {language: path.read_bytes() for language, path in catalogs.items()} == before

    (project / "content/a.md").write_text("\n\n".join([PARAS[0], EDITED, *PARAS[2:]]) + "\n")
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    msgfmt_check(*catalogs.values())

    for language, path in catalogs.items():
        after = path.read_bytes()
        old, new = _blocks(before[language]), _blocks(after)
        assert len(old) == len(new)
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        # The edited paragraph's entry, nothing else (the tests pin the date, so the
        # header's POT-Creation-Date, which a change moves, stays too).
        assert changed == [2], language
        # The file is still laid out exactly as msgcat lays it out at that width.
        copy = path.with_suffix(".copy.po")
        copy.write_bytes(after)
        _msgcat(copy, width)
        assert copy.read_bytes() == after
        po = read_po(path, wrapwidth=0)
        entry = po.find(EDITED)
        assert entry is not None and entry.fuzzy and entry.previous_msgid == PARAS[1]
        assert entry.tcomment == 'Ana: "livres" stays plural here'
        assert {key: po.metadata[key] for key in EDITOR_HEADER} == EDITOR_HEADER


def test_a_set_width_applies_to_every_catalog(project: Path) -> None:
    catalogs = _translate(project)
    _msgcat(catalogs["fr"], 100)
    (project / "translate-flow.toml").write_text('languages = ["fr", "ja"]\nwrap = 0\n')
    assert run(project, "extract").exit_code == 0
    text = catalogs["fr"].read_text(encoding="utf-8")
    # wrap = 0, set explicitly: one line per string again, whatever the file had.
    assert f'msgid "{PARAS[0]}"' in text
    assert read_po(catalogs["fr"]).find(PARAS[0]).msgstr == FR[PARAS[0]]  # type: ignore[union-attr]


def test_an_unwrapped_catalog_stays_unwrapped(project: Path) -> None:
    catalogs = _translate(project)
    (project / "content/a.md").write_text("\n\n".join([PARAS[0], EDITED, *PARAS[2:]]) + "\n")
    assert run(project, "extract").exit_code == 0
    text = catalogs["ja"].read_text(encoding="utf-8")
    assert f'msgstr "{JA[PARAS[0]]}"' in text and f'msgid "{EDITED}"' in text
    assert polib.pofile(str(catalogs["ja"])).metadata["X-Generator"] == "Poedit 3.4.2"


def test_machine_drafts_keep_the_wrapping_too(project: Path) -> None:
    config = 'languages = ["fr"]\n[pretranslate]\nengines = ["shout"]\n[engines.shout]\nclass = "tests.plugin_engine:ShoutEngine"\n'
    write_tree(project, {"translate-flow.toml": config, "content/a.md": "\n\n".join(PARAS) + "\n"})
    assert run(project, "extract").exit_code == 0
    path = project / "locales/fr/a.po"
    po = read_po(path, wrapwidth=0)
    for entry in po:
        entry.msgstr = FR[entry.msgid] if entry.msgid != PARAS[0] else ""
    po.save(str(path))
    _msgcat(path, None)
    before = path.read_bytes()
    result = run(project, "pretranslate")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    changed = [i for i, (a, b) in enumerate(zip(_blocks(before), _blocks(after), strict=True)) if a != b]
    assert changed == [1]  # the drafted entry only
    copy = path.with_suffix(".copy.po")
    copy.write_bytes(after)
    _msgcat(copy, None)
    assert copy.read_bytes() == after
