"""Phase 2 of extract, in the main process: what only the whole project can give.

Texts that found no translation in their own catalog look for one anywhere in the
project's catalogs of that language, as they are after phase 1, then in that
language's compendium and imported memory (as ``msgmerge -C`` does: the same text is
final, a close one fuzzy). When those memory files changed since the last run, every
catalog of the language is looked at again, not only the articles that changed. Then
the templates written "pending" get their final fingerprint. Only file names are kept
between the phases, so memory does not grow with the site.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import atomic_write_bytes, read_regular
from translate_flow.lazy import lazy
from translate_flow.project.fingerprint import confirm_pending
from translate_flow.project.locale_folders import TEMPLATES, language_folder
from translate_flow.project.memories import project_memory_files
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.reports import Report
from translate_flow.steps.extract_options import ExtractOptions

# Every extract runs this phase, but a no-op run only compares the memory files' digests:
# the PO reader and writer and the fuzzy matcher are imported when a catalog is filled.
if TYPE_CHECKING:
    import polib

    from translate_flow.adopt.catalog_file import fill_po_file
    from translate_flow.catalog.translation_memory import TranslationMemory, add_files, memory_of
    from translate_flow.catalog.update import fill_from_memory
else:
    fill_po_file = lazy("translate_flow.adopt.catalog_file:fill_po_file")
    add_files = lazy("translate_flow.catalog.translation_memory:add_files")
    memory_of = lazy("translate_flow.catalog.translation_memory:memory_of")
    fill_from_memory = lazy("translate_flow.catalog.update:fill_from_memory")

__all__ = ["confirm_stamps", "fill_from_project", "folders_with_catalogs", "waits_for_project"]

# A translated entry: a one-line msgstr with text, or a second multi-line msgstr (the first is the header).
_TRANSLATED = re.compile(r'^(?:#~ )?msgstr(?:\[\d+\])? "[^"]', re.MULTILINE)
_MULTILINE_MSGSTR = re.compile(r'^(?:#~ )?msgstr(?:\[\d+\])? ""\r?\n(?:#~ )?"', re.MULTILINE)


def _may_hold_translations(path: Path) -> bool:
    """A cheap look before parsing: freshly extracted catalogs hold no translation at all."""
    try:
        text = read_regular(path).decode("utf-8", errors="replace")
    except OSError:
        return False
    return bool(_TRANSLATED.search(text)) or len(_MULTILINE_MSGSTR.findall(text)) > 1


def folders_with_catalogs(config: Config) -> frozenset[str]:
    """The folders of the locales directory that hold a PO file, looked at before phase 1 writes any.

    The project-wide pass fills a language's catalogs only from PO files in its folder and from its
    compendium and imported memory. A first extract finds none of these, so it need not write every
    template twice (pending, then final): on a new site that was a fifth of the run.
    """
    locales = config.locales_path
    try:
        with os.scandir(locales) as entries:
            folders = [Path(entry.path) for entry in entries if entry.is_dir() and entry.name != TEMPLATES]
    except OSError:
        return frozenset()
    return frozenset(folder.name for folder in folders if next(folder.rglob("*.po"), None) is not None)


def waits_for_project(config: Config, options: ExtractOptions, language: str) -> bool:
    """Whether the project-wide pass may still fill ``language``'s catalogs, so that their template's
    fingerprint must stay pending until it has run."""
    if options.memory_folders is None:
        return True
    if language_folder(config.locales_path, language).name in options.memory_folders:
        return True
    return bool(project_memory_files(config, language))


def _cannot_write(exc: OSError, rel: str) -> TranslateFlowError:
    return TranslateFlowError(f"cannot write: {exc.strerror or exc}", rel)


def _memory_digest(config: Config, language: str) -> str:
    paths = project_memory_files(config, language)
    return digest(*(part for path in paths for part in (path.relative_to(config.root).as_posix(), read_or_none(path))))


def _all_catalogs(config: Config, language: str) -> list[str]:
    folder = language_folder(config.locales_path, language)
    return [p.relative_to(config.root).as_posix() for p in sorted(folder.rglob("*.po")) if p.is_file()]


def fill_from_project(
    config: Config, unmatched: list[tuple[str, str]], report: Report, languages: tuple[str, ...] = ()
) -> None:
    """Empty entries of the listed catalogs (language, file) take a translation made anywhere in the
    project, or found in the language's compendium or imported memory; every catalog of a language
    whose memory files changed since the last run is looked at too."""
    by_language: dict[str, set[str]] = {}
    for lang, rel in unmatched:
        by_language.setdefault(lang, set()).add(rel)
    seen = StateCache(config.root, "memories")
    digests: dict[str, str] = {}
    for lang in sorted(set(languages) | set(by_language)):
        digests[lang] = _memory_digest(config, lang)
        if seen.get(lang) != digests[lang] and project_memory_files(config, lang):
            by_language.setdefault(lang, set()).update(_all_catalogs(config, lang))
    for lang, items in sorted(by_language.items()):
        folder = language_folder(config.locales_path, lang)
        memory = memory_of((p for p in sorted(folder.rglob("*.po")) if _may_hold_translations(p)), include_fuzzy=False)
        # The compendium and imported memory are not written by this pass, so their fuzzy
        # entries may count: they arrive fuzzy, as msgmerge -C brings them.
        add_files(memory, project_memory_files(config, lang))
        failed = len(report.errors)
        if len(memory):
            for rel in sorted(items):
                try:
                    if _fill_one(config, config.root / rel, rel, memory) and rel not in report.written:
                        report.written.append(rel)
                        report.unchanged -= 1
                except TranslateFlowError as exc:
                    report.errors.append(exc)
                except OSError as exc:
                    report.errors.append(_cannot_write(exc, rel))
        if len(report.errors) == failed and lang in digests:
            seen.put(lang, digests[lang])
    seen.save()


def _fill_one(config: Config, path: Path, rel: str, memory: TranslationMemory) -> bool:
    """Fill one catalog's empty entries from the memory; rebuilt from a save made meanwhile."""

    def fill(po: polib.POFile) -> bool:
        empty = [entry.msgid for entry in po if not entry.obsolete and not entry.msgstr]
        return bool(fill_from_memory(po, empty, memory, config.fuzzy_threshold))

    return fill_po_file(config, path, fill)[2]


def confirm_stamps(config: Config, rels: list[str], report: Report) -> None:
    """Turn pending fingerprints into final ones, once every catalog they vouch for is final."""
    for rel in rels:
        path = config.root / rel
        try:
            data = read_regular(path)
            final = confirm_pending(data)
            if final is not None:
                atomic_write_bytes(path, final, expected=data)
        except TranslateFlowError as exc:  # a POT is not a translator's file; a save there is theirs to redo
            report.errors.append(exc)
        except OSError as exc:
            report.errors.append(_cannot_write(exc, rel))
