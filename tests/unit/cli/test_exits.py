"""cli/exits.py: a library error becomes one line and its exit status, in one place."""

from __future__ import annotations

import click
from click.testing import CliRunner

from translate_flow.cli.exits import Commands, end
from translate_flow.errors import ArticleError, ConfigError


@click.group(cls=Commands)
def _tool() -> None:
    pass


@_tool.command()
@click.argument("what")
def fail(what: str) -> None:
    if what == "config":
        raise ConfigError("'wrap' must be an integer", "translate-flow.toml", 4)
    if what == "article":
        raise ArticleError("not valid UTF-8", "content/a.md", 2)
    end(3 if what == "three" else 0)


def test_errors_map_to_one_line_and_their_status() -> None:
    runner = CliRunner()
    config = runner.invoke(_tool, ["fail", "config"])
    assert config.exit_code == 2
    assert config.output.strip() == "Error: translate-flow.toml:4: 'wrap' must be an integer"
    article = runner.invoke(_tool, ["fail", "article"])
    assert article.exit_code == 1 and "Traceback" not in article.output
    assert runner.invoke(_tool, ["fail", "three"]).exit_code == 3
    assert runner.invoke(_tool, ["fail", "fine"]).exit_code == 0
