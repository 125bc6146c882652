"""Command line: parses arguments, calls translate_flow.api, prints reports, chooses exit codes. Nothing else.

The group itself imports no command: each is named here by ``module:function`` and
imported when it runs, so ``--version`` and a no-op run pay only for what they use.
"""

from __future__ import annotations

from pathlib import Path

import click

from translate_flow import __version__
from translate_flow.cli.lazy_group import LazyCommands

COMMANDS = {
    "init": "translate_flow.cli.catalog_commands:init",
    "extract": "translate_flow.cli.catalog_commands:extract",
    "merge": "translate_flow.cli.catalog_commands:merge",
    "import": "translate_flow.cli.catalog_commands:import_",
    "pretranslate": "translate_flow.cli.mt_commands:pretranslate",
    "sync": "translate_flow.cli.mt_commands:sync",
    "check": "translate_flow.cli.report_commands:check",
    "status": "translate_flow.cli.report_commands:status",
    "tm": "translate_flow.cli.memory_commands:tm",
    "cache": "translate_flow.cli.cache_commands:cache",
}


@click.group(cls=LazyCommands, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
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
