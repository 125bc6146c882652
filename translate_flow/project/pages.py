"""An article and its segments, loaded once for every question asked about it in one task.

``check`` asks three things of each article of a catalog: its texts (``article_keys``), the
reference definitions each text is read with (``definitions_by_text``) and what merge would
write (``plan_merge``). Each used to read and parse the article, and read its cached
segments or find its reference definitions, on its own: about a tenth of a cold ``check``. A ``Pages`` lives as long as one
catalog's task, so what it keeps is dropped with the task.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from translate_flow.config import Config
from translate_flow.document.article import Article
from translate_flow.document.link_definitions import Definitions, page_definitions
from translate_flow.document.segment import Segment
from translate_flow.document.segmenter import segment_article
from translate_flow.errors import TranslateFlowError
from translate_flow.project.discover import Source, load_article
from translate_flow.project.segment_cache import load_segments

__all__ = ["Pages"]


T = TypeVar("T")


def _once(store: dict[str, T | TranslateFlowError], key: str, load: Callable[[], T]) -> T:
    """``load()``, called once per key; its TranslateFlowError is kept and raised every time."""
    if key not in store:
        try:
            store[key] = load()
        except TranslateFlowError as exc:
            store[key] = exc
    found = store[key]
    if isinstance(found, TranslateFlowError):
        # The error is raised afresh each time, its traceback from here: kept from an earlier
        # raise, it would grow, and this frame (the loader's cache with it) would live on in it.
        del store, load
        raise found.with_traceback(None)
    return found


class Pages:
    """Loads each article, and its segments, at most once; errors are kept and raised again."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._articles: dict[str, Article | TranslateFlowError] = {}
        self._cached: dict[str, tuple[Segment, ...] | None] = {}
        self._segments: dict[str, Sequence[Segment] | TranslateFlowError] = {}
        self._definitions: dict[str, Definitions] = {}

    def article(self, source: Source) -> Article:
        """``load_article``: raises its TranslateFlowError, every time it is asked."""
        return _once(self._articles, source.rel, lambda: load_article(self.config, source))

    def definitions(self, source: Source) -> Definitions:
        """``page_definitions`` of the article (a block parse of the page when it has any)."""
        if source.rel not in self._definitions:
            self._definitions[source.rel] = page_definitions(self.article(source), self.config.math)
        return self._definitions[source.rel]

    def cached_segments(self, digest: str) -> tuple[Segment, ...] | None:
        """``load_segments``: the segments extract saved for these source bytes, or None."""
        if digest not in self._cached:
            self._cached[digest] = load_segments(self.config.root, digest)
        return self._cached[digest]

    def forget(self, source: Source) -> None:
        """Drop what was loaded for ``source``: a catalog of a whole site's articles keeps
        only the article it is asking about."""
        self._articles.pop(source.rel, None)
        self._segments.pop(source.rel, None)
        self._definitions.pop(source.rel, None)
        self._cached.pop(source.digest, None)

    def segments(self, source: Source) -> Sequence[Segment]:
        """The article's segments: extract's, else found now (raises what the article raises)."""
        return _once(self._segments, source.rel, lambda: self._segments_of(source))

    def _segments_of(self, source: Source) -> Sequence[Segment]:
        cached = self.cached_segments(source.digest)
        if cached is not None:
            return cached
        config = self.config
        return segment_article(self.article(source), config.front_matter_keys, config.math, config.shortcodes)[0]
