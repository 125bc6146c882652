"""One Hugo site with every kind of text translate-flow carries, translated by Apertium.

Article bodies, shortcode parameters, an HTML block, an i18n table with plural forms, a
data file, and the site's title, description and menu: after extract, pretranslate and
merge, the built Spanish pages show none of the English texts, and an identity
translation rebuilds every source file byte for byte.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import polib
import pytest
import yaml

from tests.conftest import REPO, all_catalogs, hugo_build, msgfmt_check, need_apertium, run

SITE = REPO / "tests/sites/hugo-whole"
CONFIG = """\
languages = ["es"]
min_percent = 0
[data]
output = "folder"
"en/plants.yaml" = ["plants.*.name", "plants.*.advice"]
[site]
params = ["description"]
"""
# Every English text of the site as Hugo renders it, from each kind of source.
ENGLISH = {
    "site title": "The Garden Book",
    "site description": "Practical advice for small gardens",
    "menu": "The documentation",
    "menu 2": "The news",
    "page title": "The guide",
    "HTML block heading": "Grow your own food",
    "HTML block text": "Simple and cheap advice.",
    "HTML block link": "Read the guide",
    "card title": "The first steps",
    "card subtitle": "Prepare the soil",
    "details summary": "Why the soil matters",
    "figure alt": "A small tree",
    "figure caption": "The tree in the garden",
    "article text": "The soil feeds the plants.",
    "i18n": "Read the whole article",
    "i18n plural one": "There is one page",
    "i18n plural other": "There are 3 pages",
    "data": "Water the plant every morning.",
    "data name": "Tomato",
}
PAGES = ["index.html", "docs/index.html"]
_TAGS = re.compile(r"<[^>]+>")


def _texts(page: Path) -> str:
    """What a reader sees or a crawler reads: the text and the attribute values, entities decoded."""
    raw = page.read_text(encoding="utf-8")
    attributes = " ".join(re.findall(r'(?:content|alt|title)="([^"]*)"', raw))
    return " ".join(html.unescape(_TAGS.sub(" ", raw) + " " + attributes).split())


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    (root / "translate-flow.toml").write_text(CONFIG, encoding="utf-8")
    return root


def test_the_spanish_site_shows_no_english(site: Path) -> None:
    need_apertium()
    assert run(site, "extract", "-q").exit_code == 0
    drafted = run(site, "pretranslate", "--engine", "apertium")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0 and "held back" not in merged.output, merged.output
    msgfmt_check(*all_catalogs(site))
    public = hugo_build(site)
    english = " ".join(_texts(public / page) for page in PAGES)
    spanish = " ".join(_texts(public / "es" / page) for page in PAGES)
    for kind, text in ENGLISH.items():
        assert text in english, f"the English site lacks its {kind}"
        assert text not in spanish, f"the Spanish site still shows the {kind} in English"


def _identity(po_path: Path) -> None:
    po = polib.pofile(str(po_path), wrapwidth=0)
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {n: entry.msgid if n == 0 else entry.msgid_plural for n in entry.msgstr_plural}
        else:
            entry.msgstr = entry.msgid
    po.save(str(po_path))


def test_identity_translations_rebuild_the_pages_and_the_data_file(site: Path) -> None:
    assert run(site, "extract", "-q").exit_code == 0
    for po in (site / "locales/es").rglob("*.po"):
        _identity(po)
    merged = run(site, "merge", "-q")
    assert merged.exit_code == 0, merged.output
    pages = sorted(p.relative_to(SITE).as_posix() for p in (SITE / "content").rglob("*.md"))
    for rel in pages:
        assert (site / rel.replace(".md", ".es.md")).read_bytes() == (SITE / rel).read_bytes(), rel
    assert (site / "data/es/plants.yaml").read_bytes() == (SITE / "data/en/plants.yaml").read_bytes()
    english, spanish = (yaml.safe_load((site / f"i18n/{lang}.yaml").read_text()) for lang in ("en", "es"))
    assert spanish["readMore"] == english["readMore"]
    assert spanish["pageCount"]["one"] == english["pageCount"]["one"]
    assert spanish["pageCount"]["other"] == english["pageCount"]["other"]
