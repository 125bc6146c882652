"""PO catalogs: build them from segments, keep translators' work, read strictly, write stably."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

import polib

from translate_flow import __version__
from translate_flow.catalog.lexicon import decode_escapes, hide_separators, restore_separators
from translate_flow.catalog.memory import TranslationMemory
from translate_flow.catalog.syntax import check_po_syntax
from translate_flow.document.segment import Segment
from translate_flow.errors import CatalogError, StaleWriteError
from translate_flow.fsutil import ANY, atomic_write_bytes, read_regular
from translate_flow.languages import Language

Key = tuple[str | None, str]
GENERATOR = f"translate-flow {__version__}"


def entry_key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


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


def memory_of(paths: Iterable[Path], include_fuzzy: bool = True) -> TranslationMemory:
    """Memory of every translated entry in the given PO files (unreadable ones are skipped).

    Obsolete entries count: they are translations of texts that may come back elsewhere.
    Without ``include_fuzzy`` only reviewed translations count, so what this memory fills
    in (always fuzzy, or an exact copy) cannot change what it holds.
    """
    memory = TranslationMemory()
    for path in paths:
        try:
            po = read_catalog(path, str(path))
        except CatalogError:
            continue
        for entry in po:
            if include_fuzzy or "fuzzy" not in entry.flags:
                memory.add(entry)
    return memory


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
    """
    po = polib.POFile(wrapwidth=wrap)
    po.metadata = _header(language, project, old)
    if old is not None:
        po.header = old.header
    po.metadata_is_fuzzy = old.metadata_is_fuzzy if old is not None else language is None
    if language is None:
        for entry in entries:
            po.append(entry)
        return po, []
    previous = index(old)
    used: set[Key] = set()
    pending: list[polib.POEntry] = []
    for entry in entries:
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
    unmatched = [entry.msgid for entry in entries if not entry.msgstr]
    if keep_obsolete and old is not None:
        for entry in old:
            # A plural entry (added by hand) holds its translations in msgstr[N].
            if entry_key(entry) in used or not (entry.msgstr or any(entry.msgstr_plural.values())):
                continue
            entry.obsolete = True
            entry.occurrences = []
            entry.comment = ""
            po.append(entry)
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


def translations(po: polib.POFile | None, include_fuzzy: bool) -> dict[Key, str]:
    """Usable translations by key: non-empty, and not fuzzy unless asked."""
    found: dict[Key, str] = {}
    if po is None:
        return found
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        if "fuzzy" in entry.flags and not include_fuzzy:
            continue
        found[entry_key(entry)] = entry.msgstr
    return found


def kept_translations(before: polib.POFile, after: polib.POFile) -> list[str]:
    """Msgids translated in ``before`` whose translation ``after`` no longer holds anywhere (live,
    fuzzy or obsolete): what "never lose a translator's work" forbids. Empty when nothing is lost."""
    held = {entry.msgstr for entry in after if entry.msgstr}
    return [entry.msgid for entry in before if entry.msgstr and entry.msgstr not in held]
