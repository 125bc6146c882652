"""The link reference definitions of a page (``[label]: destination "title"``).

A shortcut or collapsed reference (``[label]``, ``[label][]``) is a link only because
its text matches a definition's label somewhere in the page. The validator reads each
text alone, so it is given the page's definitions to see those links: a translation
that changes the text of ``[label]`` loses the link. The definitions are found by the
same block parse the segmenter runs (Hugo markup masked, the dialect's blocks seen as
CommonMark), so a definition inside an admonition counts and one in a code block does not.
"""

from __future__ import annotations

from markdown_it.common.utils import normalizeReference

from translate_flow.document.article import Article
from translate_flow.document.dialect_blocks import block_view
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, mask
from translate_flow.document.parsers import block_parser
from translate_flow.textutil import LineTable

__all__ = ["NO_DEFINITIONS", "Definitions", "definitions_of", "label_of", "page_definitions", "references_env"]

Definitions = frozenset[tuple[str, str, str]]
"""A page's definitions as (normalized label, destination, title): hashable, so a skeleton
computed with them can be cached."""

NO_DEFINITIONS: Definitions = frozenset()


def label_of(text: str) -> str:
    """A label as CommonMark matches it: case-folded, inner whitespace collapsed."""
    return normalizeReference(text)


def definitions_of(text: str, body_line: int = 0, math: Markup = DEFAULT_MATH) -> Definitions:
    """The definitions in the Markdown body of ``text`` that starts at 0-based line ``body_line``."""
    # Every definition has `]:` in it: most pages have none and need no parse.
    if "]:" not in text:
        return NO_DEFINITIONS
    masked = mask(text, math)
    lines = LineTable.of(text)
    view = block_view(
        lines.contents(text),
        lines.contents(masked),
        body_line,
        math.dialect,
    )
    env: dict[str, dict[str, dict[str, str]]] = {}
    block_parser(math.dialect.indented_code).parse("\n".join(view.lines[body_line:]), env)
    found = env.get("references", {})
    return frozenset((label, ref.get("href", ""), ref.get("title", "")) for label, ref in found.items())


def page_definitions(article: Article, math: Markup = DEFAULT_MATH) -> Definitions:
    """The definitions of an article's Markdown body."""
    return definitions_of(article.text, article.body_line, math)


def references_env(definitions: Definitions) -> dict[str, dict[str, dict[str, str]]]:
    """The markdown-it environment in which an inline parse resolves references to ``definitions``."""
    return {"references": {label: {"href": href, "title": title} for label, href, title in definitions}}
