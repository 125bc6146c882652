"""The update rules: which entries a catalog holds, and which translations they keep.

They are msgmerge's: the same text keeps its translation, a changed text gets the closest
old one as fuzzy, a removed text stays as obsolete. Reading and writing the files is
``io``'s job; everything here works on polib objects in memory.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

import polib

from translate_flow import __version__
from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.io import now_date
from translate_flow.catalog.translation_memory import TranslationMemory
from translate_flow.document.segment import Segment
from translate_flow.languages import Language

GENERATOR = f"translate-flow {__version__}"


def index(po: polib.POFile | None) -> dict[Key, polib.POEntry]:
    """Entries keyed by (msgctxt, msgid); obsolete ones only where no live one exists."""
    found: dict[Key, polib.POEntry] = {}
    if po is None:
        return found
    for entry in po:
        key = entry_key(entry)
        if key not in found or found[key].obsolete:
            found[key] = entry
    return found


def entries_for(segments: Iterable[Segment], rel: str) -> list[polib.POEntry]:
    """One entry per distinct text, in source order, with every reference and kind."""
    entries: dict[Key, polib.POEntry] = {}
    # Sets beside the lists: a text repeated 40,000 times must not cost 40,000² comparisons.
    seen: dict[Key, tuple[set[tuple[str, str]], set[str]]] = {}
    for segment in segments:
        key: Key = (None, segment.text)
        occurrence = (rel, str(segment.location.line))
        entry = entries.get(key)
        if entry is None:
            entries[key] = polib.POEntry(msgid=segment.text, msgstr="", occurrences=[occurrence], comment=segment.kind)
            seen[key] = ({occurrence}, {segment.kind})
            continue
        occurrences, kinds = seen[key]
        if occurrence not in occurrences:
            occurrences.add(occurrence)
            entry.occurrences.append(occurrence)
        if segment.kind not in kinds:
            kinds.add(segment.kind)
            entry.comment += "\n" + segment.kind
    return list(entries.values())


def _header(language: Language | None, project: str, old: polib.POFile | None) -> dict[str, str]:
    metadata: dict[str, str] = dict(old.metadata) if old is not None else {}
    date = metadata.get("POT-Creation-Date") or now_date()
    fields = {
        "Project-Id-Version": metadata.get("Project-Id-Version") or project,
        "Report-Msgid-Bugs-To": metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": date,
        "PO-Revision-Date": metadata.get("PO-Revision-Date") or date,
        "Last-Translator": metadata.get("Last-Translator", ""),
        "Language-Team": metadata.get("Language-Team", ""),
        "Language": language.gettext if language else "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if language is not None:
        # A translator may have corrected the plural rule; theirs wins.
        fields["Plural-Forms"] = metadata.get("Plural-Forms") or language.plural_forms
    fields["X-Generator"] = GENERATOR
    for key, value in metadata.items():
        fields.setdefault(key, value)
    return fields


def _own_copy(entry: polib.POEntry) -> polib.POEntry:
    """A copy with lists and dicts of its own: the rules change it, never the caller's entry."""
    twin = copy.copy(entry)
    twin.flags = list(entry.flags)
    twin.occurrences = list(entry.occurrences)
    twin.msgstr_plural = dict(entry.msgstr_plural)
    return twin


def _carry(entry: polib.POEntry, kept: polib.POEntry) -> None:
    entry.msgstr = kept.msgstr
    entry.flags = list(kept.flags)
    if kept.msgstr_plural and not entry.msgid_plural:
        # A hand-made plural entry whose text is now a (singular) segment: its first form is
        # the closest translation, for a translator to confirm. msgstr[N] without a
        # msgid_plural would make the file invalid.
        entry.msgstr = kept.msgstr_plural.get(0, "")
        if entry.msgstr and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
    entry.tcomment = kept.tcomment
    entry.previous_msgid = kept.previous_msgid


def _fuzzy_from(entry: polib.POEntry, msgid: str, msgstr: str, flags: list[str]) -> None:
    entry.msgstr = msgstr
    entry.flags = [f for f in flags if f != "fuzzy"] + ["fuzzy"]
    entry.previous_msgid = msgid


def build_catalog(
    entries: list[polib.POEntry],
    language: Language | None,
    project: str,
    old: polib.POFile | None,
    wrap: int,
    *,
    threshold: float = 0.6,
    keep_obsolete: bool = True,
) -> tuple[polib.POFile, list[str]]:
    """A catalog of ``entries`` that keeps every translation of ``old``, the way ``msgmerge --previous`` does.

    Same text: translation, flags and comments kept. Changed text: the closest old
    translation of the same file as fuzzy with the previous msgid. Removed text:
    kept as obsolete, and revived when it comes back. Also returns the msgids still
    without a translation, for a project-wide look-up (``fill_from_memory``).

    ``entries`` and ``old`` are left as they were; the catalog returned shares no entry with them.
    """
    po = polib.POFile(wrapwidth=wrap)
    po.metadata = _header(language, project, old)
    if old is not None:
        po.header = old.header
    po.metadata_is_fuzzy = old.metadata_is_fuzzy if old is not None else language is None
    # The result holds copies: a caller may keep ``old`` (to compare, or to retry a stale
    # write) and ``entries`` (for the next language), and both must read as they were.
    built = [_own_copy(entry) for entry in entries]
    if language is None:
        for entry in built:
            po.append(entry)
        return po, []
    previous = index(old)
    used: set[Key] = set()
    pending: list[polib.POEntry] = []
    for entry in built:
        kept = previous.get(entry_key(entry))
        if kept is not None:
            _carry(entry, kept)
            used.add(entry_key(entry))
        else:
            pending.append(entry)
        po.append(entry)
    if pending:
        leftovers = {e.msgid: e for k, e in previous.items() if k not in used and e.msgstr}
        local = TranslationMemory(leftovers.values())
        for entry in pending:
            match = local.closest(entry.msgid, threshold)
            if match is not None:
                _fuzzy_from(entry, match.msgid, match.msgstr, leftovers[match.msgid].flags)
                used.add((None, match.msgid))
    # Every text still without a translation may find one elsewhere in the project, also one
    # that was already empty before: a run killed before the project-wide pass must be redone.
    unmatched = [entry.msgid for entry in built if not entry.msgstr]
    if keep_obsolete and old is not None:
        for entry in old:
            # A plural entry (added by hand) holds its translations in msgstr[N].
            if entry_key(entry) in used or not (entry.msgstr or any(entry.msgstr_plural.values())):
                continue
            gone = _own_copy(entry)
            gone.obsolete = True
            gone.occurrences = []
            gone.comment = ""
            po.append(gone)
    return po, unmatched


def fill_from_memory(po: polib.POFile, msgids: Iterable[str], memory: TranslationMemory, threshold: float) -> bool:
    """Give still-empty entries a translation made elsewhere: the same text as it was,
    a close one as fuzzy with the previous msgid. Returns whether anything changed."""
    wanted = set(msgids)
    changed = False
    for entry in po:
        if entry.obsolete or entry.msgstr or entry.msgid not in wanted:
            continue
        found = memory.exact(entry.msgid) or memory.closest(entry.msgid, threshold)
        if found is None:
            continue
        if found.score == 1.0:
            entry.msgstr = found.msgstr
            if found.fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        else:
            _fuzzy_from(entry, found.msgid, found.msgstr, list(entry.flags))
        changed = True
    return changed


def kept_translations(before: polib.POFile, after: polib.POFile) -> list[str]:
    """Msgids translated in ``before`` whose translation ``after`` no longer holds anywhere (live,
    fuzzy or obsolete): what "never lose a translator's work" forbids. Empty when nothing is lost."""
    held = {entry.msgstr for entry in after if entry.msgstr}
    return [entry.msgid for entry in before if entry.msgstr and entry.msgstr not in held]
