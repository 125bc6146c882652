"""Command line: parses arguments, calls translate_flow.api, prints reports, chooses exit codes. Nothing else."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from translate_flow import __version__, api, render
from translate_flow.cli import options
from translate_flow.cli.exits import Commands, end, write_user_file
from translate_flow.cli.memory_commands import tm
from translate_flow.cli.output import (
    Progress,
    print_import,
    print_pretranslate,
    print_report,
    print_settings,
    print_status_errors,
    print_sync,
    print_would_change,
)
from translate_flow.config import Config


def _config(ctx: click.Context) -> Config:
    config = api.load_config(ctx.obj["root"])
    if ctx.obj.get("verbose"):
        print_settings(config)
    return config


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help="Run as if started in DIR (the project root).",
)
@click.option("-v", "--verbose", is_flag=True, help="Say which settings and engines are in use.")
@click.version_option(__version__, prog_name="translate-flow")
@click.pass_context
def main(ctx: click.Context, root: Path, verbose: bool) -> None:
    """Carry Markdown articles through gettext PO translation, byte-exact."""
    ctx.obj = {"root": root, "verbose": verbose}


@main.command()
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


@main.command()
@options.paths
@options.quiet
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any PO or POT file would change.")
@click.option("--force", is_flag=True, help="Re-extract articles even when nothing seems to have changed.")
@click.option(
    "--no-obsolete", is_flag=True, help="Drop translations of removed texts instead of keeping them as obsolete."
)
@options.jobs_option
@options.exclude
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
) -> None:
    """Write PO files (and POT templates) for the articles, keeping every existing translation."""
    report = api.extract(
        _config(ctx), paths, check=check, force=force, keep_obsolete=not no_obsolete, jobs=jobs, exclude=exclude
    )
    if check:
        print_would_change(report, quiet)
        end(report.exit_code or (1 if report.written else 0))
    else:
        print_report(report, quiet)
        end(report.exit_code)


@main.command()
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
@click.pass_context
def merge(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    include_fuzzy: bool,
    overwrite: bool,
    jobs: int | None,
    exclude: tuple[str, ...],
) -> None:
    """Write translated articles from the PO files."""
    report = api.merge(
        _config(ctx), paths, include_fuzzy=include_fuzzy, jobs=jobs, exclude=exclude, overwrite=overwrite
    )
    print_report(report, quiet)
    end(report.exit_code)


@main.command("import")
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
        _config(ctx), paths, fuzzy=fuzzy, replace=replace, languages=languages, exclude=exclude
    )
    print_import(report, quiet)
    end(report.exit_code)


def _engine_names(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for value in values for name in value.split(",") if name)


@main.command()
@options.paths
@options.quiet
@options.languages
@click.option(
    "--engine", "engines", multiple=True, help="Engine to use instead of the configured chain (repeatable, in order)."
)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Requests in flight at once.")
@options.exclude
@click.pass_context
def pretranslate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    languages: tuple[str, ...],
    engines: tuple[str, ...],
    jobs: int | None,
    exclude: tuple[str, ...],
) -> None:
    """Fill empty PO entries with machine-translation drafts, marked fuzzy for review."""
    config = _config(ctx)
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
        )
    finally:
        bar.close()
    print_pretranslate(report, quiet)
    end(130 if report.interrupted else report.exit_code)


@main.command()
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
            _config(ctx),
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


@main.command()
@options.paths
@options.languages
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github", "junit"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@click.option(
    "--min-percent",
    type=click.FloatRange(0, 100),
    default=None,
    help="Untranslated and fuzzy entries fail only below this share.",
)
@click.option(
    "--fail-on", default=None, help="Comma-separated categories or checks that fail, e.g. untranslated,fuzzy,obsolete."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to a file too.",
)
@options.jobs_option
@options.exclude
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    languages: tuple[str, ...],
    output_format: str,
    min_percent: float | None,
    fail_on: str | None,
    output: Path | None,
    jobs: int | None,
    exclude: tuple[str, ...],
) -> None:
    """The CI gate: missing, stale, untranslated, fuzzy and broken translations. Exit 1 if it fails."""
    names = tuple(n.strip() for n in (fail_on or "").split(",") if n.strip())
    report = api.check(
        _config(ctx), paths, languages=languages, fail_on=names, min_percent=min_percent, jobs=jobs, exclude=exclude
    )
    renderers = {
        "text": render.check_text,
        "json": render.check_json,
        "github": render.check_github,
        "junit": render.check_junit,
    }
    text = renderers[output_format](report)
    click.echo(text)
    if output is not None:
        write_user_file(output, (text + "\n").encode("utf-8"))
    end(report.exit_code)


@main.command()
@options.paths
@options.languages
@click.option("--by-article", is_flag=True, help="One row per article and language.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a one-page HTML report.",
)
@options.jobs_option
@options.exclude
@click.pass_context
def status(
    ctx: click.Context,
    paths: tuple[Path, ...],
    languages: tuple[str, ...],
    by_article: bool,
    output_format: str,
    html_file: Path | None,
    jobs: int | None,
    exclude: tuple[str, ...],
) -> None:
    """Where the translation work stands, per language (or per article)."""
    config = _config(ctx)
    report = api.status(config, paths, languages=languages, jobs=jobs, exclude=exclude)
    if output_format == "json":
        click.echo(render.status_json(report.languages, report.articles, report.glossary, report.coverage))
    else:
        rows = report.articles if by_article else report.languages
        click.echo(render.status_text(rows, by_article, bars=sys.stdout.isatty()))
        if report.glossary is not None:
            click.echo(render.glossary_text(report.glossary, report.coverage))
    if html_file is not None:
        page = render.status_html(
            report.languages, report.articles, config.project_name, report.glossary, report.coverage
        )
        write_user_file(html_file, page.encode("utf-8"))
        click.echo(f"wrote {html_file}", err=True)
    print_status_errors(report)
    end(report.exit_code)


main.add_command(tm)
