"""The ``--jobs`` option shared by the commands that extract."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs", "-j", "jobs", type=click.IntRange(0), default=1, show_default=True,
        help="Extraction processes (0: one per CPU). Output is the same for any value.",
    )(func)
