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
from translate_flow.document.link_definitions import Definitions, page_definitions
from translate_flow.document.segmenter import segment_article
from translate_flow.errors import TranslateFlowError
from translate_flow.project.discover import Source, load_article
from translate_flow.project.segment_cache import load_segments

__all__ = ["definitions_by_text"]


def definitions_by_text(config: Config, members: Iterable[Source]) -> dict[str, tuple[Definitions, ...]]:
    """For each msgid of ``members``' articles, the definitions of each page it stands in, when
    one of those pages defines references; a text not in the result is read with none.

    An article that cannot be read is left out: ``merge``'s plan reports it.
    """
    pages: list[tuple[Source, Article, Definitions]] = []
    for source in members:
        try:
            article = load_article(config, source)
        except TranslateFlowError:
            continue
        pages.append((source, article, page_definitions(article, config.math)))
    if not any(definitions for _, _, definitions in pages):
        return {}
    found: dict[str, dict[Definitions, None]] = {}
    for source, article, definitions in pages:
        cached = load_segments(config.root, source.digest)
        try:
            segments = (
                cached
                if cached is not None
                else segment_article(article, config.front_matter_keys, config.math, config.shortcodes)[0]
            )
        except TranslateFlowError:
            continue
        for segment in segments:
            found.setdefault(segment.text, {})[definitions] = None
    return {text: tuple(seen) for text, seen in found.items() if any(seen)}
