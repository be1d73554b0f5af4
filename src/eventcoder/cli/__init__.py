"""The command line: parse input, call one library function, format the result."""

from __future__ import annotations

import logging

import click

from eventcoder import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventcoder")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Turn news about armed conflict into an ACLED-style event dataset."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _register() -> None:
    """Each command group lives in its own module; importing it adds its commands."""
    import importlib

    for name in ("extract", "store", "evaluate", "serve"):
        try:
            importlib.import_module(f"eventcoder.cli.{name}")
        except ModuleNotFoundError as exc:  # a module not written yet
            if exc.name != f"eventcoder.cli.{name}":
                raise


_register()
