"""How a catalog identifies an entry: by (msgctxt, msgid), as msgfmt and msgmerge match them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polib

__all__ = ["Key", "entry_key"]

Key = tuple[str | None, str]


def entry_key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)
