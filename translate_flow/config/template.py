"""The commented ``translate-flow.toml`` that ``init`` writes, generated from the schema.

Every key is shown with its default and its comment, so the file documents itself and
a new key cannot be forgotten here. Keys whose default is found at run time (the
project folder's name, the Hugo configuration) and tables of names the user picks
(engines, languages) are shown commented out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.config.key_types import Key, Table
from translate_flow.config.schema import (
    CONTENT_DIR,
    DATA_OUTPUT,
    DIALECT,
    EXCLUDE,
    KEYS,
    LANGUAGES,
    LAYOUT,
    SOURCE_LANGUAGE,
    TABLES,
)

_INTRO = (
    "translate-flow configuration. Every key is optional: the values shown are the defaults,\n"
    f"except {SOURCE_LANGUAGE.name}, {LANGUAGES.name} and {LAYOUT.name}, which init chose for this project."
)


def render_init(
    source_language: str = SOURCE_LANGUAGE.default,
    languages: Sequence[str] = LANGUAGES.default,
    layout: str = LAYOUT.default,
    hugo_config: str | None = None,
    *,
    dialect: str = DIALECT.default,
    content_dir: str = CONTENT_DIR.default,
    exclude: Sequence[str] = EXCLUDE.default,
    data_files: Mapping[str, Sequence[str]] | None = None,
    site_config: str | None = None,
) -> str:
    """The commented config that ``translate-flow init`` writes.

    ``hugo_config`` is the Hugo configuration the choices came from (relative to the
    project root), which the file then mentions; ``site_config`` is another generator's,
    which gave the dialect and the content folder. ``data_files`` are ``[data]`` globs to
    write (Docusaurus' JSON strings), translated into a folder per language.
    """
    chosen: dict[str, object] = {
        SOURCE_LANGUAGE.dotted: source_language,
        LANGUAGES.dotted: tuple(languages),
        LAYOUT.dotted: layout,
        DIALECT.dotted: dialect,
        CONTENT_DIR.dotted: content_dir,
        EXCLUDE.dotted: tuple(exclude),
    }
    if data_files:
        chosen[DATA_OUTPUT.dotted] = "folder"
    blocks = [_comment(_INTRO) + _hugo_note(hugo_config) + _site_note(site_config, dialect)]
    blocks += [_key(key, chosen.get(key.dotted, key.default)) for key in KEYS if not key.table]
    blocks += [_table(table, chosen, data_files or {}) for table in TABLES]
    return "\n\n".join(blocks) + "\n"


def _hugo_note(hugo_config: str | None) -> str:
    if not hugo_config:
        return ""
    note = (
        f"Written for the Hugo site configured in {hugo_config}: its languages, their keys\n"
        "(file-name suffixes and folder names) and content directories are read from there\n"
        'on every run. Map a code to a different key with [language_keys], e.g. "zh-CN" = "zh-cn".'
    )
    return "\n#\n" + _comment(note)


def _site_note(site_config: str | None, dialect: str) -> str:
    if not site_config:
        return ""
    note = (
        f"Written for the {dialect} site configured in {site_config}: the dialect, the content\n"
        "folder and the languages below come from there (read once, by init)."
    )
    return "\n#\n" + _comment(note)


def _table(table: Table, chosen: dict[str, object], data_files: Mapping[str, Sequence[str]]) -> str:
    lines = [_comment(table.comment)] if table.comment else []
    if table.free:
        lines.append(_comment(table.example))
        return "\n".join(lines)
    lines.append(f"[{table.name}]")
    keys = [_key(key, chosen.get(key.dotted, key.default)) for key in KEYS if key.table == table.name]
    if table.extra:
        keys.append(_comment(table.extra))
    if table.name == "data":
        keys += [f"{_toml_string(glob)} = {toml_value(tuple(paths))}" for glob, paths in data_files.items()]
    return "\n".join(lines) + "\n" + "\n\n".join(keys)


def _key(key: Key[Any], value: object) -> str:
    if key.example is not None:
        return _comment(f"{key.comment}\n{key.name} = {key.example}")
    return f"{_comment(key.comment)}\n{key.name} = {toml_value(value)}"


def _comment(text: str) -> str:
    return "\n".join(f"# {line}" if line else "#" for line in text.split("\n"))


def toml_value(value: object) -> str:
    """``value`` written as TOML: a string, a number or a list of them."""
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        # 80 rather than 80.0: a number key takes either, and people write percentages that way.
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def _toml_string(text: str) -> str:
    escaped = []
    for ch in text:
        if ch in '"\\':
            escaped.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            escaped.append(f"\\u{ord(ch):04x}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'
