"""The ``exclude`` globs: which files and folders of the project translate-flow leaves alone.

A glob is matched against a path relative to the project root, with ``/`` between
folders: ``*`` and ``?`` stay inside one folder name, ``**`` stands for any number of
folders, ``[abc]`` for one of the characters. A glob that matches a folder leaves out
everything below it, so ``content/drafts`` and ``content/drafts/**`` say the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

__all__ = ["Exclusions", "glob_problem"]


def glob_problem(glob: str) -> str | None:
    """Why a glob cannot be used, or None."""
    if not glob.strip():
        return "an empty glob would match nothing"
    path = PurePosixPath(glob)
    if path.is_absolute() or ".." in path.parts:
        # Everything translate-flow reads is inside the project; such a glob could only mislead.
        return f"{glob!r} must be relative to the project root, without '..'"
    return None


def _segment(part: str) -> str:
    """The regular expression of one folder or file name of a glob."""
    out: list[str] = []
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and (end := part.find("]", i + 2)) != -1:
            body = part[i + 1 : end]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _compile(glob: str) -> re.Pattern[str]:
    parts = [part for part in glob.strip().removeprefix("./").strip("/").split("/") if part not in ("", ".")]
    pattern = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            pattern += ".*" if last else "(?:.*/)?"
        else:
            pattern += _segment(part) + ("" if last else "/")
    return re.compile(pattern)


class Exclusions:
    """The globs of a run, compiled once."""

    def __init__(self, globs: Iterable[str]) -> None:
        self.patterns = [_compile(glob) for glob in globs]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def excludes(self, rel: str) -> bool:
        """True when the root-relative path, or a folder it is in, matches a glob."""
        if not self.patterns:
            return False
        parts = rel.split("/")
        candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        return any(p.fullmatch(c) for p in self.patterns for c in candidates)
