"""Plain trees (what tomllib, PyYAML's safe loader and json give) written as TOML, YAML or JSON.

Used for files translate-flow writes whole, such as a language's Hugo settings. TOML has
no writer in the standard library, so this one covers exactly the tree shapes those
loaders produce: tables, arrays (of tables, too), strings, integers, floats, booleans
and dates. Every output is read back by its own loader in the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping, Sequence

import yaml

from translate_flow.errors import TranslateFlowError

__all__ = ["dump", "dump_toml"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TranslateFlowError(f"a TOML key must be text, not {key!r}")
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items() if v is not None) + " }"
    if isinstance(value, Sequence):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TranslateFlowError(f"TOML cannot hold the value {value!r}")


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _table(table: Mapping[str, object], path: list[str], lines: list[str]) -> None:
    # Plain values first: after a [header] every key belongs to that table.
    for key, value in table.items():
        if value is None or isinstance(value, Mapping) or _is_table_array(value):
            continue
        lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in table.items():
        here = [*path, _key(key)]
        if isinstance(value, Mapping):
            # A table holding only tables needs no header of its own, as people write them.
            if not value or any(
                v is not None and not isinstance(v, Mapping) and not _is_table_array(v) for v in value.values()
            ):
                lines.append("")
                lines.append(f"[{'.'.join(here)}]")
            _table(value, here, lines)
        elif _is_table_array(value):
            assert isinstance(value, list)
            for item in value:
                lines.append("")
                lines.append(f"[[{'.'.join(here)}]]")
                _table(item, here, lines)


def dump_toml(tree: Mapping[str, object]) -> str:
    """``tree`` as a TOML document (``None`` values are left out: TOML has no null)."""
    lines: list[str] = []
    _table(tree, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


_RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""What a plain or single-quoted YAML scalar cannot hold as it is: PyYAML would write some of
these raw (DEL, NEL, LS, PS), which YAML refuses or reads as a line break."""


class _Dumper(yaml.SafeDumper):
    """Safe YAML, with such a string double-quoted: there every character has an escape."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _RAW_UNSAFE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _reads_back(text: str, tree: Mapping[str, object]) -> bool:
    try:
        return bool(yaml.safe_load(text) == tree)
    except yaml.YAMLError:
        return False


def dump(tree: Mapping[str, object], fmt: str) -> str:
    """``tree`` in ``fmt`` (``toml``, ``yaml`` or ``json``), keys in their order."""
    if fmt == "toml":
        return dump_toml(tree)
    if fmt == "yaml":
        text: str = yaml.dump(
            dict(tree), Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10**9
        )
        if not _reads_back(text, tree):  # a last resort; the representer should make it needless
            text = yaml.dump(
                dict(tree), Dumper=_Dumper, sort_keys=False, allow_unicode=False, default_flow_style=False, width=10**9
            )
        return text
    if fmt == "json":
        return json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
    raise TranslateFlowError(f"unknown settings format {fmt!r}")
