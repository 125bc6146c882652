"""The ``cache`` commands: the engine cache, as CI shards leave it."""

from __future__ import annotations

from pathlib import Path

import click

from translate_flow import api
from translate_flow.cli.output import print_cache_merge


@click.group()
def cache() -> None:
    """The engine cache: join the caches that the shards of a CI matrix wrote."""


@cache.command("merge")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The cache to write (its own entries are kept).",
)
def merge_caches(inputs: tuple[Path, ...], output: Path) -> None:
    """Join engine caches (pretranslate --cache of each shard) into one file."""
    print_cache_merge(api.merge_caches(inputs, output))
