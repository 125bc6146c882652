"""qa/site_findings.py: a target language the Hugo site does not define is reported."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run, write_tree
from translate_flow.config import load_config
from translate_flow.qa.site_findings import hugo_language_findings

HUGO = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""


def test_only_languages_hugo_lacks_are_reported(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"hugo.toml": HUGO, "translate-flow.toml": 'languages = ["fr", "es"]\n', "content/a.md": "A.\n"}
    )
    found = list(hugo_language_findings(load_config(tmp_path), ["fr", "es", "en"]))
    assert [(f.path, f.check, f.category, f.language) for f in found] == [("hugo.toml", "hugo-language", "site", "es")]
    assert "extra en pages" in found[0].message and "`es`" in found[0].message


def test_no_hugo_site_no_finding(tmp_path: Path) -> None:
    write_tree(tmp_path, {"translate-flow.toml": 'languages = ["es"]\n', "content/a.md": "A.\n"})
    assert list(hugo_language_findings(load_config(tmp_path), ["es"])) == []


def test_check_warns_unless_the_gate_names_site(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "hugo.toml": HUGO,
            "translate-flow.toml": 'languages = ["es"]\n[check]\nfail_on = ["missing"]\n',
            "content/a.md": "A.\n",
        },
    )
    assert run(tmp_path, "extract", "-q").exit_code == 0
    warned = run(tmp_path, "check", "--format", "json")
    assert warned.exit_code == 0, warned.output
    findings = json.loads(warned.output)["findings"]
    assert [f["severity"] for f in findings if f["check"] == "hugo-language"] == ["warning"]
    assert run(tmp_path, "check", "--fail-on", "site").exit_code == 1
