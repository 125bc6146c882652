"""PO files as bytes: read them as msgfmt reads them, render and write them stably.

This module serialises and nothing more; which entries a catalog holds, and with
which translations, is decided in ``update``.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import polib

from translate_flow.catalog.keys import Key, entry_key
from translate_flow.catalog.lexicon import decode_escapes, hide_separators, restore_separators
from translate_flow.catalog.syntax import check_po_syntax
from translate_flow.errors import CatalogError, StaleWriteError
from translate_flow.fsutil import ANY, atomic_write_bytes, read_regular

__all__ = [
    "msgstr_lines",
    "now_date",
    "parse_catalog",
    "read_catalog",
    "render_catalog",
    "touch_creation_date",
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
    check_po_syntax(text, rel)
    # Read as msgfmt reads it: all C escapes decoded, lines ending only at LF.
    text, separators = hide_separators(decode_escapes(text, rel))
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CatalogError(f"cannot parse: {exc}", rel, int(match.group(1)) if match else None) from exc
    restore_separators(po, separators)
    # Like msgfmt, an obsolete entry counts too: `#~ msgid "A"` beside a live "A" is a duplicate.
    # The header is the entry with the empty msgid: no other may have it.
    seen: set[Key] = {(None, "")} if po.metadata else set()
    for entry in po:
        key = entry_key(entry)
        if key in seen:
            raise CatalogError(f"duplicate message definition: {entry.msgid[:40]!r}", rel, entry.linenum)
        seen.add(key)
    return po


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
    """The file bytes; polib omits the final newline of the last entry, so add it."""
    text = str(po)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def touch_creation_date(po: polib.POFile) -> None:
    """Mark a catalog whose content changed with the current creation date."""
    po.metadata["POT-Creation-Date"] = now_date()


def write_catalog(path: Path, po: polib.POFile, dry_run: bool = False, based_on: bytes | None | object = ANY) -> bool:
    """Write ``po`` unless the file already holds it; a changed catalog gets a new creation date.

    Returns whether the file changed (or, with ``dry_run``, would change). ``based_on`` is
    the content ``po`` was made from: if the file no longer holds it, StaleWriteError.
    """
    data = render_catalog(po)
    try:
        existing: bytes | None = read_regular(path)
    except FileNotFoundError:
        existing = None
    if existing == data:
        return False
    if dry_run:
        return True
    if based_on is not ANY and existing != based_on:
        raise StaleWriteError("changed on disk while translate-flow was working on it; left as it is", path)
    if existing is not None:
        touch_creation_date(po)
        data = render_catalog(po)
    atomic_write_bytes(path, data, based_on)
    return True
