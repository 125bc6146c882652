"""The Jekyll test site built by Debian's jekyll after the hostile engine and Apertium drafted it:
every translated page has its source's elements, Liquid and kramdown included."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, all_catalogs, msgfmt_check, need_apertium, need_tool, run

SITE = REPO / "tests" / "sites" / "jekyll-liquid"
PAGES = ("index", "2024/01/01/hello")
_TAG = re.compile(r"<(/?[a-zA-Z][\w-]*)(?:[^>]*?\bclass=\"([^\"]*)\")?[^>]*>")


def _structure(page: Path) -> list[str]:
    """The page's elements with their classes, in document order."""
    return [f"{name.lower()}.{classes}" for name, classes in _TAG.findall(page.read_text(encoding="utf-8"))]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    assert run(root, "init", "--language", "fr", "--language", "es").exit_code == 0
    with (root / "translate-flow.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[engines.hostile]\nclass = "tests.plugin_engine:HostileEngine"\n')
    text = (root / "translate-flow.toml").read_text(encoding="utf-8")
    (root / "translate-flow.toml").write_text(text.replace("min_percent = 80", "min_percent = 0", 1), "utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    return root


def _build(root: Path) -> Path:
    jekyll = need_tool("jekyll")
    done = subprocess.run([jekyll, "build", "-q"], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return root / "_site"


def test_hostile_and_apertium_drafts_build_with_the_same_structure(site: Path) -> None:
    need_tool("jekyll")
    need_apertium()
    assert run(site, "pretranslate", "--engine", "hostile", "--lang", "fr").exit_code == 0
    assert run(site, "pretranslate", "--engine", "apertium", "--lang", "es").exit_code == 0
    merged = run(site, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    msgfmt_check(*all_catalogs(site))
    public = _build(site)
    for page in PAGES:
        source = _structure(public / f"{page}.html")
        for lang in ("fr", "es"):
            assert _structure(public / f"{page}.{lang}.html") == source, (page, lang)
    french = (public / "index.fr.html").read_text(encoding="utf-8")
    assert "Dialect test site" in french and "<strong>the product</strong>" in french  # Liquid ran
    assert "WELCOME TO" in french or "not merged" in merged.output
    spanish = (public / "index.es.html").read_text(encoding="utf-8")
    assert "Bienvenido" in spanish and '<h2 id="latest">' in spanish
