from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run, write_tree
from translate_flow.config.load import load_config
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
