"""Rebuild a translated article by splicing translations into the source text.

Nothing is re-rendered: every byte outside the translated spans (front-matter
layout, list markers, code, shortcodes, line endings, the BOM) is copied as is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from translate_flow.catalog.entry_keys import Key
from translate_flow.document.article import Article
from translate_flow.document.dialect_blocks import DEFAULT_TITLE
from translate_flow.document.frontmatter import Path_, parse_front_matter, render_span_end, render_value
from translate_flow.document.html_splice import render_html
from translate_flow.document.html_tokens import is_html_kind
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.segment import Segment
from translate_flow.document.shortcode_segments import is_shortcode_value, respell
from translate_flow.errors import TranslateFlowError
from translate_flow.languages import same_language
from translate_flow.textutil import LINE_END_RE, LineTable

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class MergeResult:
    """A translated article's text, and the translations it could not hold (how much is
    translated is ``qa.counts``' business, not the splicer's)."""

    text: str
    """The translated article (without BOM; ``Article.encode`` adds it back)."""
    held: tuple[str, ...] = ()
    """Msgids whose front-matter or shortcode value could not be written so that it reads back as
    the translation."""


def render_segment(article: Article, segment: Segment, translation: str, eol: str) -> str:
    """The source text for ``translation`` in the place and shape of ``segment``."""
    # A CR is a line end to CommonMark: splitting on it too keeps it from starting a block.
    lines = [line.strip() for line in LINE_END_RE.split(translation)]
    if segment.kind.endswith(DEFAULT_TITLE):
        # A title the source only implies (`!!! note` shows "Note") is written out.
        return ' "' + " ".join(line for line in lines if line) + '"'
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
    segments: Sequence[Segment],
    translations: dict[Key, str],
    target: str,
    math: Markup = DEFAULT_MATH,
) -> MergeResult:
    """Splice ``translations`` (by msgid) into the article and set its ``lang`` to ``target``.

    A translated front-matter value must read back as exactly its translation. One that
    does not in its source style (a ``+++`` line inside a TOML ``\"\"\"`` string, a block scalar
    starting with a tab) is written double-quoted instead; one that still does not is left
    in the source language and reported in ``held``.
    """
    safe: set[Path_] = set()
    dropped: set[Path_] = set()
    unquotable: set[str] = set()
    while True:
        text, written = _splice(article, segments, translations, target, safe, dropped, unquotable, math)
        wrong = _unfaithful(article, text, written)
        if not wrong:
            break
        dropped |= wrong & safe
        safe |= wrong
    held = {segment.text for segment in segments if segment.fm_path in dropped} | unquotable
    return MergeResult(text, tuple(sorted(held)))


def _splice(
    article: Article,
    segments: Sequence[Segment],
    translations: dict[Key, str],
    target: str,
    safe: set[Path_],
    dropped: set[Path_],
    unquotable: set[str],
    math: Markup,
) -> tuple[str, dict[Path_, str]]:
    """The article with the translations in place, and the front-matter values written.

    A shortcode value no quoting can hold goes into ``unquotable`` and keeps its source.
    """
    text = article.text
    lines = LineTable.of(text)
    edits: list[tuple[int, int, str]] = []
    written: dict[Path_, str] = {}
    for segment in segments:
        new = translations.get((None, segment.text))
        if new is None:
            continue
        if new == segment.text:
            # Same text: keep the source bytes, soft wraps and all.
            continue
        start, end = segment.location.start, segment.location.end
        if segment.fm_path is not None and article.front_matter is not None:
            if segment.fm_path in dropped:
                continue
            fm = article.front_matter
            span = fm.scalars[segment.fm_path]
            rendered = render_value(fm, text, span, new, safe=segment.fm_path in safe)
            edits.append((span.start, render_span_end(fm, text, span), rendered))
            written[segment.fm_path] = new
        elif is_shortcode_value(segment):
            quoted = respell(text[start:end], new)
            if quoted is None:
                unquotable.add(segment.text)
                continue
            edits.append((start, end, quoted))
        elif is_html_kind(segment.kind):
            # An attribute inside a translated text comes with that text's edit, which wins below.
            edits.append((start, end, render_html(text, start, segment.kind, new, translations, math)))
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
    return "".join(out), written


def _unfaithful(article: Article, text: str, written: dict[Path_, str]) -> set[Path_]:
    """The front-matter values that the merged text does not read back as written."""
    if not written:
        return set()
    try:
        matter = parse_front_matter(text, article.rel)
    except TranslateFlowError:
        return set(written)
    if matter is None:
        return set(written)
    wrong = set()
    for path, value in written.items():
        span = matter.scalars.get(path)
        if (span.value if span is not None else _lookup(matter.data, path)) != value:
            wrong.add(path)
    return wrong


def _lookup(data: object, path: Path_) -> object:
    for part in path:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data
