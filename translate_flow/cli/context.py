"""What the commands read from the group's context: the project root, and its configuration."""

from __future__ import annotations

import click

from translate_flow import api
from translate_flow.cli.output import print_settings
from translate_flow.config import Config

__all__ = ["config_of"]


def config_of(ctx: click.Context) -> Config:
    """The configuration of the project the group was pointed at (``-C``); with ``-v``, said on stderr."""
    config = api.load_config(ctx.obj["root"])
    if ctx.obj.get("verbose"):
        print_settings(config)
    return config
