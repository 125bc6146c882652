"""The translatable texts of an HTML fragment, and its translatable attribute values.

A *text* is what a reader takes as one piece: the words between two block-level tags,
with the inline tags among them kept (``<p>Free, <b>open</b> source</p>`` gives
``Free, <b>open</b> source``). Inline tags that wrap the whole text stay out of it
(``<a href="/docs">Learn more</a>`` gives ``Learn more``) as long as what is left is
balanced, so a translator sees no tag that only frames the words. Links side by side with
no words between them are a text each.

Never text: the content of ``script``, ``style``, ``pre``, ``textarea``, ``svg`` and
``math``, and of any element marked ``translate="no"`` (HTML's own opt-out). A ``code``
element, or an inline element marked ``translate="no"``, inside a sentence stays in the
msgid whole, as a code span does in Markdown; its words do not count and must not change.

Offsets are into the fragment. The tokenizer reads a *masked* copy (Hugo shortcodes and
maths hidden, same length); the texts come from the original.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from translate_flow.document.html_tokens import (
    INLINE,
    OPAQUE,
    SKIPPED,
    TRANSLATABLE_ATTRIBUTES,
    VOID,
    Token,
    attribute_spans,
    no_translate,
    tokens,
)
from translate_flow.document.hugo_markup import MASKS, only_markup, trim_edges
from translate_flow.document.segment import is_translatable
from translate_flow.textutil import has_words, soft_break

__all__ = ["Found", "html_texts", "join_lines"]

_HTML_SPACE = " \t\n\r\f"
# In text, a `<` before one of these is a tag a browser would read but the tokenizer did not
# finish (it stops at the end of the fragment): from there on, the two disagree. Script and
# style content is raw text to both, `<` and all.
_UNFINISHED_TAG = re.compile(r"<[A-Za-z/!?]")
_MOST_FRAMING_TAGS = 16
_LINE_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\n\r\f]*")


@dataclass(frozen=True)
class Found:
    """A text or attribute value of a fragment."""

    kind: str
    """``html p`` for a text in a ``<p>``; ``html img: alt`` for an attribute value."""
    start: int
    end: int
    text: str
    """The msgid: the source as written, line breaks joined like a paragraph's soft breaks."""


@dataclass(frozen=True)
class _Piece:
    kind: str
    """``text``, ``ref``, ``open``, ``close``, ``void``, ``markup`` or ``opaque``."""
    start: int
    end: int
    name: str = ""


def join_lines(text: str) -> str:
    """The text with each line break (and the blanks around it) read as HTML reads it."""
    if "\n" not in text:
        return text
    return _LINE_BREAK.sub(lambda m: soft_break(text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]), text)


class _Extractor:
    def __init__(self, masked: str, original: str, attributes: tuple[str, ...]) -> None:
        self.masked = masked
        self.original = original
        self.wanted = attributes
        self.found: list[Found] = []
        self.unplaced: list[tuple[int, str]] = []
        self.run: list[_Piece] = []
        self.blocks: list[str] = []
        # The element whose content is being skipped or kept whole, and its nesting depth.
        self.hold: tuple[str, int, int, bool] | None = None  # name, depth, start, keep (opaque)

    def walk(self) -> None:
        for token in tokens(self.masked):
            raw_text = self.hold is not None and self.hold[0] in HTMLParser.CDATA_CONTENT_ELEMENTS
            if (
                token.kind == "text"
                and not raw_text
                and _UNFINISHED_TAG.search(self.masked[token.start : token.end + 1])
            ):
                break
            if self.hold is not None:
                self.held(token)
            else:
                self.step(token)
        if self.hold is not None and self.hold[3]:
            self.run.append(_Piece("opaque", self.hold[2], len(self.masked)))
        self.flush()

    def held(self, token: Token) -> None:
        assert self.hold is not None
        name, depth, start, keep = self.hold
        if keep and token.kind in ("start", "end") and token.name not in INLINE:
            # A block tag closes an inline element left open, as a browser closes it.
            self.hold = None
            self.run.append(_Piece("opaque", start, token.start))
            self.step(token)
            return
        if token.name == name and token.kind in ("start", "end"):
            depth += 1 if token.kind == "start" else -1
        if depth:
            self.hold = (name, depth, start, keep)
            return
        self.hold = None
        if keep:
            self.run.append(_Piece("opaque", start, token.end))

    def step(self, token: Token) -> None:
        if token.kind in ("text", "ref"):
            self.run.append(_Piece(token.kind, token.start, token.end))
            return
        if token.kind == "comment":
            self.run.append(_Piece("markup", token.start, token.end))
            return
        if token.kind == "other":
            self.flush()
            return
        name = token.name
        opted_out = no_translate(token.attrs)
        if token.kind in ("start", "empty") and not opted_out and name not in OPAQUE:
            self.attributes(token)
        if token.kind == "start" and name not in VOID:
            if name in SKIPPED or (opted_out and name not in INLINE):
                self.flush()
                self.hold = (name, 1, token.start, False)
                return
            if name in OPAQUE or opted_out:
                self.hold = (name, 1, token.start, True)
                return
        if name in INLINE:
            if token.kind == "empty" or name in VOID:
                kind = "void"
            else:
                kind = "open" if token.kind == "start" else "close"
            self.run.append(_Piece(kind, token.start, token.end, name))
            return
        self.flush()
        if token.kind == "start" and name not in VOID:
            self.blocks.append(name)
        elif token.kind == "end" and name in self.blocks:
            while self.blocks.pop() != name:
                pass

    def attributes(self, token: Token) -> None:
        wanted = [(n, v) for n, v in token.attrs if n in self.wanted and v and v.strip()]
        if not wanted:
            return
        spans = attribute_spans(self.masked[token.start : token.end], token.attrs)
        if spans is None:
            self.unplaced.append((token.start, f"html {token.name}: an attribute could not be located"))
            return
        for name, start, end in spans:
            if name not in self.wanted or start == end:
                continue
            start, end = start + token.start, end + token.start
            value = self.original[start:end]
            if is_translatable(self.plain(start, end)):
                self.found.append(Found(f"html {token.name}: {name}", start, end, join_lines(value)))

    def plain(self, start: int, end: int) -> str:
        """The words of ``[start, end)``: Hugo markup blanked out."""
        masked = self.masked[start:end]
        return "".join(" " if m in MASKS else c for m, c in zip(masked, self.original[start:end], strict=True))

    def flush(self) -> None:
        run, self.run = self.run, []
        for part in self.links_apart(run):
            self.emit(part)

    def links_apart(self, run: list[_Piece]) -> list[list[_Piece]]:
        """Links side by side with no words between them (a hero's buttons, a row of links)
        are texts of their own, as the page shows them; anything else stays one text."""
        parts: list[list[_Piece]] = []
        depth = 0
        for piece in run:
            if depth == 0 and piece.kind in ("text", "ref", "opaque"):
                # Separators may be blanks, bars or dots (`&middot;`), never words or code.
                if piece.kind == "opaque" or has_words(html.unescape(self.plain(piece.start, piece.end))):
                    return [run]
            elif piece.kind == "open":
                if depth == 0:
                    parts.append([])
                depth += 1
            elif piece.kind == "close":
                depth -= 1
                if depth < 0:
                    return [run]
            if parts and (depth > 0 or piece.kind == "close"):
                parts[-1].append(piece)
        worded = [part for part in parts if any(p.kind in ("text", "ref", "opaque") for p in part)]
        if depth or len(worded) < 2 or any(part[0].name != "a" for part in worded):
            return [run]
        return worded

    def emit(self, run: list[_Piece]) -> None:
        bounds = _trimmed(run, self.masked)
        if bounds is None:
            return
        first, last = bounds
        start, end = run[first].start, run[last - 1].end
        while start < end and self.masked[start] in _HTML_SPACE:
            start += 1
        while end > start and self.masked[end - 1] in _HTML_SPACE:
            end -= 1
        start, end = trim_edges(self.masked, start, end)
        if start >= end or only_markup(self.masked[start:end]):
            return
        words = " ".join(self.plain(p.start, p.end) for p in run[first:last] if p.kind == "text")
        if not is_translatable(words):
            return
        kind = f"html {self.blocks[-1]}" if self.blocks else "html text"
        self.found.append(Found(kind, start, end, join_lines(self.original[start:end])))


def _has_content(piece: _Piece, masked: str) -> bool:
    if piece.kind == "text":
        return bool(masked[piece.start : piece.end].strip(_HTML_SPACE))
    return piece.kind in ("ref", "opaque")


def _balanced(pieces: list[_Piece]) -> bool:
    open_tags: list[str] = []
    for piece in pieces:
        if piece.kind == "open":
            open_tags.append(piece.name)
        elif piece.kind == "close" and (not open_tags or open_tags.pop() != piece.name):
            return False
    return not open_tags


def _trimmed(run: list[_Piece], masked: str) -> tuple[int, int] | None:
    """The pieces of a run that make its text: the tags framing it left out where the rest
    stays balanced, the fewest of them kept otherwise; None when the run has no content."""
    content = [i for i, piece in enumerate(run) if _has_content(piece, masked)]
    if not content:
        return None
    first, last = content[0], content[-1] + 1
    # Few framing tags in practice; a bound keeps a pathological run linear.
    widest = min(first + len(run) - last, _MOST_FRAMING_TAGS)
    for widen in range(widest + 1):
        for left in range(min(widen, first) + 1):
            right = widen - left
            if last + right <= len(run) and _balanced(run[first - left : last + right]):
                return first - left, last + right
    return (0, len(run)) if _balanced(run) else (first, last)


def html_texts(
    masked: str, original: str, attributes: tuple[str, ...] = TRANSLATABLE_ATTRIBUTES
) -> tuple[list[Found], list[tuple[int, str]]]:
    """The texts and attribute values of a fragment in source order, and attributes that
    could not be located (offset, why)."""
    extractor = _Extractor(masked, original, attributes)
    extractor.walk()
    return sorted(extractor.found, key=lambda f: f.start), extractor.unplaced
