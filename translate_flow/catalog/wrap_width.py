"""Which line width a PO file was saved with, so that writing it again keeps that layout.

Poedit, msgcat and msgmerge wrap strings at 79 columns by default; translate-flow writes
one line per string (width 0). A file keeps the layout it has: a string cut across lines
anywhere but after a ``\\n``, or references spread over several ``#:`` lines, show a
wrapped file, and the width is the one at which our gettext layout gives the file back.
"""

from __future__ import annotations

import re

import polib

from translate_flow.catalog.gettext_layout import MIN_WIDTH, render_gettext
from translate_flow.catalog.linebreak import char_width

__all__ = ["DEFAULT_WIDTH", "choose_width", "detect_width"]

DEFAULT_WIDTH = 79
"""msgcat's, msgmerge's and Poedit's width."""

_KEYWORD = re.compile(r'^(#~\|? |#\| )?(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\]) "(.*)"$')
_CONTINUATION = re.compile(r'^(#~\|? |#\| )?"(.*)"$')
# Other widths editors and tools use, tried when the longest line does not tell.
_USUAL = (76, 77, 78, 80)


def choose_width(data: bytes | None, po: polib.POFile | None, configured: int, explicit: bool) -> int:
    """The width to write a catalog with: ``configured`` when the user set it or there is no
    file yet; otherwise the width the file shows, or ``configured`` when it shows none."""
    if explicit or data is None or po is None:
        return configured
    found = detect_width(data, po)
    return configured if found is None else found


def detect_width(data: bytes, po: polib.POFile) -> int | None:
    """The width ``data`` (parsed as ``po``) was wrapped at, or None when it is not wrapped.

    A file none of whose strings needed wrapping shows no width: None, too.
    """
    text = data.decode("utf-8", "replace")
    longest, wrapped = _wrapped_lines(text.split("\n"))
    if not wrapped:
        return None
    # The usual widths first; then those the longest line allows (a line is at most the
    # width, unless a word cannot be broken). Any width that gives the file back is right.
    candidates = [DEFAULT_WIDTH, *_USUAL, *range(longest, longest + 8)]
    best, best_score = DEFAULT_WIDTH, -1
    lines = text.split("\n")
    wanted = set(lines)
    tried: dict[int, None] = dict.fromkeys(w for w in candidates if w >= MIN_WIDTH)
    for width in tried:
        rendered = render_gettext(po, width)
        if rendered == text:
            return width
        score = sum(line in wanted for line in rendered.split("\n"))
        if score > best_score:
            best, best_score = width, score
    return best


def _wrapped_lines(lines: list[str]) -> tuple[int, bool]:
    """The widest line a wrap produced, and whether any string or reference list is wrapped."""
    longest = 0
    wrapped = False
    string: list[str] = []  # the quoted parts of the string being read
    references = 0  # `#:` lines in a row

    def close() -> None:
        nonlocal wrapped
        # A cut that is not after "\n" (the first, empty part and the last aside) is a wrap;
        # so is an empty first line before a single one, which polib never writes.
        if len(string) == 2 and string[0] == "":
            wrapped = True
        if len(string) > 2 and any(not part.endswith("\\n") for part in string[1:-1]):
            wrapped = True
        string.clear()

    for line in lines:
        references = references + 1 if line.startswith("#:") else 0
        if references:
            wrapped = wrapped or references > 1
            longest = max(longest, len(line))
        keyword = _KEYWORD.match(line)
        if keyword is not None:
            close()
            string.append(keyword.group(3))
        elif string and (continuation := _CONTINUATION.match(line)) is not None:
            string.append(continuation.group(2))
        else:
            close()
            continue
        longest = max(longest, sum(char_width(ch) for ch in line))
    close()
    return longest, wrapped
