"""resources/emit.py: every tree comes back equal from its own format's loader."""

from __future__ import annotations

import json
import tomllib

import yaml
from hypothesis import given
from hypothesis import strategies as st

from translate_flow.resources.emit import dump, dump_toml

_keys = st.text(min_size=1, max_size=8)
_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
_trees = st.recursive(
    st.dictionaries(_keys, _scalars, max_size=4),
    lambda inner: st.dictionaries(
        _keys,
        st.one_of(_scalars, inner, st.lists(inner, min_size=1, max_size=3), st.lists(_scalars, max_size=3)),
        max_size=4,
    ),
    max_leaves=20,
)


@given(_trees)
def test_toml_reads_back_equal(tree: dict[str, object]) -> None:
    assert tomllib.loads(dump_toml(tree)) == tree


@given(_trees)
def test_yaml_and_json_read_back_equal(tree: dict[str, object]) -> None:
    assert yaml.safe_load(dump(tree, "yaml")) == tree
    assert json.loads(dump(tree, "json")) == tree


def test_a_language_file_reads_like_one_written_by_hand() -> None:
    tree = {
        "title": "Mi sitio",
        "params": {"description": 'Un "sitio"\ncon dos líneas'},
        "menus": {"main": [{"name": "Documentación", "url": "/docs/", "weight": 1}]},
    }
    assert dump_toml(tree) == (
        'title = "Mi sitio"\n\n[params]\ndescription = "Un \\"sitio\\"\\ncon dos líneas"\n\n'
        '[[menus.main]]\nname = "Documentación"\nurl = "/docs/"\nweight = 1\n'
    )


def test_yaml_falls_back_to_escapes_for_characters_pyyaml_writes_raw() -> None:
    for text in ("a\x7fb", "a\x85b", "a\u2028b"):
        written = dump({"name": text}, "yaml")
        assert yaml.safe_load(written) == {"name": text} and written.startswith('name: "')
