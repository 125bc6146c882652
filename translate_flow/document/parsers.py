"""The two markdown-it parsers every stage shares, configured once like Goldmark's defaults."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

__all__ = ["BLOCK_PARSER", "INLINE_PARSER", "NO_INDENTED_CODE_PARSER", "block_parser"]

BLOCK_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
"""Block structure only: segments need it, and inline parsing (most of the cost) runs on demand.

Without inline parsing no footnote is "referenced", so footnote_tail would drop every
definition; without footnote_tail the definitions simply stay where they are written.
"""
BLOCK_PARSER.disable(["inline", "footnote_tail"])

INLINE_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough"]).use(footnote_plugin)
"""Inline Markdown of one text: links, images, code, HTML, emphasis."""

NO_INDENTED_CODE_PARSER = (
    MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
)
"""Block structure as MDX reads it: like ``BLOCK_PARSER``, with no indented code."""
NO_INDENTED_CODE_PARSER.disable(["inline", "footnote_tail", "code"])


def block_parser(indented_code: bool) -> MarkdownIt:
    """The block parser of a dialect with or without indented code."""
    return BLOCK_PARSER if indented_code else NO_INDENTED_CODE_PARSER
