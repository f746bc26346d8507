"""The command line: argument parsing and console output; the work is done by the core.

`main` is the `reflect` command (pyproject's entry point `reflect.cli:main`)."""

from reflect.cli.commands import main

__all__ = ["main"]
