"""Never lose a translator's work: what every kind of source change does to the PO file."""

from __future__ import annotations

from pathlib import Path

import polib

from tests.conftest import all_catalogs, fill, msgfmt_check, read_po, run, write_tree

PARAS = [
    "The library opens at nine every morning.",
    "Members can borrow up to ten books at a time.",
    "Returns go in the box beside the front door.",
    "The reading room is quiet after six in the evening.",
]
FR = {
    PARAS[0]: "La bibliothèque ouvre à neuf heures chaque matin.",
    PARAS[1]: "Les membres peuvent emprunter dix livres à la fois.",
    PARAS[2]: "Les retours vont dans la boîte près de la porte.",
    PARAS[3]: "La salle de lecture est calme après dix-huit heures.",
}


def _setup(project: Path, paras: list[str]) -> Path:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "\n\n".join(paras) + "\n"})
    assert run(project, "extract").exit_code == 0
    po = project / "locales/fr/a.po"
    fill(po, lambda m: FR[m])
    return po


def _edit(project: Path, paras: list[str], *args: str) -> polib.POFile:
    (project / "content/a.md").write_text("\n\n".join(paras) + "\n")
    result = run(project, "extract", *args)
    assert result.exit_code == 0, result.output
    msgfmt_check(*all_catalogs(project))
    return read_po(project / "locales/fr/a.po")


def _live(po: polib.POFile) -> list[tuple[str, str, bool, str | None]]:
    return [(e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid) for e in po if not e.obsolete]


def test_edited_paragraph_becomes_fuzzy_with_previous_msgid(project: Path) -> None:
    po_path = _setup(project, PARAS)
    edited = "Members can borrow up to twelve books at a time."
    po = _edit(project, [PARAS[0], edited, PARAS[2], PARAS[3]])
    assert _live(po) == [
        (PARAS[0], FR[PARAS[0]], False, None),
        (edited, FR[PARAS[1]], True, PARAS[1]),
        (PARAS[2], FR[PARAS[2]], False, None),
        (PARAS[3], FR[PARAS[3]], False, None),
    ]
    assert po.obsolete_entries() == []
    text = po_path.read_text()
    # Exactly what msgmerge --previous writes.
    assert f'#, fuzzy\n#| msgid "{PARAS[1]}"\nmsgid "{edited}"\nmsgstr "{FR[PARAS[1]]}"' in text


def test_cjk_edit_is_matched_by_characters(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["en"]\n',
            "content/a.md": "---\nlang: zh-CN\n---\n\n图书馆每天早上九点开门。\n",
        },
    )
    assert run(project, "extract").exit_code == 0
    fill(project / "locales/en/a.po", lambda m: "The library opens at nine.")
    (project / "content/a.md").write_text("---\nlang: zh-CN\n---\n\n图书馆每天早上八点开门。\n")
    assert run(project, "extract").exit_code == 0
    entry = read_po(project / "locales/en/a.po")[0]
    assert (entry.msgid, entry.msgstr, entry.flags, entry.previous_msgid) == (
        "图书馆每天早上八点开门。",
        "The library opens at nine.",
        ["fuzzy"],
        "图书馆每天早上九点开门。",
    )


def test_inserted_paragraph_is_empty_and_others_keep_theirs(project: Path) -> None:
    _setup(project, PARAS)
    new = "Printing costs ten cents a page."
    po = _edit(project, [PARAS[0], new, *PARAS[1:]])
    assert _live(po)[1] == (new, "", False, None)
    assert [e[1] for e in _live(po)] == [FR[PARAS[0]], "", FR[PARAS[1]], FR[PARAS[2]], FR[PARAS[3]]]


def test_deleted_paragraph_becomes_obsolete_and_is_revived(project: Path) -> None:
    po_path = _setup(project, PARAS)
    po = _edit(project, [PARAS[0], PARAS[1], PARAS[3]])
    assert [(e.msgid, e.msgstr) for e in po.obsolete_entries()] == [(PARAS[2], FR[PARAS[2]])]
    assert f'#~ msgid "{PARAS[2]}"\n#~ msgstr "{FR[PARAS[2]]}"' in po_path.read_text()
    po = _edit(project, PARAS)
    assert _live(po) == [(p, FR[p], False, None) for p in PARAS]
    assert po.obsolete_entries() == []


def test_reverted_paragraph_comes_back_fuzzy_if_it_differs(project: Path) -> None:
    _setup(project, PARAS)
    _edit(project, [PARAS[0], PARAS[1], PARAS[3]])
    close = "Returns go in the box beside the back door."
    po = _edit(project, [PARAS[0], PARAS[1], close, PARAS[3]])
    assert _live(po)[2] == (close, FR[PARAS[2]], True, PARAS[2])


def test_moved_paragraph_keeps_its_translation(project: Path) -> None:
    _setup(project, PARAS)
    po = _edit(project, [PARAS[3], PARAS[0], PARAS[1], PARAS[2]])
    assert _live(po) == [(p, FR[p], False, None) for p in [PARAS[3], *PARAS[:3]]]


def test_paragraph_moved_to_another_article_keeps_its_translation(project: Path) -> None:
    _setup(project, PARAS)
    (project / "content/a.md").write_text("\n\n".join(PARAS[:3]) + "\n")
    (project / "content/b.md").write_text(PARAS[3] + "\n\nA brand new sentence about the garden.\n")
    assert run(project, "extract").exit_code == 0
    b = read_po(project / "locales/fr/b.po")
    assert _live(b) == [
        (PARAS[3], FR[PARAS[3]], False, None),
        ("A brand new sentence about the garden.", "", False, None),
    ]


def test_no_obsolete_drops_removed_texts(project: Path) -> None:
    _setup(project, PARAS)
    po = _edit(project, PARAS[:2], "--no-obsolete")
    assert po.obsolete_entries() == []
    assert len(_live(po)) == 2


def test_poedit_style_file_keeps_everything(project: Path) -> None:
    po_path = _setup(project, PARAS)
    po = read_po(po_path, wrapwidth=20)
    po.metadata["X-Poedit-SourceCharset"] = "UTF-8"
    po.metadata["Last-Translator"] = "Ana <ana@example.org>"
    po[2].tcomment = "ask the author"
    entries = list(po)
    po[:] = list(reversed(entries))
    po.save(str(po_path))  # re-wrapped at 20 columns, entries in another order, extra header
    assert "\n" in po_path.read_text().split("msgid")[2]
    # Unchanged sources are skipped, so a translator's save is left as it is...
    assert run(project, "extract").exit_code == 0
    assert read_po(po_path)[0].msgid == PARAS[3]
    # ...until the catalog is rebuilt, which reads it correctly.
    po = _edit(project, PARAS, "--force")
    assert _live(po) == [(p, FR[p], False, None) for p in PARAS]
    assert (
        po.metadata["X-Poedit-SourceCharset"] == "UTF-8" and po.metadata["Last-Translator"] == "Ana <ana@example.org>"
    )
    assert po.find(PARAS[2]).tcomment == "ask the author"
    assert max(len(line) for line in po_path.read_text().splitlines()) > 40  # our wrap (none) again


def test_wrap_setting(project: Path) -> None:
    write_tree(
        project,
        {"translate-flow.toml": 'languages = ["fr"]\nwrap = 40\n', "content/a.md": PARAS[1] + " " + PARAS[2] + "\n"},
    )
    assert run(project, "extract").exit_code == 0
    lines = (project / "locales/fr/a.po").read_text().splitlines()
    body = [line for line in lines if line.startswith('"') and "Plural" not in line and ": " not in line]
    assert body and all(len(line) <= 40 for line in body)


def test_unchanged_articles_are_not_parsed_again(project: Path, parsed_articles: list[str]) -> None:
    files = {f"content/p{i}.md": f"---\ntitle: Post {i}\n---\n\nText number {i}.\n" for i in range(5)}
    write_tree(project, {"translate-flow.toml": 'languages = ["fr", "de"]\n', **files})
    assert run(project, "extract").exit_code == 0
    calls = parsed_articles
    calls.clear()
    result = run(project, "extract")
    assert "0 written, 15 unchanged (5 articles unchanged since last run)" in result.output
    assert calls == []
    (project / "content/p3.md").write_text("---\ntitle: Post 3\n---\n\nText number three.\n")
    result = run(project, "extract")
    assert calls == ["content/p3.md"]
    assert "3 written" in result.output
    calls.clear()
    assert "15 unchanged" in run(project, "extract", "--force").output
    assert len(calls) == 5
    (project / "locales/de/p1.po").unlink()
    assert "wrote locales/de/p1.po" in run(project, "extract").output


def test_extract_check(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello.\n"})
    result = run(project, "extract", "--check")
    assert result.exit_code == 1
    assert "would change locales/fr/a.po" in result.output and "would change locales/templates/a.pot" in result.output
    assert not (project / "locales/fr/a.po").exists()
    assert run(project, "extract").exit_code == 0
    assert run(project, "extract", "--check").exit_code == 0
    (project / "content/a.md").write_text("Hello again.\n")
    stamp = (project / "locales/fr/a.po").stat().st_mtime_ns
    result = run(project, "extract", "--check")
    assert result.exit_code == 1 and "would change locales/fr/a.po" in result.output
    assert (project / "locales/fr/a.po").stat().st_mtime_ns == stamp
