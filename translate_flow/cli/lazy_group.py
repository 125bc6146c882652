"""A command group whose commands are imported only when run (or listed by ``--help``).

Each command is named by ``module:function``: ``translate-flow --version`` imports no
command at all, and ``translate-flow extract`` only the module that defines extract
(which in turn imports only the steps it calls).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from translate_flow.cli.exits import Commands
from translate_flow.lazy import resolve

__all__ = ["LazyCommands"]


class LazyCommands(Commands):
    """:class:`Commands` whose subcommands are ``module:function`` references, resolved on use."""

    def __init__(self, *args: Any, lazy_commands: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy_commands.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        command = resolve(target)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command
