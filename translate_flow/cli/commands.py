"""Command line: parses arguments, prints reports, chooses exit codes. Nothing else."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from translate_flow import __version__
from translate_flow.config.load import CONFIG_NAME, Config, find_config_file, load_config, render_init
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.fsutil import atomic_write_bytes
from translate_flow.languages import parse_language
from translate_flow.mt.run import PretranslateReport
from translate_flow.parallel import default_jobs
from translate_flow.reports import Report
from translate_flow.steps import merge as workflow
from translate_flow.steps.extract import ExtractOptions


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
        raise _fail(TranslateFlowError(f"cannot write: {exc.strerror or exc}", path)) from exc


def _config(ctx: click.Context) -> Config:
    try:
        config = load_config(ctx.obj["root"])
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    if ctx.obj.get("verbose"):
        source = config.source.relative_to(config.root).as_posix() if config.source else "defaults"
        click.echo(f"config: {source}; root {config.root}", err=True)
        click.echo(
            f"layout {config.layout}; source language {config.source_language}; "
            f"languages {', '.join(config.languages) or 'none'}; hugo {config.hugo_config or 'none'}",
            err=True,
        )
        for name in config.pretranslate.engines:
            # Only setting names and environment-variable names: never a value that may be secret.
            settings = ", ".join(
                f"{key}={value}" if key.endswith("_env") or key in ("model", "class") else key
                for key, value in sorted(config.engines.get(name, {}).items())
            )
            click.echo(f"engine {name}: {settings or 'defaults'}", err=True)
    return config


def _finish(report: Report, quiet: bool, verb: str) -> None:
    if not quiet:
        for path in report.written:
            click.echo(f"{verb} {path}")
    for notice in report.notices:
        click.echo(str(notice), err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not quiet:
        skipped = f" ({report.skipped} articles unchanged since last run)" if report.skipped else ""
        held = f", {report.held_back} translations held back" if report.held_back else ""
        click.echo(
            f"{len(report.written)} written, {report.unchanged} unchanged{skipped}, {len(report.errors)} errors{held}",
            err=True,
        )
    if report.errors:
        raise click.exceptions.Exit(max(e.exit_code for e in report.errors))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


def _jobs_option(function: Any) -> Any:
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
    config = _config(ctx)
    options = ExtractOptions(force=force, check=check, keep_obsolete=not no_obsolete, jobs=jobs or default_jobs())
    try:
        report = workflow.extract(config, paths, options)
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    if check:
        for path in report.written:
            click.echo(f"would change {path}")
        _finish(report, quiet=True, verb="")
        if report.written:
            if not quiet:
                click.echo(f"{len(report.written)} files out of date; run `translate-flow extract`", err=True)
            raise click.exceptions.Exit(1)
        return
    _finish(report, quiet, "wrote")


@main.command()
@_paths
@_quiet
@click.option("--include-fuzzy", is_flag=True, help="Use fuzzy translations too (and count them as done).")
@_jobs_option
@click.pass_context
def merge(ctx: click.Context, paths: tuple[Path, ...], quiet: bool, include_fuzzy: bool, jobs: int | None) -> None:
    """Write translated articles from the PO files."""
    config = _config(ctx)
    try:
        report = workflow.merge(config, paths, include_fuzzy=include_fuzzy, jobs=jobs or default_jobs())
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    _finish(report, quiet, "wrote")


def _print_pretranslate(report: PretranslateReport, quiet: bool) -> None:
    if not quiet:
        for path in report.written:
            click.echo(f"wrote {path}")
    for line in report.notices:
        click.echo(line, err=True)
    for line in report.discarded:
        click.echo(f"discarded draft: {line}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not quiet:
        filled = ", ".join(f"{lang} {count}" for lang, count in sorted(report.filled.items())) or "none"
        sent = (
            ", ".join(
                f"{name} {report.chars_sent[name]} chars in {report.requests[name]} requests"
                for name in sorted(report.requests)
            )
            or "nothing"
        )
        click.echo(f"filled: {filled}", err=True)
        click.echo(
            f"sent: {sent}; cache hits {report.cache_hits}; memory hits {report.memory_hits}; "
            f"discarded {len(report.discarded)}"
            + (f" (and {report.discarded_before} discarded on earlier runs)" if report.discarded_before else "")
            + f"; errors {len(report.errors)}",
            err=True,
        )


def _run_pretranslate(
    config: Config,
    paths: tuple[Path, ...],
    languages: tuple[str, ...],
    engines: tuple[str, ...],
    quiet: bool,
) -> PretranslateReport:
    try:
        codes = tuple(parse_language(code).code for code in languages)
    except ValueError as exc:
        raise _fail(ConfigError(str(exc))) from exc
    names = tuple(name for value in engines for name in value.split(",") if name)
    show_bar = not quiet and sys.stderr.isatty()
    state: dict[str, Any] = {}

    def on_total(total: int) -> None:
        if show_bar and total:
            state["bar"] = click.progressbar(length=total, label="translating", file=sys.stderr)
            state["bar"].__enter__()

    def progress(step: int) -> None:
        if "bar" in state:
            state["bar"].update(step)

    try:
        report = workflow.pretranslate(config, paths, codes, names, progress, on_total)
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    finally:
        bar = state.get("bar")
        if bar is not None:
            bar.__exit__(None, None, None)
    _print_pretranslate(report, quiet)
    if report.interrupted:
        click.echo("interrupted: drafts received so far are saved and cached; run again to continue", err=True)
        raise click.exceptions.Exit(130)
    return report


_languages = click.option("--lang", "languages", multiple=True, help="Only this target language (repeatable).")


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
    report = _run_pretranslate(config, paths, languages, engines, quiet)
    if report.errors:
        raise click.exceptions.Exit(max(e.exit_code for e in report.errors))


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
    config = _config(ctx)
    failed = 0
    try:
        report = workflow.extract(config, paths, ExtractOptions(jobs=default_jobs()))
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    try:
        _finish(report, quiet, "wrote")
    except click.exceptions.Exit as exc:
        failed = max(failed, exc.exit_code)
    drafts = _run_pretranslate(config, paths, languages, engines, quiet)
    if drafts.errors:
        failed = max(failed, *(e.exit_code for e in drafts.errors))
    try:
        merged = workflow.merge(config, paths, include_fuzzy=include_fuzzy, jobs=default_jobs())
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    try:
        _finish(merged, quiet, "wrote")
    except click.exceptions.Exit as exc:
        failed = max(failed, exc.exit_code)
    if not quiet:
        from translate_flow.render import reports as formats
        from translate_flow.steps.check import collect_status

        overview = collect_status(config, paths, ())
        click.echo(formats.status_text(overview.languages, False, bars=sys.stdout.isatty()))
    if failed:
        raise click.exceptions.Exit(failed)


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
    from translate_flow.qa.findings import CATEGORIES, ENTRY_CHECKS
    from translate_flow.render import reports as formats
    from translate_flow.steps.check import gate_of, run_checks

    config = _config(ctx)
    names = tuple(n.strip() for n in (fail_on or "").split(",") if n.strip())
    unknown = [n for n in names if n not in CATEGORIES and n not in ENTRY_CHECKS]
    if unknown:
        raise _fail(ConfigError(f"--fail-on: unknown category or check {unknown[0]!r}; known: {', '.join(CATEGORIES)}"))
    try:
        codes = tuple(parse_language(code).code for code in languages)
        report = run_checks(config, paths, codes, gate_of(config, names, min_percent), jobs or default_jobs())
    except ValueError as exc:
        raise _fail(ConfigError(str(exc))) from exc
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    render = {
        "text": formats.check_text,
        "json": formats.check_json,
        "github": formats.check_github,
        "junit": formats.check_junit,
    }
    text = render[output_format](report)
    click.echo(text)
    if output is not None:
        _write(output, (text + "\n").encode("utf-8"))
    if not report.ok:
        raise click.exceptions.Exit(1)


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
    from translate_flow.render import reports as formats
    from translate_flow.steps.check import collect_status

    config = _config(ctx)
    try:
        codes = tuple(parse_language(code).code for code in languages)
        report = collect_status(config, paths, codes, jobs or default_jobs())
    except ValueError as exc:
        raise _fail(ConfigError(str(exc))) from exc
    except TranslateFlowError as exc:
        raise _fail(exc) from exc
    if output_format == "json":
        click.echo(formats.status_json(report.languages, report.articles))
    else:
        rows = report.articles if by_article else report.languages
        click.echo(formats.status_text(rows, by_article, bars=sys.stdout.isatty()))
    if html_file is not None:
        page = formats.status_html(report.languages, report.articles, config.project_name)
        _write(html_file, page.encode("utf-8"))
        click.echo(f"wrote {html_file}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if report.errors:
        raise click.exceptions.Exit(1)
