"""What a reader sees of a rendered page: its visible texts and its element structure.

Used by the MkDocs build test and by ``bench.dialect_coverage`` to check that every text a
page shows reached a msgid, and that a translated page renders with its source's elements.
A text is a run of characters between two tags, whitespace collapsed; code, keys, icons and
emoji are not texts to translate, so nothing inside them counts.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose content is never prose: code, keyboard keys, inline SVG icons.
_OPAQUE_TAGS = frozenset({"code", "pre", "kbd", "svg", "script", "style", "template"})
# Classes of elements whose content is markup, not prose: Material's icons and emoji,
# pymdownx.keys' key combinations, the permalink anchor toc adds to headings, and maths.
_OPAQUE_CLASSES = frozenset(
    {"twemoji", "emojione", "gemoji", "keys", "headerlink", "md-annotation__index", "arithmatex"}
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")
# Material for MkDocs puts the page's own content in this element; the rest is the theme.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


@dataclass(frozen=True)
class Rendered:
    """The visible parts of one rendered page's content."""

    texts: tuple[str, ...]
    """Each run of prose between two tags (and each abbreviation's or image's text), whitespace collapsed."""
    structure: tuple[str, ...]
    """Every element in document order, as ``name.classes``."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.structure: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, opaque) of the elements open now

    def _opaque(self) -> bool:
        return any(opaque for _, opaque in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "")
        self.structure.append(f"{tag}.{classes}")
        opaque = tag in _OPAQUE_TAGS or bool(_OPAQUE_CLASSES.intersection(classes.split()))
        if not opaque and not self._opaque():
            # A tooltip and an image's text are visible too.
            shown = attributes.get("title", "") if tag == "abbr" else attributes.get("alt", "") if tag == "img" else ""
            self._add(shown)
        if tag not in _VOID_TAGS:
            self._open.append((tag, opaque))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self._opaque():
            self._add(data)

    def _add(self, text: str) -> None:
        text = _SPACE.sub(" ", text).strip()
        if _LETTER.search(text):
            self.texts.append(text)


def read_rendered(markup: str) -> Rendered:
    """The visible texts and elements of an HTML fragment (a page's content)."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return Rendered(tuple(reader.texts), tuple(reader.structure))


def material_content(page: str) -> str:
    """The content area of a page built with the Material theme (the page's own HTML)."""
    match = _ARTICLE.search(page)
    if match is None:
        raise ValueError("no Material content area in the page")
    return match.group(1)


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def as_shown(msgid: str) -> str:
    """A msgid with entities decoded, Markdown escapes dropped and whitespace collapsed,
    so that a rendered text can be looked for in it."""
    return _SPACE.sub(" ", html.unescape(_ESCAPE.sub(r"\1", msgid))).strip()


def missing_texts(texts: tuple[str, ...], msgids: set[str]) -> list[str]:
    """The texts that are part of no msgid."""
    shown = [as_shown(msgid) for msgid in msgids]
    return [text for text in texts if not any(text in msgid for msgid in shown)]
