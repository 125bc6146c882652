"""A Hugo configuration file in YAML, read as Hugo reads it (YAML 1.2 booleans)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from translate_flow.errors import ConfigError

__all__ = ["read_yaml_settings"]


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as Hugo reads it (1.2): only true and false are booleans, so a language key ``no``
    (Norwegian) stays ``no``; PyYAML's YAML 1.1 would read it, and yes/on/off, as booleans."""


_BOOL = "tag:yaml.org,2002:bool"
_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read_yaml_settings(text: str, path: Path | str) -> Any:
    """The YAML document in ``text``; a syntax error is one ConfigError at its line."""
    try:
        return yaml.load(text, Loader=_Yaml12Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError("invalid Hugo configuration (YAML)", path, mark.line + 1 if mark else None) from exc
