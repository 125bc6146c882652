"""PO files as bytes: read them as msgfmt reads them, render and write them stably.

This module serialises and nothing more; which entries a catalog holds, and with
which translations, is decided in ``update``.
"""

from __future__ import annotations

import copy
import os
import re
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.gettext_layout import render_gettext_entries, render_gettext_header
from translate_flow.catalog.lexicon import (
    decode_escapes,
    hide_separators,
    restore_separators,
    reveal_obsolete_previous,
)
from translate_flow.catalog.po_reader import fast_parse
from translate_flow.catalog.polib_layout import render_entries, render_header
from translate_flow.catalog.syntax import check_po_syntax
from translate_flow.errors import CatalogError
from translate_flow.fsutil import atomic_write_bytes, read_regular

__all__ = [
    "MsgstrLines",
    "catalog_changes",
    "msgstr_lines",
    "now_date",
    "parse_catalog",
    "parse_with_polib",
    "read_catalog",
    "render_catalog",
    "rendered_entries",
    "write_catalog",
]


def now_date() -> str:
    """Current time in PO header form; SOURCE_DATE_EPOCH makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", stamp)


def read_catalog(path: Path, rel: str) -> polib.POFile:
    """Load a PO/POT file, refusing anything msgfmt would reject instead of half-reading it."""
    try:
        data = read_regular(path)
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", rel) from exc
    return parse_catalog(data, rel)


def parse_catalog(data: bytes, rel: str) -> polib.POFile:
    """``read_catalog`` for bytes already read."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError("not valid UTF-8", rel, data.count(b"\n", 0, exc.start) + 1) from exc
    text = without_trailing_comments(text)
    # The common shape is read in one pass; anything else, and every error, goes through polib.
    po = fast_parse(text)
    if po is None:
        po = parse_with_polib(text, rel)
    # Like msgfmt, an obsolete entry counts too: `#~ msgid "A"` beside a live "A" is a duplicate.
    # The header is the entry with the empty msgid: no other may have it.
    seen: set[Key] = {(None, "")} if po.metadata else set()
    for entry in po:
        key = entry_key(entry)
        if key in seen:
            raise CatalogError(f"duplicate message definition: {entry.msgid[:40]!r}", rel, entry.linenum)
        seen.add(key)
    return po


def without_trailing_comments(text: str) -> str:
    """``text`` without the comment lines after its last message.

    They belong to no message: msgfmt and msgcat ignore them. polib, given an empty
    ``#,``, ``#:`` or ``#.`` line there, drops the last message instead, and a rewrite of
    the file would lose its translation. ``#|`` and ``#~`` lines are left: the first is
    msgfmt's syntax error there, the second an obsolete message.
    """
    # Read backwards from the end, line by line: every file is read here, and only its tail matters.
    end, dropped = len(text), False
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not _ignorable_tail(line):
            break
        dropped = dropped or line.startswith("#")
        end = max(start - 1, 0)
    if not dropped or "msgstr" not in text:
        return text  # nothing to drop, or a file of comments only (a header comment is kept)
    return text[:end] + "\n"


def _ignorable_tail(line: str) -> bool:
    line = line.removesuffix("\r")
    if "\r" in line:
        return False  # a lone CR is a line break to polib, not to msgfmt: left to the reference path
    return not line.strip() or (line.startswith("#") and not line.startswith(("#|", "#~")))


def parse_with_polib(text: str, rel: str) -> polib.POFile:
    """The decoded text read by polib, made to read it as msgfmt does; the reference ``fast_parse``
    is held to, and the reader of every file it leaves alone. No duplicate check."""
    check_po_syntax(text, rel)
    # Read as msgfmt reads it: all C escapes decoded, lines ending only at LF.
    text, separators = hide_separators(reveal_obsolete_previous(decode_escapes(text, rel)))
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CatalogError(f"cannot parse: {exc}", rel, int(match.group(1)) if match else None) from exc
    restore_separators(po, separators)
    return po


class MsgstrLines(Mapping[int, int]):
    """``msgstr_lines(data)``, found when first looked up: most merges hold nothing back and
    never need a line, and finding them cost about a twentieth of a merge."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._lines: dict[int, int] | None = None

    def _found(self) -> dict[int, int]:
        if self._lines is None:
            self._lines = msgstr_lines(self._data)
        return self._lines

    def __getitem__(self, first_line: int) -> int:
        return self._found()[first_line]

    def __iter__(self) -> Iterator[int]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


def msgstr_lines(data: bytes) -> dict[int, int]:
    """The 1-based line of each live entry's msgstr, by the entry's first line (polib's ``linenum``).

    msgfmt points at the msgstr when it finds fault with a translation; so do we.
    """
    lines: dict[int, int] = {}
    start: int | None = None
    after_msgstr = False
    for number, raw in enumerate(re.split(rb"\r?\n", data), 1):
        line = raw.strip()
        if not line:
            start, after_msgstr = None, False
            continue
        if after_msgstr and (line.startswith((b"#", b"msgid", b"msgctxt"))):
            start, after_msgstr = None, False
        if start is None:
            start = number
        if line.startswith(b"msgstr") and not after_msgstr:
            lines[start] = number
            after_msgstr = True
    return lines


def render_catalog(po: polib.POFile) -> bytes:
    """The file bytes: one line per string (``po.wrapwidth`` 0, polib's layout, ``polib_layout``),
    or wrapped at ``po.wrapwidth`` columns as GNU msgcat wraps (``gettext_layout``)."""
    return (_render_header(po) + rendered_entries(po)).encode("utf-8")


def _render_header(po: polib.POFile) -> str:
    if po.wrapwidth > 0:
        return render_gettext_header(po, po.wrapwidth)
    return render_header(po)


def rendered_entries(po: polib.POFile) -> str:
    """The part of ``render_catalog`` after the header (as text): what a header change leaves as it is.

    Rendering is the costly part of a write; a caller that renders a catalog to plan its
    write gives this to ``catalog_changes`` and ``write_catalog``, which then render only
    the header (where a new date or fingerprint goes).
    """
    if po.wrapwidth > 0:
        return render_gettext_entries(po, po.wrapwidth)
    return render_entries(po)


def catalog_changes(before: bytes | None, po: polib.POFile, entries: str | None = None) -> bytes | None:
    """The bytes a file holding ``before`` (None: no file) must be given to hold ``po``;
    None when it holds ``po`` already.

    Replacing an existing file sets its POT-Creation-Date to now, so the date tells when its
    texts last changed; an unchanged file keeps its date, so a run that changes nothing
    changes no byte. ``po`` itself is left as it is. ``entries``: ``rendered_entries(po)``,
    when the caller has it.
    """
    # The entries are rendered once; a date or generator in the header re-renders the header only.
    if entries is None:
        entries = rendered_entries(po)
    data = (_render_header(po) + entries).encode("utf-8")
    if data == before or (before is not None and _only_generator_differs(before, po, entries)):
        return None
    if before is None:
        # A new file: the date it was built with is its creation date.
        return data
    dated = copy.copy(po)  # a shallow copy renders the same entries under its own header
    dated.metadata = {**po.metadata, "POT-Creation-Date": now_date()}
    return (_render_header(dated) + entries).encode("utf-8")


_GENERATOR_LINE = re.compile(rb'^"X-Generator: ([^"\\\n]*)\\n"$', re.MULTILINE)


def _only_generator_differs(before: bytes, po: polib.POFile, entries: str) -> bool:
    """True when ``po`` (its ``entries`` rendered) differs from the file only in the tool version
    that last wrote it.

    Upgrading translate-flow must not touch every translator's file: the version is
    written when a catalog changes for a reason of its own.
    """
    found = _GENERATOR_LINE.search(before)
    if found is None or po.metadata.get("X-Generator") == found.group(1).decode("utf-8", "replace"):
        return False
    kept = copy.copy(po)
    kept.metadata = {**po.metadata, "X-Generator": found.group(1).decode("utf-8", "replace")}
    return (_render_header(kept) + entries).encode("utf-8") == before


def write_catalog(
    path: Path, po: polib.POFile, *, based_on: bytes | None, entries: str | None = None, planned: bytes | None = None
) -> bool:
    """Write ``po`` to ``path`` unless the file already holds it; returns whether it was written.

    ``based_on`` is the content ``po`` was made from (None: there was no file). A file
    that no longer holds it was saved by someone else meanwhile: StaleWriteError, and the
    file is left as it is. The write is atomic (see ``fsutil.atomic_write_bytes``).
    ``entries``: ``rendered_entries(po)``, when the caller has it. ``planned``: the bytes
    ``catalog_changes(based_on, po)`` gave when the write was planned, when ``po`` has not
    changed since; they stand as long as the file still holds ``based_on``, which the
    write checks anyway, so the file is neither read nor rendered again here.
    """
    if planned is not None:
        atomic_write_bytes(path, planned, based_on)
        return True
    try:
        current: bytes | None = read_regular(path)
    except FileNotFoundError:
        current = None
    data = catalog_changes(current, po, entries)
    if data is None:
        return False
    # The file is compared with ``based_on`` just before the rename, not here: that leaves
    # the shortest window in which a save could be lost.
    atomic_write_bytes(path, data, based_on)
    return True
