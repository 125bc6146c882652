"""Filling one PO file from translations found elsewhere (import, and extract's project-wide
pass), the way every writer here does it: read, fill in memory, write atomically, and start
again from an editor's save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import polib

from translate_flow.catalog.io import parse_catalog, write_catalog
from translate_flow.catalog.wrap_width import choose_width
from translate_flow.config import Config
from translate_flow.errors import CatalogError, StaleWriteError
from translate_flow.fsutil import read_regular

__all__ = ["fill_po_file"]

T = TypeVar("T")


def fill_po_file(config: Config, path: Path, fill: Callable[[polib.POFile], T]) -> tuple[polib.POFile, T, bool]:
    """The catalog at ``path`` after ``fill`` changed it in memory, what ``fill`` returned, and
    whether the file was written. A file saved by someone meanwhile is read and filled again
    (three tries), so no one's save is lost."""
    rel = path.relative_to(config.root).as_posix()
    for attempt in range(3):
        try:
            before = read_regular(path)
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror or exc}; run `translate-flow extract`", rel) from exc
        po = parse_catalog(before, rel)
        # The file keeps the width it was saved with (or the one the configuration sets).
        po.wrapwidth = choose_width(before, po, config.wrap, config.wrap_explicit)
        found = fill(po)
        try:
            return po, found, write_catalog(path, po, based_on=before)
        except StaleWriteError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
