"""Which files of one group (one page in several languages) are sources, and which are its translations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, NamedTuple, Protocol, TypeVar

from translate_flow.project.layout import Layout

__all__ = ["GroupSources", "sources_of"]


class _Known(Protocol):
    @property
    def path(self) -> Path: ...
    @property
    def hint(self) -> str | None: ...
    @property
    def language(self) -> str: ...
    @property
    def targets(self) -> tuple[str, ...]: ...


_Parsed = TypeVar("_Parsed", bound=_Known)


class GroupSources(NamedTuple, Generic[_Parsed]):
    """The sources of one group, and the pages that are no source and translate none."""

    sources: list[_Parsed]
    """In the order their outputs are claimed."""
    orphans: tuple[Path, ...] = ()
    """Pages the site says are translations, of a page that does not exist."""
    lone: Path | None = None
    """A file alone in its group and free to be a source: the caller may leave it unparsed."""


def sources_of(
    members: list[tuple[Path, str | None]], source: Callable[[Path], _Parsed | None], layout: Layout
) -> GroupSources[_Parsed]:
    """Which files of one group are sources (the others are their outputs, or a human's pages).

    ``source`` reads a file's language and targets. A file alone in its group is not read
    here but handed back as ``lone``: nothing else can claim its outputs.
    """
    has_plain = any(layout.is_plain(hint) for _, hint in members)
    # With no post.md, post.en.md (the source language's suffix) is the page the others
    # translate: Hugo reads them as one page in several languages (seen on imfing/hextra).
    language = layout.config.source_language
    stands_in = not has_plain and any(hint == language for _, hint in members)

    def plain_file(hint: str | None) -> bool:
        return layout.is_plain(hint) or (stands_in and hint == language)

    eligible = [
        (path, hint) for path, hint in members if plain_file(hint) or layout.may_be_source(hint, has_plain or stands_in)
    ]
    if not eligible:
        return GroupSources([], tuple(path for path, _ in members))
    if len(members) == 1:
        return GroupSources([], lone=members[0][0])
    plain = [path for path, hint in eligible if plain_file(hint)]
    paths = [path for path, _ in eligible]
    roots: list[_Parsed]
    if plain:
        roots = [s for s in map(source, plain) if s]
    else:
        probed = [s for s in map(source, paths) if s]
        targeted = {layout.output_path(s.path, t) for s in probed for t in s.targets}
        roots = [s for s in probed if s.path not in targeted]
        if not roots:
            default = layout.config.source_language
            roots = [s for s in probed if s.language == default][:1] or probed[:1]
    taken = {layout.output_path(s.path, t) for s in roots for t in s.targets} - {s.path for s in roots}
    kept = [s for s in map(source, (p for p in paths if p not in taken)) if s]
    # The plain file claims its outputs first, so on a clash the other one is reported.
    return GroupSources(sorted(kept, key=lambda s: (not plain_file(s.hint), s.path)))
