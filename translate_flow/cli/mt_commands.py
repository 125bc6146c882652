"""The commands that call translation engines: pretranslate, and sync (the whole flow)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from translate_flow import api
from translate_flow.cli import options
from translate_flow.cli.context import config_of
from translate_flow.cli.exits import end
from translate_flow.cli.output import Progress, print_pretranslate, print_sync


def _engine_names(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for value in values for name in value.split(",") if name)


@click.command()
@options.paths
@options.quiet
@options.languages
@click.option(
    "--engine", "engines", multiple=True, help="Engine to use instead of the configured chain (repeatable, in order)."
)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Requests in flight at once.")
@options.exclude
@options.shard
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Keep engine results in this file (inside the project) instead of the configured cache.",
)
@click.pass_context
def pretranslate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    languages: tuple[str, ...],
    engines: tuple[str, ...],
    jobs: int | None,
    exclude: tuple[str, ...],
    shard: str | None,
    cache: Path | None,
) -> None:
    """Fill empty PO entries with machine-translation drafts, marked fuzzy for review."""
    config = config_of(ctx)
    if jobs is not None:
        config = replace(config, pretranslate=replace(config.pretranslate, jobs=jobs))
    bar = Progress(quiet)
    try:
        report = api.pretranslate(
            config,
            paths,
            languages=languages,
            engines=_engine_names(engines),
            progress=bar.step,
            on_total=bar.total,
            exclude=exclude,
            shard=shard,
            cache=cache,
        )
    finally:
        bar.close()
    print_pretranslate(report, quiet)
    end(130 if report.interrupted else report.exit_code)


@click.command()
@options.paths
@options.quiet
@options.languages
@click.option("--engine", "engines", multiple=True, help="Engine to use instead of the configured chain.")
@click.option("--include-fuzzy", is_flag=True, help="Publish fuzzy translations (machine drafts included).")
@options.exclude
@click.pass_context
def sync(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    languages: tuple[str, ...],
    engines: tuple[str, ...],
    include_fuzzy: bool,
    exclude: tuple[str, ...],
) -> None:
    """Run the whole flow: extract, pretranslate, merge, then show the status."""
    bar = Progress(quiet)
    try:
        report = api.sync(
            config_of(ctx),
            paths,
            languages=languages,
            engines=_engine_names(engines),
            include_fuzzy=include_fuzzy,
            progress=bar.step,
            on_total=bar.total,
            exclude=exclude,
        )
    finally:
        bar.close()
    print_sync(report, quiet)
    end(report.exit_code)
