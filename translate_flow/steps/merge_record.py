"""What the merge state remembers of a page, and what it lets a run skip.

A page is up to date while the inputs it was made from (its article, its PO file and the
settings that decide what is published) are unchanged and the file still holds what merge
wrote. The main process judges that before any worker starts, so this module stays light:
it parses neither Markdown nor PO files.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from translate_flow.config import Config
from translate_flow.project.discover import Source
from translate_flow.project.ownership import file_digest
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.reports import Notice, Report

__all__ = ["below_threshold", "merge_inputs", "rel", "up_to_date"]


def rel(config: Config, path: Path) -> str:
    """``path`` relative to the project, with forward slashes."""
    return path.relative_to(config.root).as_posix()


def merge_inputs(config: Config, source: Source, po_bytes: bytes | None, include_fuzzy: bool) -> str:
    """A hash of everything a page depends on besides its template: its article, its PO file, the settings."""
    return digest(
        source.digest, po_bytes, str(include_fuzzy), repr(config.min_percent), repr(sorted(config.check.disable))
    )


def below_threshold(config: Config, out_rel: str, percent: float, po_rel: str) -> Notice:
    """The notice for a page not written: too little of its PO file is translated."""
    return Notice(
        out_rel,
        None,
        f"not written: {percent:.0f}% translated in {po_rel}, below min_percent {config.min_percent:g}%",
    )


def up_to_date(
    config: Config, source: Source, include_fuzzy: bool, state: StateCache, owners: Mapping[str, str], report: Report
) -> bool:
    """True when every output of ``source`` is what the last merge wrote from the same inputs
    and the ownership record says so too (the cache alone never lets a page pass unjudged)."""
    notices: list[Notice] = []
    held_back = below = 0
    for lang, out in source.outputs.items():
        out_rel = rel(config, out)
        known = state.get(out_rel)
        if not known:
            return False  # never merged: its PO file need not even be read
        po_bytes = read_or_none(source.po_path(config, lang))
        if po_bytes is None or known.get("in") != merge_inputs(config, source, po_bytes, include_fuzzy):
            return False
        # An unchanged input holds back the same entries: say so again, as a full run would.
        for line, message in known.get("held", []):
            notices.append(Notice(str(known.get("po", "")), line, message))
            held_back += 1
        if known.get("out") is None:
            below += 1
            notices.append(below_threshold(config, out_rel, float(known.get("percent", 0)), str(known.get("po", ""))))
            continue
        current = read_or_none(out)
        if current is None or digest(current) != known["out"] or owners.get(out_rel) != file_digest(current):
            return False
    report.notices.extend(notices)
    report.held_back += held_back
    report.unchanged += len(source.outputs) - below
    return True
