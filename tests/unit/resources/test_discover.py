"""resources/discover.py: which i18n tables and data files a project has, and where they go."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree
from translate_flow.config import load_config
from translate_flow.resources.discover import discover_resources, resource_targets, select_catalogs

HUGO = 'theme = ["docs", "missing"]\ndefaultContentLanguage = "en"\n[languages.en]\n[languages.es]\n[languages.zh-cn]\n'


def _found(root: Path) -> dict[str, list[tuple[str, dict[str, str]]]]:
    config = load_config(root)
    found = discover_resources(config)
    assert found.errors == ()
    return {
        c.name: [(r.rel, {k: v.relative_to(root).as_posix() for k, v in r.outputs.items()}) for r in c.resources]
        for c in found.catalogs
    }


def test_i18n_tables_of_the_site_and_its_theme_in_one_catalog(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": HUGO,
            "i18n/en.yaml": "a: A\n",
            "i18n/es.yaml": "a: Á\n",  # a translation, not a source
            "i18n/notes.txt": "",
            "themes/docs/i18n/en.toml": 'b = "B"\n',
            "themes/docs/i18n/fr.toml": 'b = "Bé"\n',
        },
    )
    assert resource_targets(load_config(project)) == ("es", "zh-CN")
    assert _found(project) == {
        "_hugo/i18n": [
            ("i18n/en.yaml", {"es": "i18n/es.yaml", "zh-CN": "i18n/zh-cn.yaml"}),
            ("themes/docs/i18n/en.toml", {"es": "i18n/docs/es.toml", "zh-CN": "i18n/docs/zh-cn.toml"}),
        ]
    }
    write_tree(project, {"translate-flow.toml": "[i18n]\nthemes = false\n"})
    assert [rel for rel, _ in _found(project)["_hugo/i18n"]] == ["i18n/en.yaml"]
    write_tree(project, {"translate-flow.toml": "[i18n]\ntranslate = false\n"})
    assert _found(project) == {}


def test_data_files_beside_or_in_language_folders(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": HUGO,
            "translate-flow.toml": '[data]\n"*.yaml" = ["terms.*.definition"]\n"authors.json" = ["*.bio"]\n',
            "data/termbase.yaml": "terms: []\n",
            "data/termbase.es.yaml": "terms: []\n",  # an output
            "data/authors.json": "{}",
            "data/other.toml": "",
        },
    )
    assert _found(project) == {
        "_hugo/data/authors": [
            ("data/authors.json", {"es": "data/authors.es.json", "zh-CN": "data/authors.zh-cn.json"})
        ],
        "_hugo/data/termbase": [
            ("data/termbase.yaml", {"es": "data/termbase.es.yaml", "zh-CN": "data/termbase.zh-cn.yaml"})
        ],
    }
    write_tree(
        project,
        {
            "translate-flow.toml": '[data]\noutput = "folder"\n"**/*.yaml" = ["x"]\n',
            "data/en/glossary.yaml": "x: X\n",
            "data/es/glossary.yaml": "x: Equis\n",
        },
    )
    found = _found(project)
    assert found["_hugo/data/glossary"] == [
        ("data/en/glossary.yaml", {"es": "data/es/glossary.yaml", "zh-CN": "data/zh-cn/glossary.yaml"})
    ]
    assert found["_hugo/data/termbase"] == [
        ("data/termbase.yaml", {"es": "data/es/termbase.yaml", "zh-CN": "data/zh-cn/termbase.yaml"})
    ]


def test_clashes_are_errors_naming_the_file(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["es"]\n[data]\n"t.*" = ["x"]\n',
            "data/t.yaml": "x: X\n",
            "data/t.toml": 'x = "X"\n',
            "i18n/en.yaml": "a: A\n",
        },
    )
    config = load_config(project)
    found = discover_resources(config, {"_hugo/i18n": "content/_hugo/i18n.md"})
    assert [str(e) for e in found.errors] == [
        "data/t.yaml: shares its catalogs with data/t.toml (same name); rename one",
        "i18n/en.yaml: shares its catalogs with content/_hugo/i18n.md; rename one",
    ]
    assert [c.name for c in found.catalogs] == ["_hugo/data/t"]


def test_fresh_catalogs_and_selection_by_path(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["es"]\n', "i18n/en.yaml": "a: A\n"})
    config = load_config(project)
    (catalog,) = discover_resources(config).catalogs
    assert not catalog.fresh and catalog.catalog_paths(config) == [
        project.resolve() / "locales/es/_hugo/i18n.po",
        project.resolve() / "locales/templates/_hugo/i18n.pot",
    ]
    assert select_catalogs([catalog], [project / "i18n"]) == [catalog]
    assert select_catalogs([catalog], [project / "content"]) == []


def test_pages_named_like_the_resource_catalogs_do_not_clash(project: Path) -> None:
    # Found on google/docsy-example, which has a content/en/site.md page.
    write_tree(project, {"hugo.toml": 'title = "T"\n' + HUGO, "i18n/en.yaml": "a: A\n"})
    config = load_config(project)
    found = discover_resources(config, {"site": "content/site.md", "i18n": "content/i18n.md"})
    assert found.errors == ()
    assert sorted(c.name for c in found.catalogs) == ["_hugo/i18n", "_hugo/site"]
