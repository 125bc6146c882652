"""Site strings end to end: a real Hugo site's title, description and menu, translated by
Apertium through the CLI, built with the `hugo` package, in both configuration layouts
(a root hugo.toml, and a config/_default/ directory of YAML files)."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import (
    REPO,
    all_catalogs,
    fill,
    hugo_build,
    msgfmt_check,
    need_apertium,
    project_tree,
    read_po,
    run,
)

SITES = REPO / "tests/sites/site-strings"
ENGLISH = ["The Garden Guide", "Practical advice for small gardens", "Vegetables", "Tools and equipment"]
_TAGS = re.compile(r"<[^>]+>")


def _site(tmp_path: Path, layout: str, config: str = 'languages = ["es"]\n') -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITES / "root", root)
    if layout == "dir":
        (root / "hugo.toml").unlink()
        shutil.copytree(SITES / "dir", root, dirs_exist_ok=True)
    (root / "translate-flow.toml").write_text(config, encoding="utf-8")
    return root


def _texts(page: Path) -> list[str]:
    return [line.strip() for line in _TAGS.sub("\n", page.read_text(encoding="utf-8")).splitlines() if line.strip()]


@pytest.mark.parametrize("layout", ["root", "dir"])
def test_apertium_translates_the_site_strings_and_hugo_shows_them(tmp_path: Path, layout: str) -> None:
    need_apertium()
    site = _site(tmp_path, layout)
    english_before = (hugo_build(site) / "index.html").read_bytes()
    shutil.rmtree(site / "public")
    assert run(site, "extract", "-q").exit_code == 0
    drafted = run(site, "pretranslate", "--engine", "apertium", "--lang", "es")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    msgfmt_check(*all_catalogs(site))
    public = hugo_build(site)
    assert (public / "index.html").read_bytes() == english_before
    english, spanish = _texts(public / "index.html"), _texts(public / "es/index.html")
    for text in ENGLISH:
        assert text in english and text not in spanish, text
    assert {"La Guía de Jardín", "Vegetales"} <= set(spanish)
    assert "Ana" in spanish  # a param not translated falls back to the global one
    page = (public / "es/index.html").read_text(encoding="utf-8")
    assert 'title="Todo necesitas obrar la tierra"' in page and 'href="/vegetables/"' in page


def test_the_catalog_and_the_settings_file(tmp_path: Path) -> None:
    site = _site(tmp_path, "root")
    assert run(site, "extract", "-q").exit_code == 0
    po = read_po(site / "locales/es/_hugo/site.po")
    assert [(e.msgctxt, e.occurrences[0]) for e in po] == [
        ("title", ("hugo.toml", "2")),
        ("params.description", ("hugo.toml", "6")),
        ("menus.main.0.name", ("hugo.toml", "18")),
        ("menus.main.tools.name", ("hugo.toml", "24")),
        ("menus.main.tools.title", ("hugo.toml", "25")),
    ]
    fill(site / "locales/es/_hugo/site.po", lambda msgid: "" if msgid == "Vegetables" else "ES " + msgid)
    assert run(site, "merge").exit_code == 0
    written = tomllib.loads((site / "config/_default/languages.es.toml").read_text(encoding="utf-8"))
    assert written == {
        "title": "ES The Garden Guide",
        "params": {"description": "ES Practical advice for small gardens"},
        "menus": {
            "main": [
                {"name": "Vegetables", "url": "/vegetables/", "weight": 1},  # untranslated: the source name
                {
                    "identifier": "tools",
                    "name": "ES Tools and equipment",
                    "title": "ES Everything you need to work the soil",
                    "pageRef": "/tools",
                    "weight": 2,
                },
            ]
        },
    }
    assert "hugo.toml" not in [line.split()[-1] for line in run(site, "merge").output.splitlines()]
    assert (site / "hugo.toml").read_bytes() == (SITES / "root/hugo.toml").read_bytes()
    report = json.loads(run(site, "check", "--format", "json").output)
    assert not [f for f in report["findings"] if f["category"] == "output"]


def test_what_the_user_sets_is_never_written_over(tmp_path: Path) -> None:
    site = _site(tmp_path, "root")
    hugo = site / "hugo.toml"
    hugo.write_text(hugo.read_text().replace('languageName = "Español"', 'languageName = "Español"\ntitle = "Mío"'))
    assert run(site, "extract", "-q").exit_code == 0
    fill(site / "locales/es/_hugo/site.po", lambda msgid: "ES " + msgid)
    merged = run(site, "merge")
    assert merged.exit_code == 0 and "1 translations held back" in merged.output, merged.output
    assert "languages.es.title is set in hugo.toml:16" in merged.output
    assert '[languages.es]\ntitle = "ES The Garden Guide"' in merged.output
    written = tomllib.loads((site / "config/_default/languages.es.toml").read_text(encoding="utf-8"))
    assert "title" not in written and written["params"] == {"description": "ES Practical advice for small gardens"}
    report = json.loads(run(site, "check", "--format", "json").output)
    assert [f["check"] for f in report["findings"] if f["category"] == "output"] == ["outdated-output"]
    # A settings file of that name the user wrote: left alone, each piece given as a snippet.
    (site / "config/_default/languages.es.toml").unlink()
    (site / "config/_default/languages.es.toml").write_text('# mine\n[params]\nauthor = "Ana"\n')
    merged = run(site, "merge")
    assert (site / "config/_default/languages.es.toml").read_text() == '# mine\n[params]\nauthor = "Ana"\n'
    assert "not written: translate-flow did not write it" in merged.output
    assert '[params]\ndescription = "ES Practical advice for small gardens"' in merged.output


def test_lifecycle_check_writes_nothing_and_jobs(tmp_path: Path) -> None:
    site = _site(tmp_path, "dir", 'languages = ["es", "fr"]\n')
    assert run(site, "extract", "-q").exit_code == 0
    fill(site / "locales/es/_hugo/site.po", lambda msgid: "ES " + msgid)
    assert "0 written" in run(site, "extract").output  # incremental: nothing changed
    menus = site / "config/_default/menus.yaml"
    menus.write_text(menus.read_text().replace("name: Vegetables", "name: Fresh vegetables"))
    params = site / "config/_default/params.yaml"
    params.write_text("author: Ana\n")  # the description is gone
    before = project_tree(site)
    checked = run(site, "extract", "--check")
    assert checked.exit_code == 1 and "locales/es/_hugo/site.po" in checked.output, checked.output
    assert "stale" in run(site, "check").output
    assert project_tree(site) == before
    assert run(site, "extract", "--jobs", "2", "-q").exit_code == 0
    po = read_po(site / "locales/es/_hugo/site.po")
    changed = next(e for e in po if e.msgctxt == "menus.main.0.name")
    assert "fuzzy" in changed.flags and changed.previous_msgid == "Vegetables"
    assert [e.msgid for e in po.obsolete_entries()] == ["Practical advice for small gardens"]
    merged = run(site, "merge", "--jobs", "2")
    assert merged.exit_code == 0 and "languages.fr.yaml: not written: fr is not a language" in merged.output
    assert not (site / "config/_default/languages.fr.yaml").exists()
    status = json.loads(run(site, "status", "--format", "json").output)
    assert {row["language"] for row in status["languages"]} == {"es", "fr"}


def test_a_file_with_every_piece_held_back_says_so(tmp_path: Path) -> None:
    # As on google/docsy-example, whose hugo.yaml sets each language's title and description.
    site = _site(tmp_path, "root")
    hugo = site / "hugo.toml"
    text = hugo.read_text().replace('languageName = "Español"', 'languageName = "Español"\ntitle = "Mío"')
    hugo.write_text(text + '[languages.es.params]\ndescription = "Mía"\n')
    text = hugo.read_text()
    assert run(site, "extract", "-q").exit_code == 0
    po = site / "locales/es/_hugo/site.po"
    fill(po, lambda msgid: "ES " + msgid)
    for entry in (catalog := read_po(po)):
        if entry.msgctxt and entry.msgctxt.startswith("menus."):
            entry.msgstr = ""
    catalog.save(str(po))
    merged = run(site, "merge")
    assert merged.exit_code == 0, merged.output
    assert "every translation in locales/es/_hugo/site.po is held back (see above)" in merged.output
    assert "is translated yet" not in merged.output
    assert hugo.read_text() == text
