"""A catalog as GNU gettext writes it: ``msgcat --width=N`` byte for byte.

polib wraps differently from gettext (and never wraps CJK), so a file a translator's
editor wrapped would be rewrapped by every write through polib. This writer lays a
catalog out the way msgcat, msgmerge and Poedit do: strings wrapped where libunistring's
line breaking allows (``linebreak``), never inside an escape, a line after every ``\\n``;
references filled up to the width; flags in gettext's order. ``io`` chooses it for a
file saved that way; a width of 0 keeps polib's one line per string.

Known differences from msgcat: no break is forbidden inside a format directive (msgcat
parses ``c-format`` strings and keeps ``% d`` whole), and flags gettext does not know are
kept after the others (msgcat drops them).
"""

from __future__ import annotations

import re
from itertools import accumulate

import polib

from translate_flow.catalog.break_points import opportunities
from translate_flow.catalog.linebreak import MANDATORY, char_width

__all__ = ["FORMAT_LANGUAGES", "render_gettext", "render_gettext_entries", "render_gettext_header"]

FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
"""The ``*-format`` flags GNU gettext 0.21 knows, in the order it writes them."""

MIN_WIDTH = 20
"""gettext takes any narrower width as this one."""
_NO_WRAP = 2**31 - 1  # gettext's INT_MAX: a string flagged no-wrap is never broken but at \n

_FORMAT_RANK = {name: rank for rank, name in enumerate(FORMAT_LANGUAGES)}
_RANGE = re.compile(r"range: *\d+\.\.\d+")
# The characters written as a two-character escape, and the letter after the backslash.
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v", "\\": "\\", '"': '"'}


def render_gettext(po: polib.POFile, width: int) -> str:
    """The text of ``po`` as ``msgcat --width=width`` writes it (a UTF-8 catalog)."""
    return render_gettext_header(po, width) + render_gettext_entries(po, width)


def render_gettext_header(po: polib.POFile, width: int) -> str:
    """The header comment and entry of ``render_gettext`` (what a new date changes)."""
    return _header(po, max(width, MIN_WIDTH))


def render_gettext_entries(po: polib.POFile, width: int) -> str:
    """The rest of ``render_gettext``: each entry after a blank line."""
    width = max(width, MIN_WIDTH)
    blocks = [_entry(entry, width, "") for entry in po if not entry.obsolete]
    for entry in po:
        if entry.obsolete and _first_msgstr(entry):
            # gettext drops an obsolete entry without a translation.
            blocks.append(_entry(entry, width, "#~ "))
    return "".join("\n" + block for block in blocks)


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return str(entry.msgstr_plural.get(0, "")) if entry.msgstr_plural else ""
    return str(entry.msgstr)


def _header(po: polib.POFile, width: int) -> str:
    lines: list[str] = []
    if po.header:
        _comment_lines(lines, "#", po.header)
    text = "".join(f"{key}: {value}\n" for key, value in po.metadata.items())
    if po.metadata_is_fuzzy and text:
        lines.append("#, fuzzy")
    lines.extend(wrap_string("msgid", "", width, ""))
    lines.extend(wrap_string("msgstr", text, width, ""))
    return "".join(line + "\n" for line in lines)


def _comment_lines(lines: list[str], mark: str, text: str) -> None:
    for line in text.split("\n"):
        lines.append(f"{mark} {line}" if line else mark)


def _entry(entry: polib.POEntry, page_width: int, prefix: str) -> str:
    lines: list[str] = []
    obsolete = bool(prefix)
    # References always fill the page; strings only without no-wrap.
    width = _NO_WRAP if "no-wrap" in entry.flags else page_width
    if entry.tcomment:
        _comment_lines(lines, "#", entry.tcomment)
    if entry.comment:
        _comment_lines(lines, "#.", entry.comment)
    if entry.occurrences:
        lines.extend(_references(entry.occurrences, page_width))
    flags = _flags(entry, obsolete)
    if flags:
        lines.append("#, " + ", ".join(flags))
    previous = "#~| " if obsolete else "#| "
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            lines.extend(wrap_string(name, value, width, previous))
    if entry.msgctxt is not None:
        lines.extend(wrap_string("msgctxt", entry.msgctxt, width, prefix))
    lines.extend(wrap_string("msgid", entry.msgid, width, prefix))
    if entry.msgid_plural:
        lines.extend(wrap_string("msgid_plural", entry.msgid_plural, width, prefix))
        for index in sorted(entry.msgstr_plural, key=int):
            lines.extend(wrap_string(f"msgstr[{index}]", entry.msgstr_plural[index], width, prefix))
    else:
        lines.extend(wrap_string("msgstr", entry.msgstr, width, prefix))
    return "".join(line + "\n" for line in lines)


def _references(occurrences: list[tuple[str, str]], width: int) -> list[str]:
    """``#:`` lines: references added while the line stays within the width; each once, as
    gettext keeps them."""
    lines: list[str] = []
    line, column = "#:", 2
    for path, number in dict.fromkeys(occurrences):
        reference = f"{path}:{number}" if number else path
        size = len(reference) + 1
        if column > 2 and column + size > width:
            lines.append(line)
            line, column = "#:", 2
        line += " " + reference
        column += size
    lines.append(line)
    return lines


def _flags(entry: polib.POEntry, obsolete: bool) -> list[str]:
    """The flags in gettext's order: fuzzy (only with a translation), formats, range, no-wrap.

    Flags gettext does not know (translate-flow's ``no-*-check``) follow; gettext would drop them.
    """
    flags = list(dict.fromkeys(entry.flags))
    fuzzy = "fuzzy" in flags and bool(_first_msgstr(entry))
    formats: dict[str, str] = {}
    ranges: list[str] = []
    others: list[str] = []
    for flag in flags:
        language = flag.removeprefix("no-").removesuffix("-format") if flag.endswith("-format") else ""
        if language in _FORMAT_RANK:
            formats[language] = flag  # a later mark for the same language replaces an earlier one
        elif _RANGE.fullmatch(flag):
            ranges = [flag]
        elif flag not in ("fuzzy", "no-wrap", "wrap"):
            others.append(flag)
    ordered = ["fuzzy"] if fuzzy else []
    ordered += [formats[name] for name in sorted(formats, key=_FORMAT_RANK.__getitem__)]
    if not obsolete:
        # gettext writes no range for an obsolete entry.
        ordered += ranges
    if "no-wrap" in flags:
        ordered.append("no-wrap")
    return ordered + others


def wrap_string(name: str, value: str, width: int, prefix: str) -> list[str]:
    """The lines of ``name "value"`` as gettext wraps them, each starting with ``prefix``.

    The string is cut after each ``\\n``; each part is broken where libunistring allows and
    a line would pass ``width``. A string that takes more than one line starts with an
    empty one (``msgid ""``).
    """
    lines: list[str] = []
    # Columns for the text of a continuation line: the width less the prefix and both quotes.
    room = width - 1 - (len(prefix) + 1)
    first = True
    start = 0
    while True:
        end = value.find("\n", start)
        end = len(value) if end < 0 else end + 1
        escaped, glued = _escaped(value[start:end])
        more = end < len(value)
        widths = _widths(escaped)
        if first and len(name) + 1 + widths[-1] <= room and not more:
            # It fits on the keyword's line: no break can be needed.
            lines.append(f'{prefix}{name} "{escaped}"')
            return lines
        points = [(at, kind) for at, kind in opportunities(escaped) if at not in glued] if escaped else []
        breaks = _line_breaks(points, widths, room, len(name) + 1 if first else 0)
        if first and escaped and (more or len(name) + 1 > room or breaks):
            lines.append(f'{prefix}{name} ""')
            first = False
            breaks = _line_breaks(points, widths, room, 0)
        head = f"{prefix}{name} " if first else prefix
        first = False
        previous = 0
        for cut in breaks:
            lines.append(f'{head}"{escaped[previous:cut]}"')
            head, previous = prefix, cut
        lines.append(f'{head}"{escaped[previous:]}"')
        start = end
        if start >= len(value):
            return lines


_ESCAPE_TABLE = str.maketrans({ch: "\\" + letter for ch, letter in _ESCAPES.items()})
_ESCAPE = re.compile(r"\\.")


def _escaped(part: str) -> tuple[str, set[int]]:
    """``part`` as written between quotes, and the positions before which a line may not
    end: inside an escape, and before the final ``\\n``."""
    escaped = part.translate(_ESCAPE_TABLE)
    if escaped == part:
        return escaped, set()
    glued = {match.start() + 1 for match in _ESCAPE.finditer(escaped)}
    if part.endswith("\n"):
        glued.add(len(escaped) - 2)
    return escaped, glued


def _widths(text: str) -> list[int]:
    """The columns taken by each prefix of ``text``: ``[0, w(text[:1]), …, w(text)]``."""
    if text.isascii() and text.isprintable():
        return list(range(len(text) + 1))
    return list(accumulate(map(char_width, text), initial=0))


def _line_breaks(points: list[tuple[int, int]], widths: list[int], room: int, column: int) -> list[int]:
    """Where lines end: before the last break opportunity that still fits, each time the
    text up to the next one would pass ``room`` columns; the first line starts at ``column``.

    A piece wider than a whole line stays whole, on a line of its own (libunistring's rule).
    """
    cuts: list[int] = []
    start, offset = 0, column  # where the current line starts, and its column there
    last: int | None = None  # the last opportunity on the current line
    for at, kind in points:
        if last is not None and offset + widths[at] - widths[start] > room:
            cuts.append(last)
            start, offset = last, 0
        if kind == MANDATORY:
            # A line separator in the text: what follows starts at column 0, with no cut.
            last, start, offset = None, at + 1, 0
            continue
        last = at
    if last is not None and offset + widths[-1] - widths[start] > room:
        cuts.append(last)
    return cuts
