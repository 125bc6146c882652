"""Command line: parses arguments, calls translate_flow.api, prints reports, chooses exit codes. Nothing else."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from translate_flow import __version__, api
from translate_flow.cli.output import (
    print_pretranslate,
    print_report,
    print_settings,
    print_status_errors,
    print_would_change,
)
from translate_flow.config import CONFIG_NAME, Config, find_config_file
from translate_flow.config.template import render_init
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.fsutil import atomic_write_bytes
from translate_flow.languages import parse_language
from translate_flow.render import reports as render


class _Failure(click.ClickException):
    """A library error that ends the run with status 1; click prints its one-line message."""

    exit_code = 1


class _UsageFailure(_Failure):
    """A usage or configuration error: status 2, as click gives its own usage errors."""

    exit_code = 2


def _fail(error: TranslateFlowError) -> click.ClickException:
    # click declares exit_code at class level, so the status is chosen by class, not set on the instance.
    kind = _UsageFailure if error.exit_code == 2 else _Failure
    return kind(str(error))


def _write(path: Path, data: bytes) -> None:
    """Write a file the user named (a report, a configuration): one line if that fails."""
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise TranslateFlowError(f"cannot write: {exc.strerror or exc}", path) from exc


def _config(ctx: click.Context) -> Config:
    config = api.load_config(ctx.obj["root"])
    if ctx.obj.get("verbose"):
        print_settings(config)
    return config


class _Commands(click.Group):
    """Turns every library error into its one-line message and exit status: the only place that does."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TranslateFlowError as exc:
            raise _fail(exc) from exc


def _end(code: int) -> None:
    if code:
        raise click.exceptions.Exit(code)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
    "--language", "languages", multiple=True, help="A target language (repeatable; default: Hugo's other languages)."
)
@click.option("--force", is_flag=True, help="Overwrite an existing translate-flow.toml.")
@click.pass_context
def init(ctx: click.Context, source_language: str | None, languages: tuple[str, ...], force: bool) -> None:
    """Write a commented translate-flow.toml (matching the Hugo site, when there is one)."""
    from translate_flow.config.hugo import read_site

    root: Path = ctx.obj["root"]
    target = root / CONFIG_NAME
    if target.exists() and not force:
        raise _fail(ConfigError("already exists; use --force to replace it", target))
    if not force and find_config_file(root) is not None:
        raise _fail(ConfigError("pyproject.toml already configures translate-flow", root / "pyproject.toml"))
    try:
        site = read_site(root)
        source = parse_language(source_language).code if source_language else (site.default_code if site else "en")
        if languages:
            codes = tuple(parse_language(code).code for code in languages)
        else:
            codes = tuple(lang.code for lang in site.languages if lang.code != source) if site else ()
    except ValueError as exc:
        raise _fail(ConfigError(str(exc))) from exc
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    layout = "directory" if site is not None and site.uses_directories else "filename"
    hugo = site.config_file.relative_to(root).as_posix() if site is not None else None
    _write(target, render_init(source, codes, layout, hugo).encode("utf-8"))
    click.echo(f"wrote {target}")
    if site is not None:
        click.echo(f"Hugo site found ({hugo}): source {source}, targets {', '.join(codes) or 'none'}, layout {layout}")


_paths = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
_quiet = click.option("-q", "--quiet", is_flag=True, help="Print only notices and errors.")
_languages = click.option("--lang", "languages", multiple=True, help="Only this target language (repeatable).")

_F = TypeVar("_F", bound=Callable[..., Any])


def _jobs_option(function: _F) -> _F:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: the number of CPUs). Results do not depend on it.",
    )(function)


@main.command()
@_paths
@_quiet
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any PO or POT file would change.")
@click.option("--force", is_flag=True, help="Re-extract articles even when nothing seems to have changed.")
@click.option(
    "--no-obsolete", is_flag=True, help="Drop translations of removed texts instead of keeping them as obsolete."
)
@_jobs_option
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    check: bool,
    force: bool,
    no_obsolete: bool,
    jobs: int | None,
) -> None:
    """Write PO files (and POT templates) for the articles, keeping every existing translation."""
    report = api.extract(_config(ctx), paths, check=check, force=force, keep_obsolete=not no_obsolete, jobs=jobs)
    if check:
        print_would_change(report, quiet)
        _end(report.exit_code or (1 if report.written else 0))
    else:
        print_report(report, quiet)
        _end(report.exit_code)


@main.command()
@_paths
@_quiet
@click.option("--include-fuzzy", is_flag=True, help="Use fuzzy translations too (and count them as done).")
@_jobs_option
@click.pass_context
def merge(ctx: click.Context, paths: tuple[Path, ...], quiet: bool, include_fuzzy: bool, jobs: int | None) -> None:
    """Write translated articles from the PO files."""
    report = api.merge(_config(ctx), paths, include_fuzzy=include_fuzzy, jobs=jobs)
    print_report(report, quiet)
    _end(report.exit_code)


class _Progress:
    """A progress bar on a terminal, nothing elsewhere."""

    def __init__(self, quiet: bool) -> None:
        self.show = not quiet and sys.stderr.isatty()
        self.bar: Any = None

    def total(self, count: int) -> None:
        if self.show and count:
            self.bar = click.progressbar(length=count, label="translating", file=sys.stderr)
            self.bar.__enter__()

    def step(self, count: int) -> None:
        if self.bar is not None:
            self.bar.update(count)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _engine_names(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for value in values for name in value.split(",") if name)


@main.command()
@_paths
@_quiet
@_languages
@click.option(
    "--engine", "engines", multiple=True, help="Engine to use instead of the configured chain (repeatable, in order)."
)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Requests in flight at once.")
@click.pass_context
def pretranslate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    languages: tuple[str, ...],
    engines: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Fill empty PO entries with machine-translation drafts, marked fuzzy for review."""
    config = _config(ctx)
    if jobs is not None:
        config = replace(config, pretranslate=replace(config.pretranslate, jobs=jobs))
    bar = _Progress(quiet)
    try:
        report = api.pretranslate(
            config, paths, languages=languages, engines=_engine_names(engines), progress=bar.step, on_total=bar.total
        )
    finally:
        bar.close()
    print_pretranslate(report, quiet)
    _end(130 if report.interrupted else report.exit_code)


@main.command()
@_paths
@_quiet
@_languages
@click.option("--engine", "engines", multiple=True, help="Engine to use instead of the configured chain.")
@click.option("--include-fuzzy", is_flag=True, help="Publish fuzzy translations (machine drafts included).")
@click.pass_context
def sync(
    ctx: click.Context,
    paths: tuple[Path, ...],
    quiet: bool,
    languages: tuple[str, ...],
    engines: tuple[str, ...],
    include_fuzzy: bool,
) -> None:
    """Run the whole flow: extract, pretranslate, merge, then show the status."""
    bar = _Progress(quiet)
    try:
        report = api.sync(
            _config(ctx),
            paths,
            languages=languages,
            engines=_engine_names(engines),
            include_fuzzy=include_fuzzy,
            progress=bar.step,
            on_total=bar.total,
        )
    finally:
        bar.close()
    print_report(report.extract, quiet)
    print_pretranslate(report.pretranslate, quiet)
    if not report.pretranslate.interrupted:
        print_report(report.merge, quiet)
        if not quiet:
            click.echo(render.status_text(report.status.languages, False, bars=sys.stdout.isatty()))
    _end(report.exit_code)


@main.command()
@_paths
@_languages
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
@_jobs_option
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
) -> None:
    """The CI gate: missing, stale, untranslated, fuzzy and broken translations. Exit 1 if it fails."""
    names = tuple(n.strip() for n in (fail_on or "").split(",") if n.strip())
    report = api.check(_config(ctx), paths, languages=languages, fail_on=names, min_percent=min_percent, jobs=jobs)
    renderers = {
        "text": render.check_text,
        "json": render.check_json,
        "github": render.check_github,
        "junit": render.check_junit,
    }
    text = renderers[output_format](report)
    click.echo(text)
    if output is not None:
        _write(output, (text + "\n").encode("utf-8"))
    _end(report.exit_code)


@main.command()
@_paths
@_languages
@click.option("--by-article", is_flag=True, help="One row per article and language.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a one-page HTML report.",
)
@_jobs_option
@click.pass_context
def status(
    ctx: click.Context,
    paths: tuple[Path, ...],
    languages: tuple[str, ...],
    by_article: bool,
    output_format: str,
    html_file: Path | None,
    jobs: int | None,
) -> None:
    """Where the translation work stands, per language (or per article)."""
    config = _config(ctx)
    report = api.status(config, paths, languages=languages, jobs=jobs)
    if output_format == "json":
        click.echo(render.status_json(report.languages, report.articles))
    else:
        rows = report.articles if by_article else report.languages
        click.echo(render.status_text(rows, by_article, bars=sys.stdout.isatty()))
    if html_file is not None:
        page = render.status_html(report.languages, report.articles, config.project_name)
        _write(html_file, page.encode("utf-8"))
        click.echo(f"wrote {html_file}", err=True)
    print_status_errors(report)
    _end(report.exit_code)
