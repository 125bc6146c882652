"""The project's own promises: CI runs exactly the README's test command."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO


def _readme_command(marker: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.+?)\n```", readme)
    assert match, f"README has no {marker} block"
    return match.group(1)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = _readme_command("test-command")
    ci = (REPO / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert command in ci
    assert "apt-get install -y -q gettext apertium apertium-eng-spa chromium jekyll" in ci


MAIN_COMMAND = (
    "python3 -m pip install --require-hashes -r requirements-main.txt"
    " && python3 -m pip install --no-deps --no-build-isolation . && translate-flow sync"
)


def test_readme_main_command_is_sync_from_the_lock() -> None:
    assert _readme_command("main-command") == MAIN_COMMAND


def test_readme_test_command_installs_only_the_lock() -> None:
    command = _readme_command("test-command")
    assert "--require-hashes -r requirements-test.txt" in command
    # Nothing is resolved at install time: the project itself comes without dependencies.
    assert "--no-deps --no-build-isolation -e ." in command
    assert command.endswith("python -m pytest")


def test_ci_also_runs_the_suite_at_the_lowest_allowed_versions() -> None:
    ci = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-lowest.txt" in ci
    assert "python3 tests/corpora/fetch_commonmark_spec.py" in ci


def _pins(name: str) -> dict[str, list[tuple[Version, str]]]:
    """Package -> [(version, environment marker)] of a lock file; every pin must carry hashes."""
    pins: dict[str, list[tuple[Version, str]]] = {}
    text = (REPO / f"requirements-{name}").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=[a-z0-9])", text):
        match = re.match(r"([a-z0-9_.-]+)==(\S+)(?: ; (.*?))? \\\n", block)
        if match is None:
            continue
        assert "--hash=sha256:" in block, f"{name}: {match.group(1)} has no hash"
        pins.setdefault(canonicalize_name(match.group(1)), []).append((Version(match.group(2)), match.group(3) or ""))
    assert pins, f"{name} pins nothing"
    return pins


def _declared() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(spec) for spec in project["dependencies"]]
    return runtime, [Requirement(spec) for spec in project["optional-dependencies"]["test"]]


def test_locks_pin_every_declared_dependency_within_its_range() -> None:
    runtime, test_tools = _declared()
    main, test, lowest = _pins("main.txt"), _pins("test.txt"), _pins("lowest.txt")
    for lock, required in ((main, runtime), (test, runtime + test_tools), (lowest, runtime + test_tools)):
        for requirement in required:
            name = canonicalize_name(requirement.name)
            assert name in lock, f"{name} is not pinned"
            assert all(requirement.specifier.contains(v) for v, _ in lock[name]), (name, lock[name])
    # The main job runs with the very versions the tests ran with.
    assert all(test[name] == versions for name, versions in main.items()), "main.txt and test.txt disagree"
    # setuptools builds the project with --no-build-isolation, so it is pinned as well.
    assert "setuptools" in main and "setuptools" in test and "setuptools" in lowest


def test_lowest_lock_sits_exactly_on_the_declared_lower_bounds() -> None:
    runtime, test_tools = _declared()
    test, lowest = _pins("test.txt"), _pins("lowest.txt")
    for requirement in runtime:
        bounds = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
        assert len(bounds) == 1, f"{requirement} needs one lower bound"
        assert lowest[canonicalize_name(requirement.name)] == [(bounds[0], "")], requirement
    for requirement in test_tools:  # test tools are not what the lowest run is about
        name = canonicalize_name(requirement.name)
        assert lowest[name] == test[name], name
