"""MkDocs and Docusaurus test sites drafted by the hostile engines and by Apertium: every
page merge writes keeps its source's blocks as the dialect reads them, and check holds back
exactly what merge holds back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, all_catalogs, msgfmt_check, need_apertium, run
from translate_flow.config.load import load_config
from translate_flow.document.dialect_blocks import block_view
from translate_flow.document.hugo_markup import Markup, mask
from translate_flow.document.parsers import block_parser

SITES = {
    "mkdocs": (REPO / "tests/sites/mkdocs-material", "docs/index.md", "docs/index.{lang}.md"),
    "docusaurus": (
        REPO / "tests/sites/docusaurus-mdx",
        "docs/tabs.mdx",
        "i18n/{lang}/docusaurus-plugin-content-docs/current/tabs.mdx",
    ),
}
ENGINES = '[engines.hostile]\nclass = "tests.plugin_engine:HostileEngine"\n'
ENGINES += '[engines.dialect-hostile]\nclass = "tests.plugin_engine:DialectHostileEngine"\n'


def _shape(text: str, markup: Markup) -> list[str]:
    """The page's blocks as its dialect reads them: containers' titles, then markdown-it's block tokens."""
    masked = mask(text, markup)
    view = block_view(text.split("\n"), masked.split("\n"), 0, markup.dialect)
    tokens = block_parser(markup.dialect.indented_code).parse("\n".join(view.lines))
    titles = [title.kind.replace("default title", "title") for title in view.titles]
    return titles + [f"{t.type}:{t.tag}:{t.level}" for t in tokens if t.type != "inline"]


def _held(output: str) -> set[tuple[str, int]]:
    pattern = r"^(locales/\S+\.po):(\d+): not merged: "
    return {(m.group(1), int(m.group(2))) for m in re.finditer(pattern, output, re.MULTILINE)}


def _site(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(SITES[name][0], root)
    assert run(root, "init", "--language", "es").exit_code == 0
    with (root / "translate-flow.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n" + ENGINES)
    text = (root / "translate-flow.toml").read_text(encoding="utf-8")
    (root / "translate-flow.toml").write_text(text.replace("min_percent = 80", "min_percent = 0", 1), "utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    return root


@pytest.mark.parametrize("name", sorted(SITES))
@pytest.mark.parametrize("engine", ["hostile", "dialect-hostile"])
def test_hostile_drafts_never_break_a_page(tmp_path: Path, name: str, engine: str) -> None:
    root = _site(tmp_path, name)
    drafted = run(root, "pretranslate", "--engine", engine, "--lang", "fr")
    assert drafted.exit_code == 0, drafted.output
    merged = run(root, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    held = _held(merged.output)
    assert held, "the hostile engine should have been caught at least once"
    report = json.loads(run(root, "check", "--lang", "fr", "--format", "json").output)
    assert {(f["path"], f["line"]) for f in report["findings"] if f["category"] == "broken"} == held
    msgfmt_check(*all_catalogs(root))
    markup = load_config(root).math
    _, source, output = SITES[name]
    original = (root / source).read_text(encoding="utf-8")
    translated = (root / output.format(lang="fr")).read_text(encoding="utf-8")
    assert translated != original
    assert _shape(translated, markup) == _shape(original, markup)


@pytest.mark.parametrize("name", sorted(SITES))
def test_apertium_drafts_keep_every_block(tmp_path: Path, name: str) -> None:
    need_apertium()
    root = _site(tmp_path, name)
    drafted = run(root, "pretranslate", "--engine", "apertium", "--lang", "es")
    assert drafted.exit_code == 0 and "discarded 0;" in drafted.output, drafted.output
    merged = run(root, "merge", "--include-fuzzy")
    assert merged.exit_code == 0, merged.output
    markup = load_config(root).math
    _, source, output = SITES[name]
    original = (root / source).read_text(encoding="utf-8")
    spanish = (root / output.format(lang="es")).read_text(encoding="utf-8")
    assert _shape(spanish, markup) == _shape(original, markup)
    # Admonitions are translated, not skipped: no body line of one is left in English.
    assert "Tip body." not in spanish and "Collapsed body text." not in spanish
