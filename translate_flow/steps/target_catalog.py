"""Reading a target language's PO file for a merge plan: the catalog, or a notice or error saying why not."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polib

from translate_flow.catalog.io import MsgstrLines, parse_catalog
from translate_flow.errors import TranslateFlowError
from translate_flow.project.state import read_or_none
from translate_flow.reports import Notice, Report

__all__ = ["CatalogReader", "read_target_catalog"]


def read_target_catalog(
    po_path: Path, po_rel: str, report: Report
) -> tuple[polib.POFile, bytes, Mapping[int, int]] | None:
    """The parsed catalog, its bytes and its msgstr lines (found when first looked up); None (with a notice or an error) when there is none."""
    po_bytes = read_or_none(po_path)
    if po_bytes is None:
        report.notices.append(Notice(po_rel, None, "no PO file yet; run `translate-flow extract`"))
        return None
    try:
        po = parse_catalog(po_bytes, po_rel)
    except TranslateFlowError as exc:
        report.errors.append(exc)
        return None
    return po, po_bytes, MsgstrLines(po_bytes)


_Read = tuple[polib.POFile, bytes, Mapping[int, int]] | None


class CatalogReader:
    """``read_target_catalog`` that reads each file once: the articles of a shared catalog
    (``catalogs``) are merged from one parse of it, and its notice is given once."""

    def __init__(self) -> None:
        self.cache: dict[Path, _Read] = {}

    def __call__(self, po_path: Path, po_rel: str, report: Report) -> _Read:
        if po_path not in self.cache:
            self.cache[po_path] = read_target_catalog(po_path, po_rel, report)
        return self.cache[po_path]
