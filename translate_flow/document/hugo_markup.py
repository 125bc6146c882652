"""Markup that CommonMark does not know but Hugo does: shortcodes, Goldmark attributes, maths.

Hugo replaces shortcodes before Goldmark sees the page, Goldmark reads ``{#id .class}``
attributes, and the passthrough extension hands maths to KaTeX or MathJax untouched.
A CommonMark parser reads all three as text, and worse, as structure: the ``>}}`` that
closes a multi-line shortcode call opens a blockquote. So before the body is parsed,
each of them is *masked*: every character except line breaks and blanks is replaced by
a private-use character, which keeps every offset and line while hiding the markup's
syntax. The segmenter reads structure from the masked text and texts from the original.

Which markup there is depends on the site's dialect (``document/dialects.py``): Hugo's is
the default, and MkDocs' icons and keys, Liquid or MDX expressions are masked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from translate_flow.document.dialects import HUGO, Dialect

SHORTCODE_MASK = "\ue000"
"""Stands for a shortcode character: inline markup that may sit inside a translated text."""
EDGE_MASK = "\ue001"
"""Stands for an attribute or maths character: kept out of a text where it starts or ends it."""
MASKS = SHORTCODE_MASK + EDGE_MASK


@dataclass(frozen=True)
class Markup:
    """What a site writes beyond CommonMark: its dialect's markup, and where maths starts and
    ends (Hugo's ``markup.goldmark.extensions.passthrough``)."""

    block: tuple[tuple[str, str], ...] = (("$$", "$$"),)
    """Display maths pairs; ``$$`` by default, the one pair no prose uses."""
    inline: tuple[tuple[str, str], ...] = ()
    """Inline maths pairs; none unless the site enables them (``$`` would take prices)."""
    dialect: Dialect = HUGO
    """The site generator's Markdown dialect (the ``dialect`` setting)."""

    def pattern(self) -> re.Pattern[str] | None:
        pairs = [(o, c, True) for o, c in self.block] + [(o, c, False) for o, c in self.inline]
        if not pairs:
            return None
        # Block maths may span lines; inline maths stays on one line, and is not empty.
        parts = [
            re.escape(o) + (r".+?" if block else r"[^\r\n]+?") + re.escape(c)
            for o, c, block in sorted(pairs, key=lambda p: -len(p[0]))
        ]
        return re.compile("|".join(parts), re.DOTALL)


DEFAULT_MATH = Markup()


def _cover(chars: list[str], start: int, end: int, mask: str) -> None:
    for index in range(start, end):
        if chars[index] not in "\r\n \t":
            chars[index] = mask


_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_FILLER = "\ue002"
_FENCE_LINE_RE = re.compile(r"\n[ \t]*(?:```|~~~)")


def find_markup(text: str, math: Markup = DEFAULT_MATH) -> list[tuple[str, int, int]]:
    r"""``(kind, start, end)`` of each piece of opaque markup (the dialect's, and maths) in ``text``, in order.

    Hugo runs shortcodes before Markdown (and Jekyll Liquid), so they count even inside code
    spans; maths and the other markup do not: `` `\(` `` is code, and so is a ``{.class}``
    written between backticks.
    """
    dialect = math.dialect
    if not any(char in text for char in dialect.hint):
        return []
    found: list[tuple[str, int, int]] = []
    for rule in dialect.opaque:
        if rule.early:
            found.extend((rule.kind, *_trimmed(text, m)) for m in rule.pattern.finditer(text))
    hidden = _filled(text, [(s, e) for _, s, e in found] + [m.span() for m in _CODE_SPAN_RE.finditer(text)])
    pattern = math.pattern()
    if pattern is not None:
        found.extend(("math", m.start(), m.end()) for m in pattern.finditer(hidden))
    for rule in dialect.opaque:
        if rule.early:
            continue
        for m in rule.pattern.finditer(hidden):
            start, end = _trimmed(hidden, m)
            # Markdown reads a fence first: markup never reaches past a fence line (an open `{`
            # in a code block is code, and masked, the fence's end would be lost).
            if _FENCE_LINE_RE.search(hidden, start, end):
                continue
            if start < end and not any(s < end and start < e for _, s, e in found):
                found.append((rule.kind, start, end))
    return sorted(found, key=lambda item: item[1])


def _filled(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters replaced by fillers (spans may overlap)."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if start > done:
            pieces.append(text[done:start])
        if end > max(start, done):
            pieces.append(_FILLER * (end - max(start, done)))
        done = max(done, end)
    pieces.append(text[done:])
    return "".join(pieces)


def _trimmed(text: str, match: re.Match[str]) -> tuple[int, int]:
    """A match's span (its group ``markup``, if it has one) without the blanks it starts or ends with."""
    group = "markup" if "markup" in match.re.groupindex else 0
    value = match.group(group)
    start, end = match.span(group)
    return start + len(value) - len(value.lstrip(" \t")), end - len(value) + len(value.rstrip(" \t"))


def _is_edge(math: Markup, kind: str) -> bool:
    return kind == "math" or any(rule.edge for rule in math.dialect.opaque if rule.kind == kind)


def mask(text: str, math: Markup = DEFAULT_MATH, markup: Sequence[tuple[str, int, int]] | None = None) -> str:
    """``text`` with Hugo markup masked; same length, same line breaks. ``markup``:
    ``find_markup(text, math)``, when the caller has it."""
    if markup is None:
        markup = find_markup(text, math)
    if not markup:
        return text
    chars = list(text)
    edges = {kind: _is_edge(math, kind) for kind, _, _ in markup}
    for kind, start, end in markup:
        _cover(chars, start, end, EDGE_MASK if edges[kind] else SHORTCODE_MASK)
    return "".join(chars)


def only_markup(masked: str) -> bool:
    """True when a masked text holds nothing but Hugo markup and blanks."""
    stripped = masked.strip(" \t\r\n")
    return bool(stripped) and not stripped.strip(MASKS + " \t\r\n")


def trim_edges(masked: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` so that no attribute or maths starts or ends it.

    Blanks go only together with such markup: trailing blanks may be a hard line break.
    """
    edge = EDGE_MASK + " \t"
    head = start
    while head < end and masked[head] in edge:
        head += 1
    if EDGE_MASK in masked[start:head]:
        start = head
    tail = end
    while tail > start and masked[tail - 1] in edge:
        tail -= 1
    if EDGE_MASK in masked[tail:end]:
        end = tail
    return start, end


def math_delimiters(passthrough: object) -> Markup:
    """Delimiters from the Hugo setting ``markup.goldmark.extensions.passthrough`` (a mapping)."""
    if not isinstance(passthrough, dict) or not passthrough.get("enable"):
        return DEFAULT_MATH
    delimiters = passthrough.get("delimiters")
    if not isinstance(delimiters, dict):
        return DEFAULT_MATH

    def pairs(value: object) -> tuple[tuple[str, str], ...]:
        found: list[tuple[str, str]] = []
        if isinstance(value, Sequence) and not isinstance(value, str):
            for pair in value:
                if isinstance(pair, Sequence) and len(pair) == 2 and all(isinstance(p, str) and p for p in pair):
                    found.append((pair[0], pair[1]))
        return tuple(found)

    return Markup(pairs(delimiters.get("block")), pairs(delimiters.get("inline")))


def with_dialect(markup: Markup, dialect: Dialect) -> Markup:
    """``markup`` read in ``dialect``."""
    return markup if markup.dialect == dialect else replace(markup, dialect=dialect)
