"""The update rules: which entries a catalog holds, and which translations they keep.

They are msgmerge's: the same text keeps its translation, a changed text gets the closest
old one as fuzzy, a removed text stays as obsolete. Reading and writing the files is
``io``'s job; everything here works on polib objects in memory.

Plural entries (``msgid_plural``, from Hugo's i18n tables) hold one msgstr[N] per form of
the catalog's ``Plural-Forms``. They keep their forms like any translation; a changed
plural makes them fuzzy with the previous msgid_plural; and, as msgmerge does for an entry
with a context, a changed text of the same id (msgctxt) is carried as fuzzy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.flags import decides_formats, merged_flags
from translate_flow.catalog.header import header_fields
from translate_flow.catalog.translation_memory import TranslationMemory
from translate_flow.document.segment import Segment
from translate_flow.languages import Language

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def has_translation(entry: polib.POEntry) -> bool:
    """True when the entry holds a translation: its msgstr, or every msgstr[N] of a plural."""
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _any_translation(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _nplurals(metadata: dict[str, str]) -> int:
    """The forms a plural entry needs in a catalog with this header (2 in a template, as xgettext writes)."""
    match = _NPLURALS.search(metadata.get("Plural-Forms", ""))
    return max(1, int(match.group(1))) if match else 2


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
    return entries_for_articles([(segments, rel)])


def entries_for_articles(articles: Iterable[tuple[Iterable[Segment], str]]) -> list[polib.POEntry]:
    """``entries_for`` of several articles sharing one catalog: a text they share is one entry
    with every article's references, in the order the articles and their texts come."""
    entries: dict[Key, polib.POEntry] = {}
    # Sets beside the lists: a text repeated 40,000 times must not cost 40,000² comparisons.
    seen: dict[Key, tuple[set[tuple[str, str]], set[str]]] = {}
    for segments, rel in articles:
        for segment in segments:
            key: Key = (None, segment.text)
            occurrence = (rel, str(segment.location.line))
            entry = entries.get(key)
            if entry is None:
                entries[key] = polib.POEntry(
                    msgid=segment.text, msgstr="", occurrences=[occurrence], comment=segment.kind
                )
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


def _own_copy(entry: polib.POEntry) -> polib.POEntry:
    """A copy with lists and dicts of its own: the rules change it, never the caller's entry."""
    # What copy.copy does for a plain object, without its protocol machinery: the hot path
    # copies every entry of every catalog.
    twin = polib.POEntry.__new__(type(entry))
    twin.__dict__.update(entry.__dict__)
    twin.flags = list(entry.flags)
    twin.occurrences = list(entry.occurrences)
    twin.msgstr_plural = dict(entry.msgstr_plural)
    return twin


def _carry(entry: polib.POEntry, kept: polib.POEntry, forms: int, decides: bool) -> None:
    """``entry`` takes the translation of ``kept``, an entry of the same text (live or obsolete)."""
    if entry.msgid_plural:
        _carry_plural(entry, kept, forms, fuzzy=False, decides=decides)
        return
    entry.msgstr = kept.msgstr
    fuzzy = "fuzzy" in kept.flags
    if kept.msgstr_plural and not entry.msgid_plural:
        # A hand-made plural entry whose text is now a (singular) segment: its first form is
        # the closest translation, for a translator to confirm. msgstr[N] without a
        # msgid_plural would make the file invalid.
        entry.msgstr = kept.msgstr_plural.get(0, "")
        fuzzy = fuzzy or bool(entry.msgstr)
    entry.flags = merged_flags(entry.flags, kept.flags, decides=decides, fuzzy=fuzzy)
    entry.tcomment = kept.tcomment
    entry.previous_msgid = kept.previous_msgid
    entry.previous_msgctxt = kept.previous_msgctxt


def _carry_plural(entry: polib.POEntry, kept: polib.POEntry, forms: int, fuzzy: bool, decides: bool) -> None:
    """A plural entry takes ``kept``'s forms; fuzzy when its texts changed, or ``kept`` was singular."""
    if kept.msgid_plural:
        old = {int(n): text for n, text in kept.msgstr_plural.items()}
    else:
        # A singular translation is the closest there is for every form, for a translator to confirm.
        old = dict.fromkeys(range(forms), kept.msgstr)
        fuzzy = fuzzy or bool(kept.msgstr)
    entry.msgstr_plural = {n: old.get(n, "") for n in range(forms)}
    template_flags = entry.flags
    entry.flags = merged_flags(template_flags, kept.flags, decides=decides, fuzzy="fuzzy" in kept.flags)
    entry.tcomment = kept.tcomment
    entry.previous_msgctxt = kept.previous_msgctxt
    entry.previous_msgid = kept.previous_msgid
    entry.previous_msgid_plural = kept.previous_msgid_plural
    changed = kept.msgid != entry.msgid or kept.msgid_plural != entry.msgid_plural
    if (fuzzy or changed) and any(entry.msgstr_plural.values()):
        entry.flags = merged_flags(template_flags, kept.flags, decides=decides, fuzzy=True)
        if changed:
            # As msgmerge --previous writes it: the old context and texts.
            _set_previous(entry, kept)


def _fuzzy_from(entry: polib.POEntry, msgid: str, msgstr: str, flags: list[str]) -> None:
    entry.msgstr = msgstr
    entry.flags = [f for f in flags if f != "fuzzy"] + ["fuzzy"]
    entry.previous_msgid = msgid


def _fuzzy_match(entry: polib.POEntry, kept: polib.POEntry, msgstr: str, decides: bool) -> None:
    """``entry`` takes ``kept``'s translation as fuzzy, as msgmerge --previous does: the
    translator's comment and flags come along, and the old context and text become the
    previous ones."""
    entry.msgstr = msgstr
    entry.flags = merged_flags(entry.flags, kept.flags, decides=decides, fuzzy=True)
    entry.tcomment = kept.tcomment
    _set_previous(entry, kept)


def _set_previous(entry: polib.POEntry, kept: polib.POEntry) -> None:
    """The previous texts of an entry fuzzy from ``kept``: its texts, or, when it was fuzzy
    already, the ones it still awaited review against (the text the translation was made
    for), as msgmerge keeps them."""
    if "fuzzy" in kept.flags:
        entry.previous_msgctxt = kept.previous_msgctxt
        entry.previous_msgid = kept.previous_msgid
        entry.previous_msgid_plural = kept.previous_msgid_plural
    else:
        entry.previous_msgctxt = kept.msgctxt
        entry.previous_msgid = kept.msgid
        entry.previous_msgid_plural = kept.msgid_plural or None


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
    po.metadata = header_fields(language, project, old)
    if old is not None:
        po.header = old.header
    po.metadata_is_fuzzy = old.metadata_is_fuzzy if old is not None else language is None
    # The result holds copies: a caller may keep ``old`` (to compare, or to retry a stale
    # write) and ``entries`` (for the next language), and both must read as they were.
    built = [_own_copy(entry) for entry in entries]
    forms = _nplurals(po.metadata)
    decides = decides_formats(entry.flags for entry in entries)
    for entry in built:
        if entry.msgid_plural:
            entry.msgstr_plural = {n: "" for n in range(forms)}
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
            _carry(entry, kept, forms, decides)
            used.add(entry_key(entry))
        else:
            pending.append(entry)
        po.append(entry)
    pending = _same_context(pending, previous, used, forms, decides)
    if pending:
        leftovers = {e.msgid: e for k, e in previous.items() if k not in used and e.msgstr}
        local = TranslationMemory(leftovers.values())
        for entry in pending:
            match = local.closest(entry.msgid, threshold)
            if match is not None:
                _fuzzy_match(entry, leftovers[match.msgid], match.msgstr, decides)
                used.add(entry_key(leftovers[match.msgid]))
    # Every text still without a translation may find one elsewhere in the project, also one
    # that was already empty before: a run killed before the project-wide pass must be redone.
    # (Plural entries have no counterpart in other catalogs' singular entries.)
    unmatched = [entry.msgid for entry in built if not entry.msgstr and not entry.msgid_plural]
    if keep_obsolete and old is not None:
        for entry in old:
            # A plural entry holds its translations in msgstr[N].
            if entry_key(entry) in used or not _any_translation(entry):
                continue
            gone = _own_copy(entry)
            gone.obsolete = True
            gone.occurrences = []
            gone.comment = ""
            po.append(gone)
    return po, unmatched


def _same_context(
    pending: list[polib.POEntry], previous: dict[Key, polib.POEntry], used: set[Key], forms: int, decides: bool
) -> list[polib.POEntry]:
    """Entries whose id (msgctxt) had another text take that text's translation as fuzzy;
    the others are returned, to look for a similar text. A plural entry looks no further."""
    by_context: dict[str, polib.POEntry] = {}
    for key, old in previous.items():
        if key not in used and old.msgctxt is not None and not old.obsolete and _any_translation(old):
            by_context.setdefault(old.msgctxt, old)
    rest: list[polib.POEntry] = []
    for entry in pending:
        kept = by_context.pop(entry.msgctxt, None) if entry.msgctxt is not None else None
        if kept is None:
            if not entry.msgid_plural:
                rest.append(entry)
            continue
        used.add(entry_key(kept))
        if entry.msgid_plural:
            _carry_plural(entry, kept, forms, fuzzy=True, decides=decides)
        else:
            msgstr = kept.msgstr or next((t for _, t in sorted(kept.msgstr_plural.items()) if t), "")
            _fuzzy_match(entry, kept, msgstr, decides)
    return rest


def fill_from_memory(po: polib.POFile, msgids: Iterable[str], memory: TranslationMemory, threshold: float) -> bool:
    """Give still-empty entries a translation made elsewhere: the same text as it was,
    a close one as fuzzy with the previous msgid. Returns whether anything changed."""
    wanted = set(msgids)
    changed = False
    for entry in po:
        # A plural entry's forms have no counterpart in a memory of singular texts.
        if entry.obsolete or entry.msgstr or entry.msgid_plural or entry.msgid not in wanted:
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
