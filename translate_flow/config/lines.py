"""Where a key sits in a TOML file, for error messages: tomllib gives values, not positions."""

from __future__ import annotations

import re

# A table header on a line of its own: [name] or [[name]], an optional comment after it.
_HEADER = re.compile(r"^[ \t]*\[\[?([^\[\]\n]*)\]\]?[ \t\r]*(?:#[^\n]*)?$", re.MULTILINE)


def _normal(name: str) -> str:
    """``[ tool . "translate-flow" ]`` and ``[tool.translate-flow]`` name the same table."""
    return re.sub(r"[\s\"']", "", name)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _region(text: str, table: str) -> tuple[int, int] | None:
    """The span of ``table``'s own lines: after its header, up to the next header."""
    headers = list(_HEADER.finditer(text))
    if not table:
        return 0, headers[0].start() if headers else len(text)
    for index, header in enumerate(headers):
        if _normal(header.group(1)) == table:
            end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
            return header.end(), end
    return None


def key_line(text: str, key: str, table: str = "") -> int | None:
    """1-based line where ``key`` is set in ``table`` (dotted; "" for the top of the file).

    A key that is a table of its own (``[check.languages.fr]``) is found by its header.
    None when the key is not written where a line can be told, e.g. in an inline table.
    """
    name = re.escape(key)
    assignment = re.compile(rf"^[ \t]*(?:{name}|\"{name}\"|'{name}')[ \t]*=", re.MULTILINE)
    region = _region(text, table)
    if region is not None:
        match = assignment.search(text, *region)
        if match is not None:
            return _line(text, match.start())
    dotted = f"{table}.{key}" if table else key
    for header in _HEADER.finditer(text):
        if _normal(header.group(1)) == dotted:
            return _line(text, header.start())
    return None
