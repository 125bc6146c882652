"""translate-flow as a library: the commands of the CLI, as functions that return reports.

Each step takes a loaded :class:`Config` and returns one typed report; none of them
prints or exits. Errors that stop a whole step are raised as :class:`TranslateFlowError`
(``exit_code`` says how the CLI would end); per-file problems are in the report, whose
``ok`` and ``exit_code`` say the same for the run.

    from pathlib import Path
    from translate_flow import api

    config = api.load_config(Path("my-site"))
    result = api.sync(config)
    for error in result.errors:
        print(error)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate_flow.config import Config, load_config
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.languages import parse_language
from translate_flow.lazy import lazy_module, resolve
from translate_flow.parallel import AUTO
from translate_flow.project.exclude import glob_problem
from translate_flow.project.shard import parse_shard
from translate_flow.reports import MemoryReport, Notice, Report, StepReport
from translate_flow.steps import extract as extract_step
from translate_flow.steps.select_paths import select_paths

# Each step's modules are imported when that step first runs: `extract` never loads
# the engines, `status` never loads the Markdown parser.
if TYPE_CHECKING:
    from translate_flow.mt import cache_merge
    from translate_flow.mt.cache_merge import CacheMergeReport
    from translate_flow.mt.run import PretranslateReport
    from translate_flow.steps import check as check_step
    from translate_flow.steps import import_pages as import_step
    from translate_flow.steps import init as init_step
    from translate_flow.steps import merge as merge_step
    from translate_flow.steps import pretranslate as pretranslate_step
    from translate_flow.steps import status as status_step
    from translate_flow.steps import sync as sync_step
    from translate_flow.steps import tm_export as tm_export_step
    from translate_flow.steps import tm_import as tm_import_step
    from translate_flow.steps.check import CheckReport
    from translate_flow.steps.import_pages import ImportReport
    from translate_flow.steps.init import InitReport
    from translate_flow.steps.status import StatusReport
    from translate_flow.steps.sync import SyncReport
else:
    cache_merge = lazy_module("translate_flow.mt.cache_merge")
    check_step = lazy_module("translate_flow.steps.check")
    import_step = lazy_module("translate_flow.steps.import_pages")
    init_step = lazy_module("translate_flow.steps.init")
    merge_step = lazy_module("translate_flow.steps.merge")
    pretranslate_step = lazy_module("translate_flow.steps.pretranslate")
    status_step = lazy_module("translate_flow.steps.status")
    sync_step = lazy_module("translate_flow.steps.sync")
    tm_export_step = lazy_module("translate_flow.steps.tm_export")
    tm_import_step = lazy_module("translate_flow.steps.tm_import")

_REPORT_TYPES = {
    "CacheMergeReport": "translate_flow.mt.cache_merge:CacheMergeReport",
    "CheckReport": "translate_flow.steps.check:CheckReport",
    "ImportReport": "translate_flow.steps.import_pages:ImportReport",
    "InitReport": "translate_flow.steps.init:InitReport",
    "PretranslateReport": "translate_flow.mt.run:PretranslateReport",
    "StatusReport": "translate_flow.steps.status:StatusReport",
    "SyncReport": "translate_flow.steps.sync:SyncReport",
}


def __getattr__(name: str) -> Any:
    """The report types, imported with their step when first asked for (``api.CheckReport``)."""
    if name in _REPORT_TYPES:
        return resolve(_REPORT_TYPES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CacheMergeReport",
    "CheckReport",
    "Config",
    "ImportReport",
    "InitReport",
    "MemoryReport",
    "Notice",
    "PretranslateReport",
    "Report",
    "StatusReport",
    "StepReport",
    "SyncReport",
    "TranslateFlowError",
    "check",
    "extract",
    "import_translations",
    "init",
    "load_config",
    "merge",
    "merge_caches",
    "pretranslate",
    "status",
    "sync",
    "tm_export",
    "tm_import",
]


def _codes(languages: Sequence[str]) -> tuple[str, ...]:
    """Language codes as given by a user, in canonical form (``zh_cn`` → ``zh-CN``)."""
    try:
        return tuple(parse_language(code).code for code in languages)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def _excluding(config: Config, exclude: Sequence[str]) -> Config:
    """The configuration with a run's ``--exclude`` globs added to its own ``exclude``."""
    # A lone string is one glob, not a sequence of one-character globs.
    globs = (exclude,) if isinstance(exclude, str) else tuple(exclude)
    for glob in globs:
        problem = glob_problem(glob)
        if problem is not None:
            raise ConfigError(f"--exclude: {problem}")
    return replace(config, exclude=config.exclude + globs) if globs else config


def _sharded(config: Config, shard: str | None) -> Config:
    """The configuration limited to one part of the project (``K/N``), when ``shard`` is given."""
    return config if shard is None else replace(config, shard=parse_shard(shard))


def init(
    root: Path, source_language: str | None = None, languages: Sequence[str] = (), *, force: bool = False
) -> InitReport:
    """Write a commented ``translate-flow.toml`` at ``root``, matching the Hugo site when there is one.

    Unlike the other steps it takes a folder, not a ``Config``: it writes the configuration.
    """
    return init_step.init(root, source_language, languages, force=force)


def extract(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    check: bool = False,
    force: bool = False,
    keep_obsolete: bool = True,
    jobs: int | None = None,
    exclude: Sequence[str] = (),
    shard: str | None = None,
) -> Report:
    """Update the PO files and POT templates of the articles (all of them, or those under ``paths``).

    With ``check``, nothing is written: ``Report.written`` lists what would change.
    ``exclude`` adds globs to the configuration's ``exclude`` for this call (as in every step).
    ``shard`` (``"K/N"``) limits the call to part K of N of the project's catalogs, as a CI
    matrix job does; ``jobs`` (None: every CPU, as far as the work pays for it) never changes results.
    """
    config = _sharded(_excluding(config, exclude), shard)
    paths = select_paths(config, paths).paths
    if check:
        return extract_step.would_change(config, paths, jobs or AUTO)
    options = extract_step.ExtractOptions(force=force, keep_obsolete=keep_obsolete, jobs=jobs or AUTO)
    return extract_step.extract(config, paths, options)


def import_translations(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    fuzzy: bool = False,
    replace: bool = False,
    languages: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> ImportReport:
    """Bring the translations of existing translated pages into the PO files (extract runs first).

    Imported entries are reviewed, or fuzzy with ``fuzzy``; another reviewed translation
    already in a catalog is kept unless ``replace``. Content files are only read.
    """
    config = _excluding(config, exclude)
    selection = select_paths(config, paths)
    options = import_step.ImportOptions(
        fuzzy=fuzzy, replace=replace, languages=_codes(languages) or selection.languages
    )
    return import_step.import_translations(config, selection.paths, options)


def pretranslate(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
    exclude: Sequence[str] = (),
    shard: str | None = None,
    cache: Path | None = None,
) -> PretranslateReport:
    """Fill empty entries with fuzzy machine drafts (the configured engine chain unless ``engines``).

    ``cache`` replaces the configured engine cache for this call (inside the project): each
    shard of a CI matrix writes its own, and :func:`merge_caches` joins them afterwards.
    """
    config = _sharded(_excluding(config, exclude), shard)
    if cache is not None:
        config = replace(config, pretranslate=replace(config.pretranslate, cache=str(cache.absolute())))
    selection = select_paths(config, paths)
    return pretranslate_step.pretranslate(
        config, selection.paths, _codes(languages) or selection.languages, tuple(engines), progress, on_total
    )


def merge(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    include_fuzzy: bool = False,
    jobs: int | None = None,
    exclude: Sequence[str] = (),
    overwrite: bool = False,
    shard: str | None = None,
) -> Report:
    """Write the translated articles whose catalogs reach ``min_percent``; broken entries are held back.

    A page merge did not write (or that was edited since) is left alone and reported unless ``overwrite``.
    """
    config = _sharded(_excluding(config, exclude), shard)
    return merge_step.merge(
        config,
        select_paths(config, paths).paths,
        include_fuzzy=include_fuzzy,
        jobs=jobs or AUTO,
        overwrite=overwrite,
    )


def check(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    fail_on: Sequence[str] = (),
    min_percent: float | None = None,
    jobs: int | None = None,
    exclude: Sequence[str] = (),
    shard: str | None = None,
) -> CheckReport:
    """Every finding, and which fail the gate (``CheckReport.ok``); writes nothing but its cache."""
    gate = check_step.gate_of(config, fail_on, min_percent)
    config = _sharded(_excluding(config, exclude), shard)
    selection = select_paths(config, paths)
    return check_step.run_checks(
        config, selection.paths, _codes(languages) or selection.languages, gate, jobs=jobs or AUTO
    )


def status(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    jobs: int | None = None,
    exclude: Sequence[str] = (),
) -> StatusReport:
    """Entry and word counts per language and per article."""
    config = _excluding(config, exclude)
    selection = select_paths(config, paths)
    languages = _codes(languages) or selection.languages
    return status_step.collect_status(config, selection.paths, languages, jobs or AUTO)


def sync(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    include_fuzzy: bool = False,
    jobs: int | None = None,
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
    exclude: Sequence[str] = (),
) -> SyncReport:
    """The whole flow: extract, pretranslate, merge, then the status."""
    config = _excluding(config, exclude)
    return sync_step.sync(
        config,
        select_paths(config, paths).paths,
        languages=_codes(languages),
        engines=tuple(engines),
        include_fuzzy=include_fuzzy,
        jobs=jobs or AUTO,
        progress=progress,
        on_total=on_total,
    )


def tm_export(config: Config, output: Path, *, languages: Sequence[str] = ()) -> MemoryReport:
    """Write every reviewed translation of ``languages`` (default: all) to the TMX 1.4b file ``output``."""
    return tm_export_step.export_memory(config, output, _codes(languages))


def tm_import(config: Config, tmx: Path, *, languages: Sequence[str] = ()) -> MemoryReport:
    """Add the translations of the TMX file ``tmx`` to the imported memory (``<locales>/_memory/<lang>.po``)."""
    return tm_import_step.import_memory(config, tmx, _codes(languages))


def merge_caches(inputs: Sequence[Path], output: Path) -> CacheMergeReport:
    """Join engine caches (one per CI shard, say) into ``output``, which keeps its own rows."""
    return cache_merge.merge_caches(inputs, output)
