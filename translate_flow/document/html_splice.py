"""A translation of an HTML-block text or attribute value, written as the HTML it stands in.

A msgstr is HTML text, as its msgid is: references such as ``&amp;`` or ``&nbsp;`` are
written as the translator wrote them. What HTML would misread is escaped, so the page
stays valid whatever the translator typed:

- a ``<`` that the tokenizer reads as text (``a < b``, an unfinished ``<b``) becomes ``&lt;``;
- an ``&`` that would start a reference the translator cannot have meant becomes ``&amp;``:
  an unknown ``&name;``, a ``&#`` without a number and ``;``, or the start of one of HTML's
  old references that work without ``;`` (``&copy 2024``, ``&notes``). ``R&D`` and ``a & b``
  are valid HTML and stay as written.

Tags are copied (the validator has checked them against the source's), except that a
translatable attribute of an inline tag (``<abbr title="…">``) gets its own entry's
translation: it is an entry of its own, and this is where its value stands in the page.
Hugo shortcodes and maths are copied untouched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html.entities import html5

from translate_flow.catalog.entry_keys import Key
from translate_flow.document.html_text import join_lines
from translate_flow.document.html_tokens import (
    OPAQUE,
    TRANSLATABLE_ATTRIBUTES,
    VOID,
    attribute_spans,
    no_translate,
    tokens,
)
from translate_flow.document.hugo_markup import DEFAULT_MATH, MASKS, Markup, mask
from translate_flow.textutil import LINE_END_RE

__all__ = ["escape_text", "render_html"]

_NUMERIC = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9A-Fa-f]{1,6});")
_NAMED = re.compile(r"&([A-Za-z][A-Za-z0-9]*;)")
# HTML's references that are read even without their ";" (``&amp``, ``&copy``), longest first.
_LEGACY = re.compile("&(?:" + "|".join(sorted((n for n in html5 if not n.endswith(";")), key=len, reverse=True)) + ")")
_UNQUOTED_OK = re.compile(r"[^\s\"'=<>`]+")


def _ampersand_ok(text: str, position: int) -> bool:
    """True when the ``&`` at ``position`` is a complete reference or a plain ampersand."""
    if _NUMERIC.match(text, position):
        return True
    named = _NAMED.match(text, position)
    if named:
        return named.group(1) in html5
    if text.startswith("&#", position):
        return False
    return _LEGACY.match(text, position) is None


def escape_text(text: str, masked: str, quote: str = "") -> str:
    """``text`` with what HTML would misread escaped; Hugo markup (masked) is left alone.

    ``quote`` is the quote of the attribute value the text goes into, if any.
    """
    out: list[str] = []
    for index, char in enumerate(text):
        if masked[index] in MASKS:
            out.append(char)
        elif char == "<" and not quote:
            out.append("&lt;")
        elif char == "&" and not _ampersand_ok(text, index):
            out.append("&amp;")
        elif quote and char == quote:
            out.append("&quot;" if quote == '"' else "&#39;")
        else:
            out.append(char)
    return "".join(out)


def _one_line(translation: str) -> str:
    return " ".join(line.strip() for line in LINE_END_RE.split(translation) if line.strip())


def attribute_value(translation: str, quote: str, math: Markup = DEFAULT_MATH) -> str:
    """A value for the place of an attribute value written with ``quote`` (``"``, ``'`` or none)."""
    text = _one_line(translation)
    if not quote and _UNQUOTED_OK.fullmatch(text) is None:
        # An unquoted value ends at a blank: quoted now, so the whole translation is the value.
        return '"' + escape_text(text, mask(text, math), '"') + '"'
    return escape_text(text, mask(text, math), quote)


def _wanted(math: Markup) -> tuple[str, ...]:
    """The attributes translated in the site's dialect (MDX adds ``label``)."""
    return TRANSLATABLE_ATTRIBUTES + math.dialect.attributes


def _tag(
    raw: str,
    masked: str,
    attrs: tuple[tuple[str, str | None], ...],
    translations: Mapping[Key, str],
    math: Markup,
) -> str:
    """A start tag with its translatable attribute values translated (where they have a translation)."""
    spans = attribute_spans(masked, attrs)
    if spans is None:
        return raw
    out: list[str] = []
    position = 0
    for name, start, end in spans:
        source = join_lines(raw[start:end])
        value = translations.get((None, source)) if name in _wanted(math) and start < end else None
        if value is None or value == source:
            continue
        quote = raw[start - 1] if raw[start - 1] in "\"'" else ""
        out.append(raw[position:start])
        out.append(attribute_value(value, quote, math))
        position = end
    out.append(raw[position:])
    return "".join(out)


def render_html(
    source: str,
    start: int,
    kind: str,
    translation: str,
    translations: Mapping[Key, str],
    math: Markup = DEFAULT_MATH,
) -> str:
    """What goes into the page for an HTML ``kind`` segment starting at ``start`` of ``source``."""
    if ": " in kind:
        quote = source[start - 1] if start and source[start - 1] in "\"'" else ""
        return attribute_value(translation, quote, math)
    text = _one_line(translation)
    masked = mask(text, math)
    out: list[str] = []
    kept: tuple[str, int] | None = None  # an element copied whole (code, translate="no"), its depth
    for token in tokens(masked):
        raw = text[token.start : token.end]
        if kept is not None:
            name, depth = kept
            if token.name == name and token.kind in ("start", "end"):
                depth += 1 if token.kind == "start" else -1
            kept = (name, depth) if depth else None
            out.append(raw)
        elif token.kind in ("text", "ref"):
            out.append(escape_text(raw, masked[token.start : token.end]))
        elif token.kind == "start" and token.name not in VOID and (token.name in OPAQUE or no_translate(token.attrs)):
            kept = (token.name, 1)
            out.append(raw)
        elif token.kind in ("start", "empty") and not no_translate(token.attrs):
            out.append(_tag(raw, masked[token.start : token.end], token.attrs, translations, math))
        else:
            out.append(raw)
    return "".join(out)
