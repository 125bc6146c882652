"""The commands that write PO files and pages: init, extract, merge, import."""

from __future__ import annotations

from pathlib import Path

import click

from translate_flow import api
from translate_flow.cli import options
from translate_flow.cli.context import config_of
from translate_flow.cli.exits import end
from translate_flow.cli.output import print_import, print_report, print_would_change


@click.command()
@click.option(
    "--source-language",
    default=None,
    help="Language of articles that state none (default: Hugo's default language, else en).",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    help="A target language (repeatable), added to the Hugo site's other languages.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing translate-flow.toml.")
@click.pass_context
def init(ctx: click.Context, source_language: str | None, languages: tuple[str, ...], force: bool) -> None:
    """Write a commented translate-flow.toml (matching the Hugo site, when there is one)."""
    report = api.init(ctx.obj["root"], source_language, languages, force=force)
    click.echo(f"wrote {report.path}")
    if report.hugo_config is not None:
        targets = ", ".join(report.languages) or "none"
        click.echo(
            f"Hugo site found ({report.hugo_config}): source {report.source_language}, "
            f"targets {targets}, layout {report.layout}"
        )
    if report.site_config is not None:
        targets = ", ".join(report.languages) or "none"
        click.echo(
            f"{report.dialect} site found ({report.site_config}): dialect {report.dialect}, "
            f"source {report.source_language}, targets {targets}, layout {report.layout}"
        )
    if report.kept:
        kept = ", ".join(report.kept)
        click.echo(f"kept the site's languages {kept}: their pages stay translations, not sources")


@click.command()
@options.paths
@options.quiet
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any PO or POT file would change.")
@click.option("--force", is_flag=True, help="Re-extract articles even when nothing seems to have changed.")
@click.option(
    "--no-obsolete", is_flag=True, help="Drop translations of removed texts instead of keeping them as obsolete."
)
@options.jobs_option
@options.exclude
@options.shard
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    check: bool,
    force: bool,
    no_obsolete: bool,
    jobs: int | None,
    exclude: tuple[str, ...],
    shard: str | None,
) -> None:
    """Write PO files (and POT templates) for the articles, keeping every existing translation."""
    report = api.extract(
        config_of(ctx),
        paths,
        check=check,
        force=force,
        keep_obsolete=not no_obsolete,
        jobs=jobs,
        exclude=exclude,
        shard=shard,
    )
    if check:
        print_would_change(report, quiet)
        end(report.exit_code or (1 if report.written else 0))
    else:
        print_report(report, quiet)
        end(report.exit_code)


@click.command()
@options.paths
@options.quiet
@click.option("--include-fuzzy", is_flag=True, help="Use fuzzy translations too (and count them as done).")
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace translated pages translate-flow did not write (or that were edited since).",
)
@options.jobs_option
@options.exclude
@options.shard
@click.pass_context
def merge(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    include_fuzzy: bool,
    overwrite: bool,
    jobs: int | None,
    exclude: tuple[str, ...],
    shard: str | None,
) -> None:
    """Write translated articles from the PO files."""
    report = api.merge(
        config_of(ctx),
        paths,
        include_fuzzy=include_fuzzy,
        jobs=jobs,
        exclude=exclude,
        overwrite=overwrite,
        shard=shard,
    )
    print_report(report, quiet)
    end(report.exit_code)


@click.command("import")
@options.paths
@options.quiet
@options.languages
@click.option("--fuzzy", is_flag=True, help="Mark imported translations fuzzy, for review.")
@click.option(
    "--replace", is_flag=True, help="Let a page's translation replace another reviewed one already in the PO file."
)
@options.exclude
@click.pass_context
def import_(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    languages: tuple[str, ...],
    fuzzy: bool,
    replace: bool,
    exclude: tuple[str, ...],
) -> None:
    """Bring existing translated pages into the PO files (never changes a page)."""
    report = api.import_translations(
        config_of(ctx), paths, fuzzy=fuzzy, replace=replace, languages=languages, exclude=exclude
    )
    print_import(report, quiet)
    end(report.exit_code)
