"""steps/extract_resource.py, merge_resource.py and check_resource.py: plans read, applications write."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import project_tree, read_po, write_tree
from translate_flow.catalog.io import render_catalog
from translate_flow.config import load_config
from translate_flow.project.discover import discover
from translate_flow.reports import Report
from translate_flow.resources.discover import resources_of
from translate_flow.steps.check_resource import resource_findings
from translate_flow.steps.extract_article import ExtractOptions
from translate_flow.steps.extract_resource import apply_resource, plan_resource
from translate_flow.steps.merge_resource_plan import plan_resource_outputs


def _site(root: Path) -> None:
    write_tree(
        root,
        {
            "translate-flow.toml": 'languages = ["fr"]\n',
            "content/a.md": "Text.\n",
            "i18n/en.toml": 'home = "Home"\n[pages]\none = "One page"\nother = "{{ .Count }} pages"\n',
        },
    )


def test_a_resource_plan_reads_only_and_its_application_writes_exactly_the_plan(tmp_path: Path) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    (catalog,) = resources_of(config, discover(config)).catalogs
    before = project_tree(tmp_path)
    plan = plan_resource(config, ExtractOptions(), catalog)
    assert project_tree(tmp_path) == before
    assert [c.rel for c in plan.catalogs] == ["locales/fr/_hugo/i18n.po", "locales/templates/_hugo/i18n.pot"]
    outcome = apply_resource(config, ExtractOptions(), plan)
    assert outcome.report.written == ["locales/fr/_hugo/i18n.po", "locales/templates/_hugo/i18n.pot"]
    assert outcome.unmatched == {"fr": "locales/fr/_hugo/i18n.po"}
    for item in plan.catalogs:
        assert item.path.read_bytes() == render_catalog(item.po)


def test_merge_plans_and_check_findings_write_nothing(tmp_path: Path) -> None:
    _site(tmp_path)
    config = load_config(tmp_path)
    (catalog,) = resources_of(config, discover(config)).catalogs
    apply_resource(config, ExtractOptions(), plan_resource(config, ExtractOptions(), catalog))
    po = read_po(tmp_path / "locales/fr/_hugo/i18n.po", wrapwidth=0)
    po[0].msgstr = "Accueil"
    po.save(str(tmp_path / "locales/fr/_hugo/i18n.po"))
    before = project_tree(tmp_path)
    report = Report()
    (planned,) = plan_resource_outputs(config, catalog, False, report)
    assert planned.data == b'home = "Accueil"\n' and planned.rendered.percent == 50.0
    findings, checked, errors = resource_findings(config, discover(config), [], [], [], [])
    assert errors == [] and checked == ["i18n/en.toml", "locales/fr/_hugo/i18n.po"]
    assert sorted((f.path, f.check) for f in findings) == [
        ("i18n/fr.toml", "missing-output"),
        ("locales/fr/_hugo/i18n.po", "untranslated"),
    ]
    assert project_tree(tmp_path) == before
