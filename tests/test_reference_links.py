"""Shortcut and collapsed reference links through the CLI, on a Hugo page and an MkDocs page.

`[type qualifier]` and `[reference pages][]` are links only because their text matches a
definition elsewhere in the page. A translation that changes that text loses the link:
merge holds it back and check reports it, with how to keep the link; the full form
`[traduction][type qualifier]` keeps it and is published.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import fill, msgfmt_check, read_po, run, write_tree

BODY = (
    "# Qualifiers\n\n"
    "Use a [type qualifier] to narrow a type.\n\n"
    "- Read the [Reference Pages][] first.\n"
    "- A [note] in brackets is only text.\n\n"
    '  [type qualifier]: https://example.com/types "Types"\n'
    "  [reference pages]: /reference\n"
)
SHORTCUT = "Use a [type qualifier] to narrow a type."
COLLAPSED = "Read the [Reference Pages][] first."
FRENCH = {
    "Qualifiers": "Qualificatifs",
    "A [note] in brackets is only text.": "Une [remarque] entre crochets n'est que du texte.",
}
LOST = {
    SHORTCUT: "Utilisez un [qualificatif de type] pour restreindre un type.",
    COLLAPSED: "Lisez d'abord les [pages de référence][].",
}
KEPT = {
    SHORTCUT: "Utilisez un [qualificatif de type][type qualifier] pour restreindre un type.",
    COLLAPSED: "Lisez d'abord les [pages de référence][Reference Pages].",
}


def _hugo(root: Path) -> tuple[Path, Path, Path]:
    write_tree(root, {"translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n', "content/a.md": BODY})
    return root / "content/a.md", root / "content/a.fr.md", root / "locales/fr/a.po"


def _mkdocs(root: Path) -> tuple[Path, Path, Path]:
    mkdocs_yml = (
        "site_name: Test\ndocs_dir: docs\nmarkdown_extensions:\n  - admonition\nplugins:\n  - i18n:\n"
        "      docs_structure: suffix\n      languages:\n        - locale: en\n          default: true\n"
        "        - locale: fr\n"
    )
    # In MkDocs the definitions may sit inside an admonition too.
    body = BODY.replace("  [type qualifier]:", '!!! note "Links"\n\n    [type qualifier]:')
    write_tree(root, {"mkdocs.yml": mkdocs_yml, "docs/a.md": body})
    assert run(root, "init").exit_code == 0
    config = (root / "translate-flow.toml").read_text(encoding="utf-8")
    (root / "translate-flow.toml").write_text(config.replace("min_percent = 80", "min_percent = 0", 1), "utf-8")
    return root / "docs/a.md", root / "docs/a.fr.md", root / "locales/fr/a.po"


SITES: dict[str, Callable[[Path], tuple[Path, Path, Path]]] = {"hugo": _hugo, "mkdocs": _mkdocs}


def _translated(root: Path, site: str, translations: dict[str, str]) -> tuple[Path, Path, Path]:
    source, output, po = SITES[site](root)
    assert run(root, "extract", "-q").exit_code == 0
    fill(po, lambda msgid: {**FRENCH, **translations}.get(msgid, msgid))
    msgfmt_check(po)
    return source, output, po


def _msgstr_line(po: Path, msgid: str) -> int:
    lines = po.read_text(encoding="utf-8").splitlines()
    return lines.index(f"msgid {json.dumps(msgid, ensure_ascii=False)}") + 2


@pytest.mark.parametrize("site", sorted(SITES))
def test_a_translation_that_changes_a_label_is_held_back_and_reported_with_the_fix(project: Path, site: str) -> None:
    _, output, po = _translated(project, site, LOST)
    merged = run(project, "merge")
    assert merged.exit_code == 0, merged.output
    held = dict(re.findall(r"^locales/fr/a\.po:(\d+): not merged: (.+)$", merged.output, re.MULTILINE))
    assert set(held) == {str(_msgstr_line(po, SHORTCUT)), str(_msgstr_line(po, COLLAPSED))}, merged.output
    shortcut = held[str(_msgstr_line(po, SHORTCUT))]
    assert shortcut.startswith("links differ from the source: missing https://example.com/types Types")
    assert shortcut.endswith("keep the label, as in [translated text][type qualifier]")
    assert held[str(_msgstr_line(po, COLLAPSED))].endswith("as in [translated text][Reference Pages]")
    # The page keeps the source texts there, with their links; the rest is translated.
    page = output.read_text(encoding="utf-8")
    assert SHORTCUT in page and COLLAPSED in page and "# Qualificatifs" in page and LOST[SHORTCUT] not in page

    checked = run(project, "check", "--format", "json")
    assert checked.exit_code == 1
    broken = {
        (f["line"], f["check"], f["message"])
        for f in json.loads(checked.output)["findings"]
        if f["category"] == "broken"
    }
    assert broken == {(int(line), "link", message) for line, message in held.items()}


@pytest.mark.parametrize("site", sorted(SITES))
def test_the_full_form_keeps_the_link_and_is_published(project: Path, site: str) -> None:
    _, output, _ = _translated(project, site, KEPT)
    merged = run(project, "merge")
    assert merged.exit_code == 0 and "not merged" not in merged.output, merged.output
    page = output.read_text(encoding="utf-8")
    assert KEPT[SHORTCUT] in page and KEPT[COLLAPSED] in page
    assert "Une [remarque] entre crochets" in page  # brackets that are no label are text
    checked = run(project, "check", "--format", "json")
    assert [f for f in json.loads(checked.output)["findings"] if f["category"] == "broken"] == []
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize("site", sorted(SITES))
def test_identity_translation_rebuilds_the_page_byte_for_byte(project: Path, site: str) -> None:
    source, output, po = _translated(project, site, {})
    fill(po, lambda msgid: msgid)
    assert run(project, "merge", "-q").exit_code == 0
    assert output.read_bytes() == source.read_bytes()


def test_in_a_shared_catalog_each_page_is_read_with_its_own_definitions(project: Path) -> None:
    # The same text stands in two pages; only the first defines its label.
    plain = "# Other\n\nUse a [type qualifier] to narrow a type.\n"
    files = {"content/docs/a.md": BODY, "content/docs/b.md": plain}
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\ncatalogs = "section"\n', **files})
    assert run(project, "extract", "-q").exit_code == 0
    (po,) = (project / "locales/fr").rglob("*.po")
    fill(po, lambda msgid: {**FRENCH, **LOST, "Other": "Autre"}.get(msgid, msgid))
    merged = run(project, "merge")
    assert merged.exit_code == 0, merged.output
    # Held back in a page, where it would lose its link; published in b, where it is text.
    assert SHORTCUT in (project / "content/docs/a.fr.md").read_text(encoding="utf-8")
    assert LOST[SHORTCUT] in (project / "content/docs/b.fr.md").read_text(encoding="utf-8")
    findings = json.loads(run(project, "check", "--format", "json").output)["findings"]
    lines = sorted(f["line"] for f in findings if f["check"] == "link")
    assert lines == sorted({_msgstr_line(po, SHORTCUT), _msgstr_line(po, COLLAPSED)})
    assert read_po(po).find(SHORTCUT) is not None
