"""The segments of shortcode parameters: each translatable value of a call is an entry of its own.

Only calls that stand outside every body text get them: a block-level call (alone on
its lines, opening or self-closing) and, as Hugo runs shortcodes before Markdown, one
inside code or HTML too. A call inside a paragraph or heading stays in that text's
msgid, values and all, so the translator sees it in its sentence; the validator lets
only its translatable values change there (see docs/decisions.md).

A segment's span is the value *with its quotes*, so merge can re-quote a translation
(``shortcode_calls.write_value``); its kind, ``shortcode card: title`` or
``shortcode tab: 0``, is the PO comment.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.segment import Location, Segment, is_translatable
from translate_flow.document.shortcode_calls import Param, parse_call, unwritable, write_value
from translate_flow.document.shortcode_params import ShortcodeParams
from translate_flow.document.source_markup import SourceMarkup

__all__ = [
    "SHORTCODE_KIND",
    "is_shortcode_value",
    "loosened",
    "respell",
    "shortcode_segments",
    "value_problem",
    "value_spans",
]

SHORTCODE_KIND = "shortcode "
"""How every shortcode value's kind starts."""


def is_shortcode_value(segment: Segment) -> bool:
    """True for a shortcode parameter value (as opposed to a text of the page)."""
    return segment.kind.startswith(SHORTCODE_KIND)


def _kind(name: str, param: Param) -> str:
    return f"{SHORTCODE_KIND}{name}: {param.key}"


def shortcode_segments(
    text: str,
    body_line: int,
    texts: Sequence[Segment],
    params: ShortcodeParams,
    math: Markup = DEFAULT_MATH,
    source: SourceMarkup | None = None,
) -> list[Segment]:
    """One segment per translatable parameter value of the calls outside ``texts`` (the body's
    segments, sorted), in source order; ``source``: ``SourceMarkup.of(text, math)``, when the
    caller has it."""
    if "{{" not in text or not params.table:
        return []
    source = source or SourceMarkup.of(text, math)
    lines = source.lines
    body_start = lines.starts[body_line] if body_line < len(lines.starts) else len(text)
    starts = [s.location.start for s in texts]
    # The furthest end among the texts so far: an HTML attribute's span lies inside its text's.
    reach = list(itertools.accumulate((s.location.end for s in texts), max))
    found: list[Segment] = []
    for kind, start, end in source.markup:
        if kind != "shortcode" or start < body_start or _inside(starts, reach, start, end):
            continue
        call = parse_call(text[start:end])
        wanted = params.keys(call.name) if call is not None else ()
        if call is None or not wanted:
            continue
        for param in call.params:
            if param.key not in wanted or not param.value.strip() or not is_translatable(param.value):
                continue
            if "\r" in param.value:
                # A raw value over lines of a CRLF file: a CR has no place in a msgid (msgfmt
                # refuses it), and a translation could not give its lines back their endings.
                continue
            at = start + param.start
            found.append(
                Segment(
                    text=param.value,
                    kind=_kind(call.name, param),
                    location=Location(at, start + param.end, lines.line_of(at) + 1),
                    one_line="\n" not in param.value,
                )
            )
    return found


def _inside(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps a text's span: one of the texts that start before
    ``end`` reaches past ``start``."""
    index = bisect.bisect_left(starts, end)
    return index > 0 and reach[index - 1] > start


def respell(source: str, translation: str) -> str | None:
    """``translation`` in the place of the value ``source`` (as written, quotes included), quoted as
    it was where that holds it; None when no quoting can (the validator holds such a text back)."""
    quote = source[0] if source[:1] in ('"', "`") else ""
    return write_value(translation, quote)


_LINE_BREAK = re.compile(r"[\r\n]")


def value_problem(msgid: str, msgstr: str) -> str | None:
    """Why ``msgstr`` cannot replace the shortcode value ``msgid``; None when it can."""
    if _LINE_BREAK.search(msgstr) and not _LINE_BREAK.search(msgid):
        return "a line break would split the shortcode call"
    why = unwritable(msgstr)
    return f"the translation cannot be a shortcode value: {why}" if why else None


_BLANK = "…"


def loosened(call: str, params: ShortcodeParams) -> str:
    """``call`` with the values of its translatable parameters, quotes and all, replaced by ``…``.

    Two calls that differ only there are the same call with its texts translated: the
    validator compares calls inside a paragraph this way. A call that does not parse is
    returned as it is, so a translation that breaks one still differs.
    """
    parsed = parse_call(call)
    wanted = params.keys(parsed.name) if parsed is not None else ()
    if parsed is None or not wanted:
        return call
    out: list[str] = []
    position = 0
    for param in parsed.params:
        if param.key in wanted:
            out.append(call[position : param.start] + _BLANK)
            position = param.end
    return "".join(out) + call[position:]


def value_spans(call: str, params: ShortcodeParams) -> list[tuple[int, int]]:
    """Where the translatable values of ``call`` sit inside their quotes, for an engine to
    translate them in place; only quoted values written as they read (no escapes) and with words."""
    parsed = parse_call(call)
    wanted = params.keys(parsed.name) if parsed is not None else ()
    if parsed is None or not wanted:
        return []
    return [
        (p.start + 1, p.end - 1)
        for p in parsed.params
        if p.key in wanted and p.quote(call) and call[p.start + 1 : p.end - 1] == p.value and is_translatable(p.value)
    ]
