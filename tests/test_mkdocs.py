"""A Material for MkDocs site from init to merge, read in the mkdocs dialect.

The site under tests/sites/mkdocs-material uses every construct the dialect knows:
admonitions and details (titled, untitled, nested), content tabs, icons, keys, an
attribute list, a snippet line, a definition list, abbreviations and an md_in_html grid.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import REPO, fill, msgfmt_check, read_po, run
from translate_flow.config.load import load_config

SITE = REPO / "tests" / "sites" / "mkdocs-material"
FOLDER_SITE = REPO / "tests" / "sites" / "mkdocs-folder"

# Every visible prose text of docs/index.md, as Python-Markdown with Material's extensions shows it.
EXPECTED = {
    "Getting started",
    "Material for MkDocs is a theme. Press ++ctrl+c++ to copy.",
    "Material for MkDocs is in maintenance mode",
    "The body of the warning is **prose** to translate. It has two lines.",
    "a list item inside",
    "another one",
    "Note",
    "Collapsed body text.",
    "Open tip",
    "Body right after the opener.",
    "Nested",
    "Nested body text.",
    "Other tab",
    "Text of the other tab.",
    "[Get started](#)",
    "Apple",
    "Pomaceous fruit of plants of the genus Malus in the family Rosaceae.",
    "The HTML specification is maintained by the W3C.",
    "Read the [setup guide] and the [Reference Pages][] before you [begin][setup guide].",
    "Hyper Text Markup Language",
    "World Wide Web Consortium",
    "__Set up in 5 minutes__",
    "Install with pip and get up and running.",
    "Some `code` :smile: here.",
    "Example",
    "Listed",
    "Body of the listed tab.",
    "Whether the plugin runs when the site is built.",
    "On a build server",
    "Fetch the whole history.",
    "Spaced tab",
    "Body of the spaced tab.",
    "Abstract",
    "Summary of the type.",
    "Method",
    "Description",
    "Fetch resource",
}
# Dialect syntax that no msgid may hold (keys and an icon inside a sentence are words of it).
DIALECT_SYNTAX = re.compile(r"^(?:!!!|\?\?\?|===|:[a-z][\w-]*:|\*\[)|\{[: ]*[.#]|--8<--|^:\s|[^ ]\s*$\n?^:")


def _site(tmp_path: Path, source: Path = SITE) -> Path:
    root = tmp_path / "site"
    shutil.copytree(source, root)
    return root


def test_init_reads_the_dialect_docs_dir_and_languages_from_mkdocs_yml(tmp_path: Path) -> None:
    root = _site(tmp_path)
    result = run(root, "init")
    assert result.exit_code == 0, result.output
    assert "mkdocs site found (mkdocs.yml): dialect mkdocs, source en, targets fr, layout filename" in result.output
    config = load_config(root)
    assert (config.dialect, config.content_dir, config.layout) == ("mkdocs", "docs", "filename")
    assert (config.source_language, config.languages) == ("en", ("fr",))
    assert config.math.dialect.name == "mkdocs"


def test_every_visible_text_is_a_msgid_and_none_holds_dialect_syntax(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "init").exit_code == 0
    result = run(root, "extract")
    assert result.exit_code == 0, result.output
    po = root / "locales" / "fr" / "index.po"
    msgfmt_check(po)
    msgids = {entry.msgid for entry in read_po(po)}
    assert msgids == EXPECTED
    assert [m for m in msgids if DIALECT_SYNTAX.search(m)] == []
    kinds = {entry.msgid: entry.comment for entry in read_po(po)}
    assert kinds["Collapsed body text."] == "admonition"
    assert kinds["Note"] == "admonition default title"
    assert kinds["Other tab"] == "content tab title"
    assert kinds["Hyper Text Markup Language"] == "abbreviation"
    assert kinds["Pomaceous fruit of plants of the genus Malus in the family Rosaceae."] == "definition"
    assert kinds["Whether the plugin runs when the site is built."] == "definition"  # its comment left out
    assert kinds["Summary of the type."] == "admonition"  # an admonition that opens a definition
    assert kinds["Example"] == "admonition default title"  # after a fence holding an indented fence


def test_identity_translation_rebuilds_the_page_byte_for_byte(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "init").exit_code == 0
    assert run(root, "extract", "-q").exit_code == 0
    for po in sorted((root / "locales" / "fr").glob("*.po")):
        fill(po, lambda msgid: msgid)
    assert run(root, "merge", "-q").exit_code == 0
    for source in ("index", "includes"):
        assert (root / "docs" / f"{source}.fr.md").read_bytes() == (root / "docs" / f"{source}.md").read_bytes()


def test_translated_page_keeps_every_construct_and_translates_its_texts(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "init").exit_code == 0
    assert run(root, "extract", "-q").exit_code == 0
    fill(root / "locales" / "fr" / "index.po", lambda msgid: "FR " + msgid)
    fill(root / "locales" / "fr" / "includes.po", lambda msgid: "FR " + msgid)
    result = run(root, "merge")
    assert result.exit_code == 0, result.output
    page = (root / "docs" / "index.fr.md").read_text(encoding="utf-8")
    assert '!!! warning "FR Material for MkDocs is in maintenance mode"\n' in page
    assert "    FR The body of the warning is **prose** to translate. It has two lines.\n" in page
    assert '=== ":octicons-file-code-16: `docs/page.md`"\n' in page
    assert '=== "FR Other tab"\n' in page
    assert "FR [Get started](#){ .md-button .md-button--primary }\n" in page
    assert '--8<-- "includes/abbreviations.md"\n' in page
    assert "*[HTML]: FR Hyper Text Markup Language\n" in page
    assert '??? note "FR Note"\n' in page
    assert ":   FR Pomaceous fruit" in page
    assert "-   :material-clock-fast:{ .lg .middle } FR __Set up in 5 minutes__\n" in page
    assert "    ```yaml" not in page and "    ``` yaml\n    theme: material\n" in page
    # Extracting the translated page finds the translations, in the same kinds.
    shutil.copy(root / "docs" / "index.fr.md", root / "docs" / "again.md")
    assert run(root, "extract", "-q").exit_code == 0
    again = {entry.msgid for entry in read_po(root / "locales" / "fr" / "again.po")}
    assert again == {"FR " + text for text in EXPECTED}
    assert read_po(root / "locales" / "fr" / "again.po").find("FR Note").comment == "admonition title"
    assert run(root, "check").exit_code == 1  # again.po is untranslated; nothing else is wrong
    assert "broken" not in run(root, "check").output


def test_a_translation_that_drops_dialect_markup_is_held_back(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert run(root, "init").exit_code == 0
    assert run(root, "extract", "-q").exit_code == 0

    def drop_keys(msgid: str) -> str:
        return msgid.replace("++ctrl+c++", "Ctrl+C").replace(":smile:", "")

    fill(root / "locales" / "fr" / "index.po", drop_keys)
    result = run(root, "check")
    assert result.exit_code == 1
    assert "dialect markup differ from the source: missing ++ctrl+c++" in result.output
    assert "dialect markup differ from the source: missing :smile:" in result.output


def test_folder_structure_translates_docs_en_into_docs_fr(tmp_path: Path) -> None:
    root = _site(tmp_path, FOLDER_SITE)
    assert run(root, "init").exit_code == 0
    config = load_config(root)
    assert (config.layout, config.content_dir, config.languages) == ("directory", "docs", ("fr",))
    assert run(root, "extract", "-q").exit_code == 0
    po = root / "locales" / "fr" / "index.po"
    assert {entry.msgid for entry in read_po(po)} == {
        "Welcome",
        "A folder per language",
        "Each language has its own folder under `docs/`.",
        "First",
        "Text of the first tab.",
    }
    fill(po, lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    page = (root / "docs" / "fr" / "index.md").read_text(encoding="utf-8")
    assert page.startswith('# FR Welcome\n\n!!! tip "FR A folder per language"\n    FR Each language')
