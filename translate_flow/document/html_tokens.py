"""HTML as a browser's tokenizer reads it, with the exact place of every token.

The standard library's ``html.parser`` is a real HTML tokenizer: start and end tags,
character references, comments, declarations, and raw text inside ``script`` and
``style``. ``getpos()`` says where each token starts. A token ends where the next
starts, so the tokens of a fragment cover it with no gap and no overlap, and every
token's text is a slice of the source: what merge writes back is what was read.

It never raises: the tokenizer is HTML5's error-tolerant one, and whatever it does
not report (an incomplete tag at the very end, on some Python versions, or the rest of a
fragment where it gives up) becomes text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = [
    "INLINE",
    "OPAQUE",
    "SKIPPED",
    "TRANSLATABLE_ATTRIBUTES",
    "VOID",
    "Token",
    "attribute_spans",
    "is_html_kind",
    "no_translate",
    "tokens",
]

INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    ]
)
"""Phrasing elements that sit inside a sentence: kept in the msgid. Any other element
(``div``, ``p``, ``h1``, ``li``, ``td``, ``button``, a custom element) ends a text."""
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
"""Elements that never have content or an end tag."""
SKIPPED = frozenset({"script", "style", "pre", "textarea", "svg", "math"})
"""Elements whose content is never text to translate (code, raw text, graphics)."""
OPAQUE = frozenset({"code"})
"""Inline elements kept whole in a sentence, their content untouched, like a Markdown code span."""
TRANSLATABLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
"""Attributes whose values people read: each value is an entry of its own."""


def is_html_kind(kind: str) -> bool:
    """True for the segment kinds of HTML-block texts and attributes (``html p``, ``html img: alt``)."""
    return kind.startswith("html ")


def no_translate(attrs: tuple[tuple[str, str | None], ...]) -> bool:
    """True when an element says ``translate="no"``, HTML's own opt-out for it and all it holds."""
    return any(name == "translate" and (value or "").strip().lower() == "no" for name, value in attrs)


@dataclass(frozen=True)
class Token:
    """One token of an HTML fragment: the slice ``[start, end)`` of the text it was read from."""

    kind: str
    """``start``, ``empty`` (``<br/>``), ``end``, ``text``, ``ref`` (``&amp;``), ``comment`` or ``other``."""
    start: int
    end: int
    name: str = ""
    """The tag name, lower-cased, for tags."""
    attrs: tuple[tuple[str, str | None], ...] = ()
    """Attribute names (lower-cased) and values (references decoded), for start tags."""


class _Recorder(HTMLParser):
    def __init__(self, line_starts: list[int]) -> None:
        # Character references stay tokens of their own: converting them would lose positions.
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts
        self.found: list[tuple[str, int, str, tuple[tuple[str, str | None], ...], int]] = []

    def _add(self, kind: str, name: str = "", attrs: tuple[tuple[str, str | None], ...] = (), size: int = 0) -> None:
        line, column = self.getpos()
        self.found.append((kind, self.line_starts[line - 1] + column, name, attrs, size))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag, tuple(attrs), len(self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("empty", tag, tuple(attrs), len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("text")

    def handle_entityref(self, name: str) -> None:
        self._add("ref")

    def handle_charref(self, name: str) -> None:
        self._add("ref")

    def handle_comment(self, data: str) -> None:
        self._add("comment")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")


def tokens(text: str) -> tuple[Token, ...]:
    """The tokens of an HTML fragment in order, covering all of it."""
    # getpos() counts lines at "\n" only, whatever other line ends the text has.
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    recorder = _Recorder(line_starts)
    found = recorder.found
    try:
        recorder.feed(text)
        recorder.close()
        complete = True
    except AssertionError:
        # Python 3.11's declaration scanner asserts on some malformed input (`<![<`), somewhere
        # after the last token it reported: from that token's own end on, everything is text.
        complete = False
    out: list[Token] = []
    for index, (kind, start, name, attrs, size) in enumerate(found):
        last = index + 1 == len(found)
        end = len(text) if last else found[index + 1][1]
        if end <= start:
            continue
        # At the end, input the tokenizer kept to itself (an incomplete tag) stays text.
        own = min(_own_end(text, kind, start, size), end) if last else end
        out.append(Token(kind, start, own, name, attrs))
        if own < end:
            out.append(Token("text", own, end))
    if not complete and out and out[-1].kind != "text":
        out.append(Token("text", out[-1].end, len(text)))
    if not out and text:
        out.append(Token("text", 0, len(text)))
    elif out and out[0].start > 0:
        out.insert(0, Token("text", 0, out[0].start))
    return tuple(out)


def _own_end(text: str, kind: str, start: int, size: int) -> int:
    """Where the last token's own text ends; text runs to the end."""
    if kind in ("start", "empty") and size:
        return start + size
    if kind == "comment" and text.startswith("<!--", start):
        close = text.find("-->", start + 4)
        return close + 3 if close >= 0 else len(text)
    if kind == "other" and text.startswith("<![", start):
        close = text.find("]]>", start)
        return close + 3 if close >= 0 else len(text)
    if kind in ("end", "comment", "other"):
        close = text.find(">", start)
        return close + 1 if close >= 0 else len(text)
    if kind == "ref":
        reference = _REFERENCE.match(text, start)
        return reference.end() if reference else len(text)
    return len(text)


_REFERENCE = re.compile(r"&(?:#[xX]?[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")
# One attribute in a start tag, as HTML5's tokenizer reads it: a name, then maybe `=` and a
# double-quoted, single-quoted or unquoted value.
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s/>][^\s/>=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s>]+)))?"""
)
_TAG_NAME = re.compile(r"</?[A-Za-z][^\t\n\f\r />]*")


def attribute_spans(tag: str, attrs: tuple[tuple[str, str | None], ...]) -> list[tuple[str, int, int]] | None:
    """``(name, start, end)`` of each attribute value in a start tag's text (empty for no value).

    The tokenizer gives names and values but not their places, so they are found here and
    checked against its reading; None when the two disagree, and nothing is guessed.
    """
    head = _TAG_NAME.match(tag)
    if head is None:
        return None
    spans: list[tuple[str, int, int]] = []
    seen: list[tuple[str, str | None]] = []
    position = head.end()
    while position < len(tag):
        char = tag[position]
        if char in " \t\n\r\f/":
            position += 1
            continue
        if char == ">":
            break
        match = _ATTRIBUTE.match(tag, position)
        if match is None:
            return None
        name = match.group("name").lower()
        group = next((g for g in ("dq", "sq", "uq") if match.group(g) is not None), None)
        if group is None:
            spans.append((name, match.end(), match.end()))
            seen.append((name, None))
        else:
            spans.append((name, match.start(group), match.end(group)))
            seen.append((name, html.unescape(match.group(group))))
        position = match.end()
    return spans if tuple(seen) == attrs else None
