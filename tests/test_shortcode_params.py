"""Shortcode parameter values through the whole tool, on a real Hugo site.

Hugo itself checks our reading and writing of values; Apertium translates the site's
card, details, figure and tab texts and the Spanish pages show them; the new entries
follow the catalog's lifecycle, the gate and status, incremental runs and ``--jobs``.
"""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
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
)
from translate_flow.config.load import load_config
from translate_flow.document.hugo_markup import find_markup
from translate_flow.document.shortcode_calls import parse_call, write_value
from translate_flow.document.shortcode_params import BUILT_IN

SITE = REPO / "tests/sites/shortcode-params"
GUIDE = "content/docs/guide.md"
VALUE_KINDS = [
    "shortcode card: title",
    "shortcode card: subtitle",
    "shortcode card: title",
    "shortcode card: subtitle",
    "shortcode details: summary",
    "shortcode figure: alt",
    "shortcode figure: title",
    "shortcode figure: caption",
    "shortcode tab: 0",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    (root / "translate-flow.toml").write_text('languages = ["es"]\nmin_percent = 0\n', encoding="utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    return root


def _main(page: Path) -> str:
    match = re.search(r"<main>(.*)</main>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert match, page
    return match.group(1)


def _tags(text: str) -> list[str]:
    return re.findall(r"<(/?[a-z][a-z0-9]*)", text)


# -- Hugo reads what we read, and what we write ------------------------------------------

# Values as a page may spell them: each must read as Hugo reads it.
SPELLED = [
    '"plain words"',
    '"C:\\dir\\file"',
    '"Say \\"hi\\" from C:\\dir"',
    '`raw "quotes" and \\backslashes`',
    "`two\nlines`",
    "bare-word.v2",
    '"a }} b"',
    '"中文 é"',
]
# Translations with every character that quoting cares about.
TEXTS = [
    "Muy rápido",
    'Di "hola"',
    "C:\\carpeta",
    'C:\\ "cita"',
    "termina en \\",
    "con `acento grave`",
    '`todo` "junto"',
    "dos\nlíneas",
    "Rápido",
    "true",
    "42",
    "a }} b",
    "\\`",
]


def test_hugo_reads_every_value_as_we_read_and_write_it(tmp_path: Path) -> None:
    calls: list[tuple[str, str]] = []
    for spelled in SPELLED:
        for call in (f"{{{{< show v={spelled} >}}}}", f"{{{{< show {spelled} >}}}}"):
            parsed = parse_call(call)
            assert parsed is not None, call
            calls.append((call, parsed.params[0].value))
    for text in TEXTS:
        for quote in ("", '"', "`"):
            written = write_value(text, quote)
            if written is None:
                continue
            for call in (f"{{{{< show v={written} >}}}}", f"{{{{< show {written} >}}}}"):
                assert [kind for kind, _, _ in find_markup(call)] == ["shortcode"], call
                calls.append((call, text))
    root = tmp_path / "values"
    (root / "layouts/shortcodes").mkdir(parents=True)
    (root / "layouts/_default").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
    for name in ("single", "list"):
        (root / f"layouts/_default/{name}.html").write_text("<main>{{ .Content }}</main>")
    show = '{{ $v := cond .IsNamedParams (.Get "v") (.Get 0) }}<p class="v">{{ printf "%v" $v | base64Encode }}</p>'
    (root / "layouts/shortcodes/show.html").write_text(show)
    body = "\n\n".join(call for call, _ in calls)
    (root / "content/_index.md").write_text("---\ntitle: Values\n---\n\n" + body + "\n", encoding="utf-8")
    page = hugo_build(root) / "index.html"
    shown = [base64.b64decode(v).decode() for v in re.findall(r'<p class="v">([^<]*)</p>', page.read_text())]
    assert shown == [value for _, value in calls]


# -- Apertium, Hugo ----------------------------------------------------------------------


def test_extract_gives_each_value_its_entry(site: Path) -> None:
    po = read_po(site / "locales/es/docs/guide.po")
    assert [e.comment for e in po if e.comment.startswith("shortcode ")] == VALUE_KINDS
    assert po.find('A "free" licence for everyone').occurrences == [(GUIDE, "14")]
    # The card in a sentence stays in it, where the translator sees it.
    assert po.find('The next card sits in this sentence: {{< card title="Small house" >}} is its title.')
    msgfmt_check(*all_catalogs(site))


def test_apertium_translates_the_values_and_the_spanish_page_shows_them(site: Path) -> None:
    need_apertium()
    drafted = run(site, "pretranslate", "--engine", "apertium", "--lang", "es")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0 and "held back" not in merged.output, merged.output
    report = json.loads(run(site, "check", "--lang", "es", "--format", "json").output)
    assert [f for f in report["findings"] if f["category"] == "broken"] == []
    msgfmt_check(*all_catalogs(site))

    public = hugo_build(site)
    english, spanish = _main(public / "docs/guide/index.html"), _main(public / "es/docs/guide/index.html")
    assert _tags(spanish) == _tags(english)
    shown = html.unescape(spanish)
    po = read_po(site / "locales/es/docs/guide.po")
    values = [e for e in po if e.comment.startswith("shortcode ") and e.msgstr != e.msgid]
    assert len(values) >= 7, [(e.msgid, e.msgstr) for e in values]
    for entry in values:
        assert entry.msgstr in shown, entry.msgstr
        assert entry.msgid not in shown and entry.msgid in html.unescape(english), entry.msgid
    # The card inside a sentence: Apertium had its title between the call's placeholders.
    assert "Small house" in html.unescape(english) and "Small house" not in shown
    spanish_source = (site / "content/docs/guide.es.md").read_text(encoding="utf-8")
    assert re.search(
        r'\{\{< card\n  title="[^"\n]+"\n  subtitle="[^"\n]+"\n  link="/docs/"\n  icon="bolt"\n>\}\}', spanish_source
    )
    assert 'src="/images/house.png"' in spanish_source


def test_identity_translation_rebuilds_the_page_byte_for_byte(site: Path) -> None:
    fill(site / "locales/es/docs/guide.po", lambda msgid: msgid)
    assert run(site, "merge").exit_code == 0
    assert (site / "content/docs/guide.es.md").read_bytes() == (site / GUIDE).read_bytes()


# -- the lifecycle -----------------------------------------------------------------------


def test_values_follow_the_catalog_lifecycle(site: Path) -> None:
    po_path = site / "locales/es/docs/guide.po"
    fill(po_path, lambda msgid: "ES " + msgid)
    source = site / GUIDE
    text = source.read_text(encoding="utf-8")
    text = text.replace('title="Fast builds"', 'title="Fast builds for all"')
    text = re.sub(r"\{\{< figure .*\n", "", text)
    source.write_text(text, encoding="utf-8")
    assert run(site, "extract").exit_code == 0
    po = read_po(po_path)
    changed = po.find("Fast builds for all")
    assert changed.comment == "shortcode card: title" and "fuzzy" in changed.flags
    assert (changed.previous_msgid, changed.msgstr) == ("Fast builds", "ES Fast builds")
    gone = {e.msgid: e.msgstr for e in po.obsolete_entries()}
    assert gone == {m: "ES " + m for m in ("A small white house", "The house", "The house in the summer")}
    # Incremental: nothing changed, nothing parsed or written again.
    assert "0 written" in run(site, "extract").output
    status = json.loads(run(site, "status", "--format", "json").output)
    spanish = next(row for row in status["languages"] if row["language"] == "es")
    entries = [e for e in po if not e.obsolete]
    # The home page's two entries and the site title (locales/es/_hugo/site.po) are left untranslated.
    assert (spanish["translated"], spanish["fuzzy"], spanish["untranslated"]) == (len(entries) - 1, 1, 3)
    # The fuzzy title keeps its source in the page until it is reviewed.
    assert run(site, "merge").exit_code == 0
    merged = (site / "content/docs/guide.es.md").read_text(encoding="utf-8")
    assert 'title="Fast builds for all"' in merged and 'subtitle="ES The site is ready in a second"' in merged


def test_a_translation_that_would_break_a_call_is_held_back_by_merge_and_check(site: Path) -> None:
    po_path = site / "locales/es/docs/guide.po"
    broken = {
        "Fast builds": "Rápido\ny más",
        "Free software": "Libre >}} {{< x",
        "More information": 'Más `info "y" \\',
    }
    fill(po_path, lambda msgid: broken.get(msgid, "ES " + msgid))
    merged = run(site, "merge")
    assert merged.exit_code == 0 and "3 translations held back" in merged.output, merged.output
    held = set(re.findall(r"^(locales/\S+\.po:\d+): not merged: ", merged.output, re.MULTILINE))
    report = json.loads(run(site, "check", "--lang", "es", "--format", "json").output)
    assert {f"{f['path']}:{f['line']}" for f in report["findings"] if f["category"] == "broken"} == held
    page = (site / "content/docs/guide.es.md").read_text(encoding="utf-8")
    assert 'title="Fast builds"' in page and 'summary="More information"' in page
    assert 'subtitle="ES The site is ready in a second"' in page
    hugo_build(site)


def test_with_the_check_switched_off_a_value_no_quoting_holds_still_keeps_its_source(site: Path) -> None:
    po_path = site / "locales/es/docs/guide.po"
    po = read_po(po_path, wrapwidth=0)
    entry = po.find("More information")
    entry.msgstr, entry.flags = 'Más `info "y" \\', ["no-shortcode-check"]
    po.save(str(po_path))
    merged = run(site, "merge")
    assert "not merged: no quoting holds the translation as a shortcode value" in merged.output, merged.output
    assert 'summary="More information"' in (site / "content/docs/guide.es.md").read_text(encoding="utf-8")
    report = json.loads(run(site, "check", "--lang", "es", "--format", "json").output)
    assert [(f["check"], f["line"]) for f in report["findings"] if f["category"] == "broken"] == [
        ("shortcode", entry.linenum)
    ]


def test_jobs_do_not_change_results(tmp_path: Path) -> None:
    trees = []
    for jobs in ("1", "3"):
        root = tmp_path / f"jobs{jobs}" / "site"  # the folder's name is the project's
        shutil.copytree(SITE, root)
        (root / "translate-flow.toml").write_text('languages = ["es", "fr"]\n', encoding="utf-8")
        guide = (root / GUIDE).read_text(encoding="utf-8")
        for number in range(20):
            (root / f"content/docs/copy{number}.md").write_text(guide.replace("Fast", f"Fast {number}"))
        assert run(root, "extract", "-q", "--jobs", jobs).exit_code == 0
        for po_path in sorted((root / "locales").rglob("*.po")):
            fill(po_path, lambda msgid: "T " + msgid)
        assert run(root, "merge", "-q", "--jobs", jobs).exit_code == 0
        trees.append(project_tree(root))
    assert trees[0] == trees[1]
    assert 'title="T Fast 3 builds"' in trees[0]["content/docs/copy3.es.md"].decode()


# -- the README says what the code does ----------------------------------------------------


def _readme_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("### Shortcode parameters")
    return readme[start : readme.index("\n### ", start + 1)]


def test_the_readme_example_loads_as_it_says(tmp_path: Path) -> None:
    example = re.search(r"```toml\n(\[shortcodes\].*?)```", _readme_section(), re.DOTALL)
    assert example
    (tmp_path / "translate-flow.toml").write_text(example.group(1), encoding="utf-8")
    shortcodes = load_config(tmp_path).shortcodes
    assert shortcodes.keys("card") == ("title", "subtitle")
    assert shortcodes.keys("note") == ("title",) and shortcodes.keys("tab") == ("name", 0)
    assert shortcodes.keys("blocks/cover") == () and shortcodes.keys("figure") == BUILT_IN.keys("figure")


def test_the_readme_lists_every_built_in_parameter() -> None:
    rows = [line for line in _readme_section().splitlines() if line.startswith("| `")]
    for name, keys in BUILT_IN:
        row = next((r for r in rows if f"`{name}`" in r.split("|")[1]), None)
        assert row is not None, name
        for key in keys:
            assert (f"`{key}`" if isinstance(key, str) else f"position `{key}`") in row, (name, key)
