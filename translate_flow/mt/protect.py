"""Markup protection: what an MT engine must not touch is swapped for numbered placeholders.

Link and image destinations, inline code, autolinks, bare URLs, inline HTML (a ``<code>``
element or one marked ``translate="no"`` whole, with its content), Hugo shortcodes, Go
template actions (``{{ .Count }}`` in an i18n string), Goldmark attributes, maths,
footnote references and HTML entities become ``⟦0⟧``, ``⟦1⟧``… (a dialect's markup too:
icons, keys, Liquid; a link destination that holds any is one placeholder with it);
the link text and alt text between them stay translatable, and so do the translatable
parameter values of a shortcode call inside the text (``title="⟦0⟧Fast⟦1⟧"`` in effect). A draft whose
placeholders come back missing, duplicated, invented or altered is rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, find_markup
from translate_flow.document.shortcode_params import ShortcodeParams
from translate_flow.document.shortcode_segments import value_spans
from translate_flow.errors import TranslateFlowError

OPEN, CLOSE = "⟦", "⟧"

# Order matters: earlier alternatives win where they overlap.
MARKUP = re.compile(
    r"""
    (?P<ours>[⟦⟧])                                      # our own brackets in the source text
  | (?P<escape>\\[!-/:-@\[-`{-~])                        # backslash escapes
  | (?P<code>(?P<ticks>`+)(?:.|\n)*?(?<!`)(?P=ticks)(?!`))           # inline code, any number of backticks
  | (?P<shortcode>\{\{[<%].*?[%>]\}\})                 # Hugo shortcodes
  | (?P<action>\{\{.*?\}\})                            # Go template actions (i18n strings)
  | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>)
  | (?P<kept><(?P<keptcode>code)(?:\s[^<>]*)?>.*?</(?P=keptcode)\s*>         # a code element, content and all,
       |<(?P<no>[A-Za-z][A-Za-z0-9-]*)\s[^<>]*?\btranslate\s*=\s*["']?no\b[^<>]*>.*?</(?P=no)\s*>)  # or one marked translate="no"
  | (?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->)
  | (?P<footnote>\[\^[^\]\s]+\])
  | (?P<dest>\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\))
  | (?P<refdest>\]\[[^\]]*\])
  | (?P<open>!?\[)
  | (?P<close>\])
  | (?P<url>\b(?:https?|ftp)://[^\s<>()]+[^\s<>().,;:!?'"])
  | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});)
    """,
    re.VERBOSE | re.DOTALL,
)
_PLACEHOLDER = re.compile(r"⟦(\d+)⟧")
# Every piece of MARKUP holds one of these characters, or is a URL with "://". Looking for
# them is a scan in C; MARKUP itself tries a dozen alternatives at each position of the text.
# `!` is not one: MARKUP takes it only before `[` (an image) or after `\` or `<`, all here.
_MAY_HOLD_MARKUP = re.compile(r"[⟦⟧\\`{<\[\]&]|://")


def without_markup(text: str) -> str:
    """``text`` with each piece of MARKUP replaced by a space: the words a count or a check reads."""
    return MARKUP.sub(" ", text) if _MAY_HOLD_MARKUP.search(text) else text


class PlaceholderError(TranslateFlowError):
    """An engine's draft lost, duplicated or changed a placeholder."""


@dataclass(frozen=True)
class Protected:
    """A text ready for an engine, and what its placeholders stand for."""

    text: str
    """The text with markup replaced by ``⟦N⟧``."""
    tokens: tuple[str, ...]
    """The markup, by placeholder number."""


def protect(text: str, math: Markup = DEFAULT_MATH, shortcodes: ShortcodeParams | None = None) -> Protected:
    """``text`` with its markup swapped for placeholders: Markdown's, and Hugo's shortcodes,
    attributes and maths (a multi-line shortcode call or a maths block is one placeholder).

    With ``shortcodes``, a call's translatable values stay text between the placeholders
    of the rest of the call; a draft that breaks the call is held back by the validator.
    """
    tokens: list[str] = []

    def swap(match: re.Match[str]) -> str:
        tokens.append(match.group())
        return f"{OPEN}{len(tokens) - 1}{CLOSE}"

    def keep(markup: str) -> None:
        tokens.append(markup)
        out.append(f"{OPEN}{len(tokens) - 1}{CLOSE}")

    out: list[str] = []
    position = 0
    for kind, start, end in _with_destinations(text, find_markup(text, math)):
        if start < position:
            continue  # inside the span before it (a shortcode within maths): that placeholder holds it
        out.append(MARKUP.sub(swap, text[position:start]))
        call = text[start:end]
        cursor = 0
        for value_start, value_end in value_spans(call, shortcodes) if kind == "shortcode" and shortcodes else ():
            keep(call[cursor:value_start])
            out.append(MARKUP.sub(swap, call[value_start:value_end]))
            cursor = value_end
        keep(call[cursor:])
        position = end
    out.append(MARKUP.sub(swap, text[position:]))
    return Protected("".join(out), tuple(tokens))


_DESTINATION = re.compile(r"\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def _with_destinations(text: str, markup: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``markup``, where a link destination that holds some (``]({{ site.baseurl }}/about/)``) is one
    piece with it: split around the markup, the rest of the address would go to the engine as words."""
    if not markup or "](" not in text:
        return markup
    plain = list(text)
    for _, start, end in markup:
        plain[start:end] = "x" * (end - start)
    found: list[tuple[str, int, int]] = []
    for match in _DESTINATION.finditer("".join(plain)):
        if any(match.start() <= start and end <= match.end() for _, start, end in markup):
            found.append(("destination", match.start(), match.end()))
    if not found:
        return markup
    outside = [m for m in markup if not any(s <= m[1] and m[2] <= e for _, s, e in found)]
    return sorted(outside + found, key=lambda item: item[1])


def restore(draft: str, protected: Protected) -> str:
    """Put the markup back into an engine's draft, or raise PlaceholderError."""
    found = [int(n) for n in _PLACEHOLDER.findall(draft)]
    expected = list(range(len(protected.tokens)))
    if sorted(found) != expected:
        missing = sorted(set(expected) - set(found))
        extra = sorted({n for n in found if found.count(n) > 1 or n not in expected})
        detail = []
        if missing:
            detail.append("missing " + ", ".join(f"{OPEN}{n}{CLOSE}" for n in missing))
        if extra:
            detail.append("duplicated or unknown " + ", ".join(f"{OPEN}{n}{CLOSE}" for n in extra))
        raise PlaceholderError("placeholders " + "; ".join(detail or ["altered"]))
    if draft.count(OPEN) != len(expected) or draft.count(CLOSE) != len(expected):
        raise PlaceholderError("placeholders altered")
    return _PLACEHOLDER.sub(lambda m: protected.tokens[int(m.group(1))], draft)
