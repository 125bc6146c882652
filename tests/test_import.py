"""Issue 16 item 1: `translate-flow import` brings existing translated pages into the PO files.

The sites are made the way the issue asks: translate-flow translates them (a pseudo-translation
filled into the PO files, then merge), people then edit the translated pages by hand, and the
project is adopted afresh (no PO files, no record of merge's pages).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import all_catalogs, fill, msgfmt_check, project_tree, read_po, run, write_tree
from translate_flow.project.ownership import RECORD_NAME

ARTICLES = {
    "garden": """---
title: Planting a small garden
description: What to sow in spring.
---

# Planting a small garden

Start with plants that forgive mistakes: beans, radishes and lettuce.

## What you need

- A sunny corner with **six hours** of light.
- A watering can, or `drip` tubing.
- Patience.

> Water in the morning, so the leaves dry before night.

Read the [seed guide](https://example.org/seeds) before you buy.
""",
    "bread": """+++
title = "Bread without a machine"
description = "Flour, water, salt and time."
+++

## Ingredients

| Item | Amount |
|------|--------|
| Flour | 500 g |
| Water | 350 g |

Mix everything and let it rest for an hour.

1. Fold the dough four times.
2. Shape it into a ball.
3. Bake at 230 degrees for forty minutes.

Let the loaf cool before slicing it.
""",
    "cycling": """---
title: Cycling to work
---

Cycling to work takes twenty minutes and saves money.

### Safety first

Wear a helmet, use lights after dark, and keep to the *right*.

{{< note >}}
Check your tyres every week.
{{< /note >}}

Most streets here have a cycle lane.
""",
    "stars": """---
title: Watching the stars
description: A night away from the city lights.
---

Drive out of town on a clear night without a moon.

Let your eyes adjust for twenty minutes; do not look at your phone.

- Look for the bright band of the galaxy.
- Find the pole star with the two pointer stars.

Bring a warm coat, a blanket and something hot to drink.
""",
    "library": """---
title: The library opens on Sundays
---

From March, the library opens on Sundays from ten to four.

Children's books stay on the ground floor.
""",
}

_PROTECTED = re.compile(r"(`[^`]*`|\]\([^)]*\)|<[^>]*>|\{\{.*?\}\}|\d+)")
_SWAP = str.maketrans("aeiouAEIOU", "eiouaEIOUA")


def pseudo(language: str):
    """A stand-in translator: vowels rotate outside markup, and the language is named."""

    def translate(msgid: str) -> str:
        parts = _PROTECTED.split(msgid)
        text = "".join(part if n % 2 else part.translate(_SWAP) for n, part in enumerate(parts))
        return f"{text} ({language})" if len(text) > 12 else text

    return translate


LAYOUTS = {
    "filename": ('languages = ["fr", "de"]\n', "content/{name}.md", "content/{name}.{lang}.md"),
    "directory": (
        (
            'languages = ["fr", "de"]\nlayout = "directory"\n[content_dirs]\nen = "content/en"\n'
            'fr = "content/fr"\nde = "content/de"\n'
        ),
        "content/en/{name}.md",
        "content/{lang}/{name}.md",
    ),
}


def _translated_site(root: Path, layout: str) -> dict[tuple[str, str], Path]:
    """A site translate-flow translated into French and German; its pages by (article, language)."""
    config, source, page = LAYOUTS[layout]
    files = {"translate-flow.toml": config}
    files.update({source.format(name=name): text for name, text in ARTICLES.items()})
    write_tree(root, files)
    assert run(root, "extract", "-q").exit_code == 0
    for lang in ("fr", "de"):
        for name in ARTICLES:
            fill(root / f"locales/{lang}/{name}.po", pseudo(lang))
    result = run(root, "merge", "-q")
    assert result.exit_code == 0, result.output
    pages = {(name, lang): root / page.format(name=name, lang=lang) for name in ARTICLES for lang in ("fr", "de")}
    assert all(path.is_file() for path in pages.values())
    return pages


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _hand_edit(pages: dict[tuple[str, str], Path]) -> set[tuple[str, str]]:
    """People revise every page; on two they change the structure. Returns those two."""
    for (name, lang), path in pages.items():
        text = path.read_text(encoding="utf-8")
        # A reviewer rewrites the end of each page's last sentence, keeping its shape.
        last = list(re.finditer(r"\((fr|de)\)", text))[-1]
        path.write_text(text[: last.start()] + f"[{lang} revised]" + text[last.end() :], encoding="utf-8")
    _edit(pages[("garden", "fr")], "- Petoinci.\n", "- Petoinci.\n\nUn paragraphe ajouté à la main, sans équivalent.\n")
    _edit(pages[("bread", "de")], "2. Shepi ot ontu e bell. (de)\n", "")
    return {("garden", "fr"), ("bread", "de")}


def _entries(po_path: Path) -> tuple[int, int]:
    po = read_po(po_path)
    live = [entry for entry in po if not entry.obsolete]
    return sum(1 for entry in live if entry.msgstr and "fuzzy" not in entry.flags), len(live)


@pytest.mark.parametrize("layout", ["filename", "directory"])
def test_import_adopts_a_hand_edited_site_and_merge_reproduces_it(project: Path, layout: str) -> None:
    pages = _translated_site(project, layout)
    structural = _hand_edit(pages)
    shutil.rmtree(project / "locales")  # adopted afresh: no PO files, no record
    shutil.rmtree(project / ".translate-flow", ignore_errors=True)
    content = {rel: data for rel, data in project_tree(project).items() if rel.startswith("content/")}

    result = run(project, "import")
    assert result.exit_code == 0, result.output
    assert "merge reproduces the page byte for byte" in result.output
    after = project_tree(project)
    assert {rel: data for rel, data in after.items() if rel.startswith("content/")} == content
    msgfmt_check(*all_catalogs(project))

    for (name, lang), path in pages.items():
        translated, total = _entries(project / f"locales/{lang}/{name}.po")
        if (name, lang) not in structural:
            assert translated / total >= 0.95, (name, lang, translated, total)
        elif (name, lang) == ("bread", "de"):
            assert translated == total - 1  # the item the page lost stays empty
        else:
            assert translated == total  # the added paragraph pairs with nothing
        po = read_po(project / f"locales/{lang}/{name}.po")
        assert any(entry.tcomment.startswith("imported from content/") for entry in po)
    assert read_po(project / "locales/fr/garden.po").find("Patience.").msgstr == "Petoinci."

    # Run again: nothing to do, nothing written.
    assert run(project, "import", "-q").exit_code == 0
    assert project_tree(project) == after

    result = run(project, "merge")
    assert result.exit_code == 0, result.output
    assert {rel: data for rel, data in project_tree(project).items() if rel.startswith("content/")} == content
    record = json.loads((project / "locales" / RECORD_NAME).read_text())["files"]
    for (name, lang), path in pages.items():
        rel = path.relative_to(project).as_posix()
        assert (rel in record) == ((name, lang) not in structural), rel
        if (name, lang) in structural:
            assert f"{rel}: not written" in result.output


def test_import_fuzzy_marks_every_imported_entry(project: Path) -> None:
    _translated_site(project, "filename")
    shutil.rmtree(project / "locales")
    assert run(project, "import", "--fuzzy", "--lang", "fr", str(project / "content/garden.md")).exit_code == 0
    po = read_po(project / "locales/fr/garden.po")
    imported = [entry for entry in po if entry.msgstr]
    assert imported and all("fuzzy" in entry.flags for entry in imported)
    assert all(not entry.msgstr for entry in read_po(project / "locales/de/garden.po"))
    assert not (project / "locales/fr/bread.po").exists()  # only the path asked for


def test_pages_merge_wrote_are_not_imported_and_reviewed_work_is_kept(project: Path) -> None:
    pages = _translated_site(project, "filename")
    po_path = project / "locales/fr/library.po"
    before = po_path.read_bytes()
    result = run(project, "import")
    assert result.exit_code == 0, result.output
    assert "content/library.fr.md: not imported: merge wrote it" in result.output
    assert po_path.read_bytes() == before

    # A page edited after merge wrote it is read; the catalog's own reviewed text is kept.
    _edit(pages[("library", "fr")], "(fr)", "[corrigé]")
    result = run(project, "import")
    assert "kept another reviewed translation" in result.output
    assert po_path.read_bytes() == before
    assert run(project, "import", "--replace").exit_code == 0
    assert "[corrigé]" in po_path.read_text(encoding="utf-8")


def test_a_page_that_does_not_align_keeps_only_its_front_matter(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\n',
            "content/a.md": "---\ntitle: Notes\n---\n\n# One\n\nFirst.\n\n# Two\n\nSecond.\n\n# Three\n\nThird.\n",
            "content/a.fr.md": "---\ntitle: Carnet\n---\n\n- Une liste\n- sans rapport\n",
        },
    )
    result = run(project, "import")
    assert result.exit_code == 0, result.output
    assert "the body did not align: only front matter imported" in result.output
    po = read_po(project / "locales/fr/a.po")
    assert po.find("Notes").msgstr == "Carnet"
    assert [entry.msgid for entry in po if entry.msgstr] == ["Notes"]


def test_a_page_that_cannot_be_read_is_one_line_and_the_others_are_imported(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\n',
            "content/a.md": "---\ntitle: First\n---\n\nOne.\n",
            "content/a.fr.md": "---\ntitle: [unclosed\n---\n\nUn.\n",
            "content/b.md": "---\ntitle: Second\n---\n\nTwo.\n",
            "content/b.fr.md": "---\ntitle: Deuxième\n---\n\nDeux.\n",
        },
    )
    result = run(project, "import")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and re.match(r"error: content/a\.fr\.md:\d+: invalid YAML", errors[0])
    assert "Traceback" not in result.output
    assert read_po(project / "locales/fr/b.po").find("Two.").msgstr == "Deux."


def test_import_fills_a_catalog_several_articles_share(project: Path) -> None:
    pages = _translated_site(project, "filename")
    shutil.rmtree(project / "locales")
    (project / "translate-flow.toml").write_text('languages = ["fr", "de"]\ncatalogs = "language"\n')
    content = {rel: data for rel, data in project_tree(project).items() if rel.startswith("content/")}
    result = run(project, "import")
    assert result.exit_code == 0, result.output
    assert result.output.count("-> locales/fr/content.po") == len(ARTICLES)
    assert result.output.count("merge reproduces the page byte for byte") == len(pages)
    translated, total = _entries(project / "locales/fr/content.po")
    assert translated == total
    assert run(project, "merge").exit_code == 0
    assert {rel: data for rel, data in project_tree(project).items() if rel.startswith("content/")} == content
    record = json.loads((project / "locales" / RECORD_NAME).read_text())["files"]
    assert {project / rel for rel in record if rel.startswith("content/")} == set(pages.values())


def test_a_translated_page_as_path_means_its_article_in_that_language(project: Path) -> None:
    pages = _translated_site(project, "filename")
    shutil.rmtree(project / "locales")
    page = pages[("garden", "fr")]
    result = run(project, "import", str(page))
    assert result.exit_code == 0, result.output
    assert [line.split(" ")[0] for line in result.output.splitlines() if " -> " in line] == ["content/garden.fr.md"]
    assert _entries(project / "locales/fr/garden.po")[0] > 0
    assert _entries(project / "locales/de/garden.po")[0] == 0  # the German page was not asked for
    assert not (project / "locales/fr/bread.po").exists()
    check = run(project, "check", "--format", "json", str(page))
    assert {finding.get("language") for finding in json.loads(check.output)["findings"]} <= {"fr", None}
