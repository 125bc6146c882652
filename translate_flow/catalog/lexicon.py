"""Where polib reads PO text differently from GNU msgfmt, and how we make it agree.

- **Lines.** msgfmt ends a line at ``\\n`` only. polib splits with ``str.splitlines()``,
  which also breaks at a lone CR, VT, FF, FS, GS, RS, NEL, U+2028 and U+2029, so a
  string holding one of them is cut in two. They are swapped for private-use
  characters that the text does not hold before polib reads it, and swapped back in
  every string of every entry afterwards.
- **Escapes.** msgfmt decodes every C escape: octal (``\\303\\240`` is ``à`` in a UTF-8
  file), hex (``\\x41``), ``\\a \\b \\f \\v \\? \\'``. polib knows only ``\\\\ \\" \\n \\t \\r``
  and keeps the others literally. They are decoded in the text first, written back as
  the characters they stand for (or as one of polib's escapes).
- **Previous texts of obsolete entries.** msgmerge keeps an obsolete entry's previous
  msgid as ``#~| msgid "…"``; polib skips those lines. They are read as ``#|`` lines,
  which polib gives to the entry they precede, obsolete or not.
"""

from __future__ import annotations

import re
from functools import partial

import polib

from translate_flow.errors import CatalogError

__all__ = ["decode_escapes", "hide_separators", "restore_separators", "reveal_obsolete_previous"]

# What str.splitlines() breaks at besides "\n" (a CR counts only when no LF follows it).
_SEPARATORS = re.compile("\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_UNUSUAL_ESCAPE = re.compile(r"\\[0-7xabfv?']")
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,8})|(.))", re.DOTALL)
_SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "v": "\v", "?": "?", "'": "'"}
_POLIB_KNOWS = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _decoded(content: str, rel: str, line: int) -> str:
    out: list[str] = []
    pending = bytearray()

    def flush() -> None:
        if pending:
            try:
                text = pending.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CatalogError("an octal or hex escape is not valid UTF-8", rel, line) from exc
            out.extend(_POLIB_KNOWS.get(ch, ch) for ch in text)
            pending.clear()

    position = 0
    for match in _ESCAPE.finditer(content):
        if match.start() > position:
            flush()
            out.append(content[position : match.start()])
        octal, hexa, other = match.groups()
        if octal is not None or hexa is not None:
            value = int(octal, 8) if octal is not None else int(hexa, 16)
            if value > 0xFF:
                raise CatalogError(f"escape {match.group()} is out of range", rel, line)
            if value == 0:
                # msgfmt ends the string there; keeping the rest would read another text.
                raise CatalogError(f"escape {match.group()} is a NUL, where msgfmt ends the string", rel, line)
            pending.append(value)
        else:
            flush()
            out.append(_SIMPLE.get(other, match.group()))
        position = match.end()
    flush()
    out.append(content[position:])
    return "".join(out)


def _quoted(match: re.Match[str], rel: str, line: int) -> str:
    return '"' + _decoded(match.group(1), rel, line) + '"'


def decode_escapes(text: str, rel: str) -> str:
    """``text`` with the escapes polib does not know turned into what they stand for."""
    if not _UNUSUAL_ESCAPE.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        body = line.lstrip()
        # Strings sit on keyword lines, their continuations, and `#~` / `#|` lines; never in
        # translator comments or references.
        if body.startswith("#") and not body.startswith(("#~", "#|")):
            continue
        if _UNUSUAL_ESCAPE.search(line):
            lines[number] = _STRING.sub(partial(_quoted, rel=rel, line=number + 1), line)
    return "\n".join(lines)


_OBSOLETE_PREVIOUS = re.compile(r"^([ \t]*)#~\|", re.MULTILINE)


def reveal_obsolete_previous(text: str) -> str:
    """``text`` with ``#~|`` lines written as ``#|`` lines, so that polib reads them."""
    return _OBSOLETE_PREVIOUS.sub(r"\1#|", text) if "#~|" in text else text


def hide_separators(text: str) -> tuple[str, dict[str, str]]:
    """``text`` without characters polib would take for line ends, and how to put them back."""
    found = set(_SEPARATORS.findall(text))
    if not found:
        return text, {}
    spare = (chr(code) for code in range(0xF0000, 0xFFFFE) if chr(code) not in text)
    table = {ch: next(spare) for ch in sorted(found)}
    return _SEPARATORS.sub(lambda m: table[m.group()], text), {v: k for k, v in table.items()}


_FIELDS = (
    "msgid",
    "msgstr",
    "msgid_plural",
    "msgctxt",
    "previous_msgid",
    "previous_msgid_plural",
    "previous_msgctxt",
    "comment",
    "tcomment",
)


def restore_separators(po: polib.POFile, table: dict[str, str]) -> None:
    """Put back what ``hide_separators`` swapped out, in every string polib read."""
    if not table:
        return
    pattern = re.compile("|".join(map(re.escape, table)))

    def back(value: str) -> str:
        return pattern.sub(lambda m: table[m.group()], value)

    for entry in po:
        for name in _FIELDS:
            value = getattr(entry, name, None)
            if isinstance(value, str):
                setattr(entry, name, back(value))
        entry.msgstr_plural = {k: back(v) for k, v in entry.msgstr_plural.items()}
        entry.flags = [back(flag) for flag in entry.flags]
        entry.occurrences = [(back(path), back(line)) for path, line in entry.occurrences]
    po.header = back(po.header)
    po.metadata = {back(k): back(v) for k, v in po.metadata.items()}
