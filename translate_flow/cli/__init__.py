"""The command line: parses arguments, calls translate_flow.api, prints reports, chooses exit codes."""

from translate_flow.cli.commands import main

__all__ = ["main"]
