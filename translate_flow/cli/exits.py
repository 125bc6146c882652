"""How a run ends: library errors become one-line messages with their exit status, in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from translate_flow.errors import TranslateFlowError
from translate_flow.fsutil import write_output

__all__ = ["Commands", "end", "write_user_file"]


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


def write_user_file(path: Path, data: bytes) -> None:
    """Write a file the user named (a report, a configuration): one line if that fails."""
    try:
        write_output(path, data)
    except OSError as exc:
        raise TranslateFlowError(f"cannot write: {exc.strerror or exc}", path) from exc


class Commands(click.Group):
    """Turns every library error into its one-line message and exit status: the only place that does."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TranslateFlowError as exc:
            raise _fail(exc) from exc


def end(code: int) -> None:
    """End the command with ``code`` unless it is 0."""
    if code:
        raise click.exceptions.Exit(code)
