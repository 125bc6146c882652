"""``tm export``: every reviewed translation of the project as one TMX 1.4b file.

Reviewed means what merge publishes: not fuzzy, not empty, not obsolete. The same
text with the same translation in several catalogs becomes one unit with every
reference. Plural entries have no TMX form and are left out, as are texts XML cannot
hold and msgcat's lists of alternatives; each kind is counted in one notice.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib

from translate_flow import __version__
from translate_flow.catalog.io import read_catalog
from translate_flow.catalog.translation_memory import msgcat_artefact
from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import write_output
from translate_flow.project.fingerprint import read_fingerprint
from translate_flow.project.locale_folders import language_folder
from translate_flow.project.memories import project_languages
from translate_flow.reports import MemoryReport, Notice
from translate_flow.tmx import TmUnit, render_tmx, xml_safe

__all__ = ["export_memory"]

_Key = tuple[str, str, str | None, str, str]
"""Source language, target language, msgctxt, msgid, msgstr."""


def _source_language(config: Config, language: str, po_path: Path) -> str:
    """The article's language, as its template records it; the project's for other catalogs."""
    stem = po_path.relative_to(language_folder(config.locales_path, language)).with_suffix(".pot")
    found = read_fingerprint(config.locales_path / "templates" / stem)
    return found.language if found is not None else config.source_language


def _reference(occurrence: tuple[str, str]) -> str:
    path, line = occurrence
    return f"{path}:{line}" if line else path


def _why_left_out(entry: polib.POEntry) -> str | None:
    if entry.msgid_plural:
        return "plural entries (TMX has no plural forms)"
    if msgcat_artefact(entry):
        return "msgcat lists of alternatives"
    texts = [entry.msgid, entry.msgstr, entry.msgctxt or "", entry.tcomment or ""]
    if not all(xml_safe(text) for text in texts):
        return "texts with control characters XML cannot hold"
    return None


def export_memory(config: Config, output: Path, languages: tuple[str, ...] = ()) -> MemoryReport:
    """Write the reviewed entries of ``languages`` (default: all) to the TMX file ``output``."""
    report = MemoryReport()
    found: dict[_Key, tuple[list[str], list[str]]] = {}
    left_out: Counter[str] = Counter()
    for language in languages or project_languages(config):
        folder = language_folder(config.locales_path, language)
        for path in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
            rel = path.relative_to(config.root).as_posix()
            try:
                po = read_catalog(path, rel)
            except TranslateFlowError as exc:
                report.errors.append(exc)
                continue
            source = _source_language(config, language, path)
            for entry in po:
                if entry.obsolete or entry.fuzzy or not (entry.msgstr or entry.msgstr_plural) or not entry.msgid:
                    continue
                why = _why_left_out(entry)
                if why is not None:
                    left_out[why] += 1
                    continue
                refs, notes = found.setdefault((source, language, entry.msgctxt, entry.msgid, entry.msgstr), ([], []))
                refs.extend(_reference(occurrence) for occurrence in entry.occurrences)
                if entry.tcomment:
                    notes.append(entry.tcomment)
    units = [
        TmUnit(src, msgid, lang, msgstr, ctx, tuple(dict.fromkeys(refs)), tuple(dict.fromkeys(notes)))
        for (src, lang, ctx, msgid, msgstr), (refs, notes) in sorted(found.items(), key=lambda item: _order(item[0]))
    ]
    for why, count in sorted(left_out.items()):
        report.notices.append(Notice(output.as_posix(), None, f"{count} reviewed entries left out: {why}"))
    report.left_out = sum(left_out.values())
    for unit in units:
        report.units[unit.target_language] = report.units.get(unit.target_language, 0) + 1
    sources = {unit.source_language for unit in units}
    data = render_tmx(units, sources.pop() if len(sources) == 1 else "*all*", __version__)
    try:
        if write_output(output, data):
            report.written.append(output.as_posix())
        else:
            report.unchanged += 1
    except OSError as exc:
        report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", output))
    return report


def _order(key: _Key) -> tuple[str, str, str, str, str]:
    source, language, context, msgid, msgstr = key
    return language, msgid, context or "", source, msgstr
