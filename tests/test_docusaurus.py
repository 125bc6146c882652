"""A Docusaurus site in the docusaurus (MDX) dialect, in Docusaurus' own i18n folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, fill, msgfmt_check, read_po, run

SITE = REPO / "tests" / "sites" / "docusaurus-mdx"
OUTPUT = Path("i18n/fr/docusaurus-plugin-content-docs/current/tabs.mdx")


def _site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    assert run(root, "init").exit_code == 0
    return root


def test_mdx_texts_labels_and_admonitions_are_msgids_and_code_is_not(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "extract").exit_code == 0
    po = root / "locales" / "fr" / "docs" / "tabs.po"
    msgfmt_check(po)
    assert [entry.msgid for entry in read_po(po)] == [
        "Tabs",
        "Using tabs",
        "The current year is {new Date().getFullYear()} and this is prose.",
        "Apple",
        "This is an apple.",
        "Orange",
        "This is an orange.",
        "Your title",
        "Some **content** with _Markdown_ `syntax`.",
        "Old style title",
        "Tip body.",
    ]


def test_identity_is_byte_exact_and_a_translation_lands_in_the_i18n_folder(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "extract", "-q").exit_code == 0
    po = root / "locales" / "fr" / "docs" / "tabs.po"
    fill(po, lambda msgid: msgid)
    assert run(root, "merge", "-q").exit_code == 0
    assert (root / OUTPUT).read_bytes() == (root / "docs" / "tabs.mdx").read_bytes()
    fill(po, lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    page = (root / OUTPUT).read_text(encoding="utf-8")
    assert "import Tabs from '@theme/Tabs';\n" in page
    assert '<TabItem value="apple" label="FR Apple" default>' in page
    assert ":::note[FR Your title]\n\nFR Some **content**" in page
    assert "{/* A comment that is never shown */}\n" in page


def test_a_translation_that_changes_an_expression_is_held_back(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "extract", "-q").exit_code == 0
    fill(root / "locales" / "fr" / "docs" / "tabs.po", lambda msgid: msgid.replace("getFullYear()", "getYear()"))
    result = run(root, "check")
    assert result.exit_code == 1
    assert "dialect markup differ from the source" in result.output


def test_init_finds_a_docusaurus_site_its_locales_and_its_i18n_layout(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    result = run(root, "init")
    assert result.exit_code == 0, result.output
    assert (
        "docusaurus site found (docusaurus.config.js): dialect docusaurus, source en, targets fr, layout docusaurus"
        in result.output
    )
    text = (root / "translate-flow.toml").read_text(encoding="utf-8")
    assert 'dialect = "docusaurus"\n' in text and 'content_dir = "."\n' in text


def test_the_blog_is_translated_into_its_own_i18n_folder(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "extract", "-q").exit_code == 0
    po = root / "locales" / "fr" / "blog" / "2024-01-01-welcome.po"
    assert [entry.msgid for entry in read_po(po)] == [
        "Welcome",
        "The blog is translated too.",
        "An admonition without a title.",
    ]
    fill(po, lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    page = root / "i18n" / "fr" / "docusaurus-plugin-content-blog" / "2024-01-01-welcome.md"
    assert "FR The blog is translated too.\n\n<!-- truncate -->\n\n:::info\n\nFR An admonition" in page.read_text()
    # The translated pages are not sources: a second extract finds the same catalogs.
    assert run(root, "extract", "--check").exit_code == 0


def test_ui_strings_json_are_catalogs_of_their_own_written_into_each_locale(tmp_path: Path) -> None:
    root = _site(tmp_path)
    text = (root / "translate-flow.toml").read_text(encoding="utf-8")
    assert 'output = "folder"\n' in text and '"en/**/*.json" = ["*.message"]\n' in text
    assert run(root, "extract", "-q").exit_code == 0
    code = root / "locales" / "fr" / "_hugo" / "data" / "code.po"
    navbar = root / "locales" / "fr" / "_hugo" / "data" / "docusaurus-theme-classic" / "navbar.po"
    msgfmt_check(code, navbar)
    assert [entry.msgid for entry in read_po(code)] == ["Documentation that speaks your language", "note"]
    assert [entry.msgid for entry in read_po(navbar)] == ["Dialect test site", "Tutorial"]
    fill(code, lambda msgid: "FR " + msgid)
    fill(navbar, lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    written = (root / "i18n" / "fr" / "code.json").read_text(encoding="utf-8")
    source = (root / "i18n" / "en" / "code.json").read_text(encoding="utf-8")
    assert written == source.replace('"message": "', '"message": "FR ')
    assert (root / "i18n" / "fr" / "docusaurus-theme-classic" / "navbar.json").is_file()
    # The French strings are translations, never sources of their own.
    assert run(root, "extract", "--check").exit_code == 0
