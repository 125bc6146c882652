from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run, write_tree
from translate_flow.config.load import load_config
from translate_flow.errors import ConfigError
from translate_flow.languages import parse_language


@pytest.mark.parametrize(
    ("code", "canonical", "gettext", "nplurals"),
    [
        ("zh-CN", "zh-CN", "zh_CN", 1),
        ("zh_cn", "zh-CN", "zh_CN", 1),
        ("en", "en", "en", 2),
        ("pt-BR", "pt-BR", "pt_BR", 3),
    ],
)
def test_language_spellings(code: str, canonical: str, gettext: str, nplurals: int) -> None:
    language = parse_language(code)
    assert language.code == canonical
    assert language.gettext == gettext
    assert language.plural_forms.startswith(f"nplurals={nplurals};")


@pytest.mark.parametrize("code", ["xx", "", "en-", "klingon", "123"])
def test_bad_language_codes(code: str) -> None:
    with pytest.raises(ValueError):
        parse_language(code)


def test_defaults_without_config(project: Path) -> None:
    config = load_config(project)
    assert (config.content_dir, config.locales_dir, config.source_language) == ("content", "locales", "en")
    assert config.min_percent == 80 and config.wrap == 0 and config.source is None


def test_pyproject_table(project: Path) -> None:
    write_tree(project, {"pyproject.toml": '[tool.translate-flow]\nlanguages = ["zh_cn"]\nmin_percent = 50\n'})
    config = load_config(project)
    assert config.languages == ("zh-CN",) and config.min_percent == 50


@pytest.mark.parametrize(
    ("toml", "message", "line"),
    [
        ('content_dir = "c"\nbogus = 1\n', "unknown key 'bogus'", 2),
        ('languages = "en"\n', "'languages' must be a list of strings", 1),
        ("min_percent = true\n", "'min_percent' must be a number", 1),
        ('[front_matter]\ntranslate = ["title"]\nextra = 1\n', "unknown key 'front_matter.extra'", 3),
        ('languages = ["en", "xx-bad"]\n', "'languages': unknown language code 'xx-bad'", 1),
        ('layout = "flat"\n', "'layout' must be one of", 1),
        ('content_dir = "../outside"\n', "'content_dir' must be a relative path inside the project", 1),
        ("min_percent = \n", "invalid TOML", 1),
    ],
)
def test_config_errors_name_the_key_and_line(project: Path, toml: str, message: str, line: int) -> None:
    write_tree(project, {"translate-flow.toml": toml})
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    text = str(caught.value)
    assert text.startswith(f"{project / 'translate-flow.toml'}:{line}: "), text
    assert message in text


def test_config_error_exit_status_is_2(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": "nope = 1\n", "content/a.md": "Hello.\n"})
    result = run(project, "extract")
    assert result.exit_code == 2
    assert "unknown key 'nope'" in result.output
    assert isinstance(result.exception, SystemExit), result.exception


def test_init_writes_a_config_that_loads(project: Path) -> None:
    result = run(project, "init", "--source-language", "zh-CN", "--language", "en", "--language", "fr")
    assert result.exit_code == 0, result.output
    config = load_config(project)
    assert config.source_language == "zh-CN" and config.languages == ("en", "fr")
    assert "# " in (project / "translate-flow.toml").read_text()  # it explains itself
    again = run(project, "init")
    assert again.exit_code == 2 and "already exists" in again.output


def test_missing_content_dir_is_a_usage_error(project: Path) -> None:
    result = run(project, "extract")
    assert result.exit_code == 2
    assert result.output.strip().endswith("content: content directory does not exist")


def test_minus_c_runs_elsewhere(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(project, {"content/a.md": "Hello there.\n", "translate-flow.toml": 'languages = ["fr"]\n'})
    monkeypatch.chdir(tmp_path)
    assert run(project, "extract").exit_code == 0
    assert (project / "locales/fr/a.po").is_file()
    assert not (tmp_path / "locales").exists()
