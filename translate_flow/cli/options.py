"""Options several commands share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = ["exclude", "jobs_option", "languages", "paths", "quiet", "shard"]

paths = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
quiet = click.option("-q", "--quiet", is_flag=True, help="Print only notices and errors.")
languages = click.option("--lang", "languages", multiple=True, help="Only this target language (repeatable).")
exclude = click.option(
    "--exclude",
    "exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders matching GLOB, relative to the project root (repeatable).",
)

shard = click.option(
    "--shard",
    metavar="K/N",
    default=None,
    help="Work on part K of N of the catalogs (a CI matrix job); the parts are disjoint and balanced.",
)

_F = TypeVar("_F", bound=Callable[..., Any])


def jobs_option(function: _F) -> _F:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: one per CPU, as far as the work pays for them). Results do not depend on it.",
    )(function)
