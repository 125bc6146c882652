"""Whatever a translator or an engine writes, a merged page keeps its source's structure.

Hostile translations inject Markdown (heading and list markers, fences, pipes, raw HTML,
blank lines, broken emphasis, new links). The validator decides which of them merge may
publish; after merging those, the page must render to the same elements as the source
(line breaks aside: a multi-line translation is allowed to break lines).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from tests.markdown_strategies import article
from tests.plugin_engine import INJECTIONS
from translate_flow.document.article import parse_article
from translate_flow.document.hugo_markup import mask
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article
from translate_flow.qa.validate import problems

_RENDER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
_TAG = re.compile(r"<(/?[a-z][a-z0-9]*)", re.IGNORECASE)


def structure_of(text: str) -> list[str]:
    """The page's elements in document order, without line breaks, and its shortcode delimiters
    (Hugo runs shortcodes before Markdown, so those count on their own)."""
    html = _RENDER.render(mask(text))
    delimiters = [f"{d}×{text.count(d)}" for d in ("{{<", ">}}", "{{%", "%}}")]
    return delimiters + [tag.lower() for tag in _TAG.findall(html) if tag.lower() not in ("br", "/br")]


@given(article(), st.lists(st.sampled_from(INJECTIONS), min_size=1, max_size=30))
def test_published_translations_never_change_the_structure(case: tuple[bytes, bytes | None], picks: list[str]) -> None:
    source, _ = case
    page = parse_article(source, Path("a.md"), "a.md", "en")
    segments, _ = segment_article(page, ("title",))
    kinds: dict[str, set[str]] = {}
    for segment in segments:
        kinds.setdefault(segment.text, set()).add(segment.kind)
    translations = {}
    for index, (msgid, used_as) in enumerate(kinds.items()):
        draft = picks[index % len(picks)].replace("{}", msgid.upper() if msgid.isascii() else msgid)
        if not problems(msgid, draft, used_as):
            translations[(None, msgid)] = draft
    merged = merge_article(page, segments, translations, "fr")
    body = page.body_line
    before = "\n".join(page.text.splitlines()[body:])
    after = "\n".join(merged.text.splitlines()[body:])
    assert structure_of(after) == structure_of(before)
