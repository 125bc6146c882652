"""The markup skeleton of an HTML-block text: its tags, how they nest, and its Hugo markup.

The counterpart of ``inline_skeleton`` for texts that stand in HTML blocks, where
Markdown is not read (``**`` is two asterisks there). The validator compares a
translation's skeleton with its source's:

- **tags** as a multiset, each as written with its attributes (blanks folded, the tag
  name in lower case); an element whose content is never translated (``code``, anything
  marked ``translate="no"``, ``script``…) counts as one item, content included;
- **nesting**: which element holds which, siblings in any order, so ``<b>`` and ``<i>``
  may trade places but not move into each other or cross;
- Hugo shortcodes, attributes and maths, byte for byte, as in Markdown texts.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from translate_flow.document.html_tokens import OPAQUE, SKIPPED, VOID, no_translate, tokens
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, mask
from translate_flow.document.inline_skeleton import hugo_skeleton

__all__ = ["html_nesting", "html_skeleton"]

_BLANKS = re.compile(r"\s+")
_NAME = re.compile(r"</?[A-Za-z][^\t\n\f\r />]*")
_MARKUP_KINDS = frozenset({"start", "empty", "end", "comment", "other"})


def _normal(raw: str) -> str:
    return _BLANKS.sub(" ", _NAME.sub(lambda m: m.group().lower(), raw, count=1))


def _items(text: str, math: Markup) -> list[tuple[str, str, str]]:
    """``(kind, name, item)`` for each piece of markup, in order; a kept element is one ``leaf``."""
    items: list[tuple[str, str, str]] = []
    kept: tuple[str, int, int] | None = None  # name, depth, start
    for token in tokens(mask(text, math)):
        if kept is not None:
            name, depth, start = kept
            if token.name == name and token.kind in ("start", "end"):
                depth += 1 if token.kind == "start" else -1
            kept = (name, depth, start) if depth else None
            if kept is None:
                items.append(("leaf", name, _normal(text[start : token.end])))
            continue
        if token.kind not in _MARKUP_KINDS:
            continue
        raw = text[token.start : token.end]
        whole = token.name in OPAQUE or token.name in SKIPPED or no_translate(token.attrs)
        if token.kind == "start" and token.name not in VOID and whole:
            kept = (token.name, 1, token.start)
        elif token.kind == "start" and token.name not in VOID:
            items.append(("open", token.name, _normal(raw)))
        elif token.kind == "end":
            items.append(("close", token.name, _normal(raw)))
        else:
            items.append(("leaf", token.name, _normal(raw)))
    if kept is not None:
        items.append(("leaf", kept[0], _normal(text[kept[2] :])))
    return items


@lru_cache(maxsize=8192)
def html_skeleton(text: str, math: Markup = DEFAULT_MATH) -> dict[str, Counter[str]]:
    """What a text's markup is, by kind (``html``, ``shortcode``, ``attribute``, ``math``);
    words do not count. Do not mutate."""
    found, _ = hugo_skeleton(text, math)
    if "<" in text:
        tags = Counter(item for _, _, item in _items(text, math))
        if tags:
            found["html"] = tags
    return found


@lru_cache(maxsize=8192)
def html_nesting(text: str, math: Markup = DEFAULT_MATH) -> str:
    """The elements of a text as a tree with its siblings sorted: equal for two texts whose
    tags hold each other the same way, whatever order the words put them in."""
    root: list[str] = []
    stack: list[tuple[str, str, list[str]]] = []  # name, item, children

    def close() -> None:
        _, item, children = stack.pop()
        (stack[-1][2] if stack else root).append(f"{item}({','.join(sorted(children))})")

    for kind, name, item in _items(text, math) if "<" in text else ():
        if kind == "open":
            stack.append((name, item, []))
        elif kind == "close" and any(entry[0] == name for entry in stack):
            # Elements left open inside it close with it, as a browser closes them.
            while stack[-1][0] != name:
                close()
            close()
        else:
            (stack[-1][2] if stack else root).append(item)
    while stack:
        close()
    return ",".join(sorted(root))
