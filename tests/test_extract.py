"""extract: what becomes an entry, where PO files go, what their headers say, what is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import all_catalogs, fill, msgfmt_check, read_po, run, write_tree


def _msgids(path: Path) -> list[str]:
    return [e.msgid for e in read_po(path)]


def test_targets_come_from_translations_and_config_minus_own_language(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["zh-CN", "en"]\nsource_language = "en"\n',
            "content/a.md": "---\nlang: zh_CN\ntranslations: [fr, de]\n---\n\n你好。\n",
            "content/b.md": "---\ntranslations: es\n---\n\nHello.\n",
            "content/c.fr.md": "Bonjour.\n",
        },
    )
    assert run(project, "extract").exit_code == 0
    locales = project / "locales"
    found = sorted(p.relative_to(locales).as_posix() for p in locales.rglob("*.po"))
    assert found == ["de/a.po", "en/a.po", "en/c.fr.po", "es/b.po", "fr/a.po", "zh-CN/b.po", "zh-CN/c.fr.po"]
    assert sorted(p.name for p in (locales / "templates").iterdir()) == ["a.pot", "b.pot", "c.fr.pot"]
    header = read_po(locales / "en/a.po").metadata
    assert header["Language"] == "en" and header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    zh = read_po(locales / "zh-CN/b.po").metadata
    assert zh["Language"] == "zh_CN" and zh["Plural-Forms"] == "nplurals=1; plural=0;"
    assert zh["Content-Type"] == "text/plain; charset=UTF-8" and zh["X-Generator"].startswith("translate-flow ")
    msgfmt_check(*all_catalogs(project))


def test_translation_outputs_are_not_sources(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["en"]\n',
            "content/post.md": "---\nlang: zh-CN\n---\n\n原文。\n",
            "content/post.en.md": "---\nlang: en\n---\n\nThe translation.\n",
        },
    )
    assert run(project, "extract").exit_code == 0
    assert sorted(p.name for p in (project / "locales").rglob("*.po*")) == ["post.po", "post.pot"]
    assert _msgids(project / "locales/en/post.po") == ["原文。"]


def test_what_is_and_is_not_extracted(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\n[front_matter]\ntranslate = ["title", "params.sub"]\n',
            "content/a.md": (
                "---\ntitle: T\nsummary: not configured\nparams:\n  sub: S\n  other: O\nurl: /x/\n---\n\n"
                "中文第一行\n第二行\n\nEnglish line\nnext line\n\nSame text.\n\n- Same text.\n\n"
                "```\ncode\n```\n\n<pre>html</pre>\n\n<p>HTML <b>text</b></p>\n\n{{< shortcode >}}\n\nhttps://example.org/only-a-url\n\n"
                "| 1 | 2 |\n|---|---|\n| 3.5 | -- |\n"
            ),
        },
    )
    assert run(project, "extract").exit_code == 0
    po = read_po(project / "locales/fr/a.po")
    msgids = ["T", "S", "中文第一行第二行", "English line next line", "Same text.", "HTML <b>text</b>"]
    assert [e.msgid for e in po] == msgids
    same = po.find("Same text.")
    assert same.occurrences == [("content/a.md", "16"), ("content/a.md", "18")]
    assert same.comment == "paragraph\nlist item"
    assert po.find("T").comment == "front matter: title"
    assert po.find("HTML <b>text</b>").comment == "html p"
    assert po.find("S").occurrences == [("content/a.md", "5")]


def test_front_matter_keys_match_in_any_case_as_hugo_reads_them(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\n[front_matter]\ntranslate = ["linkTitle", "params.subTitle"]\n',
            "content/a.md": "---\nlinktitle: Short\nParams:\n  subtitle: Under it\n---\n\nBody.\n",
        },
    )
    assert run(project, "extract").exit_code == 0
    po = read_po(project / "locales/fr/a.po")
    assert [(e.msgid, e.comment) for e in po] == [
        ("Short", "front matter: linktitle"),
        ("Under it", "front matter: Params.subtitle"),
        ("Body.", "paragraph"),
    ]
    fill(project / "locales/fr/a.po", lambda m: {"Short": "Court", "Under it": "Dessous"}.get(m, "Corps."))
    assert run(project, "merge").exit_code == 0
    merged = (project / "content/a.fr.md").read_text(encoding="utf-8")
    assert merged == "---\nlinktitle: Court\nParams:\n  subtitle: Dessous\n---\n\nCorps.\n"


def test_reextract_keeps_translations_and_header_edits(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "One.\n\nTwo.\n\nThree.\n"})
    assert run(project, "extract").exit_code == 0
    path = project / "locales/fr/a.po"
    fill(path, lambda m: {"One.": "Un.", "Two.": "Deux.", "Three.": "Trois."}[m])
    po = read_po(path)
    po.metadata["Last-Translator"] = "Ana <ana@example.org>"
    po.find("Two.").tcomment = "checked with the author"
    po.save(str(path))
    (project / "content/a.md").write_text("One.\n\nTwo.\n\nA new third paragraph.\n")
    result = run(project, "extract")
    assert result.exit_code == 0 and "wrote locales/fr/a.po" in result.output
    po = read_po(path)
    assert {e.msgid: e.msgstr for e in po if not e.obsolete} == {
        "One.": "Un.",
        "Two.": "Deux.",
        "A new third paragraph.": "",
    }
    assert [(e.msgid, e.msgstr) for e in po.obsolete_entries()] == [("Three.", "Trois.")]
    assert po.metadata["Last-Translator"] == "Ana <ana@example.org>"
    assert po.find("Two.").tcomment == "checked with the author"
    msgfmt_check(path)


def test_extract_twice_changes_nothing(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr", "de"]\n', "content/x/a.md": "Hello.\n"})
    assert run(project, "extract").exit_code == 0
    catalogs = all_catalogs(project)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in catalogs}
    result = run(project, "extract")
    assert result.exit_code == 0
    assert "0 written, 3 unchanged" in result.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in all_catalogs(project)} == before
    assert not [p for p in project.rglob("*") if p.name.endswith(".tmp")]


def test_paths_argument_limits_the_run(project: Path) -> None:
    write_tree(
        project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a/x.md": "X.\n", "content/b/y.md": "Y.\n"}
    )
    assert run(project, "extract", str(project / "content/a")).exit_code == 0
    assert (project / "locales/fr/a/x.po").exists() and not (project / "locales/fr/b").exists()


def test_a_clone_under_another_folder_name_is_up_to_date(project: Path) -> None:
    """project_name defaults to the folder's name; a CI checkout or a contributor's clone
    under another name must not find every catalog stale."""
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "# Title\n\nText.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    clone = project.parent / "somewhere-else"
    shutil.copytree(project, clone)
    result = run(clone, "extract", "--check")
    assert result.exit_code == 0, result.output
    assert "0 written" in run(clone, "extract").output
