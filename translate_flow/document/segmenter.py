"""All segments of an article: its front-matter values, then its Markdown body and shortcode values."""

from __future__ import annotations

from translate_flow.document.article import Article
from translate_flow.document.front_matter_segments import front_matter_segments
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.markdown import body_segments
from translate_flow.document.segment import Segment, Skipped
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.document.shortcode_segments import shortcode_segments
from translate_flow.document.source_markup import SourceMarkup

__all__ = ["segment_article"]


def segment_article(
    article: Article,
    front_matter_keys: tuple[str, ...],
    math: Markup = DEFAULT_MATH,
    shortcodes: ShortcodeParams = BUILT_IN,
) -> tuple[list[Segment], list[Skipped]]:
    """All segments of an article in source order, plus texts that could not be located."""
    source = SourceMarkup.of(article.text, math)  # found once for both segmenters
    body, skipped = body_segments(article.text, article.body_line, math, source)
    values = shortcode_segments(article.text, article.body_line, body, shortcodes, math, source)
    if values:
        body = sorted(body + values, key=lambda s: s.location.start)
    return front_matter_segments(article, front_matter_keys) + body, skipped
