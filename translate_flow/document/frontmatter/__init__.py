"""Front matter in YAML (``---``), TOML (``+++``) or JSON (``{ … }``), with value positions.

Values are read with safe loaders; every string value also gets its exact span in
the article so that merge can replace just that value and leave every other byte,
key order, quoting and comments untouched. python-frontmatter cannot report those
positions, which is why the block is located and parsed here (see docs/decisions.md).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from translate_flow.document.frontmatter import json_fm, toml_fm
from translate_flow.document.frontmatter.model import FrontMatter, Path_, ScalarSpan, body_line_after, line_number

__all__ = [
    "FORMATS",
    "FrontMatter",
    "Path_",
    "ScalarSpan",
    "body_line_after",
    "line_number",
    "parse_front_matter",
    "render_span_end",
    "render_value",
]
from translate_flow.errors import ArticleError
from translate_flow.lazy import lazy_module
from translate_flow.textutil import LINE_END_RE

# PyYAML is imported when an article with YAML front matter is first read, not by a no-op run.
if TYPE_CHECKING:
    from translate_flow.document.frontmatter import yaml_fm
else:
    yaml_fm = lazy_module("translate_flow.document.frontmatter.yaml_fm")

_YAML_OPEN = re.compile(r"---[ \t]*(\r\n|\r|\n)")
_TOML_OPEN = re.compile(r"\+\+\+[ \t]*(\r\n|\r|\n)")


def _find_close(text: str, start: int, delimiter: str) -> tuple[int, int] | None:
    """(start, end incl. line ending) of the first line after ``start`` that is ``delimiter``.

    Lines are split on CR, LF and CRLF alike (``re.MULTILINE`` knows only LF).
    """
    pattern = re.compile(delimiter)
    position = start
    for match in LINE_END_RE.finditer(text, start):
        if pattern.fullmatch(text, position, match.start()):
            return position, match.end()
        position = match.end()
    if position < len(text) and pattern.fullmatch(text, position):
        return position, len(text)
    return None


FORMATS = ("yaml", "toml", "json")
"""Every front-matter format: Hugo reads all three, other generators YAML only."""


def parse_front_matter(text: str, path: str, formats: tuple[str, ...] = FORMATS) -> FrontMatter | None:
    """Locate and parse the front matter at the start of ``text`` (BOM already removed), in one of ``formats``."""

    if match := _YAML_OPEN.match(text):
        close = _find_close(text, match.end(), r"(?:---|\.\.\.)[ \t]*")
        if close is None:
            raise ArticleError("front matter opened with '---' is never closed", path, 1)
        return yaml_fm.parse(text, match.end(), close[0], close[1], path)
    if "toml" in formats and (match := _TOML_OPEN.match(text)):
        close = _find_close(text, match.end(), r"\+\+\+[ \t]*")
        if close is None:
            raise ArticleError("front matter opened with '+++' is never closed", path, 1)
        return toml_fm.parse(text, match.end(), close[0], close[1], path)
    if "json" in formats and text.startswith("{") and not text.startswith("{{"):
        return json_fm.parse(text, path)
    return None


def render_value(fm: FrontMatter, text: str, span: ScalarSpan, new: str, safe: bool = False) -> str:
    """The source text of ``new`` written in the same style as ``span``'s value.

    With ``safe``, in the one style that holds any text on one line: a YAML or TOML
    double-quoted string with escapes (for when the source style could not hold it).
    """

    if fm.format == "yaml":
        return yaml_fm.double_quoted(new) if safe else yaml_fm.render(text, span, new)
    if fm.format == "toml":
        return toml_fm.basic_string(new) if safe else toml_fm.render(text, span, new)
    return json.dumps(new, ensure_ascii=span.style == "ascii")


def render_span_end(fm: FrontMatter, text: str, span: ScalarSpan) -> int:
    """Where the replaced source ends (block scalars keep their trailing line breaks)."""
    if fm.format == "yaml" and span.style in ("|", ">"):
        return yaml_fm.block_content_end(text, span)
    return span.end
