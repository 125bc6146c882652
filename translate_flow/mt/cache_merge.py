"""Combining the engine caches of several runs (one per CI shard) into one file.

Each shard of a matrix writes its drafts to its own cache (``pretranslate --cache``), so
that no two jobs write one SQLite file. ``translate-flow cache merge`` then joins them:
every draft, discard and written draft of every input, the output's own rows first, then the
inputs in the order given. A text two inputs drafted differently (an online engine may
answer differently from one day to the next) keeps the first draft and is counted.
The result is built in memory and written atomically, so a failed merge leaves the
output as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import write_if_changed
from translate_flow.mt.cache import DISCARDS_TABLE, DRAFTED_TABLE, DRAFTS_TABLE
from translate_flow.reports import StepReport

__all__ = ["CacheMergeReport", "merge_caches"]

_KEY = "engine, source, target, text"


@dataclass
class CacheMergeReport(StepReport):
    """What ``cache merge`` combined."""

    output: str = ""
    """The file written."""
    inputs: int = 0
    """Caches read (the output's own rows included, when it existed)."""
    drafts: int = 0
    """Drafts in the result."""
    discards: int = 0
    """Discarded drafts in the result (texts an engine is not asked again)."""
    conflicts: int = 0
    """Texts drafted differently by two inputs: the first input's draft was kept."""
    written: bool = False
    """False when the output already held exactly this."""


def _add(db: sqlite3.Connection, path: Path, report: CacheMergeReport) -> None:
    """Every row of the cache at ``path`` that the result does not have yet."""
    if not path.is_file():
        raise TranslateFlowError("cannot read the cache: no such file", path)
    try:
        db.execute("ATTACH DATABASE ? AS part", (f"{path.resolve().as_uri()}?mode=ro",))
    except sqlite3.Error as exc:
        raise TranslateFlowError(f"cannot read the cache: {exc}", path) from exc
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM part.sqlite_master WHERE type = 'table'")}
        if "drafts" in tables:
            report.conflicts += db.execute(
                "SELECT count(*) FROM part.drafts AS p JOIN main.drafts AS m"
                " USING (engine, source, target, text) WHERE p.draft != m.draft"
            ).fetchone()[0]
            db.execute(f"INSERT OR IGNORE INTO main.drafts SELECT {_KEY}, draft FROM part.drafts")
        if "discards" in tables:
            db.execute(f"INSERT OR IGNORE INTO main.discards SELECT {_KEY} FROM part.discards")
        if "drafted" in tables:
            # What was written into the PO files, whatever engine drafted it (check reads it).
            db.execute("INSERT OR IGNORE INTO main.drafted SELECT source, target, text, draft FROM part.drafted")
        db.commit()
    except sqlite3.Error as exc:
        raise TranslateFlowError(f"not a translate-flow cache: {exc}", path) from exc
    finally:
        db.execute("DETACH DATABASE part")
    report.inputs += 1


def merge_caches(inputs: Sequence[Path], output: Path) -> CacheMergeReport:
    """Join ``inputs`` into ``output`` (which keeps its own rows, when it exists)."""
    report = CacheMergeReport(output=str(output))
    db = sqlite3.connect(":memory:", uri=True)
    try:
        db.execute(DRAFTS_TABLE)
        db.execute(DISCARDS_TABLE)
        db.execute(DRAFTED_TABLE)
        sources = [output] if output.is_file() else []
        for path in [*sources, *inputs]:
            _add(db, path, report)
        report.drafts = db.execute("SELECT count(*) FROM drafts").fetchone()[0]
        report.discards = db.execute("SELECT count(*) FROM discards").fetchone()[0]
        data = db.serialize()
    finally:
        db.close()
    try:
        report.written = write_if_changed(output, data)
    except OSError as exc:
        raise TranslateFlowError(f"cannot write the cache: {exc.strerror or exc}", output) from exc
    return report
