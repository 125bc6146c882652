"""PO entries from resource texts: one per distinct (msgctxt, msgid), in file order."""

from __future__ import annotations

from collections.abc import Iterable

import polib

from translate_flow.catalog.entry_keys import Key
from translate_flow.resources.model import Text

__all__ = ["resource_entries"]


def resource_entries(texts: Iterable[Text]) -> list[polib.POEntry]:
    """The entries of a resource catalog. A text met again (the same value at two keys of a
    data file) adds its reference and its note to the entry it shares."""
    entries: dict[Key, polib.POEntry] = {}
    for text in texts:
        occurrence = (text.rel, str(text.line))
        entry = entries.get(text.key)
        if entry is None:
            entry = polib.POEntry(
                msgctxt=text.context,
                msgid=text.msgid,
                msgstr="",
                occurrences=[occurrence],
                comment="\n".join((text.note, *text.comments)),
            )
            if text.plural is not None:
                # build_catalog gives it as many msgstr[N] as the catalog's Plural-Forms asks for.
                entry.msgid_plural = text.plural
                entry.msgstr_plural = {0: "", 1: ""}
            entries[text.key] = entry
            continue
        if occurrence not in entry.occurrences:
            entry.occurrences.append(occurrence)
        if text.note not in entry.comment.split("\n"):
            entry.comment += "\n" + text.note
    return list(entries.values())
