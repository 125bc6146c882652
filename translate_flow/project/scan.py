"""Finding the Markdown files of a project, and refusing names no PO reference can hold."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from translate_flow.config import Config
from translate_flow.errors import ArticleError, ConfigError, TranslateFlowError
from translate_flow.project.exclude import Exclusions
from translate_flow.project.layout import Layout
from translate_flow.reports import Notice

__all__ = ["markdown_files"]


def _name_problem(path: Path, root: Path) -> ArticleError | None:
    """A name no PO reference can hold: not UTF-8, or with a line break in it."""
    rel = os.fsencode(path.relative_to(root)).decode("utf-8", "replace")
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return ArticleError("the file name is not valid UTF-8; rename it", rel)
    if any(ch in rel for ch in "\r\n\x85\u2028\u2029"):
        shown = rel.replace("\n", "\\n").replace("\r", "\\r")
        return ArticleError("the file name holds a line break; rename it", shown)
    return None


def _candidates(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Paths under ``folder`` with one of ``suffixes``, hidden ones (or in hidden folders) left out.

    As ``rglob("*")`` then a filter, but hidden folders are not walked and a Path is made only
    for a name with the suffix: a no-op run of a large site spends its time here. Linked
    folders are listed, never walked, as rglob does.
    """
    for top, folders, files in os.walk(folder):
        base = Path(top)
        linked = [name for name in folders if os.path.islink(os.path.join(top, name))]
        folders[:] = [name for name in folders if not name.startswith(".") and name not in linked]
        for name in (*files, *linked):
            if not name.startswith(".") and os.path.splitext(name)[1] in suffixes:
                yield base / name


def markdown_files(
    config: Config, layout: Layout, notices: list[Notice] | None = None, errors: list[TranslateFlowError] | None = None
) -> list[Path]:
    """Every Markdown file of the layout's folders, hidden and excluded ones left out; problems go to the lists."""
    content = config.content_path
    excluded = Exclusions(config.exclude)
    if not content.is_dir():
        raise ConfigError("content directory does not exist", content.relative_to(config.root).as_posix())
    found: set[Path] = set()
    suffixes = config.math.dialect.suffixes
    for folder in layout.scan_roots():
        for path in _candidates(folder, suffixes):
            if excluded and excluded.excludes(path.relative_to(config.root).as_posix()):
                continue
            problem = _name_problem(path, config.root)
            if problem is not None:
                if errors is not None:
                    errors.append(problem)
                continue
            if path.is_file() or path.is_symlink():
                found.add(path)
            elif not path.is_dir() and notices is not None:
                # Opening a FIFO would wait for a writer forever.
                rel = path.relative_to(config.root).as_posix()
                notices.append(Notice(rel, None, "skipped: not a regular file"))
    return sorted(found)
