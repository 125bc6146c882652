"""Texts in HTML blocks through the whole tool: a real Hugo site whose home page has an HTML
hero, translated by Apertium and by a hostile engine, and the entries' life in the
catalogs (fuzzy, obsolete, check, status, incremental runs, --jobs)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import (
    REPO,
    all_catalogs,
    fill,
    hugo_build,
    msgfmt_check,
    need_apertium,
    project_tree,
    read_po,
    run,
    write_tree,
)
from translate_flow.document.html_tokens import TRANSLATABLE_ATTRIBUTES

SITE = REPO / "tests/sites/html-blocks"
PAGES = ["index.html", "docs/guide/index.html"]
# What the English pages say in their HTML blocks, and must not say in Spanish.
ENGLISH = [
    "Free,",
    "open</b>",
    "A static site generator",
    "Learn more",
    "Get the code",
    "Read the guide",
    "A rocket",
    "Fast builds",
    "every system",
    "Linux, macOS and Windows",
    "Before you start",
    "open the page",
    "team thanks you",
    "Search the guide",
    'aria-label="Search"',
    "The documentation is on the website",
]
# What must stay English: code, translate="no", pre and script.
KEPT = [
    "<code>hugo server</code>",
    '<span translate="no">Hugo</span>',
    '<li translate="no">Hugo</li>',
    "Output is never translated.",
    'console.log("Scripts are never translated");',
]


class _Elements(HTMLParser):
    """The elements of a page's <main> with their attributes; translatable values left out."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = sorted((n, "…" if n in TRANSLATABLE_ATTRIBUTES else v or "") for n, v in attrs)
        self.found.append(f"<{tag} {kept}>")

    def handle_endtag(self, tag: str) -> None:
        self.found.append(f"</{tag}>")


def _main(page: Path) -> str:
    match = re.search(r"<main>(.*)</main>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert match, f"{page} has no <main>"
    return match.group(1)


def _elements(page: Path) -> list[str]:
    reader = _Elements()
    reader.feed(_main(page))
    reader.close()
    return reader.found


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    (root / "translate-flow.toml").write_text(
        'languages = ["es"]\nmin_percent = 0\n[engines.hostile]\nclass = "tests.plugin_engine:HostileEngine"\n',
        encoding="utf-8",
    )
    assert run(root, "extract", "-q").exit_code == 0
    return root


def test_the_hero_and_its_attributes_become_entries(site: Path) -> None:
    po = read_po(site / "locales/es/_index.po")
    assert [(e.comment, e.msgid) for e in po] == [
        ("front matter: title", "Home"),
        ("html h1", "Free, <b>open</b> source"),
        ("html p", "A static site generator that builds your pages in a blink."),
        ("html a: title", "Read the guide"),
        ("html div", "Learn more"),
        ("html div", '{{< icon "code" >}} Get the code'),
        ("paragraph", "Below the hero, a **Markdown** paragraph with <kbd>Ctrl</kbd> inline HTML."),
        ("html img: alt", "A rocket"),
        ("html li", "Fast builds"),
        ("html li", 'Runs on <abbr title="Linux, macOS and Windows">every system</abbr>'),
        ("html abbr: title", "Linux, macOS and Windows"),
    ]
    assert po.find("Learn more").occurrences == [("content/_index.md", "11")]
    msgfmt_check(*all_catalogs(site))


def test_apertium_translates_the_html_blocks_and_hugo_keeps_their_elements(site: Path) -> None:
    need_apertium()
    drafted = run(site, "pretranslate", "--engine", "apertium", "--lang", "es")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0 and "held back" not in merged.output, merged.output
    msgfmt_check(*all_catalogs(site))
    public = hugo_build(site)
    spanish = "".join(_main(public / "es" / page) for page in PAGES)
    english = "".join(_main(public / page) for page in PAGES)
    for text in ENGLISH:
        assert text in english and text not in spanish, text
    for text in KEPT:
        assert text in english and text in spanish, text
    for page in PAGES:
        assert _elements(public / "es" / page) == _elements(public / page), page
    # The shortcode inside the hero's link came through and Hugo ran it.
    assert '<i class="icon icon-code"></i>' in spanish


HOSTILE = (
    "{} </div>",
    "</p><p>{}",
    "<b>{}",
    "<script>alert(1)</script>{}",
    "{} <!--",
    "{}\n\n# {}",
    "{} < & &bogus;",
    '<a href="/evil">{}</a>',
    "{} {{< icon",
    "- {}",
)


def test_hostile_translations_never_change_the_elements(site: Path) -> None:
    assert run(site, "pretranslate", "--engine", "hostile", "--lang", "es").exit_code == 0
    # The pages' catalogs only: which hostile form meets which entry must not depend on other catalogs.
    pages = sorted(p for p in (site / "locales/es").rglob("*.po") if "_hugo" not in p.parts)
    for number, po_path in enumerate(pages):
        po = read_po(po_path, wrapwidth=0)
        for index, entry in enumerate(po):
            entry.msgstr = HOSTILE[(number + index) % len(HOSTILE)].replace("{}", entry.msgid)
        po.save(str(po_path))
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    held = {m.group(1) for m in re.finditer(r"^(locales/\S+\.po:\d+): not merged: ", merged.output, re.MULTILINE)}
    report = json.loads(run(site, "check", "--format", "json").output)
    assert held and {f"{f['path']}:{f['line']}" for f in report["findings"] if f["category"] == "broken"} == held
    msgfmt_check(*all_catalogs(site))
    public = hugo_build(site)
    for page in PAGES:
        assert _elements(public / "es" / page) == _elements(public / page), page
    # What passed is in the page, escaped where HTML would misread it.
    assert "Learn more &lt;!--</a>" in _main(public / "es/index.html")
    assert 'aria-label="Search < & &amp;bogus;"' in _main(public / "es/docs/guide/index.html")


HERO = '<div class="hero">\n<h1>Free, <b>open</b> source</h1>\n<a href="/docs" title="Read the guide">Learn more</a>\n</div>\n\n<ul>\n<li>One feature</li>\n<li>Another feature</li>\n</ul>\n'
ES = {
    "Free, <b>open</b> source": "Libre, de código <b>abierto</b>",
    "Read the guide": "Lee la guía",
    "Learn more": "Más información",
    "One feature": "Una función",
    "Another feature": "Otra función",
}


def _hero_project(project: Path) -> Path:
    write_tree(project, {"translate-flow.toml": 'languages = ["es"]\nmin_percent = 0\n', "content/a.md": HERO})
    assert run(project, "extract", "-q").exit_code == 0
    fill(project / "locales/es/a.po", lambda msgid: ES[msgid])
    return project / "locales/es/a.po"


def test_html_entries_follow_the_update_lifecycle(project: Path) -> None:
    po_path = _hero_project(project)
    edited = HERO.replace("Free, <b>open</b> source", "Free, <b>open</b> source software").replace(
        "<li>Another feature</li>\n", ""
    )
    (project / "content/a.md").write_text(edited.replace("Read the guide", "Read the whole guide"))
    assert run(project, "extract", "-q").exit_code == 0
    po = read_po(po_path)
    live = [(e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid) for e in po if not e.obsolete]
    assert live == [
        ("Free, <b>open</b> source software", ES["Free, <b>open</b> source"], True, "Free, <b>open</b> source"),
        ("Read the whole guide", ES["Read the guide"], True, "Read the guide"),
        ("Learn more", ES["Learn more"], False, None),
        ("One feature", ES["One feature"], False, None),
    ]
    assert [(e.msgid, e.msgstr) for e in po.obsolete_entries()] == [("Another feature", "Otra función")]
    msgfmt_check(*all_catalogs(project))
    # Merged without the fuzzy ones: their places keep the English text.
    assert run(project, "merge", "-q").exit_code == 0
    assert (project / "content/a.es.md").read_text() == edited.replace(
        "Read the guide", "Read the whole guide"
    ).replace("Learn more", "Más información").replace("One feature", "Una función")


def test_check_and_status_see_html_entries(project: Path) -> None:
    po_path = _hero_project(project)
    po = read_po(po_path, wrapwidth=0)
    po.find("Learn more").msgstr = "Más <b>información</b>"
    po.save(str(po_path))
    merged = run(project, "merge")
    assert "not merged: HTML tags differ from the source: unexpected </b>, <b>" in merged.output
    report = json.loads(run(project, "check", "--format", "json").output)
    broken = [(f["check"], f["message"]) for f in report["findings"] if f["category"] == "broken"]
    assert broken == [("html", "HTML tags differ from the source: unexpected </b>, <b>")]
    assert "Más información" not in (project / "content/a.es.md").read_text()
    status = json.loads(run(project, "status", "--format", "json").output)
    row = status["languages"][0]
    # Tags are no words: "Free, open source", "Read the guide"… 2 + 3 + 3 + 2 + 2 + 2 words.
    assert (row["entries"], row["translated"]) == (5, 5)
    po = read_po(po_path, wrapwidth=0)
    po.find("One feature").msgstr = ""
    po.save(str(po_path))
    row = json.loads(run(project, "status", "--format", "json").output)["languages"][0]
    assert (row["untranslated"], row["words_left"]) == (1, 2)


def test_incremental_runs_and_jobs_give_the_same_catalogs(tmp_path: Path, parsed_articles: list[str]) -> None:
    files = {
        f"content/p{i}.md": f"---\ntitle: Post {i}\n---\n\n" + HERO.replace("One feature", f"Feature number {i}")
        for i in range(20)
    }
    serial, parallel = tmp_path / "serial" / "site", tmp_path / "parallel" / "site"
    for root, jobs in ((serial, "1"), (parallel, "3")):
        write_tree(root, {"translate-flow.toml": 'languages = ["es"]\n', **files})
        assert run(root, "extract", "-q", "--jobs", jobs).exit_code == 0
        for po in sorted((root / "locales/es").glob("*.po")):
            fill(po, lambda msgid: ES.get(msgid, "Función " + msgid[-2:].strip()) if msgid[:5] != "Post " else msgid)
        assert run(root, "merge", "-q", "--jobs", jobs).exit_code == 0
    assert project_tree(serial) == project_tree(parallel)
    assert "Más información" in (serial / "content/p7.es.md").read_text()
    parsed_articles.clear()
    result = run(serial, "extract", "--jobs", "3")
    assert "(20 articles unchanged since last run)" in result.output and parsed_articles == []
