"""Report objects that library functions return (the CLI prints them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from translate_flow.errors import TranslateFlowError


@dataclass(frozen=True)
class Notice:
    """A message about one file that is not an error."""

    path: str
    """Project-relative path."""
    line: int | None
    """1-based line, when it concerns one."""
    message: str
    """What happened."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class StepReport:
    """What every step's report has: the per-file errors, and how a command would end."""

    errors: list[TranslateFlowError] = field(default_factory=list)
    """Per-file failures; the other files were still processed."""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def exit_code(self) -> int:
        """0, or the highest ``exit_code`` of the errors (2 for usage and configuration)."""
        return max((error.exit_code for error in self.errors), default=0)


@dataclass
class Report(StepReport):
    """What extract or merge did: files written, files left alone, notices and errors."""

    written: list[str] = field(default_factory=list)
    """Files created or changed (project-relative)."""
    unchanged: int = 0
    """Files whose content was already right and were not touched."""
    skipped: int = 0
    """Articles not even parsed, because their fingerprint showed nothing changed."""
    notices: list[Notice] = field(default_factory=list)
    """Things the user should know that are not failures (skips, thresholds)."""
    held_back: int = 0
    """Translations merge did not publish because they would change their page's structure."""


@dataclass
class MemoryReport(Report):
    """What ``tm export`` or ``tm import`` did: the files of ``Report``, and the units per language."""

    units: dict[str, int] = field(default_factory=dict)
    """Units written to the TMX file, or entries added or changed in the memory, per language."""
    left_out: int = 0
    """Entries or units left out (each reason is a notice)."""
