"""A finding: one problem in one file, as check reports it (its own module, so that reporting
a site-level finding does not import the checks themselves)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Finding"]


@dataclass(frozen=True)
class Finding:
    """One problem in one file."""

    path: str
    """Project-relative file it concerns (PO, POT, article or translated article)."""
    line: int | None
    """1-based line, where there is one."""
    check: str
    """The check's name, e.g. ``missing-po``, ``stale``, ``link``."""
    category: str
    """Gate category: one of ``qa.names.CATEGORIES``."""
    message: str
    """What is wrong, for people."""
    language: str | None = None
    """The target language concerned."""
    percent: float | None = None
    """For untranslated and fuzzy findings: share of the file that is translated."""
    msgid: str | None = None
    """The msgid of the entry concerned (for a file's count, its first such entry); None for a file."""
    msgctxt: str | None = None
    """That entry's msgctxt, when it has one."""
    references: tuple[str, ...] = ()
    """That entry's ``#:`` references (``content/post.md:12``), where the text comes from."""
