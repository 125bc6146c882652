"""The MkDocs test sites built by real `mkdocs build` (Material, pymdown-extensions,
mkdocs-static-i18n), before and after translate-flow translated them.

The source pages' rendered texts must all have reached a msgid (the issue measured 107 that
did not), and each translated page must render with its source's elements and show none of
its source's words: only code, keys, icons and acronyms are kept.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from bench.rendered_text import Rendered, material_content, missing_texts, read_rendered
from tests.conftest import REPO, all_catalogs, fill, msgfmt_check, need_tool, read_po, run
from translate_flow.document.link_definitions import definitions_of, label_of

SITES = {
    # name: (site, {source page: (its built file, the French page's built file)})
    "suffix": (
        "mkdocs-material",
        {"index": ("index.html", "fr/index.html"), "includes": ("includes/index.html", "fr/includes/index.html")},
    ),
    "folder": ("mkdocs-folder", {"index": ("index.html", "fr/index.html")}),
}
# A page without a heading or a `title` shows one Material makes from its file name: that
# text is in no file translate-flow reads, and the translated page shows it as it is.
THEME_TEXTS = {"Includes"}

# What a translator keeps: inline code, link targets and labels, HTML, keys (`++ctrl+c++`), icons and
# emoji (`:smile:`), attribute lists, acronyms (an abbreviation's term must stay to be marked).
_KEPT = re.compile(r"(`[^`]*`|\]\([^)]*\)|\]\[[^\]]*\]|<[^>]*>|\+\+[\w+-]+\+\+|:[\w+-]+:|\{[^}]*\}|\b[A-Z][A-Z0-9]+\b)")
_PSEUDO = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀċḋėḟġḣïĵķŀṁṅȯṗɋŕşṫüṿẇẋẏżȦƁĊḊĖḞĠḢÏĴĶĿṀṄȮṖɊŔŞṪÜṾẆẊẎŻ",
)
_WORD = re.compile(r"\b[A-Za-z]*[a-z][A-Za-z]*\b")  # a word with a lower-case letter: not an acronym


# A shortcut or collapsed reference: `[text]` or `[text][]`, not followed by a destination or label.
_SHORT_REFERENCE = re.compile(r"(?<!\])\[([^\[\]]+)\](?:\[\])?(?![(\[:])")


def pseudo(msgid: str, labels: frozenset[str] = frozenset()) -> str:
    """A stand-in translator: every letter outside kept markup becomes an accented one. A shortcut
    reference to one of the page's ``labels`` takes the full form, `[translated text][label]`, as
    the validator's message tells a translator: its text is translated and its link stays."""

    def letters(text: str) -> str:
        parts = _KEPT.split(text)
        return "".join(part if number % 2 else part.translate(_PSEUDO) for number, part in enumerate(parts))

    def reference(match: re.Match[str]) -> str:
        if label_of(match.group(1)) not in labels:
            return letters(match.group())
        return f"[{letters(match.group(1))}][{match.group(1)}]"

    pieces, position = [], 0
    for match in _SHORT_REFERENCE.finditer(msgid):
        pieces += [letters(msgid[position : match.start()]), reference(match)]
        position = match.end()
    return "".join(pieces) + letters(msgid[position:])


def _labels(root: Path) -> frozenset[str]:
    """The reference labels the site's pages define."""
    pages = (root / "docs").rglob("*.md")
    return frozenset(label for page in pages for label, _, _ in definitions_of(page.read_text(encoding="utf-8")))


def _build(root: Path) -> Path:
    """`mkdocs build --strict` of the site at ``root``, with every download made to fail."""
    mkdocs = need_tool("mkdocs")
    # A plug-in or theme that fetched anything (fonts, icons) would go through this proxy,
    # which refuses: the build must need nothing from the network.
    closed = "http://127.0.0.1:9"
    environment = {**os.environ, "http_proxy": closed, "https_proxy": closed, "HTTP_PROXY": closed}
    environment.update({"HTTPS_PROXY": closed, "no_proxy": "", "NO_PROXY": "", "NO_MKDOCS_2_WARNING": "1"})
    done = subprocess.run(
        [mkdocs, "build", "--strict", "--quiet"], cwd=root, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def _rendered(page: Path) -> Rendered:
    shown = read_rendered(material_content(page.read_text(encoding="utf-8")))
    return Rendered(tuple(text for text in shown.texts if text not in THEME_TEXTS), shown.structure)


@pytest.fixture(params=sorted(SITES))
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, dict[str, tuple[Rendered, Rendered]]]:
    """A site translated into French with the pseudo-translator and built: (its root, its
    pages' rendered (source, French))."""
    need_tool("mkdocs")
    site, pages = SITES[request.param]
    root = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / site, root)
    assert run(root, "init").exit_code == 0
    assert run(root, "extract", "-q").exit_code == 0
    labels = _labels(root)
    for po in all_catalogs(root):
        if po.suffix == ".po":
            fill(po, partial(pseudo, labels=labels))
    merged = run(root, "merge")
    assert merged.exit_code == 0, merged.output
    assert "held back" not in merged.output and "not merged" not in merged.output, merged.output
    msgfmt_check(*all_catalogs(root))
    public = _build(root)
    return root, {
        name: (_rendered(public / source), _rendered(public / french)) for name, (source, french) in pages.items()
    }


def test_every_text_a_built_page_shows_is_in_a_msgid(built: tuple[Path, dict[str, tuple[Rendered, Rendered]]]) -> None:
    root, pages = built
    msgids = {entry.msgid for po in all_catalogs(root) if po.suffix == ".po" for entry in read_po(po)}
    assert len(pages["index"][0].texts) >= 5  # the content area was found and read
    for name, (source, _) in pages.items():
        assert missing_texts(source.texts, msgids) == [], name


def test_each_translated_page_has_its_source_structure(
    built: tuple[Path, dict[str, tuple[Rendered, Rendered]]],
) -> None:
    _, pages = built
    for name, (source, french) in pages.items():
        assert french.structure == source.structure, name
    assert {"div.admonition tip", "details.note"} & set(pages["index"][0].structure)  # the dialect's blocks rendered


def test_no_source_word_is_left_in_a_translated_page(built: tuple[Path, dict[str, tuple[Rendered, Rendered]]]) -> None:
    _, pages = built
    for name, (source, french) in pages.items():
        words = {word for text in source.texts for word in _WORD.findall(text)}
        left = {word for text in french.texts for word in _WORD.findall(text)} & words
        assert words and left == set(), (name, sorted(left))
        assert len(french.texts) == len(source.texts), name


def test_the_coverage_script_finds_every_text_of_the_test_site_in_a_msgid(tmp_path: Path) -> None:
    need_tool("mkdocs")
    root = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / "mkdocs-material", root)
    assert run(root, "init").exit_code == 0
    assert run(root, "extract", "-q").exit_code == 0
    command = [sys.executable, "-m", "bench.dialect_coverage", str(root), "docs/index.md", "docs/includes.md"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    total = re.search(r"^2 pages: (\d+) texts, 0 in no msgid, 0 msgids with syntax$", done.stdout, re.MULTILINE)
    assert total is not None and int(total.group(1)) > 30, done.stdout
    # A catalog without the admonitions' bodies is measured as such.
    po = root / "locales" / "fr" / "index.po"
    fill(po, lambda msgid: msgid)
    text = po.read_text(encoding="utf-8").replace('msgid "Collapsed body text."', 'msgid "Elsewhere."')
    po.write_text(text, encoding="utf-8")
    done = subprocess.run([*command, "--show"], cwd=REPO, capture_output=True, text=True, check=False)
    assert "    missing: 'Collapsed body text.'" in done.stdout and ", 1 in no msgid," in done.stdout, done.stdout
