"""The commands that only report: check (the CI gate) and status."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translate_flow import api, render
from translate_flow.cli import options
from translate_flow.cli.context import config_of
from translate_flow.cli.exits import end, write_user_file
from translate_flow.cli.output import print_status_errors


@click.command()
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
@options.shard
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
    shard: str | None,
) -> None:
    """The CI gate: missing, stale, untranslated, fuzzy and broken translations. Exit 1 if it fails."""
    names = tuple(n.strip() for n in (fail_on or "").split(",") if n.strip())
    report = api.check(
        config_of(ctx),
        paths,
        languages=languages,
        fail_on=names,
        min_percent=min_percent,
        jobs=jobs,
        exclude=exclude,
        shard=shard,
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


@click.command()
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
    config = config_of(ctx)
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
