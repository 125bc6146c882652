"""Each command imports only what it uses: asserted on the modules a real process ends with.

Not a timing test: it names the modules that must stay out, so that a new top-level
import that drags the Markdown parser or the engines into every command fails here.
bench/startup.py measures the time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Third-party and own modules no start-up needs; each costs milliseconds to import.
HEAVY = ("polib", "markdown_it", "mdit_py_plugins", "yaml", "rapidfuzz", "deep_translator", "multiprocessing")
ARTICLE_WORK = (
    "translate_flow.steps.extract_article",
    "translate_flow.catalog.io",
    "translate_flow.catalog.update",
    "translate_flow.document.markdown",
    "translate_flow.mt.run",
)

_PROBE = """
import json, sys
from translate_flow.cli.commands import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
finally:
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(args: list[str], cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_version_imports_no_step_and_no_heavy_library(tmp_path: Path) -> None:
    modules = modules_after(["--version"], tmp_path)
    assert "click" in modules  # the probe saw a real run
    assert (
        _loaded(modules, (*HEAVY, "babel", "translate_flow.api", "translate_flow.steps", "translate_flow.config")) == []
    )


def test_help_lists_every_command_without_running_one(tmp_path: Path) -> None:
    modules = modules_after(["--help"], tmp_path)
    assert _loaded(modules, (*HEAVY, *ARTICLE_WORK)) == []


@pytest.fixture
def extracted(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    for n in range(3):
        (tmp_path / "content" / f"post{n}.md").write_text(
            f"---\ntitle: Post {n}\n---\n\n# Heading {n}\n\nSome *text* here.\n", encoding="utf-8"
        )
    (tmp_path / "translate-flow.toml").write_text('languages = ["fr"]\n', encoding="utf-8")
    first = modules_after(["extract", "-q"], tmp_path)
    # The first run did the work, so it needed the parser and polib: the probe sees them.
    assert {"markdown_it", "polib", "translate_flow.steps.extract_article"} <= first
    assert (tmp_path / "locales" / "fr" / "post0.po").exists()
    return tmp_path


def test_a_no_op_extract_imports_no_article_work(extracted: Path) -> None:
    modules = modules_after(["extract", "-q"], extracted)
    assert "translate_flow.steps.extract" in modules
    assert _loaded(modules, (*HEAVY, *ARTICLE_WORK)) == []


def test_a_no_op_extract_asks_babel_nothing_it_answered_before(extracted: Path) -> None:
    # The first run kept Babel's answers; a run that only reads bytes needs neither Babel
    # nor the front-matter parser nor the segment model nor SQLite. A site without resources
    # builds no resource model, and a run with no finding to report no finding class.
    assert (extracted / ".translate-flow" / "languages.json").is_file()
    modules = modules_after(["extract", "-q"], extracted)
    assert "translate_flow.steps.extract" in modules
    unused = (
        "babel",
        "sqlite3",
        "translate_flow.document.frontmatter",
        "translate_flow.document.segment",
        "translate_flow.resources.model",
        "translate_flow.resources.tree",
        "translate_flow.qa.finding",
    )
    assert _loaded(modules, unused) == []
    # A language no run has validated yet is asked of Babel, as before.
    (extracted / "translate-flow.toml").write_text('languages = ["fr", "de"]\n', encoding="utf-8")
    assert "babel" in modules_after(["extract", "-q"], extracted)


def test_extract_never_imports_the_engines(extracted: Path) -> None:
    (extracted / "content" / "post0.md").write_text("# Changed\n\nNew text.\n", encoding="utf-8")
    modules = modules_after(["extract", "-q"], extracted)
    assert "translate_flow.steps.extract_article" in modules
    assert _loaded(modules, ("deep_translator", "translate_flow.mt")) == []


MERGE_WORK = (
    "translate_flow.steps.merge_plan",
    "translate_flow.steps.merge_resource_plan",
    "translate_flow.qa.validate",
    "translate_flow.document.splice",
    "translate_flow.steps.target_catalog",
)


def test_a_no_op_merge_imports_no_page_work(extracted: Path) -> None:
    (extracted / "translate-flow.toml").write_text('languages = ["fr"]\nmin_percent = 0\n', encoding="utf-8")
    po = extracted / "locales" / "fr" / "post0.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Heading 0"\nmsgstr ""', 'msgid "Heading 0"\nmsgstr "Titre 0"'), encoding="utf-8")
    first = modules_after(["merge", "-q"], extracted)
    # The first merge wrote the page, so it planned it: the probe sees the page work.
    assert "translate_flow.steps.merge_plan" in first
    assert "Titre 0" in (extracted / "content" / "post0.fr.md").read_text(encoding="utf-8")
    modules = modules_after(["merge", "-q"], extracted)
    assert "translate_flow.steps.merge" in modules
    assert _loaded(modules, (*HEAVY, *ARTICLE_WORK, *MERGE_WORK)) == []
