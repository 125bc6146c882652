"""steps/init.py: the library half of `translate-flow init`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config.load import CONFIG_NAME, load_config
from translate_flow.config.template import render_init
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.steps.init import InitReport, init

HUGO = (
    'defaultContentLanguage = "zh-cn"\n[languages.zh-cn]\nweight = 1\n'
    '[languages.en]\nweight = 2\n[languages.fr]\nweight = 3\n[languages.chinese]\nlocale = "zh-CN"\nweight = 4\n'
)


def test_writes_the_template_and_reports_the_choices(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = init(project, "zh_cn", ["en", "fr"])
    assert report == InitReport(project / CONFIG_NAME, None, "zh-CN", ("en", "fr"), "filename")
    assert (project / CONFIG_NAME).read_text(encoding="utf-8") == render_init("zh-CN", ("en", "fr"), "filename")
    assert capsys.readouterr() == ("", "")  # a library never prints


def test_without_a_site_or_arguments_the_defaults(project: Path) -> None:
    without = load_config(project)
    report = init(project)
    assert (report.source_language, report.languages, report.layout) == ("en", (), "filename")
    assert replace(load_config(project), source=None) == without


def test_the_hugo_site_decides_what_is_not_given(project: Path) -> None:
    write_tree(project, {"hugo.toml": HUGO})
    without = load_config(project)
    report = init(project)
    # The site's other languages, each once, in Hugo's order.
    assert report == InitReport(project / CONFIG_NAME, "hugo.toml", "zh-CN", ("en", "fr"), "filename")
    assert "Hugo site configured in hugo.toml" in report.path.read_text(encoding="utf-8")
    assert replace(load_config(project), source=None) == replace(without, languages=("en", "fr"))


def test_the_source_argument_wins_and_languages_add_to_the_site(project: Path) -> None:
    write_tree(project, {"hugo.toml": HUGO})
    report = init(project, "en", ["de"])
    # Issue 16: naming only de made the site's zh-CN and fr pages sources on the next run.
    assert (report.source_language, report.languages, report.hugo_config) == ("en", ("zh-CN", "fr", "de"), "hugo.toml")
    assert report.kept == ("zh-CN", "fr")
    assert init(project, "en", ["fr"], force=True).kept == ("zh-CN",)
    # Only the source language given: the targets are the site's languages but that one.
    assert init(project, "fr", force=True).languages == ("zh-CN", "en")


def test_content_dirs_give_the_directory_layout(project: Path) -> None:
    write_tree(
        project,
        {
            "config/_default/hugo.toml": '[languages.en]\ncontentDir = "content/en"\n[languages.de]\ncontentDir = "content/de"\n'
        },
    )
    report = init(project)
    assert (report.layout, report.hugo_config, report.languages) == ("directory", "config/_default/hugo.toml", ("de",))
    assert load_config(project).layout == "directory"


def test_languages_are_canonical_and_each_once(project: Path) -> None:
    assert init(project, languages=["pt_br", "fr", "pt-BR"]).languages == ("pt-BR", "fr")
    # A lone string is one code, not a sequence of letters.
    assert init(project, languages="de", force=True).languages == ("de",)


def test_an_existing_file_is_refused_unless_forced(project: Path) -> None:
    write_tree(project, {CONFIG_NAME: "# mine\n"})
    with pytest.raises(ConfigError) as caught:
        init(project, languages=["fr"])
    assert str(caught.value) == f"{project / CONFIG_NAME}: already exists; use --force to replace it"
    assert caught.value.exit_code == 2
    assert (project / CONFIG_NAME).read_text() == "# mine\n"
    init(project, languages=["fr"], force=True)
    assert load_config(project).languages == ("fr",)


def test_a_pyproject_that_configures_translate_flow_is_refused_unless_forced(project: Path) -> None:
    write_tree(project, {"pyproject.toml": "[tool.black]\n"})
    init(project)  # a pyproject.toml for other tools is no obstacle
    (project / CONFIG_NAME).unlink()
    write_tree(project, {"pyproject.toml": '[tool.translate-flow]\nlanguages = ["fr"]\n'})
    with pytest.raises(ConfigError) as caught:
        init(project)
    assert str(caught.value) == f"{project / 'pyproject.toml'}: pyproject.toml already configures translate-flow"
    assert not (project / CONFIG_NAME).exists()
    assert init(project, force=True).path.is_file()


def test_an_unknown_language_writes_nothing(project: Path) -> None:
    for source, languages in (("klingon", ()), (None, ("fr", "xx-bad"))):
        with pytest.raises(ConfigError) as caught:
            init(project, source, languages)
        bad = source or "xx-bad"
        assert str(caught.value) == f"unknown language code {bad!r}" and caught.value.exit_code == 2
    assert not (project / CONFIG_NAME).exists()


def test_a_site_with_an_unknown_default_language(project: Path) -> None:
    write_tree(project, {"hugo.toml": 'defaultContentLanguage = "klingon"\n'})
    with pytest.raises(ConfigError) as caught:
        init(project)
    assert str(caught.value) == f"{project / 'hugo.toml'}: defaultContentLanguage: unknown language code 'klingon'"
    assert init(project, "en").source_language == "en"


def test_a_file_that_cannot_be_written(project: Path) -> None:
    (project / CONFIG_NAME).mkdir()
    with pytest.raises(TranslateFlowError) as caught:
        init(project, languages=["fr"], force=True)
    assert str(caught.value) == f"{project / CONFIG_NAME}: cannot write: Is a directory"
    assert caught.value.exit_code == 1
