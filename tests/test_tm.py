"""``tm export`` and ``tm import`` through the CLI, with real catalogs and Translate Toolkit as a second reader."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st
from translate.storage import tmx as toolkit_tmx

from tests.conftest import msgfmt_check, read_po, run, write_tree
from translate_flow.config import load_config
from translate_flow.steps.tm_export import export_memory
from translate_flow.steps.tm_import import import_memory
from translate_flow.tmx import xml_safe

_HEAD = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _translated(project: Path) -> None:
    """Extracted catalogs of two languages, with reviewed, fuzzy, empty, obsolete and plural entries."""
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr", "zh-CN"]\n',
            "content/a.md": "---\ntitle: Hello\n---\n\nOpen the file.\n\nStill a draft.\n\nNot done.\n",
            "content/b.md": "Open the file.\n",
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    for name, done in [
        ("fr/a", {"Hello": "Bonjour", "Open the file.": "Ouvrez le fichier.", "Still a draft.": "Brouillon"}),
        ("fr/b", {"Open the file.": "Ouvrez le fichier."}),
        ("zh-CN/a", {"Hello": "你好"}),
    ]:
        path = project / f"locales/{name}.po"
        po = read_po(path)
        for entry in po:
            entry.msgstr = done.get(entry.msgid, "")
            if entry.msgid == "Still a draft.":
                entry.flags.append("fuzzy")
            if entry.msgid == "Hello" and name == "fr/a":
                entry.tcomment = "A greeting."
        po.append(polib.POEntry(msgid="Gone.", msgstr="Parti.", obsolete=True))
        po.append(polib.POEntry(msgid="One", msgid_plural="Many", msgstr_plural={0: "Un", 1: "Des", 2: "Des"}))
        po.save(str(path))


def test_export_writes_reviewed_entries_with_references_as_translate_toolkit_reads_them(project: Path) -> None:
    _translated(project)
    result = run(project, "tm", "export", "-o", str(project / "memory.tmx"))
    assert result.exit_code == 0, result.output
    assert "3 reviewed entries left out: plural entries (TMX has no plural forms)" in result.output
    assert "exported: fr 2, zh-CN 1; 3 left out; 0 errors" in result.output
    data = (project / "memory.tmx").read_bytes()
    fr = toolkit_tmx.tmxfile(io.BytesIO(data), sourcelanguage="en", targetlanguage="fr")
    units = {u.source: u for u in fr.units if u.target is not None}
    assert {s: u.target for s, u in units.items()} == {"Hello": "Bonjour", "Open the file.": "Ouvrez le fichier."}
    assert units["Hello"].getnotes() == "A greeting."
    props = [p.text for p in units["Open the file."].xmlelement.iter("prop") if p.get("type") == "x-reference"]
    assert props == ["content/a.md:5", "content/b.md:1"]
    zh = toolkit_tmx.tmxfile(io.BytesIO(data), sourcelanguage="en", targetlanguage="zh-CN")
    assert [(u.source, u.target) for u in zh.units if u.target is not None] == [("Hello", "你好")]
    again = run(project, "tm", "export", "-o", str(project / "memory.tmx"))
    assert "wrote" not in again.output and (project / "memory.tmx").read_bytes() == data
    only = run(project, "tm", "export", "--lang", "zh_cn", "-o", str(project / "zh.tmx"))
    assert "exported: zh-CN 1;" in only.output and b'xml:lang="fr"' not in (project / "zh.tmx").read_bytes()


def test_an_import_reaches_extract_and_the_memory_engine_with_its_origin(project: Path, tmp_path: Path) -> None:
    _translated(project)
    assert run(project, "tm", "export", "-o", str(tmp_path / "memory.tmx")).exit_code == 0
    other = tmp_path / "other"
    write_tree(
        other,
        {
            "translate-flow.toml": 'languages = ["fr-FR"]\n',
            "content/c.md": "Hello\n\nOpen the file, now.\n\nSomething else entirely.\n",
        },
    )
    assert run(other, "extract", "-q").exit_code == 0
    result = run(other, "tm", "import", str(tmp_path / "memory.tmx"))
    assert result.exit_code == 0, result.output
    assert "1 units left out: language zh-CN, not a target of the project" in result.output
    memory = read_po(other / "locales/_memory/fr-FR.po")
    assert [(e.msgid, e.msgstr, e.comment, e.occurrences) for e in memory] == [
        ("Hello", "Bonjour", "from memory.tmx, unit 1 (line 6)", [("content/a.md", "2")]),
        (
            "Open the file.",
            "Ouvrez le fichier.",
            "from memory.tmx, unit 2 (line 12)",
            [("content/a.md", "5"), ("content/b.md", "1")],
        ),
    ]
    assert memory[0].tcomment == "A greeting."
    msgfmt_check(other / "locales/_memory/fr-FR.po")
    # The article is unchanged, yet extract looks again because the memory changed: exact is final.
    assert "wrote locales/fr-FR/c.po" in run(other, "extract").output
    po = {e.msgid: e for e in read_po(other / "locales/fr-FR/c.po")}
    assert (po["Hello"].msgstr, po["Hello"].fuzzy) == ("Bonjour", False)
    assert (po["Open the file, now."].msgstr, po["Open the file, now."].fuzzy) == ("Ouvrez le fichier.", True)
    # Importing the same file again changes nothing.
    assert "wrote" not in run(other, "tm", "import", str(tmp_path / "memory.tmx")).output


def test_the_memory_engine_drafts_from_the_imported_memory(project: Path, tmp_path: Path) -> None:
    (tmp_path / "m.tmx").write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>The cat sleeps on the warm sofa.</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Le chat dort sur le canapé chaud.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    write_tree(
        project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "The cat sleeps on the cold sofa.\n"}
    )
    assert run(project, "tm", "import", str(tmp_path / "m.tmx")).exit_code == 0
    assert run(project, "extract", "-q", "--force").exit_code == 0
    po = read_po(project / "locales/fr/a.po")
    [entry] = [e for e in po]
    # extract's look-up already took the close match (fuzzy, with the text it was made for).
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (
        "Le chat dort sur le canapé chaud.",
        True,
        "The cat sleeps on the warm sofa.",
    )
    entry.msgstr, entry.flags, entry.previous_msgid = "", [], None
    po.save(str(project / "locales/fr/a.po"))
    drafted = run(project, "pretranslate", "--engine", "memory")
    assert drafted.exit_code == 0 and "memory hits 1" in drafted.output
    assert read_po(project / "locales/fr/a.po")[0].msgstr == "Le chat dort sur le canapé chaud."


def test_bad_tmx_files_are_one_line(project: Path, tmp_path: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hi.\n"})
    (tmp_path / "bad.tmx").write_text("<tmx>\n<body>\n<tu>\n</body></tmx>\n")
    result = run(project, "tm", "import", str(tmp_path / "bad.tmx"))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'bad.tmx'}:4: invalid XML: mismatched tag" in result.output
    missing = run(project, "tm", "import", str(tmp_path / "none.tmx"))
    assert missing.exit_code == 1 and "none.tmx: cannot read: No such file or directory" in missing.output
    assert not (project / "locales/_memory").exists()


_MSG = st.text(st.characters(blacklist_categories=("Cs",)).filter(xml_safe), min_size=1, max_size=30)


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(st.tuples(st.none() | _MSG, _MSG), _MSG, min_size=1, max_size=8))
def test_export_then_import_gives_back_every_reviewed_entry(entries: dict[tuple[str | None, str], str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder, "a"), Path(folder, "b")
        for root in (first, second):
            write_tree(root, {"translate-flow.toml": 'languages = ["de"]\n', "content/x.md": "x\n"})
        po = polib.POFile(wrapwidth=0)
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de"}
        for (context, msgid), msgstr in entries.items():
            po.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr))
        (first / "locales/de").mkdir(parents=True)
        po.save(str(first / "locales/de/x.po"))
        tmx = Path(folder, "m.tmx")
        exported = export_memory(load_config(first), tmx)
        assert exported.ok and exported.units == {"de": len(entries)}
        imported = import_memory(load_config(second), tmx)
        assert imported.ok and imported.units == {"de": len(entries)}
        back = polib.pofile(str(second / "locales/_memory/de.po"))
        assert {(e.msgctxt, e.msgid): e.msgstr for e in back} == entries
