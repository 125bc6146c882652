"""Issue 16: `translate-flow import` also brings the site's existing translated i18n tables,
data files and per-language Hugo settings into the `_hugo/` PO files, by key.

The site is a small Hugo site whose French was written by hand: `i18n/fr.yaml` (a plural, a
string whose template action the translator changed, one id left out), `data/fr/terms.yaml`,
and `languages.fr` settings in `hugo.toml` (title, a param, the main menu).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from tests.conftest import all_catalogs, msgfmt_check, project_tree, read_po, run, write_tree
from translate_flow.project.ownership import RECORD_NAME

HUGO = """baseURL = "https://example.org/"
title = "Garden notes"
defaultContentLanguage = "en"

[params]
description = "Notes from a small garden."
tagline = "Grow what you eat."

[languages.en]
weight = 1

[languages.fr]
weight = 2
title = "Notes du jardin"

[languages.fr.params]
description = "Notes d'un petit jardin."

[[languages.fr.menus.main]]
identifier = "docs"
name = "Les guides"
url = "/fr/guides/"

[[menus.main]]
identifier = "docs"
name = "Guides"
url = "/guides/"

[[menus.main]]
name = "Blog"
url = "/blog/"
"""

I18N_EN = """home: "Home"
readMore: Read more
readingTime:
  one: "One minute of reading"
  other: "{{ .Count }} minutes of reading"
pages:
  one: "One page"
  many: "A million pages"
  other: "{{ .Count }} pages"
editPage: "Edit this page"
onlyEnglish: "Only in English"
"""

I18N_FR = """home: "Accueil"
readMore: Lire la suite
# A table of French's three forms, and one that lacks 'many'.
pages:
  one: "Une page"
  many: "Un million de pages"
  other: "{{ .Count }} pages"
readingTime:
  one: "Une minute de lecture"
  other: "{{ .Count }} minutes de lecture"
editPage: "Modifier {{ .Page }}"
"""

TERMS_EN = """terms:
  - id: cache
    definition: "A store of data kept close at hand."
  - id: mirror
    definition: "A copy of a website on another server."
  - id: seed
    definition: "The start of a plant."
"""

TERMS_FR = """terms:
  - id: cache
    definition: "Une réserve de données gardée à portée de main."
  - id: mirror
    definition: "Une copie d'un site sur un autre serveur."
  - id: seed
    definition: "Le début d'une plante."
"""

CONFIG = """languages = ["fr"]
min_percent = 0
[site]
params = ["description", "tagline"]
[data]
output = "folder"
"en/terms.yaml" = ["terms.*.definition"]
"""

SITE = {
    "hugo.toml": HUGO,
    "translate-flow.toml": CONFIG,
    "content/hello.md": "---\ntitle: Hello\n---\n\nHello world.\n",
    "i18n/en.yaml": I18N_EN,
    "i18n/fr.yaml": I18N_FR,
    "data/en/terms.yaml": TERMS_EN,
    "data/fr/terms.yaml": TERMS_FR,
}


@pytest.fixture
def site(project: Path) -> Path:
    return write_tree(project, SITE)


def entries(po: polib.POFile) -> dict[str | None, polib.POEntry]:
    return {entry.msgctxt or entry.msgid: entry for entry in po if not entry.obsolete}


def po_of(root: Path, name: str) -> polib.POFile:
    return read_po(root / f"locales/fr/_hugo/{name}.po", wrapwidth=0)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_every_translated_key_is_imported_by_key_with_its_origin(site: Path) -> None:
    before = {rel: data for rel, data in project_tree(site).items() if not rel.startswith("locales/")}
    done = run(site, "import")
    assert done.exit_code == 0, done.output
    # Import never changes a resource file (nor the configuration).
    after = {rel: data for rel, data in project_tree(site).items() if not rel.startswith("locales/")}
    assert after == before

    i18n = entries(po_of(site, "i18n"))
    assert i18n["home"].msgstr == "Accueil" and "fuzzy" not in i18n["home"].flags
    assert i18n["home"].tcomment == f"imported from i18n/fr.yaml:{line_of(I18N_FR, 'home:')}"
    assert i18n["readMore"].msgstr == "Lire la suite" and "fuzzy" not in i18n["readMore"].flags
    # Every CLDR category the table gives goes to the msgstr[N] the catalog's Plural-Forms gives it.
    assert i18n["pages"].msgstr_plural == {0: "Une page", 1: "Un million de pages", 2: "{{ .Count }} pages"}
    assert "fuzzy" not in i18n["pages"].flags
    assert i18n["pages"].tcomment == f"imported from i18n/fr.yaml:{line_of(I18N_FR, 'pages:')}"
    # A table without French's 'many' (only counts like 1,000,000 use it): Hugo shows 'other'
    # there, and so does the catalog; it is said in the comment, and not a guess to review.
    reading = i18n["readingTime"]
    assert reading.msgstr_plural == {
        0: "Une minute de lecture",
        1: "{{ .Count }} minutes de lecture",
        2: "{{ .Count }} minutes de lecture",
    }
    assert "fuzzy" not in reading.flags and "no 'many' form" in reading.tcomment
    # A changed template action would be held back by merge: it comes in fuzzy, never published unreviewed.
    assert i18n["editPage"].msgstr == "Modifier {{ .Page }}" and "fuzzy" in i18n["editPage"].flags
    # An id the French table does not have stays empty.
    assert i18n["onlyEnglish"].msgstr == "" and not i18n["onlyEnglish"].tcomment

    data = entries(po_of(site, "data/terms"))
    for english, french in zip(TERMS_EN.splitlines(), TERMS_FR.splitlines(), strict=True):
        if "definition:" in english:
            msgid = english.split('"')[1]
            assert data[msgid].msgstr == french.split('"')[1], msgid
            assert data[msgid].tcomment == f"imported from data/fr/terms.yaml:{line_of(TERMS_FR, french.strip())}"
            assert "fuzzy" not in data[msgid].flags

    strings = entries(po_of(site, "site"))
    assert strings["title"].msgstr == "Notes du jardin"
    assert strings["title"].tcomment == f"imported from hugo.toml:{line_of(HUGO, 'Notes du jardin')}"
    assert strings["params.description"].msgstr == "Notes d'un petit jardin."
    assert strings["menus.main.docs.name"].msgstr == "Les guides"
    assert strings["menus.main.docs.name"].tcomment == f"imported from hugo.toml:{line_of(HUGO, 'Les guides')}"
    # Not set for French: Hugo shows the English one, and the entry stays empty.
    assert strings["params.tagline"].msgstr == "" and strings["menus.main.1.name"].msgstr == ""
    msgfmt_check(*all_catalogs(site))

    lines = done.output.splitlines()
    assert (
        "i18n/fr.yaml (fr) -> locales/fr/_hugo/i18n.po: 5 of 6 texts imported; 1 not in the file; "
        "1 fuzzy: merge would hold them back; "
        "merge will leave the file alone until it reproduces it (or you move it away)"
    ) in lines
    assert (
        "data/fr/terms.yaml (fr) -> locales/fr/_hugo/data/terms.po: 3 of 3 texts imported; "
        "merge reproduces the file byte for byte"
    ) in lines
    assert any(line.startswith("hugo.toml (fr) -> locales/fr/_hugo/site.po: 3 of 5 texts imported;") for line in lines)
    assert "3 resource files read, 11 entries imported into 3 PO files, 1 files reproduced by merge" in lines


def test_a_second_import_writes_nothing(site: Path) -> None:
    assert run(site, "import").exit_code == 0
    before = project_tree(site)
    again = run(site, "import")
    assert again.exit_code == 0, again.output
    assert project_tree(site) == before
    assert "3 resource files read, 0 entries imported into 0 PO files, 1 files reproduced by merge" in again.output


def test_fuzzy_and_replace_follow_the_pages_rules(site: Path) -> None:
    assert run(site, "extract", "-q").exit_code == 0
    path = site / "locales/fr/_hugo/i18n.po"
    po = read_po(path, wrapwidth=0)
    entries(po)["home"].msgstr = "Page d'accueil"  # a translator's reviewed work
    po.save(str(path))
    done = run(site, "import", "--fuzzy")
    assert done.exit_code == 0, done.output
    assert "1 kept another reviewed translation (--replace takes the file's)" in done.output
    found = entries(po_of(site, "i18n"))
    assert found["home"].msgstr == "Page d'accueil" and not found["home"].tcomment
    assert "fuzzy" in found["readMore"].flags and "fuzzy" in found["pages"].flags
    assert all("fuzzy" in entry.flags for entry in po_of(site, "data/terms") if entry.msgstr)
    replaced = run(site, "import", "--replace")
    assert replaced.exit_code == 0, replaced.output
    found = entries(po_of(site, "i18n"))
    assert found["home"].msgstr == "Accueil" and "fuzzy" not in found["home"].flags
    # Without --fuzzy the entries it had imported fuzzy become reviewed; the held-back one stays fuzzy.
    assert "fuzzy" not in found["readMore"].flags and "fuzzy" in found["editPage"].flags
    msgfmt_check(*all_catalogs(site))


def test_merge_afterwards_adopts_what_it_reproduces_and_leaves_the_rest(site: Path) -> None:
    assert run(site, "import").exit_code == 0
    before = project_tree(site)
    merged = run(site, "merge")
    assert merged.exit_code == 0, merged.output
    after = project_tree(site)
    # The data file merge reproduces byte for byte is now merge's, untouched.
    assert after["data/fr/terms.yaml"] == before["data/fr/terms.yaml"]
    record = (site / "locales" / RECORD_NAME).read_text(encoding="utf-8")
    assert "data/fr/terms.yaml" in record and "i18n/fr.yaml" not in record
    # The table merge does not reproduce is left as it is, with the way out.
    assert after["i18n/fr.yaml"] == before["i18n/fr.yaml"]
    assert "i18n/fr.yaml: left as it is" in merged.output and "move it away" in merged.output
    # The configuration already holds every French setting it sets: nothing written, nothing held.
    assert "config/_default/languages.fr.toml" not in after
    assert "already holds every translation" in merged.output and "to use the translation" not in merged.output
    # Moved away, the table is written from the PO file: the reviewed strings, Hugo falls back for the rest.
    shutil.move(site / "i18n/fr.yaml", site / "fr.yaml.bak")
    again = run(site, "merge")
    assert again.exit_code == 0, again.output
    written = (site / "i18n/fr.yaml").read_text(encoding="utf-8")
    assert 'home: "Accueil"' in written and 'one: "Une page"' in written
    assert "Modifier" not in written and "onlyEnglish" not in written
    assert "readingTime" in written  # its missing 'many' form is what Hugo shows anyway


def test_a_file_merge_wrote_is_not_imported(site: Path) -> None:
    (site / "data/fr/terms.yaml").unlink()
    assert run(site, "extract", "-q").exit_code == 0
    path = site / "locales/fr/_hugo/data/terms.po"
    po = read_po(path, wrapwidth=0)
    po[0].msgstr = "Une réserve."
    po.save(str(path))
    assert run(site, "merge").exit_code == 0
    assert (site / "data/fr/terms.yaml").is_file()  # merge's, with English where the PO file was empty
    po = read_po(path, wrapwidth=0)
    po[0].msgstr = ""
    po.save(str(path))
    done = run(site, "import")
    assert done.exit_code == 0, done.output
    assert "data/fr/terms.yaml: not imported: merge wrote it from the PO file" in done.output
    assert all(entry.msgstr == "" for entry in po_of(site, "data/terms"))


def test_a_theme_s_own_table_is_read_and_the_site_s_translation_wins(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": 'title = "Site"\ntheme = "leaf"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
            "translate-flow.toml": 'languages = ["fr"]\n',
            "content/a.md": "# A\n",
            "themes/leaf/i18n/en.toml": 'next = "Next"\nprevious = "Previous"\nclose = "Close"\n',
            "themes/leaf/i18n/fr.toml": 'next = "Suivant"\nprevious = "Précédent"\nclose = "Fermer"\n',
            # The site's own translations of the theme's strings, which Hugo prefers: in the folder
            # merge writes to (in another format), and in the site's table of the language.
            "i18n/leaf/fr.yaml": "next: Page suivante\n",
            "i18n/fr.yaml": "previous: Page précédente\n",
        },
    )
    done = run(project, "import")
    assert done.exit_code == 0, done.output
    found = entries(read_po(project / "locales/fr/_hugo/i18n.po", wrapwidth=0))
    assert found["next"].msgstr == "Page suivante" and found["next"].tcomment == "imported from i18n/leaf/fr.yaml:1"
    assert found["previous"].msgstr == "Page précédente"
    assert found["previous"].tcomment == "imported from i18n/fr.yaml:1"
    assert found["close"].msgstr == "Fermer" and found["close"].tcomment == "imported from themes/leaf/i18n/fr.toml:3"
    assert "themes/leaf/i18n/fr.toml (fr) -> locales/fr/_hugo/i18n.po: 1 of 1 texts imported" in done.output
    assert "merge writes i18n/leaf/fr.toml, which Hugo prefers" in done.output
    msgfmt_check(*all_catalogs(project))


def test_a_language_s_menu_file_is_read_where_hugo_reads_it(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": 'title = "Site"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n'
            '[[menus.main]]\nname = "Home"\nurl = "/"\n[[menus.main]]\nname = "About"\nurl = "/about/"\n',
            "config/_default/menus.de.toml": '[[main]]\nname = "Start"\nurl = "/de/"\n'
            '[[main]]\nname = "Über uns"\nurl = "/de/about/"\n',
            "translate-flow.toml": 'languages = ["de"]\n',
            "content/a.md": "# A\n",
        },
    )
    done = run(project, "import")
    assert done.exit_code == 0, done.output
    found = entries(read_po(project / "locales/de/_hugo/site.po", wrapwidth=0))
    assert found["menus.main.0.name"].msgstr == "Start"
    assert found["menus.main.1.name"].msgstr == "Über uns"
    assert found["menus.main.1.name"].tcomment == "imported from config/_default/menus.de.toml:5"
    assert found["title"].msgstr == ""  # German has no title of its own
    assert "config/_default/menus.de.toml (de) -> locales/de/_hugo/site.po: 2 of 3 texts imported" in done.output
    # Merge neither writes nor complains: the language's own menu holds every translation.
    merged = run(project, "merge")
    assert merged.exit_code == 0 and "menus" not in merged.output, merged.output
    checked = run(project, "check", "--lang", "de", "locales/de/_hugo/site.po")
    assert "outdated-output" not in checked.output, checked.output
