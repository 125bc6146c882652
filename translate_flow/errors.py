"""Exception hierarchy. Every error renders as one line: ``path:line: message``."""

from __future__ import annotations

from pathlib import Path


class TranslateFlowError(Exception):
    """Base of every error the library raises on purpose."""

    #: Exit status the CLI uses when this error ends a run.
    exit_code = 1

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class ConfigError(TranslateFlowError):
    """Bad configuration, command-line usage or language code."""

    exit_code = 2


class ArticleError(TranslateFlowError):
    """An article that cannot be read or parsed."""


class ResourceError(TranslateFlowError):
    """A site resource (an i18n table, a data file) that cannot be read, or is not what Hugo reads."""


class CatalogError(TranslateFlowError):
    """A PO or POT file that cannot be read or trusted."""


class UnsafePathError(TranslateFlowError):
    """A file or folder the tool would use is a symbolic link, not a regular file, or outside the project."""


class StaleWriteError(TranslateFlowError):
    """The file changed on disk (an editor saved it) since the run read it; nothing was written."""


class LockError(TranslateFlowError):
    """Another run holds the project lock."""
