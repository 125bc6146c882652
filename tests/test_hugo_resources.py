"""A real Hugo site with an i18n table (a plural used as ``{{ T "readingTime" 3 }}``), a theme's
table and a data file read by a template: translated, built with the `hugo` package, and its
Spanish page shows Spanish from every one of them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, all_catalogs, hugo_build, msgfmt_check, need_apertium, read_po, run

SITE = REPO / "tests/sites/hugo-resources"
CONFIG = 'languages = ["es"]\nmin_percent = 0\n[data]\noutput = "folder"\n"en/termbase.yaml" = ["terms.*.definition"]\n'
# Every English string the page shows from the site's table, the theme's and the data file.
ENGLISH = [
    "Documentation",
    "News",
    "Showcase",
    "3 minutes of reading",
    "One minute of reading",
    "Glossary",
    "Edit this page",
    "A store of data kept close at hand for fast access.",
    "A copy of a website on another server.",
]
_TAGS = re.compile(r"<[^>]+>")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    (root / "translate-flow.toml").write_text(CONFIG, encoding="utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    return root


def _texts(page: Path) -> list[str]:
    return [line.strip() for line in _TAGS.sub("\n", page.read_text(encoding="utf-8")).splitlines() if line.strip()]


def test_apertium_translates_the_tables_and_the_data_and_the_spanish_site_shows_them(site: Path) -> None:
    need_apertium()
    drafted = run(site, "pretranslate", "--engine", "apertium", "--lang", "es")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    msgfmt_check(*all_catalogs(site))
    public = hugo_build(site)
    english, spanish = _texts(public / "index.html"), _texts(public / "es/index.html")
    for text in ENGLISH:
        assert text in english and text not in spanish, text
    # The plural: Hugo picked Spanish's forms for 3 and for 1.
    assert "3 minutos de leer" in [t.lower() for t in spanish] and "Un minuto de leer" in spanish
    assert {"Documentación", "Glosario", "Editar esta página"} <= set(spanish)
    # The data file's ids and URLs were never touched.
    source = yaml.safe_load((site / "data/en/termbase.yaml").read_text(encoding="utf-8"))
    translated = yaml.safe_load((site / "data/es/termbase.yaml").read_text(encoding="utf-8"))
    assert [(t["id"], t["url"]) for t in translated["terms"]] == [(t["id"], t["url"]) for t in source["terms"]]


def test_a_translator_s_work_and_what_hugo_falls_back_to(site: Path) -> None:
    po = read_po(site / "locales/es/_hugo/i18n.po", wrapwidth=0)
    for entry in po:
        if entry.msgctxt == "readingTime":
            # es: msgstr[0] one, [1] many, [2] other.
            entry.msgstr_plural = {0: "Un minuto", 1: "{{ .Count }} de minutos", 2: "{{ .Count }} minutos"}
        elif entry.msgctxt == "glossary":
            entry.msgstr = "Glosario"
        # Everything else is left empty: Hugo must fall back to English there.
    po.save(str(site / "locales/es/_hugo/i18n.po"))
    data = read_po(site / "locales/es/_hugo/data/termbase.po", wrapwidth=0)
    data[0].msgstr = "Un almacén de datos."
    data.save(str(site / "locales/es/_hugo/data/termbase.po"))
    merged = run(site, "merge")
    assert merged.exit_code == 0, merged.output
    assert "wrote i18n/es.yaml" in merged.output and "wrote i18n/docs/es.toml" in merged.output
    assert (site / "i18n/docs/es.toml").read_text(encoding="utf-8") == (
        '# The theme\'s strings; the site\'s "docs" wins over the theme\'s.\n[glossary]\nother = "Glosario"\n'
    )
    public = hugo_build(site)
    spanish = _texts(public / "es/index.html")
    assert "3 minutos" in spanish and "Un minuto" in spanish and "Glosario" in spanish
    assert "Un almacén de datos." in spanish and "A copy of a website on another server." in spanish
    # Untranslated strings were left out of the tables, so Hugo shows the English ones.
    assert {"Documentation", "News", "Showcase", "Edit this page"} <= set(spanish)
