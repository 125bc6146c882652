"""translate-flow as a library: the commands of the CLI, as functions that return reports.

Each function takes a loaded :class:`Config` and returns a typed report; none of them
prints or exits. Errors that stop a whole step are raised as :class:`TranslateFlowError`
(``exit_code`` says how the CLI would end); per-file problems are in the report.

    from pathlib import Path
    from translate_flow import api

    config = api.load_config(Path("my-site"))
    result = api.sync(config)
    for error in result.errors:
        print(error)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.config.load import Config, load_config
from translate_flow.errors import TranslateFlowError
from translate_flow.languages import parse_language
from translate_flow.mt.run import PretranslateReport
from translate_flow.parallel import default_jobs
from translate_flow.reports import Notice, Report
from translate_flow.steps import merge as workflow
from translate_flow.steps.check import CheckReport, StatusReport, collect_status, gate_of, run_checks
from translate_flow.steps.extract import ExtractOptions

__all__ = [
    "CheckReport",
    "Config",
    "Notice",
    "PretranslateReport",
    "Report",
    "StatusReport",
    "SyncReport",
    "TranslateFlowError",
    "check",
    "extract",
    "load_config",
    "merge",
    "pretranslate",
    "status",
    "sync",
]


def _codes(languages: Sequence[str]) -> tuple[str, ...]:
    try:
        return tuple(parse_language(code).code for code in languages)
    except ValueError as exc:
        raise TranslateFlowError(str(exc)) from exc


def extract(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    check: bool = False,
    force: bool = False,
    keep_obsolete: bool = True,
    jobs: int | None = None,
) -> Report:
    """Update the PO files and POT templates of the articles (all of them, or those under ``paths``).

    With ``check``, nothing is written: ``Report.written`` lists what would change.
    """
    options = ExtractOptions(force=force, check=check, keep_obsolete=keep_obsolete, jobs=jobs or default_jobs())
    return workflow.extract(config, paths, options)


def pretranslate(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
) -> PretranslateReport:
    """Fill empty entries with fuzzy machine drafts (the configured engine chain unless ``engines``)."""
    return workflow.pretranslate(config, paths, _codes(languages), tuple(engines), progress, on_total)


def merge(
    config: Config, paths: Iterable[Path] = (), *, include_fuzzy: bool = False, jobs: int | None = None
) -> Report:
    """Write the translated articles whose catalogs reach ``min_percent``; broken entries are held back."""
    return workflow.merge(config, paths, include_fuzzy=include_fuzzy, jobs=jobs or default_jobs())


def check(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    fail_on: Sequence[str] = (),
    min_percent: float | None = None,
    jobs: int | None = None,
) -> CheckReport:
    """Every finding, and which fail the gate (``CheckReport.ok``); writes nothing but its cache."""
    gate = gate_of(config, fail_on, min_percent)
    return run_checks(config, paths, _codes(languages), gate, jobs=jobs or default_jobs())


def status(config: Config, paths: Iterable[Path] = (), *, languages: Sequence[str] = ()) -> StatusReport:
    """Entry and word counts per language and per article."""
    return collect_status(config, paths, _codes(languages))


@dataclass
class SyncReport:
    """What each step of :func:`sync` did."""

    extract: Report
    """The extract step."""
    pretranslate: PretranslateReport
    """The machine-translation step."""
    merge: Report
    """The merge step."""
    status: StatusReport = field(default_factory=StatusReport)
    """Progress after the run."""

    @property
    def errors(self) -> list[TranslateFlowError]:
        """Every per-file error of every step."""
        return [*self.extract.errors, *self.pretranslate.errors, *self.merge.errors]


def sync(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    include_fuzzy: bool = False,
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
) -> SyncReport:
    """The whole flow: extract, pretranslate, merge, then the status."""
    paths = list(paths)
    extracted = extract(config, paths)
    drafted = pretranslate(config, paths, languages=languages, engines=engines, progress=progress, on_total=on_total)
    merged = merge(config, paths, include_fuzzy=include_fuzzy)
    return SyncReport(extracted, drafted, merged, status(config, paths))
