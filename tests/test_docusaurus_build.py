"""The Docusaurus test site installed from its lock, drafted by the hostile test engine (fr) and
by Apertium (es), and built for every locale by Docusaurus itself: each translated page's content
has its source's elements, and no English is left in its admonitions, tabs and components."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO, all_catalogs, msgfmt_check, need_apertium, need_tool, run

SITE = REPO / "tests" / "sites" / "docusaurus-build"
# The npm cache outlives the test's tmp folder: a warm one makes `npm ci` a local copy.
NPM_CACHE = REPO / ".cache" / "npm"
# Built page → its source, for the pages every locale has.
PAGES = ("docs/intro/index.html", "docs/rooms/index.html", "blog/2024/01/01/welcome/index.html", "index.html")
LANGUAGES = ("fr", "es")
# An untitled admonition's title is the theme's, which Docusaurus translates itself.
_THEME_TITLES = {"note", "tip", "info", "warning", "danger"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _is_content(tag: str, classes: list[str], markdown: bool) -> bool:
    """The page's Markdown: the `markdown` container of docs and blog posts, `main` of a Markdown page."""
    return "markdown" in classes if markdown else tag == "main"


def _is_container(tag: str, classes: list[str], role: str) -> bool:
    """An admonition, the site's Callout component, or a tab label or panel."""
    return "theme-admonition" in classes or "callout" in classes or role in ("tab", "tabpanel")


class _Content(HTMLParser):
    """Reads a built page: the elements of its content and the texts inside its containers."""

    def __init__(self, markdown: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._markdown = markdown
        self.elements: list[str] = []
        """Tag and classes of each element of the content, in document order."""
        self.texts: list[str] = []
        """Each text inside an admonition, tab or component, code left out, in document order."""
        self._open: list[tuple[str, bool, bool, bool]] = []
        """Open elements: tag, and whether it is the content, a container, code."""

    def _inside(self, index: int) -> bool:
        return any(element[index] for element in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        content = self._inside(1) or (not self.elements and _is_content(tag, classes, self._markdown))
        if content:
            self.elements.append(".".join([tag, *classes]))
        if tag not in _VOID:
            container = content and _is_container(tag, classes, values.get("role") or "")
            self._open.append((tag, content, container, tag in ("code", "pre")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._inside(1):
            self.elements.append(".".join([tag, *(dict(attrs).get("class") or "").split()]))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        assert self._open and self._open[-1][0] == tag, f"</{tag}> closes <{self._open[-1][0]}>"
        self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._inside(2) and not self._inside(3) and any(char.isalpha() for char in data):
            self.texts.append(data.strip())


def _read(page: Path) -> _Content:
    html = page.read_text(encoding="utf-8")
    parser = _Content(markdown=re.search(r'class="(?:[^"]* )?markdown[ "]', html) is not None)
    parser.feed(html)
    parser.close()
    assert parser.elements, f"{page}: no content found"
    return parser


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The site in tmp, its packages installed exactly as its lock says."""
    node = need_tool("node")
    npm = need_tool("npm")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout
    if int(version.lstrip("v").split(".")[0] or 0) < 20:
        need_tool("node 20 or later (Docusaurus 3.10 needs it)")
    root = tmp_path / "site"
    shutil.copytree(SITE, root, ignore=shutil.ignore_patterns("node_modules", "build", ".docusaurus"))
    # --ignore-scripts: the build needs no package's install script, and none runs on this machine.
    command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--cache", str(NPM_CACHE)]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def _translate(root: Path) -> str:
    """init, extract, hostile drafts for fr and Apertium's for es, merge; the merge's output."""
    result = run(root, "init")
    assert result.exit_code == 0, result.output
    assert "source en, targets fr, es, layout docusaurus" in result.output
    with (root / "translate-flow.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[engines.hostile]\nclass = "tests.plugin_engine:HostileEngine"\n')
    text = (root / "translate-flow.toml").read_text(encoding="utf-8")
    (root / "translate-flow.toml").write_text(text.replace("min_percent = 80", "min_percent = 0", 1), "utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    assert run(root, "pretranslate", "--engine", "hostile", "--lang", "fr").exit_code == 0
    assert run(root, "pretranslate", "--engine", "apertium", "--lang", "es").exit_code == 0
    merged = run(root, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    msgfmt_check(*all_catalogs(root))
    return merged.output


def _build(root: Path) -> Path:
    """`docusaurus build` of every locale; it must succeed."""
    docusaurus = root / "node_modules" / ".bin" / "docusaurus"
    env = {**os.environ, "NO_UPDATE_NOTIFIER": "1", "DOCUSAURUS_TELEMETRY_DISABLED": "1"}
    done = subprocess.run(
        [str(docusaurus), "build"], cwd=root, capture_output=True, text=True, env=env, timeout=900, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return root / "build"


def test_hostile_and_apertium_drafts_build_with_the_source_structure_and_no_english_left(site: Path) -> None:
    need_apertium()
    merged = _translate(site)
    for language in LANGUAGES:
        page = site / "i18n" / language / "docusaurus-plugin-content-docs" / "current" / "intro.mdx"
        assert "import Tabs from '@theme/Tabs';\n" in page.read_text(encoding="utf-8")
    built = _build(site)
    for name in PAGES:
        source = _read(built / name)
        assert source.texts, name  # every page has an admonition
        for language in LANGUAGES:
            translated = _read(built / language / name)
            assert translated.elements == source.elements, (name, language)
            assert len(translated.texts) == len(source.texts), (name, language)
        # Apertium drafted every text and merge published each draft: no English is left.
        spanish = _read(built / "es" / name).texts
        assert not [text for text, was in zip(spanish, source.texts, strict=True) if text == was], (name, spanish)
        # A hostile draft is published (its words upper-cased) or held back, and then the text
        # stays the source's: never anything else.
        french = _read(built / "fr" / name).texts
        assert all(
            text == was or was.upper() in text or was in _THEME_TITLES
            for text, was in zip(french, source.texts, strict=True)
        )
    french = _read(built / "fr" / "docs/intro/index.html").texts
    assert any(text.isupper() for text in french), french
    assert "held back" in merged, merged
