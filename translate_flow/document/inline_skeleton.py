"""The inline skeleton of a Markdown text: its markup by kind, with the words left out.

Link and image destinations, code spans, HTML tags, footnote references, Hugo
shortcodes, attributes and maths count each as a multiset; emphasis counts as it
renders, once CommonMark's flanking rules have decided which markers open and close.
Two texts with equal skeletons have the same inline markup. The validator compares a
translation's skeleton with its source's; segmentation compares a paragraph's lines
joined with the lines as written, to find a break inside a link or tag.

Given the page's link reference definitions (``document.link_definitions``), a shortcut,
collapsed or full reference whose label is defined is a link to the definition's
destination, as it renders; without them a reference is text, and only a full one
(``][label]``) is counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from markdown_it.token import Token

from translate_flow.document.hugo_markup import DEFAULT_MATH, SHORTCODE_MASK, Markup, find_markup
from translate_flow.document.link_definitions import NO_DEFINITIONS, Definitions, references_env
from translate_flow.document.parsers import INLINE_PARSER

__all__ = ["hugo_skeleton", "inline_children", "inline_skeleton"]

# A text with none of these has no inline markup at all. `!` is not one: it marks an image
# only before `[`, which is, and most texts it ends are plain sentences.
_INLINE_MARK = re.compile(r"[*_~`\[\]<>{}$\\&]|\{\{|://")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_REF_LINK = re.compile(r"\]\[[^\]]*\]")
# Markup kinds with a check of their own; a dialect's other kinds (icons, keys, Liquid) are ``markup``.
_OWN_CHECKS = frozenset({"shortcode", "attribute", "math"})


def inline_children(text: str, definitions: Definitions = NO_DEFINITIONS) -> list[Token]:
    """The inline tokens of ``text`` parsed as one paragraph's content, references resolved
    against ``definitions``."""
    parsed = INLINE_PARSER.parseInline(text, references_env(definitions) if definitions else None)
    return list(parsed[0].children or []) if parsed else []


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def hugo_skeleton(text: str, math: Markup) -> tuple[dict[str, Counter[str]], list[tuple[str, int, int]]]:
    """A text's Hugo markup by kind (shortcodes, attributes, maths), and where each piece is."""
    found: dict[str, Counter[str]] = {}

    def add(kind: str, value: str) -> None:
        found.setdefault(kind, Counter())[value] += 1

    # Delimiters count on their own: two halves of a call in two translations would make
    # one call in the page (Hugo runs shortcodes before Markdown), and a lone `{{<` stops
    # the site build.
    for delimiter in ("{{<", ">}}", "{{%", "%}}") if math.dialect.shortcodes else ():
        for _ in range(text.count(delimiter)):
            add("shortcode", delimiter)
    for delimiter in {d for pair in (*math.block, *math.inline) for d in pair if len(d) > 1}:
        for _ in range(text.count(delimiter)):
            add("math", delimiter)
    markup = find_markup(text, math)
    for kind, start, end in markup:
        add(kind if kind in _OWN_CHECKS else "markup", text[start:end])
    return found, markup


@lru_cache(maxsize=8192)
def inline_skeleton(
    text: str, math: Markup = DEFAULT_MATH, definitions: Definitions = NO_DEFINITIONS
) -> dict[str, Counter[str]]:
    """What a text's inline markup is, by kind: link and image targets, code, HTML, footnotes,
    Hugo markup, and emphasis elements as they render. Words do not count. Do not mutate.

    ``definitions`` are the page's link reference definitions: a reference to one of them
    counts as a link to its destination."""
    if not _INLINE_MARK.search(text) and not any(char in text for char in math.dialect.hint):
        return {}
    found, markup = hugo_skeleton(text, math)

    def add(kind: str, value: str) -> None:
        found.setdefault(kind, Counter())[value] += 1

    # Hugo markup first: each piece counts as itself and stands as one letter-like
    # character for the Markdown parse, as Hugo's own placeholders do for Goldmark.
    pieces: list[str] = []
    position = 0
    for _, start, end in markup:
        pieces.append(text[position:start] + SHORTCODE_MASK)
        position = end
    text = "".join(pieces) + text[position:]
    for token in _walk(inline_children(text, definitions)):
        if token.type == "link_open":
            add("link", f"{token.attrs.get('href', '')} {token.attrs.get('title', '')}".strip())
        elif token.type == "image":
            add("image", f"{token.attrs.get('src', '')} {token.attrs.get('title', '')}".strip())
        elif token.type == "code_inline":
            add("code", f"{token.markup}{token.content}{token.markup}")
        elif token.type == "html_inline":
            add("html", token.content.lower())
        elif token.type in ("em_open", "strong_open", "s_open"):
            add("emphasis", token.tag)
        elif token.type == "text":
            for char in math.dialect.bare_syntax:
                for _ in range(token.content.count(char)):
                    add("markup", char)
            # A reference to no definition given stays text: a full one is matched there.
            for ref in _FOOTNOTE_REF.findall(token.content):
                add("footnote", ref)
            for ref in _REF_LINK.findall(token.content):
                add("link", ref)
    return found
