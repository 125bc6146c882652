"""Which link reference definitions each text of a catalog is read with: those of its page.

A catalog's entries are checked without their article, but a shortcut reference
(``[label]``) is a link only in a page that defines its label. ``check`` gives the
validator, for each text, the definitions of every page of the catalog it stands in,
as ``merge`` does page by page, so the two agree on what is held back.
"""

from __future__ import annotations

from collections.abc import Iterable

from translate_flow.config import Config
from translate_flow.document.article import Article
from translate_flow.document.link_definitions import Definitions
from translate_flow.errors import TranslateFlowError
from translate_flow.project.discover import Source
from translate_flow.project.pages import Pages

__all__ = ["definitions_by_text"]


def definitions_by_text(
    config: Config, members: Iterable[Source], pages: Pages | None = None
) -> dict[str, tuple[Definitions, ...]]:
    """For each msgid of ``members``' articles, the definitions of each page it stands in, when
    one of those pages defines references; a text not in the result is read with none.

    An article that cannot be read is left out: ``merge``'s plan reports it. ``pages``: the
    caller's loader, when it asks other questions of the same articles.
    """
    loader = pages if pages is not None else Pages(config)
    found_pages: list[tuple[Source, Article, Definitions]] = []
    for source in members:
        try:
            article = loader.article(source)
        except TranslateFlowError:
            continue
        found_pages.append((source, article, loader.definitions(source)))
    if not any(definitions for _, _, definitions in found_pages):
        return {}
    found: dict[str, dict[Definitions, None]] = {}
    for source, _, definitions in found_pages:
        try:
            segments = loader.segments(source)
        except TranslateFlowError:
            continue
        for segment in segments:
            found.setdefault(segment.text, {})[definitions] = None
    return {text: tuple(seen) for text, seen in found.items() if any(seen)}
