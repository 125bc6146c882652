"""config/compendium.py: a compendium serves one language, whatever form the setting takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config.compendium import Compendium
from translate_flow.config.load import CONFIG_NAME, load_config
from translate_flow.errors import ConfigError

_PO = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'


def _config(root: Path, languages: str, setting: str) -> Compendium:
    write_tree(root, {CONFIG_NAME: f"languages = {languages}\n\n[engines.memory]\ncompendium = {setting}\n"})
    return load_config(root).compendium


def _error(root: Path, languages: str, setting: str) -> str:
    with pytest.raises(ConfigError) as caught:
        _config(root, languages, setting)
    assert caught.value.exit_code == 2
    return str(caught.value)


def test_a_pattern_names_each_languages_own_file(project: Path) -> None:
    compendium = _config(project, '["fr", "zh-CN"]', '"tm/{lang}.po"')
    assert (compendium.path_for("fr"), compendium.path_for("zh-CN")) == ("tm/fr.po", "tm/zh-CN.po")


def test_a_table_serves_only_the_languages_it_names(project: Path) -> None:
    write_tree(project, {"tm/fr.po": _PO, "tm/zh.po": _PO})
    compendium = _config(project, '["fr", "zh-CN", "de"]', '{ fr = "tm/fr.po", "zh-cn" = "tm/zh.po" }')
    assert [compendium.path_for(lang) for lang in ("fr", "zh-CN", "de")] == ["tm/fr.po", "tm/zh.po", None]


def test_a_plain_path_serves_the_one_target_language_only(project: Path) -> None:
    write_tree(project, {"c.po": _PO})
    compendium = _config(project, '["fr"]', '"c.po"')
    assert (compendium.path_for("fr"), compendium.path_for("de")) == ("c.po", None)


def test_a_plain_path_with_several_languages_says_to_use_a_pattern(project: Path) -> None:
    write_tree(project, {"tm/fr.po": _PO})
    message = _error(project, '["fr", "zh-CN"]', '"tm/fr.po"')
    assert message == (
        f"{project.resolve() / CONFIG_NAME}:4: 'engines.memory.compendium': one file cannot serve several "
        'target languages (the languages fr, zh-CN); write a pattern such as "tm/{lang}.po" '
        'or a table such as { fr = "tm/fr.po" }'
    )
    assert "no 'languages' setting" in _error(project, "[]", '"tm/fr.po"')


@pytest.mark.parametrize(
    ("setting", "why"),
    [
        ('"../outside/{lang}.po"', "'engines.memory.compendium' must be inside the project"),
        ('"missing.po"', "'engines.memory.compendium': missing.po does not exist"),
        (
            '{ fr = "tm/{lang}.po" }',
            "'engines.memory.compendium.fr' names one language's file; {lang} belongs in a pattern",
        ),
        ('{ fr = "missing.po" }', "'engines.memory.compendium.fr': missing.po does not exist"),
        ("{ fr = 3 }", "'engines.memory.compendium.fr' must be a path relative to the project"),
        ("3", "'engines.memory.compendium' must be a path relative to the project"),
    ],
)
def test_bad_settings_are_one_line_with_the_key_line(project: Path, setting: str, why: str) -> None:
    assert _error(project, '["fr"]', setting) == f"{project.resolve() / CONFIG_NAME}:4: {why}"


def test_an_unknown_language_in_the_table_is_refused(project: Path) -> None:
    message = _error(project, '["fr"]', '{ "xx-notalanguage-at-all" = "c.po" }')
    assert message == f"{project.resolve() / CONFIG_NAME}:4: unknown language code 'xx-notalanguage-at-all'"
