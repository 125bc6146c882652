"""The sync step: the whole flow in one call (extract, pretranslate, merge, then the status)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.mt.run import PretranslateReport
from translate_flow.reports import Report
from translate_flow.steps.extract import ExtractOptions, extract
from translate_flow.steps.merge import merge
from translate_flow.steps.pretranslate import pretranslate
from translate_flow.steps.status import StatusReport, collect_status

__all__ = ["SyncReport", "sync"]


@dataclass
class SyncReport:
    """What each step of :func:`sync` did."""

    extract: Report
    """The extract step."""
    pretranslate: PretranslateReport
    """The machine-translation step."""
    merge: Report = field(default_factory=Report)
    """The merge step (empty when the drafts were interrupted)."""
    status: StatusReport = field(default_factory=StatusReport)
    """Progress after the run (empty when the drafts were interrupted)."""

    @property
    def errors(self) -> list[TranslateFlowError]:
        """Every per-file error of every step."""
        return [*self.extract.errors, *self.pretranslate.errors, *self.merge.errors]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.pretranslate.interrupted

    @property
    def exit_code(self) -> int:
        """130 when interrupted, else the highest error status, else 0."""
        if self.pretranslate.interrupted:
            return 130
        return max((error.exit_code for error in self.errors), default=0)


def sync(
    config: Config,
    paths: Iterable[Path] = (),
    *,
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    include_fuzzy: bool = False,
    jobs: int = 1,
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
) -> SyncReport:
    """Extract, draft the empty entries, merge, and count; an interrupted draft run stops before merge."""
    paths = list(paths)
    extracted = extract(config, paths, ExtractOptions(jobs=jobs))
    drafted = pretranslate(config, paths, languages, engines, progress, on_total)
    if drafted.interrupted:
        return SyncReport(extracted, drafted)
    merged = merge(config, paths, include_fuzzy=include_fuzzy, jobs=jobs)
    return SyncReport(extracted, drafted, merged, collect_status(config, paths, (), jobs))
