"""One validator for check and merge: a translation may change the words, never the page.

A msgstr is parsed the way it will stand in the page (a paragraph's lines joined by
hard breaks, a heading on one line) and compared with its msgid parsed the same way:

- **block shape**: the same blocks, so no heading, list, fence, table, thematic break,
  HTML block or indented code appears or goes;
- **inline skeleton**: the same link and image destinations, code spans, HTML tags,
  footnote references, and Hugo shortcodes, attributes and maths, each as a multiset;
- **emphasis as it renders**: the same number of emphasis, strong and strikethrough
  elements once CommonMark's flanking rules (Unicode punctuation included) have
  decided which markers count, so ``** text**`` or ``**（PR）**即`` are caught;
- the same leading and trailing whitespace.

``check`` reports every problem as a ``broken`` finding, and ``merge`` keeps the
source text of an entry with a problem, so the two always agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.token import Token

from translate_flow.document.hugo_markup import DEFAULT_MATH, SHORTCODE_MASK, MathDelimiters, find_markup, mask
from translate_flow.document.parsers import BLOCK_PARSER, INLINE_PARSER

# Kinds whose translation may hold line breaks (they become hard breaks in the page).
_MULTILINE = frozenset({"paragraph", "list item", "blockquote", "footnote"})
# A line that starts with none of these cannot start a block of its own.
_BLOCK_START = re.compile(r"[#>\-+*=|`~<\[:_]|\d")
# A text with none of these has no inline markup at all.
_INLINE_MARK = re.compile(r"[*_~`\[\]<>!{}$\\&]|\{\{|://")
_PLACED = frozenset(
    {*_MULTILINE, "table cell", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5", "heading 6"}
)
_LINES = re.compile(r"\r\n|\r|\n")
_PAIRING = "`<>[]*_~$\\"
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_REF_LINK = re.compile(r"\]\[[^\]]*\]")
_BLOCK_NAMES = {
    "paragraph_open": "paragraph",
    "bullet_list_open": "bullet list",
    "ordered_list_open": "numbered list",
    "blockquote_open": "blockquote",
    "fence": "code fence",
    "code_block": "indented code",
    "html_block": "HTML block",
    "table_open": "table",
    "hr": "thematic break",
    "footnote_reference_open": "footnote",
    "heading_open": "heading",
}


@dataclass(frozen=True)
class Problem:
    """Why a translation would change its page's structure."""

    check: str
    """Which check: one of ``qa.names.STRUCTURE_CHECKS``."""
    message: str
    """What differs, for people."""


def switched_off(flags: Iterable[str], disabled: Iterable[str] = ()) -> set[str]:
    """The checks off for one entry: the project's, plus its ``no-<check>-check`` PO flags."""
    return set(disabled) | {flag[3:-6] for flag in flags if flag.startswith("no-") and flag.endswith("-check")}


def problems(
    msgid: str,
    msgstr: str,
    kinds: Collection[str],
    disabled: Collection[str] = (),
    math: MathDelimiters = DEFAULT_MATH,
) -> list[Problem]:
    """Every way ``msgstr`` would make its page differ from the source page beyond the words.

    ``kinds`` are the entry's segment kinds (``paragraph``, ``heading 2``, ``table cell``…,
    as in its ``#.`` comment); a text used in several places is checked for each.
    """
    if not msgstr or msgstr == msgid:
        return []
    found: list[Problem] = []
    if "structure" not in disabled:
        for kind in sorted(set(kinds)):
            problem = _structure(msgid, msgstr, kind, math)
            if problem is not None:
                found.append(problem)
                break
    source, target = inline_skeleton(msgid, math), inline_skeleton(msgstr, math)
    for check, label in _LABELS.items() if source != target else ():
        before, after = source.get(check, _NONE), target.get(check, _NONE)
        if check in disabled or before == after:
            continue
        if check == "emphasis":
            found.append(Problem(check, f"emphasis renders differently: {_emphasis(before, after)}"))
            continue
        missing, extra = before - after, after - before
        detail = "; ".join(
            part
            for part in (
                f"missing {_describe(missing)}" if missing else "",
                f"unexpected {_describe(extra)}" if extra else "",
            )
            if part
        )
        found.append(Problem(check, f"{label} differ from the source: {detail}"))
    if "whitespace" not in disabled and _edges(msgid) != _edges(msgstr):
        found.append(Problem("whitespace", "leading or trailing whitespace differs from the source"))
    return found


_NONE: Counter[str] = Counter()
_LABELS = {
    "link": "links",
    "image": "images",
    "code": "inline code",
    "shortcode": "shortcodes",
    "attribute": "attributes",
    "math": "maths",
    "footnote": "footnote references",
    "html": "HTML tags",
    "emphasis": "emphasis",
}


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def _describe(counter: Counter[str]) -> str:
    return ", ".join(sorted(counter.elements()))[:120]


def _emphasis(source: Counter[str], target: Counter[str]) -> str:
    names = {"em": "emphasis", "strong": "strong", "s": "strikethrough"}
    parts = [
        f"{names[tag]} {source[tag]} in the source, {target[tag]} in the translation"
        for tag in ("em", "strong", "s")
        if source[tag] != target[tag]
    ]
    return "; ".join(parts)


# -- block shape -----------------------------------------------------------------------


def _as_placed(text: str, kind: str) -> list[str]:
    """The text as merge writes it into the page, as documents of their own; empty: inline only.

    A heading is tried both as ATX and as setext (levels 1 and 2), since either may be the
    source's form: ``# x`` is fine after ``## `` but makes an ATX heading above ``===``.
    Lines of a paragraph are tried with both hard-break markers, for the same reason.
    """
    # CommonMark ends a line at CR too; Goldmark does not, but other renderers of the page may.
    lines = [line.strip() for line in _LINES.split(text)]
    if kind.startswith("heading "):
        level = int(kind.split()[1])
        one = " ".join(line for line in lines if line)
        placed = ["#" * level + " " + one]
        if level <= 2:
            underline = "\n" + ("===" if level == 1 else "---")
            # A setext heading with hard breaks in the source keeps its translation's lines.
            placed += [one + underline, "\\\n".join(lines) + underline, "  \n".join(lines) + underline]
        return placed
    if kind == "table cell":
        # As the last row of a table, written without edge pipes, where a leading `#` or
        # `- ` would end the table; merge escapes pipes, so the cell cannot split.
        cell = re.sub(r"(?<!\\)\|", r"\\|", " ".join(line for line in lines if line))
        return ["| h |\n| --- |\n" + cell]
    if kind in _MULTILINE:
        # Either hard-break marker may be the source's: `\` hides a trailing pipe, two spaces do not.
        return ["\\\n".join(lines), "  \n".join(lines)]
    return []


@lru_cache(maxsize=4096)
def _shape(document: str, math: MathDelimiters) -> tuple[str, ...]:
    tokens = BLOCK_PARSER.parse(mask(document, math))
    return tuple(f"{t.type}:{t.tag}:{t.level}" for t in tokens if t.type != "inline")


def _names(shape: tuple[str, ...]) -> str:
    names = []
    for item in shape:
        kind, tag, _ = item.split(":")
        if kind in _BLOCK_NAMES:
            names.append(f"{_BLOCK_NAMES[kind]} {tag}" if kind == "heading_open" else _BLOCK_NAMES[kind])
    return ", ".join(names) or "nothing"


def _structure(msgid: str, msgstr: str, kind: str, math: MathDelimiters) -> Problem | None:
    if kind == "image alt":
        if _image_count(f"![{msgstr}](x)") != 1:
            return Problem("structure", "the translation would end the image's alt text early")
        # Several images may share a paragraph: a backtick or bracket added to one alt text
        # could pair with one in the next and swallow both images.
        added = sorted(ch for ch in set(_PAIRING) if msgstr.count(ch) != msgid.count(ch))
        if added:
            return Problem("structure", f"the translation changes markup characters in an alt text: {' '.join(added)}")
        return None
    if kind == "table cell" and _odd_trailing_backslashes(msgstr) != _odd_trailing_backslashes(msgid):
        # Written before the next `|`, it would escape it and join two cells.
        return Problem("structure", "a backslash at the end of a cell would join it with the next one")
    if kind not in _PLACED:
        return None
    # A line of neither text can start a block or escape a pipe: both are shaped like any
    # plain text in that place, and nothing needs parsing (the usual case).
    plain = _plain(msgstr)
    if plain and _plain(msgid):
        return None
    targets = _as_placed(msgstr, kind)
    for source_doc, target_doc, plain_doc in zip(_as_placed(msgid, kind), targets, _as_placed("x", kind), strict=True):
        source = _shape(source_doc, math)
        if plain and source == _shape(plain_doc, math):
            continue
        target = _shape(target_doc, math)
        if source != target:
            return Problem("structure", f"the translation is read as {_names(target)} instead of {_names(source)}")
    return None


def _plain(text: str) -> bool:
    """True when no line can start a block, end the text's place early or escape a pipe.

    An empty line counts too: after a two-space hard break it is a blank line, a new paragraph.
    """
    lines = _LINES.split(text)
    return not any(
        _BLOCK_START.match(line.strip()) or line.rstrip().endswith("\\") or (not line.strip() and len(lines) > 1)
        for line in lines
    )


def _odd_trailing_backslashes(text: str) -> bool:
    text = text.rstrip()
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def _image_count(text: str) -> int:
    return sum(1 for t in _children(text) if t.type == "image")


def _children(text: str) -> list[Token]:
    parsed = INLINE_PARSER.parseInline(text)
    return list(parsed[0].children or []) if parsed else []


# -- inline skeleton ---------------------------------------------------------------------


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


@lru_cache(maxsize=8192)
def inline_skeleton(text: str, math: MathDelimiters = DEFAULT_MATH) -> dict[str, Counter[str]]:
    """What a text's inline markup is, by kind: link and image targets, code, HTML, footnotes,
    Hugo markup, and emphasis elements as they render. Words do not count. Do not mutate."""
    found: dict[str, Counter[str]] = {}
    if not _INLINE_MARK.search(text):
        return found

    def add(kind: str, value: str) -> None:
        found.setdefault(kind, Counter())[value] += 1

    # Delimiters count on their own: two halves of a call in two translations would make
    # one call in the page (Hugo runs shortcodes before Markdown), and a lone `{{<` stops
    # the site build.
    for delimiter in ("{{<", ">}}", "{{%", "%}}"):
        for _ in range(text.count(delimiter)):
            add("shortcode", delimiter)
    for delimiter in {d for pair in (*math.block, *math.inline) for d in pair if len(d) > 1}:
        for _ in range(text.count(delimiter)):
            add("math", delimiter)

    # Hugo markup first: each piece counts as itself and stands as one letter-like
    # character for the Markdown parse, as Hugo's own placeholders do for Goldmark.
    pieces: list[str] = []
    position = 0
    for kind, start, end in find_markup(text, math):
        add(kind, text[start:end])
        pieces.append(text[position:start] + SHORTCODE_MASK)
        position = end
    text = "".join(pieces) + text[position:]
    for token in _walk(_children(text)):
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
            # Without the page's definitions, references stay text: match them there.
            for ref in _FOOTNOTE_REF.findall(token.content):
                add("footnote", ref)
            for ref in _REF_LINK.findall(token.content):
                add("link", ref)
    return found
