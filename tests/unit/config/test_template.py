"""config/template.py: the file init writes shows every key with its default, and loads as the defaults."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import write_tree
from translate_flow.config.load import CONFIG_NAME, load_config
from translate_flow.config.schema import KEYS, TABLES
from translate_flow.config.template import render_init, toml_value


def _load_with(root: Path, text: str) -> Any:
    write_tree(root, {CONFIG_NAME: text})
    return replace(load_config(root), source=None)


def test_round_trip_gives_the_defaults(project: Path) -> None:
    without = load_config(project)
    assert _load_with(project, render_init()) == without


def test_round_trip_with_the_choices_of_init(project: Path) -> None:
    without = load_config(project)
    loaded = _load_with(project, render_init("zh_cn", ["en", "fr"], "directory"))
    assert loaded == replace(without, source_language="zh-CN", languages=("en", "fr"), layout="directory")


def test_round_trip_on_a_hugo_site(project: Path) -> None:
    write_tree(project, {"hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\ncontentDir = "content/de"\n'})
    without = load_config(project)
    assert (without.source_language, without.layout) == ("de", "directory")
    text = render_init(without.source_language, ("fr",), without.layout, "hugo.toml")
    assert _load_with(project, text) == replace(without, languages=("fr",))
    assert "# Written for the Hugo site configured in hugo.toml: its languages" in text


def test_every_key_is_shown_in_its_table_with_its_default() -> None:
    text = render_init()
    data = tomllib.loads(text)
    for key in KEYS:
        table = data
        for part in filter(None, key.table.split(".")):
            table = table[part]
        if key.example is None:
            value = table[key.name]
            assert (key.convert or key.kind.convert)(value) == key.default, key.dotted
        else:
            # Found at run time, so shown commented out with an example value.
            assert key.name not in table, key.dotted
            assert f"\n# {key.name} = {key.example}\n" in text
        for line in key.comment.splitlines():
            assert f"# {line}".rstrip() in text.splitlines(), (key.dotted, line)


def test_every_table_is_shown() -> None:
    text = render_init()
    data = tomllib.loads(text)
    for table in TABLES:
        parent, _, name = table.name.rpartition(".")
        holder = data[parent] if parent else data
        if table.free:
            assert name not in holder and f"# [{table.name}" in text
            for line in table.example.splitlines():
                assert f"# {line}" in text.splitlines()
        else:
            assert isinstance(holder[name], dict) and f"\n[{table.name}]\n" in text


def test_the_hugo_note_only_with_a_site() -> None:
    assert "Hugo site configured" not in render_init()
    assert "Hugo site configured in config/_default/hugo.yaml:" in render_init(hugo_config="config/_default/hugo.yaml")


def test_every_line_is_a_comment_a_header_or_a_setting() -> None:
    for line in render_init("en", ["fr"], "filename", "hugo.toml").splitlines():
        assert line == "" or re.fullmatch(r"#( .*)?|\[[a-z0-9_.]+\]|[a-z_]+ = \S.*", line), line


@given(st.text())
def test_strings_are_written_as_toml_reads_them(text: str) -> None:
    assert tomllib.loads(f"x = {toml_value(text)}")["x"] == text


@pytest.mark.parametrize(
    ("value", "written"),
    [(80.0, "80"), (0.6, "0.6"), (3, "3"), (("a", "b"), '["a", "b"]'), ((), "[]"), ('a"b\\', '"a\\"b\\\\"')],
)
def test_values(value: object, written: str) -> None:
    assert toml_value(value) == written


def test_no_toml_form_for_other_values() -> None:
    with pytest.raises(TypeError):
        toml_value(None)
