"""render.status: the progress table as text, JSON and HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from translate_flow.qa.counts import Counts
from translate_flow.render import JSON_SCHEMA_VERSION
from translate_flow.render.status import status_html, status_json, status_text
from translate_flow.steps.status import StatusRow

FR = StatusRow("fr", "French", None, 2, Counts(10, 5, 2, 3, 1, 12, 40))
ZH = StatusRow("zh-CN", "Chinese (China)", None, 2, Counts(10, 10, 0, 0, 0, 0, 40))
ARTICLE = StatusRow("fr", "French", "content/<b>&amp;.md", 1, Counts(3, 1, 0, 2, 0, 4, 9))


def test_json_has_the_schema_version_and_every_count() -> None:
    data = json.loads(status_json([FR, ZH], [ARTICLE]))
    assert data["version"] == JSON_SCHEMA_VERSION
    assert data["languages"][0] == {
        "language": "fr",
        "name": "French",
        "article": None,
        "articles": 2,
        "entries": 10,
        "translated": 5,
        "fuzzy": 2,
        "untranslated": 3,
        "obsolete": 1,
        "unmatched": 0,
        "percent": 50.0,
        "words_left": 12,
        "words_total": 40,
    }
    assert [row["article"] for row in data["articles"]] == ["content/<b>&amp;.md"]
    assert data["articles"][0]["percent"] == 33.33


def test_text_aligns_the_columns() -> None:
    lines = status_text([FR, ZH], by_article=False, bars=False).splitlines()
    assert lines[0].split() == [
        "language", "name", "articles", "entries", "translated", "fuzzy", "untranslated", "done", "words", "left"
    ]  # fmt: skip
    assert lines[1].split() == ["fr", "French", "2", "10", "5", "2", "3", "50%", "12"]
    assert lines[2].split()[:3] == ["zh-CN", "Chinese", "(China)"]
    # Numbers are right-aligned: every row ends at the same column.
    assert len({len(line) for line in lines}) == 1
    with_bars = status_text([FR], by_article=False, bars=True).splitlines()[1]
    assert with_bars.endswith("█" * 10 + "░" * 10)
    assert status_text([], by_article=True, bars=False).endswith("(no PO files yet; run `translate-flow extract`)")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_every_user_text() -> None:
    page = status_html([FR], [ARTICLE], project='<script>alert("x")</script> & co')
    parsed = _Page()
    parsed.feed(page)
    # The project name and the article path come out as text, not markup.
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert '<script>alert("x")</script> & co' in "".join(parsed.text)
    assert "content/<b>&amp;.md" in parsed.text
    assert "&lt;script&gt;" in page and "content/&lt;b&gt;&amp;amp;.md" in page
    assert 'aria-label="33% translated"' in page
