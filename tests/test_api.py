"""The library face: the README's example runs, and each function returns its report."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

from tests.conftest import REPO, write_tree
from translate_flow import api


def _readme_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- library-example -->\n```python\n(.+?)\n```", readme, re.DOTALL)
    assert match, "README has no library example"
    return match.group(1)


def test_the_readme_example_runs(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "# Hello\n\nWorld.\n"})
    printed = io.StringIO()
    cwd = os.getcwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(_readme_example(), "README.md", "exec"), {})  # noqa: S102 -- our own README
    finally:
        os.chdir(cwd)
    lines = printed.getvalue().splitlines()
    assert lines[0] == "2 catalogs written"
    assert "content/a.fr.md: not written: 0% translated" in lines[1]
    assert lines[-2:] == ["gate passes", "fr 0/2"]
    assert (project / "locales/fr/a.po").is_file()


def test_the_api_never_prints_and_returns_reports(project: Path, capsys: object) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello.\n"})
    config = api.load_config(project)
    result = api.sync(config, engines=["memory"])
    assert isinstance(result, api.SyncReport) and not result.errors
    assert result.extract.written == ["locales/fr/a.po", "locales/templates/a.pot"]
    assert isinstance(api.check(config), api.CheckReport)
    assert api.extract(config, check=True).written == []
    assert capsys.readouterr() == ("", "")  # type: ignore[attr-defined]


def test_everything_public_is_listed() -> None:
    assert all(hasattr(api, name) for name in api.__all__)
    assert (REPO / "translate_flow/py.typed").is_file()


def test_init_then_the_steps_end_as_the_command_would(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/a.md": "Hello.\n"})
    made = api.init(tmp_path, "en", ["fr"])
    assert isinstance(made, api.InitReport) and made.path == tmp_path / "translate-flow.toml"
    config = api.load_config(tmp_path)
    assert config.languages == ("fr",)
    extracted = api.extract(config)
    assert extracted.ok and extracted.exit_code == 0
    # Nothing translated: the gate fails, as `translate-flow check` would with status 1.
    checked = api.check(config)
    assert not checked.ok and checked.exit_code == 1
    write_tree(tmp_path, {"locales/fr/a.po": 'msgid "x\n'})  # an unterminated string: a per-file error
    assert api.merge(config).exit_code == 1
