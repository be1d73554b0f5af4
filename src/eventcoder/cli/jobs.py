"""The options shared by the commands that extract: ``--jobs`` and ``--shard``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from eventcoder.shard import BadShard, Shard

F = TypeVar("F", bound=Callable[..., Any])


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs", "-j", "jobs", type=click.IntRange(0), default=1, show_default=True,
        help="Extraction processes (0: one per CPU). Output is the same for any value.",
    )(func)


class ShardType(click.ParamType):
    """``K/N`` into a ``Shard``; anything else is a usage error naming the option."""

    name = "K/N"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Shard:
        if isinstance(value, Shard):
            return value
        try:
            return Shard.parse(str(value))
        except BadShard as exc:
            self.fail(str(exc), param, ctx)


def shard_option(func: F) -> F:
    return click.option(
        "--shard", type=ShardType(), default=None, metavar="K/N",
        help="Take only share K of N of the articles (by a hash of their text): N nodes "
             "given the same inputs and shards 1/N..N/N cover each article exactly once.",
    )(func)
