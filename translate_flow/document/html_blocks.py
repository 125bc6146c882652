"""Segments of a Markdown HTML block, pinned to their exact source offsets.

markdown-it gives an HTML block as lines with the container prefixes (``> ``, list
indentation) taken off. Each of those lines must be the end of its source line, as for
paragraphs; a block where one is not is reported and left alone, never guessed.

A text of an HTML block is written back on one line (``one_line``): HTML reads a line
break as a space anyway, and a line break could end the block early (a blank line ends
it in CommonMark) or need the container's prefix.

Code shortcodes (``{{< highlight >}}`` … ``{{< /highlight >}}``) are code inside HTML
blocks too, even when their pair opens in one block and closes in a later one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

from markdown_it.token import Token

from translate_flow.document.html_text import html_texts
from translate_flow.document.html_tokens import TRANSLATABLE_ATTRIBUTES
from translate_flow.document.hugo_markup import SHORTCODE_MASK, Markup, find_markup
from translate_flow.document.segment import Location, Segment, Skipped
from translate_flow.textutil import LineTable

__all__ = ["HtmlBlockResult", "html_block_segments"]

_SHORTCODE_NAME = re.compile(r"\{\{[<%]\s*(/?)\s*([\w./-]+)")
# CommonMark's HTML blocks of types 1 to 5 end at the first line holding their end marker;
# the others end at a blank line, which a one-line text never writes.
_ENDS_AT_MARKER = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE),
        re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)


@dataclass(frozen=True)
class HtmlBlockResult:
    segments: list[Segment]
    skipped: list[Skipped]
    in_code: bool
    """Whether a code shortcode is still open after the block."""


def html_block_segments(
    token: Token,
    text: str,
    masked: str,
    lines: LineTable,
    body_line: int,
    math: Markup,
    code_shortcodes: Collection[str],
    in_code: bool,
) -> HtmlBlockResult:
    """The texts of one ``html_block`` token of the body that starts at line ``body_line``."""
    assert token.map is not None
    first = token.map[0] + body_line
    count = token.map[1] - token.map[0]
    contents = token.content.split("\n")
    if len(contents) == count + 1 and contents[-1] == "":
        contents.pop()
    starts: list[int] = []
    for k, content in enumerate(contents if len(contents) == count else ()):
        source = lines.content(masked, first + k)
        column = len(source) - len(content)
        if column < 0 or source[column:] != content:
            break
        starts.append(lines.starts[first + k] + column)
    if len(starts) != count:
        # Only a block with something to translate is worth a notice.
        texts, _ = html_texts(token.content, token.content)
        notice = [Skipped(first + 1, "HTML block: text not found in the source lines")] if texts else []
        return HtmlBlockResult([], notice, in_code)
    original = "\n".join(text[s : s + len(c)] for s, c in zip(starts, contents, strict=True))
    fragment = "\n".join(contents)
    fragment, in_code = _mask_code(original, fragment, math, code_shortcodes, in_code)
    found, unplaced = html_texts(fragment, original, TRANSLATABLE_ATTRIBUTES + math.dialect.attributes)
    cutoff = _first_text_offset(fragment, len(fragment) - len(contents[-1]) if contents else 0)
    found = [item for item in found if item.start >= cutoff]

    line_starts = [0]
    for content in contents[:-1]:
        line_starts.append(line_starts[-1] + len(content) + 1)

    def where(offset: int) -> int:
        k = bisect_right(line_starts, offset) - 1
        return starts[k] + offset - line_starts[k]

    segments = []
    for item in found:
        start, end = where(item.start), where(item.end - 1) + 1
        location = Location(start, end, lines.line_of(start) + 1)
        segments.append(Segment(item.text, item.kind, location, one_line=True))
    skipped = [Skipped(lines.line_of(where(offset)) + 1, why) for offset, why in unplaced]
    return HtmlBlockResult(segments, skipped, in_code)


def _first_text_offset(fragment: str, last_line: int) -> int:
    """Where texts may start: anywhere in a block that ends at a blank line; in one that ends at
    a marker, only after the marker on its last line, so no translation can move its end."""
    head = fragment.lstrip(" ")
    for opening, closing in _ENDS_AT_MARKER:
        if opening.match(head):
            marker = closing.search(fragment, max(last_line, len(fragment) - len(head) + 2))
            return marker.end() if marker else len(fragment) + 1
    return 0


def _mask_code(
    original: str, fragment: str, math: Markup, code_shortcodes: Collection[str], in_code: bool
) -> tuple[str, bool]:
    """The fragment with the insides of code shortcode pairs masked too, and whether one is
    still open at its end."""
    regions: list[tuple[int, int]] = []
    opened = 0 if in_code else -1
    for kind, start, end in find_markup(original, math):
        name = _SHORTCODE_NAME.match(original, start) if kind == "shortcode" else None
        if name is None or name.group(2) not in code_shortcodes:
            continue
        if name.group(1) and opened >= 0:
            regions.append((opened, end))
            opened = -1
        elif not name.group(1) and opened < 0 and not original[start:end].rstrip().endswith("/>}}"):
            opened = start
    if opened >= 0:
        regions.append((opened, len(original)))
    if not regions:
        return fragment, opened >= 0
    chars = list(fragment)
    for start, end in regions:
        for index in range(start, end):
            if chars[index] not in "\n \t":
                chars[index] = SHORTCODE_MASK
    return "".join(chars), opened >= 0
