"""A dialect's block markup, rewritten line by line into what CommonMark reads the same way.

markdown-it knows CommonMark only. So before a body is parsed, each line of a dialect's
block markup is rewritten, one line for one line, into the CommonMark that has the
structure the generator gives it:

- a container's opener and closer become blank lines (its title is a text of its own);
- the body of an indented container (MkDocs' ``!!!``, ``???``, ``===``) loses four
  columns, so that it reads as Markdown instead of indented code;
- a code container's opener and closer become a code fence;
- a line marker (``:   `` of a definition, ``*[HTML]:`` of an abbreviation) becomes a
  bullet, so that its text is a block of its own; a definition's body (its lines four
  columns in) is a container too, so that an admonition or a tab inside it is one, as
  Python-Markdown reads it. A definition that opens with a container (``:   !!! note``)
  loses its four columns like an indented container: a bullet cannot hold it.

Only the parse reads these lines: the segmenter finds every text at the end of its
source line, so offsets still come from the source, and every other byte is copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from translate_flow.document.dialects import Container, Dialect

__all__ = ["DEFAULT_TITLE", "BlockView", "Title", "block_view"]

DEFAULT_TITLE = "default title"
"""The end of the kind of a title the generator makes from a container's type (``admonition default title``)."""

_FENCE = "~~~~~~~~~~~~~~~~"
_BULLET = "-   "


@dataclass(frozen=True)
class Title:
    """A container's title: a one-line text in its opener line."""

    line: int
    """0-based line."""
    start: int
    """Column of the first character."""
    end: int
    """Column just past the last character."""
    kind: str
    """Segment kind (``admonition title``, or ``admonition default title``)."""
    text: str | None = None
    """A default title's text, which the line does not hold (``start == end``: where it goes)."""


@dataclass(frozen=True)
class BlockView:
    """The lines markdown-it parses, and what the dialect says about them."""

    lines: tuple[str, ...]
    """One line per source line."""
    markers: dict[int, str] = field(default_factory=dict)
    """Segment kind of the text a line marker starts, by 0-based line."""
    inside: dict[int, str] = field(default_factory=dict)
    """Kind of the innermost container a line is in, by 0-based line."""
    titles: tuple[Title, ...] = ()
    """The containers' titles."""
    breaks: frozenset[int] = frozenset()
    """Lines that end an indented container with no blank line before: they start a new
    text (Python-Markdown reads them as a new block), where CommonMark would continue a paragraph."""


def _indent(line: str) -> tuple[int, int]:
    """Columns of a line's indentation (tabs to the next multiple of four) and its characters."""
    cols = chars = 0
    for char in line:
        if char == " ":
            cols += 1
        elif char == "\t":
            cols += 4 - cols % 4
        else:
            break
        chars += 1
    return cols, chars


def _fence_of(rest: str) -> str | None:
    for char in "`~":
        if rest.startswith(char * 3):
            return char * (len(rest) - len(rest.lstrip(char)))
    return None


def block_view(text_lines: Sequence[str], masked_lines: Sequence[str], first: int, dialect: Dialect) -> BlockView:
    """The parse lines of a body that starts at 0-based line ``first``."""
    out = list(masked_lines)
    if not dialect.containers and not dialect.markers:
        return BlockView(tuple(out))
    markers: dict[int, str] = {}
    inside: dict[int, str] = {}
    titles: list[Title] = []
    # Open indented containers: (body column, kind, whether their lines lose four columns).
    indented: list[tuple[int, str, bool]] = []
    closed: list[Container] = []  # open containers that end at a closer line
    code: Container | None = None
    fence: str | None = None  # the Markdown code fence the line is in
    breaks: set[int] = set()
    blank = True
    for i in range(first, len(out)):
        source = text_lines[i]
        cols, chars = _indent(source)
        rest = source[chars:]
        if not rest.strip():
            out[i] = ""
            blank = True
            continue
        follows, blank = not blank, False
        while indented and cols < indented[-1][0]:
            if indented.pop()[2] and follows and fence is None and code is None:
                breaks.add(i)
        shifting = [kind for _, kind, shifts in indented if shifts]
        base = 4 * len(shifting)
        # Only lines inside an indented container move; tabs become blanks there only.
        shifted = " " * (cols - base) + masked_lines[i][chars:] if shifting else masked_lines[i]
        out[i] = shifted
        relative = cols - base
        # Columns past the start of the innermost body: a definition's body starts four columns in.
        level = relative - 4 * (len(indented) - len(shifting))
        if code is not None:
            if code.closer is not None and code.closer.match(rest):
                out[i] = " " * relative + _FENCE
                code = None
            continue
        if fence is not None:
            # A closing fence is indented three columns at most: a deeper one is the code's own text.
            if (
                level <= 3
                and rest.startswith(fence[0])
                and _fence_of(rest.rstrip()) == rest.rstrip()
                and len(rest.rstrip()) >= len(fence)
            ):
                fence = None
            continue
        if level > 3 and not dialect.indented_code:
            level = 3  # MDX reads no indented code: a deep line is still Markdown
        if level > 3:
            continue
        opened = _fence_of(rest)
        if opened is not None and not (opened[0] == "`" and "`" in rest[len(opened) :]):
            fence = opened
            continue
        container = _container_line(i, rest, chars, dialect, titles)
        if container is not None:
            if container.code:
                out[i] = " " * relative + _FENCE
                code = container
            else:
                out[i] = ""
                if container.closer is None:
                    indented.append((cols + 4, container.kind, True))
                else:
                    closed.append(container)
            continue
        if closed and closed[-1].closer is not None and closed[-1].closer.match(rest):
            closed.pop()
            out[i] = ""
            continue
        for marker in dialect.markers:
            found = marker.pattern.match(rest)
            if found is None:
                continue
            after = rest[found.end() :]
            if marker.continued and any(_opens_indented(c, after) for c in dialect.containers):
                opened_here = _container_line(i, after, chars + found.end(), dialect, titles)
                assert opened_here is not None
                out[i] = ""
                indented += [(cols + 4, marker.kind, True), (cols + 8, opened_here.kind, True)]
                break
            out[i] = " " * relative + _BULLET + masked_lines[i][chars + found.end() :]
            markers[i] = marker.kind
            if marker.continued:
                indented.append((cols + 4, marker.kind, False))
            break
        else:
            inner = shifting[-1] if shifting else closed[-1].kind if closed else None
            if inner is not None:
                inside[i] = inner
    return BlockView(tuple(out), markers, inside, tuple(titles), frozenset(breaks))


def _opens_indented(container: Container, rest: str) -> bool:
    """Whether a line opens this container, whose body is indented Markdown."""
    return container.closer is None and not container.code and container.opener.match(rest) is not None


def _container_line(line: int, rest: str, chars: int, dialect: Dialect, titles: list[Title]) -> Container | None:
    """The container a line opens (its title goes to ``titles``); None when it opens none."""
    for container in dialect.containers:
        found = container.opener.match(rest)
        if found is None:
            continue
        if not container.code:
            for name in ("title", "title2"):
                if name in found.re.groupindex and found.group(name) and found.group(name).strip():
                    start, end = found.span(name)
                    titles.append(Title(line, chars + start, chars + end, f"{container.kind} title"))
                    break
            else:
                if container.default_title and found.group("title") is None:
                    # `!!! note` is titled "Note"; `!!! note ""` has no title at all.
                    end = chars + found.end("type") + len(found.group(0)[found.end("type") :].rstrip(" \t"))
                    text = found.group("type").capitalize()
                    titles.append(Title(line, end, end, f"{container.kind} {DEFAULT_TITLE}", text))
        return container
    return None
