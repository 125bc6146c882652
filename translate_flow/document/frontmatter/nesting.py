"""One nesting limit for YAML, TOML and JSON front matter, enforced before a parser recurses.

Parsers disagree about deep input: libyaml refuses more than 1,000 levels (since
PyYAML 6.0.2's bundled build), pure-Python PyYAML, tomllib and json run out of
stack near Python's recursion limit, and the C json scanner has its own bound. So
the depth is measured here first, with the same limit and the same message for
every format, and a page's fate never depends on how a library was built.

Every level of nesting needs at least one structure character (``[``, ``{``, and in
YAML also a ``-``, ``:`` or ``?`` indicator; dotted TOML keys need ``.``). A front matter with
no more of them than the limit cannot be too deep, so the exact scan runs only on
the rare block that has many, and normal articles pay for a few ``str.count`` calls.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from translate_flow.document.frontmatter.model import line_number
from translate_flow.errors import ArticleError
from translate_flow.lazy import lazy_module

# PyYAML is imported by the first YAML check, not by the JSON and TOML readers that share this module.
if TYPE_CHECKING:
    import yaml
else:
    yaml = lazy_module("yaml")

MAX_NESTING = 100
"""Deepest allowed nesting of mappings and lists; the front matter's own mapping is level 1."""

# Strings are skipped whole so that brackets inside them do not count.
# What can open a level in YAML: a flow bracket, an explicit key, a block entry ``- `` or a
# value indicator ``: `` (or ``:`` right after a quoted key or a flow collection).
_YAML_INDICATOR = re.compile(r"[\[{?]|-(?=[ \t\r\n])|:(?=[ \t\r\n])|(?<=[\"'\]}]):|[-:]\Z")
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_TOML_TOKEN = re.compile(
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\r\n]|\\.)*"|\'[^\'\r\n]*\'|#[^\r\n]*|[\[\]{}\n]', re.DOTALL
)


def _error(path: str, line: int) -> ArticleError:
    return ArticleError(f"front matter is nested deeper than {MAX_NESTING} levels", path, line)


def _few(text: str, indicators: str, implicit: int = 0) -> bool:
    """True when ``text`` has too few structure characters to nest past the limit.

    ``implicit`` counts levels that need no character, like TOML's top-level table.
    """
    return sum(text.count(ch) for ch in indicators) + implicit <= MAX_NESTING


def _check_brackets(text: str, tokens: re.Pattern[str], base: int, path: str, first_line: int, headers: bool) -> None:
    depth = base
    in_header = False
    for token in tokens.finditer(text):
        ch = token.group()
        if in_header:
            in_header = ch != "\n"
        elif ch in "[{":
            # A TOML table header ([a.b] or [[a.b]]) opens a line outside any array: not a value.
            line_start = text.rfind("\n", 0, token.start()) + 1
            if headers and depth == base and not text[line_start : token.start()].strip(" \t"):
                in_header = True
                continue
            depth += 1
            if depth > MAX_NESTING:
                raise _error(path, first_line + line_number(text, token.start()) - 1)
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return  # the end of a JSON object: the article body follows


def check_json(text: str, path: str) -> None:
    """Refuse JSON front matter nested deeper than the limit; ``text`` starts with its ``{``."""
    if _few(text, "[{"):
        return
    # The object itself is level 1, like the implicit mapping of YAML and TOML.
    _check_brackets(text, _JSON_TOKEN, 0, path, 1, headers=False)


def check_toml(inner: str, path: str, first_line: int) -> None:
    """Refuse TOML arrays and inline tables nested deeper than the limit (before tomllib recurses)."""
    if _few(inner, "[{", implicit=1):
        return
    # The depth that table headers and dotted keys add is measured on the parsed data.
    _check_brackets(inner, _TOML_TOKEN, 1, path, first_line, headers=True)


def check_toml_data(data: dict[str, Any], inner: str, path: str, first_line: int) -> None:
    """Refuse TOML whose tables (headers, dotted keys) nest deeper than the limit."""
    if _few(inner, "[{.", implicit=1):
        return
    # tomllib builds tables iteratively, so the parsed data is safe to walk; TOML has no aliases.
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            raise _error(path, first_line)
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def check_yaml(inner: str, path: str, first_line: int) -> None:
    """Refuse YAML nested deeper than the limit, reading parser events only as far as needed."""
    if len(_YAML_INDICATOR.findall(inner)) <= MAX_NESTING:
        return
    # The pure-Python parser has no depth limit of its own and builds no nodes: libyaml looks
    # ahead through a whole flow collection and may stop at its own limit before we can.
    depth = 0
    try:
        for event in yaml.parse(inner, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    line = event.start_mark.line if event.start_mark is not None else 0
                    raise _error(path, first_line + line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the real parse reports the syntax error, with its position
