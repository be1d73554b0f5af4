"""Options and output shared by the commands that print events."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from eventcoder import export
from eventcoder.schema import Event

FORMATS = ("jsonl", "json", "table", "csv", "geojson")

format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
    help="Output format: JSON Lines (one event per line), JSON, a table, ACLED-style CSV "
         "or GeoJSON.")


def writer_for(fmt: str) -> Callable[..., Any]:
    """The writer of ``fmt``; exit 2 for a format this build does not have yet."""
    writer = export.WRITERS.get(fmt)
    if writer is None:
        click.echo(f"error: format not available yet: {fmt}", err=True)
        raise SystemExit(2)
    return writer


def write_events(events: Sequence[Event], fmt: str) -> None:
    writer_for(fmt)(events, sys.stdout)
