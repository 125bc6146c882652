"""merge never publishes an entry the validator refuses, and check reports exactly those."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import read_po, run, write_tree

SOURCE = (
    "---\ntitle: Guide\n---\n\n"
    "# Getting started\n\n"
    "Install the **tool** first.\n\n"
    "- Read the [manual](/manual).\n"
    "- Run `make` twice.\n\n"
    "| Option | Meaning |\n|---|---|\n| fast | Skips ~~checks~~ |\n"
)
GOOD = {
    "Guide": "Guide",
    "Getting started": "Premiers pas",
    "Install the **tool** first.": "Installez d'abord l'**outil**.",
    "Read the [manual](/manual).": "Lisez le [manuel](/manual).",
    "Run `make` twice.": "Lancez `make` deux fois.",
    "Option": "Option",
    "Meaning": "Sens",
    "fast": "rapide",
    "Skips ~~checks~~": "Saute les ~~vérifications~~",
}
# Each would change the page: a heading, broken bold, a new link target, a lost strikethrough.
BROKEN = {
    "Install the **tool** first.": "# Installez d'abord l'** outil**.",
    "Read the [manual](/manual).": "Lisez le [manuel](/fr/manual).",
    "Skips ~~checks~~": "Saute les vérifications",
}


def _project(project: Path, translations: dict[str, str], fuzzy: frozenset[str] = frozenset(), **config: str) -> Path:
    settings = "".join(f"{k} = {v}\n" for k, v in config.items())
    write_tree(project, {"translate-flow.toml": f'languages = ["fr"]\n{settings}', "content/a.md": SOURCE})
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fr/a.po"
    po = read_po(path)
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, GOOD[entry.msgid])
        if entry.msgid in fuzzy:
            entry.flags.append("fuzzy")
    po.save(str(path))
    return path


def _msgstr_line(path: Path, msgid: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"msgid {json.dumps(msgid, ensure_ascii=False)}")
    return start + 2  # the msgstr follows its one-line msgid


def _held(output: str) -> dict[int, str]:
    return {
        int(m.group(1)): m.group(2)
        for m in re.finditer(r"^locales/fr/a\.po:(\d+): not merged: (.+)$", output, re.MULTILINE)
    }


def test_a_broken_entry_keeps_the_source_text_and_is_named(project: Path) -> None:
    po_path = _project(project, BROKEN, min_percent="50")
    result = run(project, "merge")
    assert result.exit_code == 0, result.output
    held = _held(result.output)
    assert sorted(held) == sorted(_msgstr_line(po_path, msgid) for msgid in BROKEN)
    assert held[_msgstr_line(po_path, "Skips ~~checks~~")] == (
        "emphasis renders differently: strikethrough 1 in the source, 0 in the translation"
    )
    assert "3 translations held back" in result.output
    page = (project / "content/a.fr.md").read_text(encoding="utf-8")
    for msgid, broken in BROKEN.items():
        assert msgid in page and broken not in page
    assert "# Premiers pas" in page and "Lancez `make` deux fois." in page
    # A second, cached run says the same again.
    again = run(project, "merge")
    assert _held(again.output) == held and "3 translations held back" in again.output


def test_held_back_entries_count_as_untranslated(project: Path) -> None:
    _project(project, {}, min_percent="80")
    assert run(project, "merge", "-q").exit_code == 0
    good_page = (project / "content/a.fr.md").read_bytes()
    po_path = _project(project, BROKEN, min_percent="80")
    result = run(project, "merge")
    # 6 of 9 entries are usable: 67% is below 80%, so the good page already there stays.
    assert "not written: 67% translated" in result.output
    assert (project / "content/a.fr.md").read_bytes() == good_page
    assert len(_held(result.output)) == 3 and po_path.exists()


def test_check_reports_exactly_what_merge_holds_back(project: Path) -> None:
    # Fuzzy drafts too: `merge --include-fuzzy` would publish them, so check looks at them.
    po_path = _project(project, BROKEN, fuzzy=frozenset({"Skips ~~checks~~", "Run `make` twice."}), min_percent="0")
    merged = run(project, "merge", "--include-fuzzy")
    report = json.loads(run(project, "check", "--format", "json").output)
    broken = {(f["path"], f["line"]) for f in report["findings"] if f["category"] == "broken"}
    assert broken == {("locales/fr/a.po", line) for line in _held(merged.output)}
    assert len(broken) == 3
    # Without --include-fuzzy the fuzzy one is not merged at all, so not held back either.
    plain = run(project, "merge")
    assert len(_held(plain.output)) == 2 and po_path.exists()
