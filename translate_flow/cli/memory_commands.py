"""``translate-flow tm export|import``: translation memories in and out as TMX (parse, call api, print)."""

from __future__ import annotations

from pathlib import Path

import click

from translate_flow import api
from translate_flow.cli import options
from translate_flow.cli.exits import end
from translate_flow.cli.output import print_settings
from translate_flow.config import Config
from translate_flow.reports import MemoryReport

__all__ = ["tm"]


def _config(ctx: click.Context) -> Config:
    obj = ctx.find_root().obj
    config = api.load_config(obj["root"])
    if obj.get("verbose"):
        print_settings(config)
    return config


def _print(report: MemoryReport, quiet: bool, verb: str) -> None:
    if not quiet:
        for path in report.written:
            click.echo(f"wrote {path}")
    for notice in report.notices:
        click.echo(str(notice), err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not quiet:
        counts = ", ".join(f"{lang} {count}" for lang, count in sorted(report.units.items())) or "nothing"
        left = f"; {report.left_out} left out" if report.left_out else ""
        click.echo(f"{verb}: {counts}{left}; {len(report.errors)} errors", err=True)


@click.group()
def tm() -> None:
    """Translation memories: export reviewed translations as TMX, import a TMX file."""


@tm.command("export")
@options.languages
@options.quiet
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The TMX file to write."
)
@click.pass_context
def export(ctx: click.Context, languages: tuple[str, ...], quiet: bool, output: Path) -> None:
    """Write every reviewed translation (not fuzzy, not empty, not obsolete) to a TMX 1.4b file."""
    report = api.tm_export(_config(ctx), output, languages=languages)
    _print(report, quiet, "exported")
    end(report.exit_code)


@tm.command("import")
@options.languages
@options.quiet
@click.argument("tmx", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_(ctx: click.Context, languages: tuple[str, ...], quiet: bool, tmx: Path) -> None:
    """Add a TMX file's translations to the memory the memory engine and extract use."""
    report = api.tm_import(_config(ctx), tmx, languages=languages)
    _print(report, quiet, "imported (new or changed)")
    end(report.exit_code)
