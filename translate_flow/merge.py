"""Rebuild a translated article by splicing translations into the source text.

Nothing is re-rendered: every byte outside the translated spans (front-matter
layout, list markers, code, shortcodes, line endings, the BOM) is copied as is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate_flow.article import Article
from translate_flow.catalog import Key
from translate_flow.frontmatter import render_span_end, render_value
from translate_flow.languages import same_language
from translate_flow.segment import Segment
from translate_flow.textutil import LineTable

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class MergeResult:
    """A translated article's text and how much of it was translated."""

    text: str
    """The translated article (without BOM; ``Article.encode`` adds it back)."""
    total: int
    """Number of distinct segment texts (PO entries)."""
    translated: int
    """Distinct texts that have a usable translation."""


def render_segment(article: Article, segment: Segment, translation: str, eol: str) -> str:
    """The source text for ``translation`` in the place and shape of ``segment``."""
    lines = [line.strip() for line in translation.split("\n")]
    if segment.one_line:
        text = " ".join(line for line in lines if line)
        if segment.kind == "table cell":
            text = _UNESCAPED_PIPE.sub(r"\\|", text)
        return text
    return (segment.hard_break + eol + segment.prefix).join(lines)


def _lang_replacement(article: Article, target: str) -> tuple[int, int, str] | None:
    fm = article.front_matter
    if fm is None or "lang" not in fm.data:
        return None
    span = fm.scalars.get(("lang",)) or fm.scalars.get(("lang", 0))
    if span is None or not span.value.strip() or same_language(span.value.strip(), target):
        # An empty `lang` says nothing, so it stays as it is, like a missing one.
        return None
    return span.start, span.end, render_value(fm, article.text, span, target)


def merge_article(
    article: Article,
    segments: list[Segment],
    translations: dict[Key, str],
    target: str,
) -> MergeResult:
    """Splice ``translations`` (by msgid) into the article and set its ``lang`` to ``target``."""
    text = article.text
    lines = LineTable.of(text)
    edits: list[tuple[int, int, str]] = []
    for segment in segments:
        new = translations.get((None, segment.text))
        if new is None:
            continue
        if new == segment.text:
            # Same text: keep the source bytes, soft wraps and all.
            continue
        start, end = segment.location.start, segment.location.end
        if segment.fm_path is not None and article.front_matter is not None:
            fm = article.front_matter
            span = fm.scalars[segment.fm_path]
            edits.append((span.start, render_span_end(fm, text, span), render_value(fm, text, span, new)))
        else:
            eol = lines.eols[lines.line_of(start)] or "\n"
            edits.append((start, end, render_segment(article, segment, new, eol)))
    lang_edit = _lang_replacement(article, target)
    if lang_edit is not None:
        edits.append(lang_edit)
    edits.sort()
    out: list[str] = []
    position = 0
    for start, end, new_text in edits:
        if start < position:
            # Two edits over one span (e.g. an aliased YAML value): the first wins.
            continue
        out.append(text[position:start])
        out.append(new_text)
        position = end
    out.append(text[position:])
    texts = {segment.text for segment in segments}
    done = sum(1 for t in texts if (None, t) in translations)
    return MergeResult("".join(out), len(texts), done)
