"""Writing one translated page, only over a page merge wrote (issue 16: never lose a human's page).

A page is written when it is missing, still holds what merge last wrote there (the ownership
record, ``project.ownership``), or already holds exactly what merge would write. Any other
page was written by hand, or edited after merge wrote it: it is left alone and reported,
unless the user asks for ``--overwrite``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from translate_flow.config import Config
from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import read_regular, write_if_changed
from translate_flow.project.discover import Source
from translate_flow.project.ownership import file_digest, may_write
from translate_flow.project.state import StateCache, digest, read_or_none
from translate_flow.reports import Notice, Report

__all__ = ["NOT_OURS", "legacy_pages", "not_ours_page", "write_page"]

# The reason and the way out; merge says "not written: …", check "merge leaves it alone: …".
NOT_OURS = (
    "it was not written by translate-flow (or was changed after); run `translate-flow import` to bring its"
    " translations into the PO file, or `translate-flow merge --overwrite` to replace it"
)


def not_ours_page(out_rel: str) -> Notice:
    return Notice(out_rel, None, f"not written: {NOT_OURS}")


def legacy_pages(
    config: Config, sources: Iterable[Source], known: Mapping[str, str], state: StateCache
) -> dict[str, str]:
    """Pages merge wrote before it kept the record: their file digests, to be recorded.

    Such a page has no entry in the record, but merge's state cache on this machine still
    holds the digest of what merge wrote there. Only a page that still holds exactly those
    bytes is merge's; one edited since stays the user's (docs/decisions.md).
    """
    found: dict[str, str] = {}
    for source in sources:
        for out in source.outputs.values():
            out_rel = out.relative_to(config.root).as_posix()
            entry = state.get(out_rel)
            if out_rel in known or not isinstance(entry, dict) or not entry.get("out"):
                continue
            current = read_or_none(out)
            if current is not None and digest(current) == entry["out"]:
                found[out_rel] = file_digest(current)
    return found


def write_page(
    path: Path, out_rel: str, data: bytes, known: Mapping[str, str], overwrite: bool, report: Report
) -> bool:
    """Write ``data`` to the page if the rule allows (or ``overwrite``); True when the page now
    holds ``data``, so that it is merge's to record."""
    try:
        current: bytes | None = read_regular(path)
    except FileNotFoundError:
        current = None
    except OSError as exc:
        report.errors.append(TranslateFlowError(f"cannot read: {exc.strerror or exc}", out_rel))
        return False
    if not overwrite and not may_write(known, out_rel, current, data):
        report.notices.append(not_ours_page(out_rel))
        return False
    try:
        # Replaced only if it still holds what was just judged: an editor's save meanwhile wins.
        changed = write_if_changed(path, data, expected=current)
    except TranslateFlowError as exc:
        report.errors.append(TranslateFlowError(exc.message, out_rel))
        return False
    except OSError as exc:
        report.errors.append(TranslateFlowError(f"cannot write: {exc.strerror or exc}", out_rel))
        return False
    if changed:
        report.written.append(out_rel)
    else:
        report.unchanged += 1
    return True
