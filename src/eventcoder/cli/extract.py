"""``eventcoder extract``: articles in, events out, no database."""

from __future__ import annotations

import click

from eventcoder import merge
from eventcoder.batch import ExtractionFailed, run_batch
from eventcoder.cli import main
from eventcoder.cli.jobs import jobs_option, shard_option
from eventcoder.cli.output import format_option, write_events, writer_for
from eventcoder.schema import ArticleResult, Mention
from eventcoder.shard import Shard


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--mentions", is_flag=True,
              help="One event per mention, without merging across articles.")
@format_option
@jobs_option
@shard_option
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], mentions: bool, fmt: str,
            jobs: int, shard: Shard | None) -> None:
    """Extract events from article files, directories or - (stdin).

    Inputs: seed text files (' date YYYY-MM text…'), .jsonl, .html. Events go to stdout,
    errors and the summary line to stderr; the exit code is 1 when an input failed.

    With --shard K/N the events are merged within this share only (use `ingest` into one
    database to merge across shares).

    Example: eventcoder extract examples/ --format table --jobs 0
    """
    writer_for(fmt)  # refuse an unknown format before doing the work
    found: list[Mention] = []

    def collect(results: list[ArticleResult]) -> None:
        found.extend(m for r in results for m in r.mentions)

    try:
        summary = run_batch(paths, collect, jobs=jobs, shard=shard)
    except ExtractionFailed as exc:
        raise click.ClickException(str(exc)) from exc
    events = [m.to_event() for m in found] if mentions else merge.merge(found)
    write_events(events, fmt)
    ctx.exit(1 if summary.failed else 0)
