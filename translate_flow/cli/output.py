"""How the command line prints each report. Printing lives here and nowhere else."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import click

from translate_flow.lazy import lazy_module

# The renderers are imported only by the commands that render (sync's status table).
if TYPE_CHECKING:
    from translate_flow import render
    from translate_flow.config import Config
    from translate_flow.mt.cache_merge import CacheMergeReport
    from translate_flow.mt.run import PretranslateReport
    from translate_flow.reports import Report
    from translate_flow.steps.import_pages import ImportReport, PageImport, ResourceImport
    from translate_flow.steps.status import StatusReport
    from translate_flow.steps.sync import SyncReport
else:
    render = lazy_module("translate_flow.render")

__all__ = [
    "Progress",
    "print_cache_merge",
    "print_import",
    "print_pretranslate",
    "print_report",
    "print_settings",
    "print_status_errors",
    "print_sync",
    "print_would_change",
]


def print_report(report: Report, quiet: bool, verb: str = "wrote") -> None:
    """Files written (unless quiet), then notices, errors and the one-line summary on stderr."""
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


def print_would_change(report: Report, quiet: bool) -> None:
    """``extract --check``: the files that would change, then notices and errors."""
    for path in report.written:
        click.echo(f"would change {path}")
    print_report(report, quiet=True)
    if report.written and not report.errors and not quiet:
        click.echo(f"{len(report.written)} files out of date; run `translate-flow extract`", err=True)


def print_pretranslate(report: PretranslateReport, quiet: bool) -> None:
    """Files that received drafts, discarded drafts, errors, and what was sent where."""
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
        for name in sorted(report.tokens):
            chars = report.chars_by_language.get(name, Counter[str]())
            per_language = ", ".join(
                f"{lang} {tokens.prompt} in + {tokens.completion} out for {chars.get(lang, 0)} chars"
                for lang, tokens in sorted(report.tokens[name].items())
            )
            retried = f"; {report.retried_alone[name]} texts retried alone" if report.retried_alone[name] else ""
            click.echo(f"{name} tokens: {per_language or 'none'}{retried}", err=True)
        click.echo(
            f"sent: {sent}; cache hits {report.cache_hits}; memory hits {report.memory_hits}; "
            f"discarded {len(report.discarded)}"
            + (f" (and {report.discarded_before} discarded on earlier runs)" if report.discarded_before else "")
            + f"; errors {len(report.errors)}",
            err=True,
        )
    if report.interrupted:
        click.echo("interrupted: drafts received so far are saved and cached; run again to continue", err=True)


def _page_line(row: PageImport) -> str:
    counts = row.counts
    parts = [f"{counts.imported + counts.already} of {counts.entries} texts imported"]
    if counts.already:
        parts.append(f"{counts.already} already there")
    if counts.unpaired:
        parts.append(f"{counts.unpaired} not paired")
    if counts.conflicts:
        parts.append(f"{counts.conflicts} kept another reviewed translation (--replace takes the page's)")
    if counts.broken:
        parts.append(f"{counts.broken} fuzzy: they would change the page's structure")
    if counts.doubtful:
        parts.append(f"{counts.doubtful} fuzzy: a neighbouring text could have been their partner")
    if counts.inconsistent:
        parts.append(f"{counts.inconsistent} translated two ways on the page (the first taken)")
    if not row.aligned:
        parts.append("the body did not align: only front matter imported")
    if row.reproduced:
        parts.append("merge reproduces the page byte for byte")
    else:
        parts.append("merge will leave the page alone until it reproduces it (or `merge --overwrite`)")
    return f"{row.page} ({row.language}) -> {row.catalog}: " + "; ".join(parts)


def _resource_line(row: ResourceImport) -> str:
    counts = row.counts
    parts = [f"{counts.imported + counts.already} of {counts.entries} texts imported"]
    if counts.already:
        parts.append(f"{counts.already} already there")
    if counts.missing:
        parts.append(f"{counts.missing} not in the file")
    if counts.conflicts:
        parts.append(f"{counts.conflicts} kept another reviewed translation (--replace takes the file's)")
    if counts.broken:
        parts.append(f"{counts.broken} fuzzy: merge would hold them back")
    if counts.incomplete:
        parts.append(f"{counts.incomplete} fuzzy: a plural form the table lacks was given its 'other' form")
    if counts.inconsistent:
        parts.append(f"{counts.inconsistent} translated two ways in the file (the first taken)")
    if row.kind == "site":
        parts.append("merge never edits your configuration; what it sets wins")
    elif row.reproduced:
        parts.append("merge reproduces the file byte for byte")
    elif row.file == row.output:
        parts.append("merge will leave the file alone until it reproduces it (or you move it away)")
    else:
        parts.append(f"merge writes {row.output}, which Hugo prefers")
    return f"{row.file} ({row.language}) -> {row.catalog}: " + "; ".join(parts)


def print_import(report: ImportReport, quiet: bool) -> None:
    """Extract's report, then a line per translated page and resource file, then the summary."""
    print_report(report.extract, quiet=True)
    if not quiet:
        for row in report.pages:
            click.echo(_page_line(row))
        for item in report.resources:
            click.echo(_resource_line(item))
    for notice in report.notices:
        click.echo(str(notice), err=True)
    for error in report.errors:
        if error not in report.extract.errors:
            click.echo(f"error: {error}", err=True)
    if not quiet:
        imported = sum(row.counts.imported for row in report.pages)
        written = sum(row.written for row in report.pages)
        reproduced = sum(row.reproduced for row in report.pages)
        unaligned = sum(not row.aligned for row in report.pages)
        click.echo(
            f"{len(report.pages)} pages read, {imported} entries imported into {written} PO files, "
            f"{reproduced} pages reproduced by merge, {unaligned} did not align, {len(report.errors)} errors",
            err=True,
        )
        if report.resources:
            imported = sum(item.counts.imported for item in report.resources)
            written = len({item.catalog for item in report.resources if item.written})
            reproduced = sum(item.reproduced for item in report.resources)
            click.echo(
                f"{len(report.resources)} resource files read, {imported} entries imported into {written} PO files, "
                f"{reproduced} files reproduced by merge",
                err=True,
            )


def print_sync(report: SyncReport, quiet: bool) -> None:
    """Each step's report; a notice every step found (a skipped file, say) is printed once."""
    seen = {str(notice) for notice in report.extract.notices}
    print_report(report.extract, quiet)
    drafted = replace(report.pretranslate, notices=[n for n in report.pretranslate.notices if n not in seen])
    print_pretranslate(drafted, quiet)
    if not report.pretranslate.interrupted:
        print_report(replace(report.merge, notices=[n for n in report.merge.notices if str(n) not in seen]), quiet)
        if not quiet:
            click.echo(render.status_text(report.status.languages, False, bars=sys.stdout.isatty()))


def print_cache_merge(report: CacheMergeReport) -> None:
    """``cache merge``: what the output now holds."""
    state = "wrote" if report.written else "unchanged:"
    conflicts = f"; {report.conflicts} texts drafted differently kept the first draft" if report.conflicts else ""
    click.echo(
        f"{state} {report.output}: {report.drafts} drafts and {report.discards} discards "
        f"from {report.inputs} caches{conflicts}"
    )


def print_status_errors(report: StatusReport) -> None:
    """Notices, then errors, on stderr (the report itself may be JSON on stdout)."""
    for notice in report.notices:
        click.echo(str(notice), err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)


def print_settings(config: Config) -> None:
    """``-v``: where the settings came from and which engines run, on stderr."""
    source = config.source.relative_to(config.root).as_posix() if config.source else "defaults"
    click.echo(f"config: {source}; root {config.root}", err=True)
    click.echo(
        f"layout {config.layout}; dialect {config.dialect}; source language {config.source_language}; "
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


class Progress:
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
