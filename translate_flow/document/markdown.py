"""Markdown body segmentation with markdown-it-py, pinned to exact source offsets.

markdown-it gives block positions as line ranges; the text of each line is then
found at the end of its source line (container prefixes such as ``> `` or list
indentation come first). A text that cannot be matched exactly is reported and
left alone rather than guessed, so merge never writes a translation in the wrong
place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from translate_flow.document.dialect_blocks import block_view
from translate_flow.document.html_blocks import html_block_segments
from translate_flow.document.hugo_markup import (
    DEFAULT_MATH,
    EDGE_MASK,
    SHORTCODE_MASK,
    Markup,
    mask,
    only_markup,
    trim_edges,
)
from translate_flow.document.inline_skeleton import inline_skeleton
from translate_flow.document.parsers import INLINE_PARSER, block_parser
from translate_flow.document.segment import Location, Segment, Skipped, is_translatable
from translate_flow.document.source_markup import SourceMarkup
from translate_flow.textutil import soft_break

_CONTAINER_KIND = {
    "blockquote_open": "blockquote",
    "list_item_open": "list item",
    "footnote_reference_open": "footnote",
}
_CLOSERS = {"blockquote_close", "list_item_close", "footnote_reference_close"}
# A GitHub/Hugo blockquote alert: `> [!NOTE]` (optionally + or - and a title).
_ALERT_RE = re.compile(r"\[!([A-Za-z]+)\][-+]?(?:[ \t]+(\S.*))?$")
_SHORTCODE_NAME_RE = re.compile(r"\{\{[<%]\s*(/?)\s*([\w./-]+)")
# Paired shortcodes whose inner lines are code, not prose.
CODE_SHORTCODES = frozenset({"highlight"})
_LIST_MARKER_RE = re.compile(r"(?:\d{1,9}[.)]|[-*+])(?=[ \t]|$)")
_IMAGE_ONLY_CHILDREN = {"image", "link_open", "link_close", "softbreak", "text"}

# (0-based line, start column, end column) of one source line's share of a text.
LineSpan = tuple[int, int, int]


_FOOTNOTE_LABEL_RE = re.compile(r"\[\^[^\]]*\]:[ \t]*")


def continuation_prefix(first_line_prefix: str) -> str:
    """The prefix of a continuation line derived from a first line's (``- `` → ``  ``).

    A footnote's label becomes blanks too: copied, it would open a second footnote.
    """
    prefix = _FOOTNOTE_LABEL_RE.sub(lambda m: " " * max(4, len(m.group())), first_line_prefix)
    return _LIST_MARKER_RE.sub(lambda m: " " * len(m.group()), prefix)


class _Segmenter:
    def __init__(self, text: str, body_line: int, math: Markup, source: SourceMarkup | None) -> None:
        self.text = text
        source = source or SourceMarkup.of(text, math)
        # Same offsets as ``text``, with shortcodes, attributes and maths hidden from the parser.
        self.masked = mask(text, math, source.markup)
        self.math = math
        self.lines = source.lines
        self.body_line = body_line
        self.segments: list[Segment] = []
        self.skipped: list[Skipped] = []
        self.in_code_shortcode = False
        # Cut once: the segmenter asks for lines hundreds of times per page.
        self.text_lines = self.lines.contents(text)
        self.masked_lines = self.lines.contents(self.masked)
        # The dialect's block markup, as the CommonMark lines that parse to its structure.
        self.view = block_view(self.text_lines, self.masked_lines, body_line, math.dialect)
        self.one_line_kinds = {marker.kind for marker in math.dialect.markers if not marker.continued}

    def line(self, index: int) -> str:
        return self.text_lines[index]

    def masked_line(self, index: int) -> str:
        return self.masked_lines[index]

    def offset(self, line: int, column: int) -> int:
        return self.lines.starts[line] + column

    def run(self) -> None:
        body = "\n".join(self.view.lines[self.body_line :])
        tokens = block_parser(self.math.dialect.indented_code).parse(body)
        for title in self.view.titles:
            if title.text is not None:
                position = self.offset(title.line, title.start)
                location = Location(position, position, title.line + 1)
                self.segments.append(Segment(title.text, title.kind, location, one_line=True))
                continue
            start, end = trim_edges(self.masked_line(title.line), title.start, title.end)
            if start < end and not only_markup(self.masked_line(title.line)[start:end]):
                self.emit([(title.line, start, end)], title.kind, one_line=True)
        stack: list[str] = []
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in _CONTAINER_KIND:
                stack.append(_CONTAINER_KIND[kind])
            elif kind in _CLOSERS:
                if stack:
                    stack.pop()
            elif kind == "tr_open":
                self.row(tokens, index)
            elif kind == "html_block" and token.map is not None:
                self.html_block(token)
            elif kind == "inline" and index > 0:
                opener = tokens[index - 1]
                if opener.type == "heading_open":
                    atx = opener.markup.startswith("#")
                    self.block(token, f"heading {opener.tag[1:]}", atx=atx, alert=False)
                elif opener.type == "paragraph_open":
                    alert = bool(stack) and stack[-1] == "blockquote" and tokens[index - 2].type == "blockquote_open"
                    self.block(token, self.kind_of(token, stack), atx=False, alert=alert)

    def kind_of(self, token: Token, stack: list[str]) -> str:
        """A paragraph's kind: its dialect marker's, its container's, else its Markdown container's."""
        line = token.map[0] + self.body_line if token.map is not None else -1
        marker = self.view.markers.get(line)
        if marker is not None:
            return marker
        if stack:
            return stack[-1]
        return self.view.inside.get(line, "paragraph")

    # -- locating ---------------------------------------------------------------------

    def locate_lines(self, token: Token, atx: bool) -> list[LineSpan] | None:
        assert token.map is not None
        first = token.map[0] + self.body_line
        if atx:
            source = self.masked_line(first)
            column = source.find("#")
            while 0 <= column < len(source) and source[column] == "#":
                column += 1
            start = source.find(token.content, column)
            if not token.content or start < 0:
                return None
            return [(first, start, start + len(token.content))]
        contents = token.content.split("\n")
        if len(contents) != token.map[1] - token.map[0]:
            return None
        spans: list[LineSpan] = []
        for k, content in enumerate(contents):
            source = self.masked_line(first + k)
            end = len(source) if k < len(contents) - 1 else len(source.rstrip())
            wanted = content.lstrip(" \t")
            start = end - len(wanted)
            if start < 0 or source[start:end] != wanted:
                return None
            spans.append((first + k, start, end))
        return spans

    def block(self, token: Token, kind: str, atx: bool, alert: bool) -> None:
        if token.map is None or not token.content.strip():
            return
        spans = self.locate_lines(token, atx)
        if spans is None:
            self.skipped.append(
                Skipped(token.map[0] + self.body_line + 1, f"{kind}: text not found in the source line")
            )
            return
        if alert:
            spans = self.alert(spans)
        if self.image_only(token):
            self.image_alts(spans)
            return
        one_line = kind.startswith("heading") or kind in self.one_line_kinds
        run: list[LineSpan] = []
        for line, start, end in spans:
            masked = self.masked_line(line)[start:end]
            if line in self.view.breaks:
                # A container ended here without a blank line: its text ends, a paragraph begins.
                self.emit(run, kind, one_line=one_line)
                run = []
                kind = self.view.inside.get(line, "paragraph")
            if self.in_code_shortcode:
                name = _SHORTCODE_NAME_RE.match(self.line(line)[start:end])
                if name and name.group(1) == "/" and name.group(2) in CODE_SHORTCODES:
                    self.in_code_shortcode = False
                continue
            start, end = trim_edges(self.masked_line(line), start, end)
            if start == end or only_markup(masked):
                # A line of shortcodes, attributes or maths only: never a text to translate.
                self.emit(run, kind, one_line=one_line)
                run = []
                piece = self.line(line)[start:end]
                name = _SHORTCODE_NAME_RE.match(piece)
                if (
                    name
                    and not name.group(1)
                    and name.group(2) in CODE_SHORTCODES
                    and not piece.rstrip().endswith("/>}}")
                ):
                    self.in_code_shortcode = True
                continue
            stripped = masked.strip(" \t")
            if stripped.startswith(SHORTCODE_MASK) and stripped.endswith(SHORTCODE_MASK):
                # `{{< tab >}}text{{< /tab >}}` lines: each is a text of its own, as on the page.
                self.emit(run, kind, one_line=one_line)
                self.emit([(line, start, end)], kind, one_line=one_line)
                run = []
                continue
            run.append((line, start, end))
        self.emit(run, kind, one_line=one_line)

    def html_block(self, token: Token) -> None:
        found = html_block_segments(
            token,
            self.text,
            self.masked,
            self.lines,
            self.body_line,
            self.math,
            CODE_SHORTCODES,
            self.in_code_shortcode,
        )
        self.segments.extend(found.segments)
        self.skipped.extend(found.skipped)
        self.in_code_shortcode = found.in_code

    def alert(self, spans: list[LineSpan]) -> list[LineSpan]:
        line, start, end = spans[0]
        match = _ALERT_RE.match(self.line(line), start)
        if match is None or match.end() != end:
            return spans
        if match.group(2):
            title_start = match.start(2)
            self.emit([(line, title_start, end)], "alert title", one_line=True)
        return spans[1:]

    @staticmethod
    def image_only(token: Token) -> bool:
        if "![" not in token.content:
            return False
        parsed = INLINE_PARSER.parseInline(token.content)
        children = parsed[0].children if parsed and parsed[0].children else []
        if not any(child.type == "image" for child in children):
            return False
        return all(
            child.type in _IMAGE_ONLY_CHILDREN and (child.type != "text" or not child.content.strip())
            for child in children
        )

    def image_alts(self, spans: list[LineSpan]) -> None:
        for line, start, end in spans:
            source = self.line(line)
            position = start
            while (found := source.find("![", position, end)) >= 0:
                close = _closing_bracket(source, found + 2, end)
                if close < 0:
                    break
                alt = source[found + 2 : close]
                if alt.strip() and is_translatable(alt):
                    self.emit([(line, found + 2, close)], "image alt", one_line=True)
                position = close + 1

    def row(self, tokens: Sequence[Token], index: int) -> None:
        cells: list[Token] = []
        for token in tokens[index + 1 :]:
            if token.type == "tr_close":
                break
            if token.type == "inline":
                cells.append(token)
        if not cells or cells[0].map is None:
            return
        line = cells[0].map[0] + self.body_line
        source = self.masked_line(line)
        cursor = 0
        for number, cell in enumerate(cells):
            content = cell.content
            if not content.strip():
                continue
            found = source.find(content, cursor)
            if found < 0 and "|" in content:
                # markdown-it unescapes `\|` in cells; the source still has it.
                content = content.replace("|", "\\|")
                found = source.find(content, cursor)
            gap = source[cursor:found] if found >= 0 else ""
            if found < 0 or (number and cursor and ("|" not in gap or gap.strip(" \t|"))):
                self.skipped.append(Skipped(line + 1, "table cell: text not found in the source line"))
                return
            cursor = found + len(content)
            # An icon or an attribute list at a cell's start or end is left out, as in any text.
            start, end = trim_edges(source, found, cursor)
            if start < end and not only_markup(source[start:end]):
                self.emit([(line, start, end)], "table cell", one_line=True)

    # -- building ---------------------------------------------------------------------

    def emit(self, run: list[LineSpan], kind: str, one_line: bool) -> None:
        if not run:
            return
        if len(run) == 1:  # most texts: one line, taken as it is
            line, start, end = run[0]
            text, marker = self.line(line)[start:end], ""
        else:
            text, marker = self._joined(run)
        if not text.strip() or not is_translatable(text):
            return
        if len(run) > 1 and ("<" in text or "[" in text):
            # A line break inside a link title, a `<…>` destination or an HTML tag is not a
            # soft break: joined, the text would read as other markup than the page has.
            raw = "\n".join(self.line(line)[start:end] for line, start, end in run)
            if inline_skeleton(raw, self.math) != inline_skeleton(text, self.math):
                self.skipped.append(Skipped(run[0][0] + 1, f"{kind}: a line break inside a link or HTML tag"))
                return
        # A setext heading may hold hard breaks; only then may its translation keep lines.
        one_line = one_line and "\n" not in text
        first_line, first_start, _ = run[0]
        last_line, _, last_end = run[-1]
        if one_line:
            prefix = ""  # never used: a one-line text gets no continuation lines
        elif len(run) > 1:
            prefix = self.line(run[1][0])[: run[1][1]]
        elif first_line in self.view.markers:
            # A dialect's line marker (`:   `) copied would start another block: blanks instead.
            prefix = " " * len(self.line(first_line)[:first_start].expandtabs(4))
        else:
            prefix = continuation_prefix(self.line(first_line)[:first_start])
            # Markup before the text (an icon, an attribute list) is not repeated on further lines.
            masked = self.masked_line(first_line)[: len(prefix)]
            prefix = "".join(" " if m == EDGE_MASK else c for c, m in zip(prefix, masked, strict=True))
        self.segments.append(
            Segment(
                text=text,
                kind=kind,
                location=Location(
                    self.offset(first_line, first_start), self.offset(last_line, last_end), first_line + 1
                ),
                prefix=prefix,
                hard_break=marker or "\\",
                one_line=one_line,
            )
        )

    def _joined(self, run: list[LineSpan]) -> tuple[str, str]:
        """A text of several lines as one, and the marker of its first hard break ("" for none)."""
        pieces: list[str] = []
        breaks: list[bool] = []
        marker = ""
        for k, (line, start, end) in enumerate(run):
            piece = self.line(line)[start:end]
            hard = False
            if k < len(run) - 1:
                trailing = len(piece) - len(piece.rstrip("\\"))
                if trailing % 2 == 1:
                    hard, marker = True, marker or "\\"
                    piece = piece[:-1]
                elif piece.endswith("  "):
                    hard, marker = True, marker or piece[len(piece.rstrip(" ")) :]
                piece = piece.rstrip(" \t")
            pieces.append(piece)
            breaks.append(hard)
        # Joined once, not piece by piece: a million-line paragraph must stay linear.
        joined = [pieces[0]]
        for k in range(1, len(pieces)):
            joined.append("\n" if breaks[k - 1] else soft_break(pieces[k - 1], pieces[k]))
            joined.append(pieces[k])
        return "".join(joined), marker


def _closing_bracket(source: str, position: int, end: int) -> int:
    depth = 0
    while position < end:
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return position
            depth -= 1
        position += 1
    return -1


def body_segments(
    text: str, body_line: int, math: Markup = DEFAULT_MATH, source: SourceMarkup | None = None
) -> tuple[list[Segment], list[Skipped]]:
    """Segments of the Markdown body that starts at 0-based line ``body_line``; ``source``:
    ``SourceMarkup.of(text, math)``, when the caller has it."""
    segmenter = _Segmenter(text, body_line, math, source)
    segmenter.run()
    segmenter.segments.sort(key=lambda s: s.location.start)
    return segmenter.segments, segmenter.skipped
