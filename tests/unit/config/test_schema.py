"""config/schema.py, keys.py and rules.py: every key declared once, with a default its own rule accepts."""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

import pytest

from translate_flow.config import rules, schema
from translate_flow.config.key_types import INTEGER, NUMBER, STRING, STRINGS, TABLE, Key
from translate_flow.config.model import (
    CheckSettings,
    Config,
    DataSettings,
    I18nSettings,
    PretranslateSettings,
    SiteSettings,
)
from translate_flow.config.schema import KEYS, TABLES, keys_of, tables_in

# Which dataclass holds the keys of each table.
_HOLDER: dict[str, type] = {
    "": Config,
    "front_matter": Config,
    "pretranslate": PretranslateSettings,
    "check": CheckSettings,
    "i18n": I18nSettings,
    "data": DataSettings,
    "site": SiteSettings,
}
# Config fields that are not one TOML key: the root, where the settings came from, tables of
# names the user picks, what only the Hugo site gives, and a run's part of the project (--shard).
_NOT_KEYS = {
    "root",
    "source",
    "wrap_explicit",  # whether the file sets wrap, not a setting of its own
    "pretranslate",
    "engines",
    "compendium",  # [engines.memory] compendium: an engine setting extract reads too
    "check",
    "language_keys",
    "language_dirs",
    "math",
    "shortcodes",
    "i18n",
    "data",
    "site",
    "folders",
    "shard",
}


def test_each_key_is_declared_once() -> None:
    dotted = [key.dotted for key in KEYS]
    assert len(dotted) == len(set(dotted))
    # A key declared but left out of KEYS would be neither loaded nor shown.
    declared = [value for value in vars(schema).values() if isinstance(value, Key)]
    assert sorted(id(key) for key in declared) == sorted(id(key) for key in KEYS)
    assert {key.table for key in KEYS} <= {"", *(table.name for table in TABLES)}


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.dotted)
def test_the_dataclass_default_is_the_schema_default(key: Key[Any]) -> None:
    holder = _HOLDER[key.table]
    field = next(f for f in fields(holder) if f.name == key.field)
    assert field.default is key.default or field.default == key.default
    assert field.default_factory is MISSING


@pytest.mark.parametrize(
    "holder", [Config, PretranslateSettings, CheckSettings, I18nSettings, DataSettings, SiteSettings]
)
def test_every_setting_field_has_a_key(holder: type) -> None:
    declared = {key.field for key in KEYS if _HOLDER[key.table] is holder}
    # The data files a user names are keys of their own choosing, like the engines.
    others = _NOT_KEYS | {"hugo_config"} if holder is Config else {"language_min_percent", "files"}
    # hugo_config is a key, but the field holds the site file found, which the key only names.
    assert {f.name for f in fields(holder)} - declared <= others
    assert declared <= {f.name for f in fields(holder)}


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.dotted)
def test_every_default_passes_its_own_checks(key: Key[Any], tmp_path: Path) -> None:
    if key.example is not None:
        assert key.comment.count("Default:") == 1  # a default found at run time is described instead
        return
    toml_like = list(key.default) if isinstance(key.default, tuple) else key.default
    assert key.kind.accepts(toml_like)
    assert (key.convert or key.kind.convert)(toml_like) == key.default
    assert key.rule is None or key.rule(key.dotted, key.default, tmp_path) is None
    assert key.comment.strip()


def test_tables_and_keys_by_table() -> None:
    assert tables_in("") == {
        "front_matter",
        "i18n",
        "data",
        "site",
        "pretranslate",
        "engines",
        "check",
        "language_keys",
        "content_dirs",
        "shortcodes",
    }
    assert tables_in("check") == {"languages"}
    assert tables_in("pretranslate") == set()
    assert set(keys_of("check")) == {"fail_on", "min_percent", "disable"}
    assert keys_of("front_matter")["translate"].field == "front_matter_keys"
    assert {table.name for table in TABLES if table.free} == {
        "engines",
        "check.languages",
        "language_keys",
        "content_dirs",
        "shortcodes",
    }


@pytest.mark.parametrize(
    ("kind", "accepted", "refused"),
    [
        (STRING, ["", "x"], [1, None, ["x"]]),
        (NUMBER, [0, 1.5, -3], [True, "1", None]),
        (INTEGER, [0, -2], [1.0, False, "1"]),
        (STRINGS, [[], ["a", "b"]], [["a", 1], "a", ("a",)]),
        (TABLE, [{}, {"a": 1}], [[], "a"]),
    ],
)
def test_kinds(kind: Any, accepted: list[object], refused: list[object]) -> None:
    assert all(kind.accepts(value) for value in accepted)
    assert not any(kind.accepts(value) for value in refused)


def test_kind_conversions() -> None:
    assert NUMBER.convert(3) == 3.0 and isinstance(NUMBER.convert(3), float)
    assert STRINGS.convert(["a"]) == ("a",)
    assert STRING.convert("x") == "x"


def test_range_rules(tmp_path: Path) -> None:
    between = rules.between(0, 100)
    assert [between("p", v, tmp_path) for v in (0, 100)] == [None, None]
    assert between("p", 100.01, tmp_path) == "'p' must be between 0 and 100"
    positive = rules.out_of_range_unless(lambda v: v > 0)
    assert positive("t", 0.001, tmp_path) is None and positive("t", 0, tmp_path) == "'t' is out of range"
    assert [rules.wrap("w", v, tmp_path) is None for v in (0, rules.MIN_WRAP - 1, rules.MIN_WRAP, -1)] == [
        True,
        False,
        True,
        False,
    ]
    assert rules.fuzzy("f", 1, tmp_path) is None and rules.fuzzy("f", 0, tmp_path) is not None
    assert rules.not_negative("l", 0, tmp_path) is None
    assert rules.one_of("a", "b")("k", "c", tmp_path) == "'k' must be one of a, b, not 'c'"


def test_place_rules(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(tmp_path.parent)
    assert rules.in_project("d", "content/x", tmp_path) is None
    for outside in ("", "/abs", "../x", "link/x"):
        assert rules.in_project("d", outside, tmp_path) == "'d' must be a relative path inside the project"
    # The cache is judged by its spelling alone.
    assert rules.relative("c", "link/x", tmp_path) is None
    assert rules.relative("c", "a/../b", tmp_path) == "'c' must be a relative path inside the project"


def test_hugo_file_rule(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    assert rules.hugo_file("h", "", tmp_path) is None
    assert rules.hugo_file("h", "hugo.toml", tmp_path) is None
    assert rules.hugo_file("h", "other.toml", tmp_path) == "'h': other.toml does not exist"
    assert rules.hugo_file("h", "../hugo.toml", tmp_path) == "'h': ../hugo.toml is not inside the project"


def test_check_names_and_language_codes(tmp_path: Path) -> None:
    assert rules.known_checks("c", ("missing", "link", "missing-po", "copy"), tmp_path) is None
    assert rules.known_checks("c", ("link", "links"), tmp_path) == "'c': unknown check 'links'"
    assert rules.language_codes(["zh_cn", "fr", "zh-CN"]) == ("zh-CN", "fr")
    with pytest.raises(ValueError, match="unknown language code 'xx-bad'"):
        rules.language_code("xx-bad")


def test_one_line(tmp_path: Path) -> None:
    assert rules.one_line("n", "Docs – 2025", tmp_path) is None
    for bad in ("a\nb", "a\rb", "a\x00b", "a\x7fb"):
        assert rules.one_line("n", bad, tmp_path) == "'n' must not hold line breaks or control characters"
