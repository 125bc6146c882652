"""The on-disk cache of engine results (SQLite in the project), so nothing is paid for twice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from translate_flow.errors import ConfigError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    draft TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""


_DISCARDS = """
CREATE TABLE IF NOT EXISTS discards (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""


class DraftCache:
    """Engine output by (engine, source language, target language, text sent)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path)
            self.db.execute(_SCHEMA)
            self.db.execute(_DISCARDS)
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

    def close(self) -> None:
        self.db.close()
