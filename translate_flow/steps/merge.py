"""The merge step: translated articles from the PO files, each planned, then written.

The main process finds the articles, skips every page still up to date (``merge_record``)
and saves the run's records; the pages themselves are planned and written by
``merge_plan``, in worker processes when there are many. A run with nothing to merge
never imports the Markdown parser, the PO reader or the validator.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import remove_stale_temp_files
from translate_flow.lazy import lazy
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import Source, discover, select_sources, shard_rels
from translate_flow.project.lock import project_lock
from translate_flow.project.ownership import Ownership
from translate_flow.project.state import STATE_DIR, StateCache
from translate_flow.reports import Report
from translate_flow.steps.merge_page import legacy_pages
from translate_flow.steps.merge_record import rel, up_to_date
from translate_flow.steps.merge_resource import merge_resources

if TYPE_CHECKING:
    from translate_flow.steps.merge_plan import merge_group
else:
    merge_group = lazy("translate_flow.steps.merge_plan:merge_group")

__all__ = ["merge"]


def merge(
    config: Config, paths: Iterable[Path] = (), include_fuzzy: bool = False, jobs: int = 1, overwrite: bool = False
) -> Report:
    """Write each translated article whose PO file is translated enough.

    An existing page merge did not write (or that was edited since) is left alone and
    reported, unless ``overwrite``.
    """
    with project_lock(config.root, config.locales_path, "merge", config.lock_timeout):
        remove_stale_temp_files(config.content_path)
        # Caches are written atomically too; a run killed mid-write leaves its temporary file there.
        remove_stale_temp_files(config.root / STATE_DIR)
        return _merge(config, paths, include_fuzzy, jobs, overwrite)


def _merge(config: Config, paths: Iterable[Path], include_fuzzy: bool, jobs: int, overwrite: bool) -> Report:
    paths = list(paths)
    report = Report()
    discovery = discover(config)
    report.errors.extend(discovery.errors)
    report.notices.extend(discovery.notices)
    state = StateCache(config.root, "merge")
    ownership = Ownership(config)
    selected = [s for s in select_sources(discovery.sources, paths, shard_rels(config, discovery)) if s.outputs]
    ownership.adopt(legacy_pages(config, selected, ownership.files, state))
    sources = [s for s in selected if not up_to_date(config, s, include_fuzzy, state, ownership.files, report)]
    groups: dict[str, list[Source]] = {}
    for source in sources:
        groups.setdefault(source.catalog, []).append(source)
    task = partial(merge_group, config, include_fuzzy, overwrite, dict(ownership.files))
    for part in run_tasks(task, list(groups.values()), jobs):
        report.written.extend(part.report.written)
        report.unchanged += part.report.unchanged
        report.notices.extend(part.report.notices)
        report.held_back += part.report.held_back
        report.errors.extend(part.report.errors)
        ownership.adopt(part.owned)
        for key, value in part.state.items():
            state.put(key, value)
    merge_resources(config, discovery, paths, include_fuzzy, jobs, ownership, report)
    try:
        # Should this fail, the state cache still names the pages just written (legacy_pages).
        ownership.save()
    except OSError as exc:
        report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", rel(config, ownership.path)))
    state.save()
    report.notices.sort(key=lambda n: n.path)
    return report
