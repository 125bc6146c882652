"""The segments of an article's front matter: the values of the keys the project translates."""

from __future__ import annotations

from translate_flow.document.article import Article
from translate_flow.document.frontmatter import Path_, line_number
from translate_flow.document.segment import Location, Segment, is_translatable

__all__ = ["front_matter_segments", "key_matches"]


def key_matches(path: Path_, wanted: str) -> bool:
    """``params.subtitle`` matches ("params", "subtitle") and list items inside it."""
    return ".".join(str(p) for p in path if not isinstance(p, int)) == wanted


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
                        kind=f"front matter: {wanted}",
                        location=Location(span.start, span.end, line_number(article.text, span.start)),
                        fm_path=path,
                    )
                )
                break
    segments.sort(key=lambda s: s.location.start)
    return segments
