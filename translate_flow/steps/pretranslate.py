"""The pretranslate step: machine drafts for empty entries, under the project lock."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from translate_flow.config import Config
from translate_flow.fsutil import remove_stale_temp_files
from translate_flow.mt.run import PretranslateReport, draft_empty_entries
from translate_flow.project.lock import project_lock

__all__ = ["pretranslate"]


def pretranslate(
    config: Config,
    paths: Iterable[Path] = (),
    languages: Sequence[str] = (),
    engines: Sequence[str] = (),
    progress: Callable[[int], None] = lambda n: None,
    on_total: Callable[[int], None] = lambda n: None,
) -> PretranslateReport:
    """Fill empty entries with fuzzy drafts from the engine chain (``translate_flow.mt``)."""
    with project_lock(config.root, config.locales_path, "pretranslate", config.lock_timeout):
        remove_stale_temp_files(config.locales_path)
        return draft_empty_entries(config, paths, languages, engines, progress, on_total)
