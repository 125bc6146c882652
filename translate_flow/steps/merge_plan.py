"""One article's translated pages: planned in memory, then written. Merge's workers run this.

``plan_merge`` computes every translated article in memory and decides which
translations may be published (the validator holds back any that would change the
page's structure); ``check`` consumes the same plans. ``merge_group`` writes the pages
of one catalog's articles.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from translate_flow.catalog.entry_keys import Key, entry_key
from translate_flow.config import Config
from translate_flow.document.link_definitions import NO_DEFINITIONS, Definitions
from translate_flow.document.segment import Segment
from translate_flow.document.shortcode_segments import is_shortcode_value
from translate_flow.document.splice import merge_article
from translate_flow.errors import TranslateFlowError
from translate_flow.project.discover import Source
from translate_flow.project.ownership import file_digest
from translate_flow.project.pages import Pages
from translate_flow.project.state import digest
from translate_flow.qa.counts import count, is_translated, keys_of_segments, published_percent
from translate_flow.qa.validate import problems, switched_off
from translate_flow.reports import Notice, Report
from translate_flow.steps.merge_page import write_page
from translate_flow.steps.merge_record import below_threshold, merge_inputs, rel
from translate_flow.steps.target_catalog import CatalogReader, read_target_catalog

__all__ = [
    "FRONT_MATTER_UNFAITHFUL",
    "SHORTCODE_UNWRITABLE",
    "MergeOutcome",
    "PlannedOutput",
    "merge_group",
    "plan_merge",
    "publishable",
]


@dataclass(frozen=True)
class PlannedOutput:
    """What merge would do for one source and target language."""

    source: Source
    """The source article."""
    language: str
    """The target language."""
    path: Path
    """Where the translated article goes."""
    po_rel: str
    """The PO file it comes from (project-relative)."""
    data: bytes | None
    """The article's bytes, or None below the threshold."""
    percent: float
    """Share of entries with a usable translation."""
    inputs: str
    """A hash of everything the output depends on (for the merge state cache)."""
    held: tuple[Notice, ...] = ()
    """Translations kept out of the page because they would change its structure."""
    unfaithful: tuple[Notice, ...] = ()
    """Front-matter translations kept out because no style reads back as the translation."""


FRONT_MATTER_UNFAITHFUL = "the front-matter value would not read back as its translation in any style"
SHORTCODE_UNWRITABLE = "no quoting holds the translation as a shortcode value"


def publishable(
    config: Config,
    po: polib.POFile,
    segments: Sequence[Segment],
    include_fuzzy: bool,
    po_rel: str,
    lines: Mapping[int, int],
    keys: Collection[Key],
    definitions: Definitions = NO_DEFINITIONS,
) -> tuple[dict[Key, str], list[Notice], dict[str, int]]:
    """The translations merge may publish, a notice for each one held back, and each
    published entry's first line (``lines`` gives its msgstr's, for a notice).

    An entry the validator finds fault with is treated as untranslated: the page keeps
    its source text there, and it does not count towards ``min_percent``. ``definitions``
    are the page's link reference definitions, so a translation that loses a shortcut
    reference's label is held back.
    """
    kinds: dict[str, set[str]] = {}
    for segment in segments:
        kinds.setdefault(segment.text, set()).add(segment.kind)
    usable: dict[Key, str] = {}
    held: list[Notice] = []
    first_lines: dict[str, int] = {}
    for entry in po:
        # The counting rule decides what may be published. An entry none of this article's segments
        # asks for is never looked up: added by hand, or another article's in a shared catalog.
        if entry.obsolete or entry_key(entry) not in keys or not is_translated(entry, include_fuzzy):
            continue
        first_lines[entry.msgid] = entry.linenum
        off = switched_off(entry.flags, config.check.disable)
        kind = kinds.get(entry.msgid, ())
        found = problems(entry.msgid, entry.msgstr, kind, off, config.math, config.shortcodes, definitions)
        if found:
            line = lines.get(entry.linenum, entry.linenum)
            held.append(Notice(po_rel, line, f"not merged: {found[0].message}"))
            continue
        usable[entry_key(entry)] = entry.msgstr
    return usable, held, first_lines


def plan_merge(
    config: Config,
    sources: Iterable[Source],
    include_fuzzy: bool,
    report: Report,
    languages: Collection[str] | None = None,
    catalogs: Mapping[str, polib.POFile] | None = None,
    reader: Callable[[Path, str, Report], tuple[polib.POFile, bytes, Mapping[int, int]] | None] = read_target_catalog,
    pages: Pages | None = None,
) -> Iterator[PlannedOutput]:
    """Compute each translated article in memory; problems go into ``report``.

    ``catalogs`` may hold PO files the caller already parsed, by language; ``reader`` reads
    the others (a ``CatalogReader`` reads a shared catalog once for all its articles).
    ``pages``: the caller's loader, when it asks other questions of the same articles.
    """
    for source in sources:
        wanted = [lang for lang in source.outputs if languages is None or lang in languages]
        if not wanted:
            continue
        # Without the caller's loader, one per article: a merge keeps no article it is done with.
        loader = pages if pages is not None else Pages(config)
        try:
            article = loader.article(source)
            segments = loader.segments(source)
        except TranslateFlowError as exc:
            report.errors.append(exc)
            continue
        definitions = loader.definitions(source)
        for lang in wanted:
            out = source.outputs[lang]
            po_path = source.po_path(config, lang)
            po_rel = rel(config, po_path)
            lines: Mapping[int, int] = {}
            if catalogs is not None and lang in catalogs:
                po, inputs = catalogs[lang], ""
            else:
                found = reader(po_path, po_rel, report)
                if found is None:
                    continue
                po, po_bytes, lines = found
                inputs = merge_inputs(config, source, po_bytes, include_fuzzy)
            keys = keys_of_segments(segments)
            usable, held, first_lines = publishable(
                config, po, segments, include_fuzzy, po_rel, lines, keys, definitions
            )
            result = merge_article(article, segments, usable, lang, config.math)
            # Only with the shortcode check switched off can a shortcode value get here.
            values = {segment.text for segment in segments if is_shortcode_value(segment)}
            unfaithful = tuple(
                Notice(
                    po_rel,
                    _msgstr_line(lines, first_lines.get(msgid)),
                    f"not merged: {SHORTCODE_UNWRITABLE if msgid in values else FRONT_MATTER_UNFAITHFUL}",
                )
                for msgid in result.held
            )
            percent = published_percent(count(po, keys, word_counts=False), include_fuzzy, len(held) + len(result.held))
            data = article.encode(result.text) if percent >= config.min_percent else None
            yield PlannedOutput(source, lang, out, po_rel, data, percent, inputs, tuple(held), unfaithful)


def _msgstr_line(lines: Mapping[int, int], first_line: int | None) -> int | None:
    return None if first_line is None else lines.get(first_line, first_line)


@dataclass
class MergeOutcome:
    """What merging one catalog's articles did, for the main process to record."""

    report: Report
    """Pages written, notices, held-back entries and errors."""
    state: dict[str, dict[str, Any] | None]
    """The merge state's new entry for each page (None: forget it, the page must be judged again)."""
    owned: dict[str, str]
    """Pages that now hold what merge wrote, by digest, for the ownership record."""


def merge_group(
    config: Config, include_fuzzy: bool, overwrite: bool, known: Mapping[str, str], members: Sequence[Source]
) -> MergeOutcome:
    """The pages of the articles of one catalog, from one reading of each of its PO files;
    ``known`` is a copy of the ownership record (this may run in a worker)."""
    outcome = MergeOutcome(Report(), {}, {})
    reader = CatalogReader()
    for source in members:
        _merge_source(config, include_fuzzy, overwrite, known, source, reader, outcome)
    return outcome


def _merge_source(
    config: Config,
    include_fuzzy: bool,
    overwrite: bool,
    known: Mapping[str, str],
    source: Source,
    reader: CatalogReader,
    outcome: MergeOutcome,
) -> None:
    """One article's pages, into ``outcome``."""
    report = outcome.report
    for plan in plan_merge(config, [source], include_fuzzy, report, reader=reader):
        out_rel = rel(config, plan.path)
        held_notices = plan.held + plan.unfaithful
        report.notices.extend(held_notices)
        report.held_back += len(held_notices)
        held = [[n.line, n.message] for n in held_notices]
        if plan.data is None:
            report.notices.append(below_threshold(config, out_rel, plan.percent, plan.po_rel))
            outcome.state[out_rel] = {
                "in": plan.inputs,
                "out": None,
                "percent": plan.percent,
                "po": plan.po_rel,
                "held": held,
            }
            continue
        if not write_page(plan.path, out_rel, plan.data, known, overwrite, report):
            # Forget the last run's entry: a page left alone must be judged again next run.
            outcome.state[out_rel] = None
            continue
        outcome.state[out_rel] = {"in": plan.inputs, "out": digest(plan.data), "po": plan.po_rel, "held": held}
        outcome.owned[out_rel] = file_digest(plan.data)
