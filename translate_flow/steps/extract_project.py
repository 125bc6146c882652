"""Phase 2 of extract, in the main process: what only the whole project can give.

Texts that found no translation in their own catalog look for one anywhere in the
project's catalogs of that language, as they are after phase 1. Then the templates
written "pending" get their final fingerprint. Only file names are kept between the
phases, so memory does not grow with the site.
"""

from __future__ import annotations

import re
from pathlib import Path

from translate_flow.catalog.io import parse_catalog, write_catalog
from translate_flow.catalog.translation_memory import TranslationMemory, memory_of
from translate_flow.catalog.update import fill_from_memory
from translate_flow.config import Config
from translate_flow.errors import CatalogError, StaleWriteError, TranslateFlowError
from translate_flow.fsutil import atomic_write_bytes, read_regular
from translate_flow.project.fingerprint import confirm_pending
from translate_flow.reports import Report

__all__ = ["confirm_stamps", "fill_from_project"]

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


def _cannot_write(exc: OSError, rel: str) -> TranslateFlowError:
    return TranslateFlowError(f"cannot write: {exc.strerror or exc}", rel)


def fill_from_project(config: Config, unmatched: list[tuple[str, str]], report: Report) -> None:
    """Empty entries of the listed catalogs (language, file) take a translation made anywhere in the project."""
    by_language: dict[str, list[str]] = {}
    for lang, rel in unmatched:
        by_language.setdefault(lang, []).append(rel)
    for lang, items in sorted(by_language.items()):
        folder = config.locales_path / lang
        memory = memory_of((p for p in sorted(folder.rglob("*.po")) if _may_hold_translations(p)), include_fuzzy=False)
        if not len(memory):
            continue
        for rel in sorted(items):
            try:
                if _fill_one(config, config.root / rel, rel, memory) and rel not in report.written:
                    report.written.append(rel)
                    report.unchanged -= 1
            except TranslateFlowError as exc:
                report.errors.append(exc)
            except OSError as exc:
                report.errors.append(_cannot_write(exc, rel))


def _fill_one(config: Config, path: Path, rel: str, memory: TranslationMemory) -> bool:
    """Fill one catalog's empty entries from the memory; rebuilt from a save made meanwhile."""
    for attempt in range(3):
        try:
            before = read_regular(path)
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror or exc}", rel) from exc
        po = parse_catalog(before, rel)
        po.wrapwidth = config.wrap
        empty = [entry.msgid for entry in po if not entry.obsolete and not entry.msgstr]
        if not fill_from_memory(po, empty, memory, config.fuzzy_threshold):
            return False
        try:
            return write_catalog(path, po, based_on=before)
        except StaleWriteError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


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
