"""reports.py and errors.py: one message form, and one rule for how a step ends."""

from __future__ import annotations

from pathlib import Path

from translate_flow.errors import ArticleError, ConfigError, TranslateFlowError
from translate_flow.reports import Notice, Report


def test_messages_are_path_line_text() -> None:
    assert str(ArticleError("not valid UTF-8", "content/a.md", 3)) == "content/a.md:3: not valid UTF-8"
    assert str(ConfigError("unknown key 'x'", Path("translate-flow.toml"))) == "translate-flow.toml: unknown key 'x'"
    assert (
        str(Notice("locales/fr/a.po", 7, "not merged: a link is lost"))
        == "locales/fr/a.po:7: not merged: a link is lost"
    )
    assert str(Notice("content/a.fr.md", None, "not written")) == "content/a.fr.md: not written"


def test_a_report_ends_with_its_worst_error() -> None:
    report = Report()
    assert report.ok and report.exit_code == 0
    report.errors.append(ArticleError("cannot read", "content/a.md"))
    assert not report.ok and report.exit_code == 1
    report.errors.append(ConfigError("bad setting"))
    assert report.exit_code == 2
    assert TranslateFlowError("x").exit_code == 1 and ConfigError("x").exit_code == 2
