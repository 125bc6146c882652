"""Merge for resource catalogs: each translated i18n table and data file is written.

The files are planned by ``merge_resource_plan`` (in worker processes when there are
many), and written here, only over a file that merge wrote itself (``project.ownership``).
A site without resources never imports the planning.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import read_regular, remove_stale_temp_files, write_if_changed
from translate_flow.lazy import lazy
from translate_flow.parallel import run_tasks
from translate_flow.project.discover import Discovery
from translate_flow.project.ownership import Ownership
from translate_flow.reports import Notice, Report
from translate_flow.resources.discover import resources_of, select_catalogs
from translate_flow.resources.site_config import CONFIG_DIR

if TYPE_CHECKING:
    from translate_flow.steps.merge_resource_plan import ResourcePart, plan_catalog
else:
    plan_catalog = lazy("translate_flow.steps.merge_resource_plan:plan_catalog")

__all__ = ["merge_resources", "not_ours"]


def not_ours(rel: str) -> Notice:
    return Notice(
        rel,
        None,
        "left as it is: translate-flow did not write it, or it was edited since "
        "(`translate-flow import` brings its translations into the PO file; then move it away to let merge write it)",
    )


def merge_resources(
    config: Config,
    discovery: Discovery,
    paths: Iterable[Path],
    include_fuzzy: bool,
    jobs: int,
    ownership: Ownership,
    report: Report,
) -> None:
    """Write the translated resource files (under the project lock, which the caller holds);
    the caller saves ``ownership``, the record shared with the pages."""
    found = resources_of(config, discovery)
    report.errors.extend(found.errors)
    catalogs = select_catalogs(found.catalogs, paths, config.shard)
    if not catalogs:
        return
    for folder in (config.folders.i18n, config.folders.data, CONFIG_DIR):
        remove_stale_temp_files(config.root / folder)
    for part in run_tasks(partial(plan_catalog, config, include_fuzzy), catalogs, jobs):
        _merge_part(config, part, ownership, report)


def _merge_part(config: Config, part: ResourcePart, ownership: Ownership, report: Report) -> None:
    report.errors.extend(part.report.errors)
    report.notices.extend(part.report.notices)
    report.held_back += part.report.held_back
    for plan in part.planned:
        out_rel = plan.path.relative_to(config.root).as_posix()
        report.notices.extend(plan.held + plan.skipped)
        report.held_back += len(plan.held)
        if plan.data is None:
            continue
        try:
            current: bytes | None = read_regular(plan.path)
        except FileNotFoundError:
            current = None
        except OSError as exc:
            report.errors.append(TranslateFlowError(f"cannot read: {exc.strerror or exc}", out_rel))
            continue
        if not ownership.may_write(out_rel, current, plan.data):
            report.notices.append(not_ours(out_rel))
            continue
        try:
            # Replaced only if it still holds what was just judged to be merge's.
            changed = write_if_changed(plan.path, plan.data, expected=current)
        except TranslateFlowError as exc:
            report.errors.append(TranslateFlowError(exc.message, out_rel))
            continue
        except OSError as exc:
            report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", out_rel))
            continue
        ownership.wrote(out_rel, plan.data)
        if changed:
            report.written.append(out_rel)
        else:
            report.unchanged += 1
