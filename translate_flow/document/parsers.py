"""The two markdown-it parsers every stage shares, configured once like Goldmark's defaults."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

__all__ = ["BLOCK_PARSER", "INLINE_PARSER"]

BLOCK_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
"""Block structure only: segments need it, and inline parsing (most of the cost) runs on demand.

Without inline parsing no footnote is "referenced", so footnote_tail would drop every
definition; without footnote_tail the definitions simply stay where they are written.
"""
BLOCK_PARSER.disable(["inline", "footnote_tail"])

INLINE_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough"]).use(footnote_plugin)
"""Inline Markdown of one text: links, images, code, HTML, emphasis."""
