"""The on-disk cache of engine results (SQLite in the project), so nothing is paid for twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path

from translate_flow.errors import ConfigError, TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement

DRAFTS_TABLE = """
CREATE TABLE IF NOT EXISTS drafts (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    draft TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""


DISCARDS_TABLE = """
CREATE TABLE IF NOT EXISTS discards (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""


DRAFTED_TABLE = """
CREATE TABLE IF NOT EXISTS drafted (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    draft TEXT NOT NULL,
    PRIMARY KEY (source, target, text)
)
"""
"""The last draft pretranslate wrote into a PO file for each text, whatever engine gave it
(local engines and the memory are never cached above): check compares it with the msgstr."""


def drafted(root: Path, path: Path, source: str, target: str, texts: Collection[str]) -> dict[str, str]:
    """The drafts written for ``texts`` in one language pair (text → draft), read from the cache
    at ``path`` in the project at ``root`` without creating or changing anything; empty when there
    is no cache (a check never writes) or it is a link (never followed)."""
    if not texts:
        return {}
    try:
        Confinement(root).check(path)
    except UnsafePathError:
        return {}
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            query = "SELECT draft FROM drafted WHERE source=? AND target=? AND text=?"
            for text in texts:
                row = db.execute(query, (source, target, text)).fetchone()
                if row is not None:
                    found[text] = str(row[0])
        finally:
            db.close()
    except sqlite3.Error:
        # An older cache without the table, or a damaged one: nothing is known to be a draft.
        return {}
    return found


class DraftCache:
    """Engine output by (engine, source language, target language, text sent)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path)
            self.db.execute(DRAFTS_TABLE)
            self.db.execute(DISCARDS_TABLE)
            self.db.execute(DRAFTED_TABLE)
            self.db.commit()
        except sqlite3.Error as exc:
            raise ConfigError(f"cannot open the translation cache: {exc}", path) from exc

    def get(self, engine: str, source: str, target: str, text: str) -> str | None:
        row = self.db.execute(
            "SELECT draft FROM drafts WHERE engine=? AND source=? AND target=? AND text=?",
            (engine, source, target, text),
        ).fetchone()
        return None if row is None else str(row[0])

    def put_many(self, engine: str, source: str, target: str, pairs: list[tuple[str, str]]) -> None:
        """Store results as soon as they arrive, in one transaction per batch."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO drafts (engine, source, target, text, draft) VALUES (?, ?, ?, ?, ?)",
                [(engine, source, target, text, draft) for text, draft in pairs],
            )

    def discarded(self, engine: str, source: str, target: str, text: str) -> bool:
        """True when this engine's draft of ``text`` was thrown away before: it is not asked again."""
        row = self.db.execute(
            "SELECT 1 FROM discards WHERE engine=? AND source=? AND target=? AND text=?", (engine, source, target, text)
        ).fetchone()
        return row is not None

    def put_discard(self, engine: str, source: str, target: str, text: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO discards (engine, source, target, text) VALUES (?, ?, ?, ?)",
                (engine, source, target, text),
            )

    def put_drafted(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Record (source, target, text, draft) for the drafts about to be written into PO files."""
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO drafted (source, target, text, draft) VALUES (?, ?, ?, ?)", rows
                )
        except sqlite3.Error as exc:
            raise TranslateFlowError(f"cannot record the drafts in the translation cache: {exc}") from exc

    def close(self) -> None:
        self.db.close()
