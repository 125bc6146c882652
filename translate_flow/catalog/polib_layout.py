"""A catalog as polib 1.2 writes it at width 0 (``str(po)``), byte for byte, several times faster.

Width 0 is translate-flow's default layout: one line per string, a string holding line
breaks split after each. polib builds that text with a generic writer that also knows
how to wrap, and its per-field bookkeeping was a quarter of a cold extract. This module
writes the same text for what polib does at width 0 and nothing more:

- the header comment: ``#`` for an empty line, ``#`` before a line starting with ``,``
  or ``:``, ``# `` before any other;
- the header entry: ``#, fuzzy`` when ``metadata_is_fuzzy``, then the metadata in
  ``ordered_metadata`` order as a msgstr;
- each live entry, then each obsolete one (``#~ ``): translator comments (``# ``),
  extracted comments (``#. ``, live only), the occurrences on one ``#: `` line
  (``path:line``, or the path when the line is empty), flags on one ``#, `` line, the
  previous msgctxt, msgid and msgid_plural (``#| ``, ``#~| `` when obsolete), msgctxt,
  msgid, msgid_plural, then the msgstr or the plural msgstrs by index;
- a string is cut where ``str.splitlines`` cuts it; when that makes more than one piece
  it starts with ``""`` and each piece follows on its own line;
- the escapes are polib's: ``\\\\ \\t \\r \\n \\v \\b \\f \\"``; every other character
  is written as it is.

polib stays the reference: tests/unit/catalog/test_polib_layout.py compares the two on
random catalogs, and msgfmt checks what this writes.
"""

from __future__ import annotations

import re

import polib

__all__ = ["render_entries", "render_header", "render_polib"]

# Any character str.splitlines() breaks at (a lone CR, CR LF, LF, VT, FF, FS, GS, RS, NEL, LS, PS).
_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPECIAL = re.compile('[\\\\\t\r\n\x0b\b\x0c"]')
_PLAIN = re.compile('[^\\\\\t\r\n\x0b\b\x0c"\x1c\x1d\x1e\x85\u2028\u2029]*')
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\r": "\\r", "\n": "\\n", "\x0b": "\\v", "\b": "\\b", "\x0c": "\\f", '"': '\\"'}


def _escape_one(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def _escape(text: str) -> str:
    # One pass: each special character is replaced by its escape, as polib's chain of
    # replace() calls does (it escapes the backslash first, so no escape is escaped twice).
    return _SPECIAL.sub(_escape_one, text) if _SPECIAL.search(text) else text


def _field(out: list[str], prefix: str, keyword: str, value: str) -> None:
    """``keyword "value"`` as polib's ``_str_field`` writes it when it does not wrap."""
    if _PLAIN.fullmatch(value) is not None:  # most strings: nothing to escape, nothing to split
        out.append(f'{prefix}{keyword} "{value}"')
        return
    if _BREAKS.search(value) is not None:
        pieces = value.splitlines(True)
        if len(pieces) > 1:
            out.append(f'{prefix}{keyword} ""')
            out.extend(f'{prefix}"{_escape(piece)}"' for piece in pieces)
            return
    out.append(f'{prefix}{keyword} "{_escape(value)}"')


def _entry(entry: polib.POEntry) -> str:
    out: list[str] = []
    obsolete = entry.obsolete
    if entry.tcomment:
        out.extend(f"# {line}" for line in entry.tcomment.split("\n"))
    if not obsolete:
        if entry.comment:
            out.extend(f"#. {line}" for line in entry.comment.split("\n"))
        if entry.occurrences:
            out.append("#: " + " ".join(f"{path}:{line}" if line else path for path, line in entry.occurrences))
    if entry.flags:
        out.append("#, " + ", ".join(entry.flags))
    previous = "#~| " if obsolete else "#| "
    if entry.previous_msgctxt is not None:
        _field(out, previous, "msgctxt", entry.previous_msgctxt)
    if entry.previous_msgid is not None:
        _field(out, previous, "msgid", entry.previous_msgid)
    if entry.previous_msgid_plural is not None:
        _field(out, previous, "msgid_plural", entry.previous_msgid_plural)
    mark = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        _field(out, mark, "msgctxt", entry.msgctxt)
    _field(out, mark, "msgid", entry.msgid)
    if entry.msgid_plural:
        _field(out, mark, "msgid_plural", entry.msgid_plural)
    if entry.msgstr_plural:
        plurals = entry.msgstr_plural
        for index in sorted(plurals):
            _field(out, mark, f"msgstr[{index}]", plurals[index])
    else:
        _field(out, mark, "msgstr", entry.msgstr)
    out.append("")
    return "\n".join(out)


def render_header(po: polib.POFile) -> str:
    """The header comment and the header entry, as polib writes them (ending in a newline)."""
    out = [("#" if not line else f"#{line}" if line[0] in ",:" else f"# {line}") for line in po.header.split("\n")]
    if po.metadata_is_fuzzy:
        out.append("#, fuzzy")
    out.append('msgid ""')
    metadata = po.ordered_metadata()
    _field(out, "", "msgstr", "".join(f"{name}: {value}\n" for name, value in metadata))
    out.append("")
    return "\n".join(out)


def render_entries(po: polib.POFile) -> str:
    """The rest of the file: the live entries, then the obsolete ones, each after a blank line."""
    blocks = [_entry(entry) for entry in po if not entry.obsolete]
    blocks.extend(_entry(entry) for entry in po if entry.obsolete)
    return "".join("\n" + block for block in blocks)


def render_polib(po: polib.POFile) -> str:
    """``str(po)`` for ``po.wrapwidth == 0``."""
    return render_header(po) + render_entries(po)
