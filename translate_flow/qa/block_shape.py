"""Block shape: whether a translation, written where its source stands, reads as the same blocks.

A msgstr is parsed the way merge will write it into the page (a paragraph's lines
joined by hard breaks, a heading on one line, a cell as the last row of a table) and
its blocks are compared with the msgid's, parsed the same way: no heading, list,
fence, table, thematic break, HTML block or indented code may appear or go.
"""

from __future__ import annotations

import re
from functools import lru_cache

from translate_flow.document.dialect_blocks import block_view
from translate_flow.document.hugo_markup import Markup, mask
from translate_flow.document.inline_skeleton import inline_children
from translate_flow.document.parsers import block_parser

__all__ = ["block_shape_difference"]

# Kinds whose translation may hold line breaks (they become hard breaks in the page).
_MULTILINE = frozenset(
    {"paragraph", "list item", "blockquote", "footnote", "admonition", "content tab", "definition", "tag block", "raw"}
)
# A line that starts with none of these cannot start a block of its own.
_BLOCK_START = re.compile(r"[#>\-+*=|`~<\[:_]|\d")
_PLACED = frozenset(
    {*_MULTILINE, "table cell", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5", "heading 6"}
)
_LINES = re.compile(r"\r\n|\r|\n")
_PAIRING = "`<>[]*_~$\\"
_BLOCK_NAMES = {
    "paragraph_open": "paragraph",
    "bullet_list_open": "bullet list",
    "ordered_list_open": "numbered list",
    "blockquote_open": "blockquote",
    "fence": "code fence",
    "code_block": "indented code",
    "html_block": "HTML block",
    "table_open": "table",
    "hr": "thematic break",
    "footnote_reference_open": "footnote",
    "heading_open": "heading",
}


def _as_placed(text: str, kind: str) -> list[str]:
    """The text as merge writes it into the page, as documents of their own; empty: inline only.

    A heading is tried both as ATX and as setext (levels 1 and 2), since either may be the
    source's form: ``# x`` is fine after ``## `` but makes an ATX heading above ``===``.
    Lines of a paragraph are tried with both hard-break markers, for the same reason.
    """
    # CommonMark ends a line at CR too; Goldmark does not, but other renderers of the page may.
    lines = [line.strip() for line in _LINES.split(text)]
    if kind.startswith("heading "):
        level = int(kind.split()[1])
        one = " ".join(line for line in lines if line)
        placed = ["#" * level + " " + one]
        if level <= 2:
            underline = "\n" + ("===" if level == 1 else "---")
            # A setext heading with hard breaks in the source keeps its translation's lines.
            placed += [one + underline, "\\\n".join(lines) + underline, "  \n".join(lines) + underline]
        return placed
    if kind == "table cell":
        # As the last row of a table, written without edge pipes, where a leading `#` or
        # `- ` would end the table; merge escapes pipes, so the cell cannot split.
        cell = re.sub(r"(?<!\\)\|", r"\\|", " ".join(line for line in lines if line))
        return ["| h |\n| --- |\n" + cell]
    if kind in _MULTILINE:
        # Either hard-break marker may be the source's: `\` hides a trailing pipe, two spaces do not.
        return ["\\\n".join(lines), "  \n".join(lines)]
    return []


@lru_cache(maxsize=4096)
def _shape(document: str, math: Markup) -> tuple[str, ...]:
    masked = mask(document, math)
    dialect = math.dialect
    titles: tuple[str, ...] = ()
    if dialect.containers or dialect.markers:
        # Read in the dialect: a line that opens an admonition or a definition is a block too.
        view = block_view(document.split("\n"), masked.split("\n"), 0, dialect)
        masked = "\n".join(view.lines)
        titles = tuple(f"{title.kind}::0" for title in view.titles)
    tokens = block_parser(dialect.indented_code).parse(masked)
    return titles + tuple(f"{t.type}:{t.tag}:{t.level}" for t in tokens if t.type != "inline")


def _names(shape: tuple[str, ...]) -> str:
    names = []
    for item in shape:
        kind, tag, _ = item.split(":")
        if kind.endswith(" title"):
            names.append(kind.removesuffix(" title"))
        elif kind in _BLOCK_NAMES:
            names.append(f"{_BLOCK_NAMES[kind]} {tag}" if kind == "heading_open" else _BLOCK_NAMES[kind])
    return ", ".join(names) or "nothing"


def block_shape_difference(msgid: str, msgstr: str, kind: str, math: Markup) -> str | None:
    """Why ``msgstr``, written in the place of a ``kind`` text, reads as other blocks than ``msgid``;
    None when it reads as the same ones (or the kind has no block of its own, like a link title)."""
    if kind == "image alt":
        if _image_count(f"![{msgstr}](x)") != 1:
            return "the translation would end the image's alt text early"
        # Several images may share a paragraph: a backtick or bracket added to one alt text
        # could pair with one in the next and swallow both images.
        added = sorted(ch for ch in set(_PAIRING) if msgstr.count(ch) != msgid.count(ch))
        if added:
            return f"the translation changes markup characters in an alt text: {' '.join(added)}"
        return None
    if kind == "table cell" and _odd_trailing_backslashes(msgstr) != _odd_trailing_backslashes(msgid):
        # Written before the next `|`, it would escape it and join two cells.
        return "a backslash at the end of a cell would join it with the next one"
    if kind not in _PLACED:
        return None
    # A line of neither text can start a block or escape a pipe: both are shaped like any
    # plain text in that place, and nothing needs parsing (the usual case).
    # A dialect's blocks start with other characters (`!!!`, `???`, `{%`): its texts are always parsed.
    plain = _plain(msgstr) and not math.dialect.containers and not math.dialect.markers
    if plain and _plain(msgid):
        return None
    targets = _as_placed(msgstr, kind)
    for source_doc, target_doc, plain_doc in zip(_as_placed(msgid, kind), targets, _as_placed("x", kind), strict=True):
        source = _shape(source_doc, math)
        if plain and source == _shape(plain_doc, math):
            continue
        target = _shape(target_doc, math)
        if source != target:
            return f"the translation is read as {_names(target)} instead of {_names(source)}"
    return None


def _plain(text: str) -> bool:
    """True when no line can start a block, end the text's place early or escape a pipe.

    An empty line counts too: after a two-space hard break it is a blank line, a new paragraph.
    """
    lines = _LINES.split(text)
    return not any(
        _BLOCK_START.match(line.strip()) or line.rstrip().endswith("\\") or (not line.strip() and len(lines) > 1)
        for line in lines
    )


def _odd_trailing_backslashes(text: str) -> bool:
    text = text.rstrip()
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def _image_count(text: str) -> int:
    return sum(1 for t in inline_children(text) if t.type == "image")
