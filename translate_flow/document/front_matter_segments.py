"""The segments of an article's front matter: the values of the keys the project translates."""

from __future__ import annotations

from translate_flow.document.article import Article
from translate_flow.document.frontmatter import Path_, line_number
from translate_flow.document.segment import Location, Segment, is_translatable

__all__ = ["front_matter_segments", "key_matches", "key_path"]


def key_path(path: Path_) -> str:
    """The dotted key of a value as the file spells it; list indices left out."""
    return ".".join(str(p) for p in path if not isinstance(p, int))


def key_matches(path: Path_, wanted: str) -> bool:
    """``params.subtitle`` matches ("params", "subtitle") and list items inside it.

    Case does not count, as in Hugo, which lowercases every front-matter key: a page's
    ``linktitle:`` is the ``linkTitle`` the project translates.
    """
    return key_path(path).lower() == wanted.lower()


def front_matter_segments(article: Article, keys: tuple[str, ...]) -> list[Segment]:
    """One segment per translatable value under ``keys``, in source order; a value that two
    paths share (an aliased YAML value) is one segment."""
    fm = article.front_matter
    if fm is None:
        return []
    segments: list[Segment] = []
    seen: set[int] = set()
    for path, span in fm.scalars.items():
        if span.start in seen or not span.value.strip() or not is_translatable(span.value):
            continue
        for wanted in keys:
            if key_matches(path, wanted):
                seen.add(span.start)
                segments.append(
                    Segment(
                        text=span.value,
                        # The key as the page writes it, so the translator can find it there.
                        kind=f"front matter: {key_path(path)}",
                        location=Location(span.start, span.end, line_number(article.text, span.start)),
                        fm_path=path,
                    )
                )
                break
    segments.sort(key=lambda s: s.location.start)
    return segments
