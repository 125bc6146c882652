"""Adopting a site that is already translated: its human pages stay pages, never sources.

Small copies of two real situations: a Hextra-like site (post.md with post.fa.md,
post.ja.md, post.zh-cn.md written by people) run with `languages = ["es"]`, and a
Docsy-like site (content/en, content/fa, content/no) whose Norwegian folder holds
pages that exist nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import fill, project_tree, run, write_tree
from translate_flow.config import load_config

_HEXTRA_HUGO = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fa]
weight = 2
[languages.ja]
weight = 3
[languages.zh-cn]
languageCode = "zh-CN"
weight = 4
"""

_HUMAN = {
    "content/_index.fa.md": "# خانه\n\nمتن فارسی.\n",
    "content/_index.ja.md": "# ホーム\n\n日本語の本文。\n",
    "content/_index.zh-cn.md": "# 首页\n\n中文正文。\n",
    "content/docs/guide.fa.md": "راهنما.\n",
    "content/docs/guide.ja.md": "ガイド。\n",
    "content/docs/guide.zh-cn.md": "指南。\n",
}


def _hextra(root: Path) -> None:
    write_tree(
        root,
        {
            "hugo.toml": _HEXTRA_HUGO,
            "translate-flow.toml": 'languages = ["es"]\n',
            "content/_index.md": "# Home\n\nEnglish text.\n",
            "content/docs/guide.md": "The guide.\n",
            **_HUMAN,
        },
    )


def test_a_new_target_leaves_the_human_pages_alone(project: Path) -> None:
    _hextra(project)
    extracted = run(project, "extract")
    assert extracted.exit_code == 0, extracted.output
    assert "error:" not in extracted.output
    assert sorted(p.name for p in (project / "locales").iterdir() if not p.name.startswith(".")) == ["es", "templates"]
    fill(project / "locales/es/_index.po", lambda msgid: f"ES {msgid}")
    fill(project / "locales/es/docs/guide.po", lambda msgid: f"ES {msgid}")
    merged = run(project, "merge")
    assert merged.exit_code == 0, merged.output
    assert (project / "content/_index.es.md").read_text() == "# ES Home\n\nES English text.\n"
    assert (project / "content/docs/guide.es.md").is_file()
    tree = project_tree(project)
    assert {rel: tree[rel].decode() for rel in _HUMAN} == _HUMAN
    checked = run(project, "check")
    assert checked.exit_code == 0, checked.output


def test_init_with_a_new_language_keeps_the_site_languages(project: Path) -> None:
    _hextra(project)
    (project / "translate-flow.toml").unlink()
    result = run(project, "init", "--language", "es")
    assert result.exit_code == 0, result.output
    assert "kept the site's languages fa, ja, zh-CN" in result.output
    assert load_config(project).languages == ("fa", "ja", "zh-CN", "es")
    extracted = run(project, "extract")
    assert extracted.exit_code == 0 and "error:" not in extracted.output, extracted.output
    assert {rel: project_tree(project)[rel].decode() for rel in _HUMAN} == _HUMAN


def test_init_without_languages_says_nothing_of_keeping(project: Path) -> None:
    _hextra(project)
    (project / "translate-flow.toml").unlink()
    result = run(project, "init")
    assert result.exit_code == 0 and "kept" not in result.output
    assert load_config(project).languages == ("fa", "ja", "zh-CN")


_DOCSY_HUGO = """\
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
weight = 1
[languages.fa]
contentDir = "content/fa"
weight = 2
[languages.no]
contentDir = "content/no"
weight = 3
"""


def test_pages_only_in_another_language_folder_are_one_notice(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": _DOCSY_HUGO,
            "translate-flow.toml": 'languages = ["es", "fa"]\n',
            "content/en/about.md": "About us.\n",
            "content/fa/about.md": "درباره ما.\n",
            "content/no/about.md": "Om oss.\n",
            "content/no/blog/one.md": "Bare norsk.\n",
            "content/no/blog/two.md": "Også bare norsk.\n",
        },
    )
    before = project_tree(project)
    extracted = run(project, "extract")
    assert extracted.exit_code == 0, extracted.output
    lines = [line for line in extracted.output.splitlines() if "not a source" in line]
    assert lines == [
        (
            "content/no: not a source: 2 pages exist only in this language's folder, not in content/en "
            "(content/no/blog/one.md, content/no/blog/two.md); left as they are"
        )
    ]
    assert "error:" not in extracted.output
    catalogs = sorted(p.relative_to(project).as_posix() for p in (project / "locales").rglob("*.po*"))
    assert catalogs == ["locales/es/about.po", "locales/fa/about.po", "locales/templates/about.pot"]
    merged = run(project, "merge")
    assert merged.exit_code == 0, merged.output
    after = project_tree(project)
    assert {rel: after[rel] for rel in before if rel.startswith("content/")} == {
        rel: data for rel, data in before.items() if rel.startswith("content/")
    }
    assert not (project / "content/es/blog").exists()


def test_sync_reports_the_notice_once(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": _DOCSY_HUGO,
            "translate-flow.toml": 'languages = ["fa"]\n',
            "content/en/about.md": "About us.\n",
            "content/no/only.md": "Bare norsk.\n",
        },
    )
    result = run(project, "sync")
    assert result.exit_code == 0, result.output
    assert result.output.count("not a source") == 1


def _drafts_site(root: Path, exclude: str = "") -> None:
    write_tree(
        root,
        {
            "translate-flow.toml": f'languages = ["fr"]\n{exclude}',
            "content/a.md": "Kept.\n",
            "content/drafts/b.md": "Draft.\n",
            "content/_notes.md": "Notes.\n",
        },
    )


def test_exclude_in_the_config_keeps_files_and_folders_out(project: Path) -> None:
    _drafts_site(project, 'exclude = ["content/drafts", "content/**/_*.md"]\n')
    assert run(project, "extract").exit_code == 0
    pots = sorted(p.name for p in (project / "locales/templates").rglob("*.pot"))
    assert pots == ["a.pot"]
    status = run(project, "status", "--format", "json")
    assert status.exit_code == 0 and "drafts" not in status.output and "_notes" not in status.output


def test_exclude_option_adds_to_the_config(project: Path) -> None:
    _drafts_site(project, 'exclude = ["content/drafts"]\n')
    assert run(project, "extract", "--exclude", "content/_notes.md").exit_code == 0
    assert sorted(p.name for p in (project / "locales/templates").rglob("*.pot")) == ["a.pot"]
    fill(project / "locales/fr/a.po", lambda msgid: "Gardé.")
    merged = run(project, "merge", "--exclude", "content/_notes.md")
    assert merged.exit_code == 0, merged.output
    assert (project / "content/a.fr.md").read_text() == "Gardé.\n"
    for command in ("check", "status", "pretranslate", "sync"):
        result = run(project, command, "--exclude", "content/_notes.md")
        assert result.exit_code == 0, (command, result.output)
        assert "_notes" not in result.output, command
    assert not (project / "locales/fr/_notes.po").exists()


def test_a_bad_exclude_option_is_one_line_and_exit_2(project: Path) -> None:
    _drafts_site(project)
    result = run(project, "extract", "--exclude", "/etc/**")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: --exclude: '/etc/**' must be relative to the project root, without '..'"
    ]
