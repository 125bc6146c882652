"""``tm import``: a TMX file's translations become the project's imported memory.

They are kept as one PO file per target language, ``<locales>/_memory/<lang>.po``
(``project/memories.py``), which the memory engine and extract's look-up already read
beside the compendium: so an import needs no path of its own anywhere else. Each entry
records where it came from in an extracted comment (``#. from memory.tmx, tuid 7``).
A unit counts as reviewed (TMX has no fuzzy state), so extract copies an exact match
as final, as for a compendium.

The same text (and msgctxt) twice in one file: the first unit is kept. A text imported
before: the newer import replaces it, so importing a team's updated memory updates ours.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib

from translate_flow import __version__
from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.catalog.io import now_date, parse_catalog, write_catalog
from translate_flow.catalog.translation_memory import msgcat_artefact
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import Confinement, read_regular
from translate_flow.languages import matching_language, parse_language
from translate_flow.project.lock import project_lock
from translate_flow.project.memories import imported_path, project_languages
from translate_flow.reports import MemoryReport, Notice
from translate_flow.tmx import TmUnit, TmxError, parse_tmx

__all__ = ["import_memory"]


def _entry(unit: TmUnit) -> polib.POEntry:
    occurrences = []
    for reference in unit.references:
        path, _, line = reference.rpartition(":")
        # A PO reference cannot hold a space; such a path stays in the TMX only.
        if path and line.isdigit() and not any(ch.isspace() for ch in path):
            occurrences.append((path, line))
    return polib.POEntry(
        msgctxt=unit.context,
        msgid=unit.source,
        msgstr=unit.target,
        comment=f"from {unit.origin}",
        tcomment="\n".join(unit.notes),
        occurrences=occurrences,
    )


def _why_left_out(unit: TmUnit) -> str | None:
    if not unit.source or not unit.target:
        return "units with an empty text"
    if msgcat_artefact(polib.POEntry(msgid=unit.source, msgstr=unit.target)):
        return "msgcat lists of alternatives"
    return None


def _catalog(language: str, old: polib.POFile | None) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    spelled = parse_language(language)
    po.metadata = {
        "Project-Id-Version": "imported translation memory",
        "PO-Revision-Date": now_date(),
        "Last-Translator": "",
        "Language-Team": "",
        "Language": spelled.gettext,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": spelled.plural_forms,
        "X-Generator": f"translate-flow {__version__}",
    }
    if old is not None and "PO-Revision-Date" in old.metadata:
        po.metadata["PO-Revision-Date"] = old.metadata["PO-Revision-Date"]
    po.header = f"Translation memory in {spelled.display_name}, imported from TMX files by translate-flow."
    return po


def _merge_into(config: Config, language: str, units: list[TmUnit], report: MemoryReport) -> None:
    """Add ``units`` (one language's, in file order) to that language's imported memory."""
    path = imported_path(config.locales_path, language)
    rel = path.relative_to(config.root).as_posix()
    Confinement(config.root).check(path)
    before: bytes | None
    try:
        before = read_regular(path)
    except FileNotFoundError:
        before = None
    old = parse_catalog(before, rel) if before is not None else None
    entries: dict[Key, polib.POEntry] = {entry_key(e): e for e in old or [] if not e.obsolete}
    taken: set[Key] = set()
    changed = 0
    for unit in units:
        entry = _entry(unit)
        key = entry_key(entry)
        if key in taken:
            continue  # the first unit of a text in one file wins
        taken.add(key)
        kept = entries.get(key)
        if kept is None or kept.msgstr != entry.msgstr or kept.comment != entry.comment:
            entries[key] = entry
            changed += 1
    po = _catalog(language, old)
    if changed:
        po.metadata["PO-Revision-Date"] = now_date()
    for key in sorted(entries, key=lambda k: (k[1], k[0] or "")):
        po.append(entries[key])
    if write_catalog(path, po, based_on=before):
        report.written.append(rel)
    else:
        report.unchanged += 1
    report.units[language] = changed


def import_memory(config: Config, tmx: Path, languages: tuple[str, ...] = ()) -> MemoryReport:
    """Add the translations of ``tmx`` into ``languages`` (default: the project's) to the imported memory."""
    report = MemoryReport()
    try:
        data = read_regular(tmx)
    except OSError as exc:
        report.errors.append(TmxError(f"cannot read: {exc.strerror or exc}", tmx))
        return report
    try:
        units = parse_tmx(data, tmx.name)
    except TmxError as exc:
        exc.path = str(tmx)
        report.errors.append(exc)
        return report
    wanted = languages or project_languages(config)
    by_language: dict[str, list[TmUnit]] = {lang: [] for lang in wanted}
    left_out: Counter[str] = Counter()
    for unit in units:
        target = matching_language(unit.target_language, wanted)
        if matching_language(unit.source_language, (config.source_language,)) is None:
            left_out[f"source language {unit.source_language} (the project's is {config.source_language})"] += 1
        elif target is None:
            left_out[f"language {unit.target_language}, not a target of the project (or of --lang)"] += 1
        elif (why := _why_left_out(unit)) is not None:
            left_out[why] += 1
        else:
            by_language[target].append(unit)
    for why, count in sorted(left_out.items()):
        report.notices.append(Notice(str(tmx), None, f"{count} units left out: {why}"))
    report.left_out = sum(left_out.values())
    with project_lock(config.root, config.locales_path, "tm import", config.lock_timeout):
        for language, found in sorted(by_language.items()):
            if not found:
                continue
            try:
                _merge_into(config, language, found, report)
            except TranslateFlowError as exc:
                report.errors.append(exc)
            except OSError as exc:
                report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", language))
    return report
