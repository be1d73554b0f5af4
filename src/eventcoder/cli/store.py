"""Commands around the store: ``ingest``, ``events``, ``articles``, ``stats``, ``changes``."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import click

from eventcoder.batch import ExtractionFailed, ingest_paths
from eventcoder.cli import main
from eventcoder.cli.jobs import jobs_option, shard_option
from eventcoder.cli.output import (
    article_format_option,
    format_option,
    write_articles,
    write_events,
    writer_for,
)
from eventcoder.schema import EventQuery
from eventcoder.settings import Settings
from eventcoder.shard import Shard
from eventcoder.store import Repository

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db", "db", metavar="URL", default=None,
        help="Database URL (default: $EVENTCODER_DATABASE_URL or sqlite:///eventcoder.db).",
    )(func)


def open_repository(url: str | None) -> Repository:
    url = url or Settings().database_url
    try:
        return Repository(url)
    except Exception as exc:  # a bad URL or an unreachable server: one clear line
        raise click.ClickException(f"cannot open database {url}: {exc}") from exc


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@jobs_option
@shard_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, jobs: int,
           shard: Shard | None) -> None:
    """Extract events from articles and store them, merged with the stored events.

    Ingest is idempotent: an article whose text is already stored is skipped before
    extraction. Several processes or machines may ingest into one database at once
    (see --shard and "Running on a cluster" in docs/cli.md).

    Example: eventcoder ingest examples/ --db sqlite:///events.db --jobs 0
    """
    repo = open_repository(db)
    try:
        summary, total = ingest_paths(paths, repo, jobs=jobs, shard=shard)
    except ExtractionFailed as exc:  # what was stored before stays stored
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{len(total.stored)} articles stored, {len(total.duplicates)} already stored, "
               f"{total.events_created} events created, {total.events_updated} updated",
               err=True)
    ctx.exit(1 if summary.failed else 0)


@main.command()
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. IQ.")
@click.option("--admin1", help="ISO 3166-2 code, e.g. IQ-SD.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events ending on or after.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events starting on or before.")
@click.option("--actor", help="Actor id, or part of an actor name.")
@click.option("--type", "event_type", help="ACLED event type, e.g. 'Battles'.")
@click.option("--sub-type", "sub_event_type", help="ACLED sub-event type, e.g. 'Armed clash'.")
@click.option("--q", "text", metavar="WORDS",
              help="Words in the place, actor names, type, or the source articles' title or "
                   "text, e.g. a village only an article names.")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@format_option
@db_option
def events(db: str | None, fmt: str, since: datetime | None, until: datetime | None,
           **filters: Any) -> None:
    """List stored events, latest first, with filters.

    Example: eventcoder events --country IQ --since 2020-01-01 --format table
    """
    writer_for(fmt)
    query = EventQuery(since=since.date() if since else None,
                       until=until.date() if until else None, **filters)
    page, total = open_repository(db).events(query)
    write_events(page, fmt)
    click.echo(f"{len(page)} of {total} events", err=True)


@main.command()
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@article_format_option
@db_option
def articles(db: str | None, limit: int, offset: int, fmt: str) -> None:
    """List stored articles in ingest order: id, publication date, language, outlet, title
    (and the text, except in the table).

    Example: eventcoder articles --limit 20 --format jsonl > articles.jsonl
    """
    write_articles(open_repository(db).articles(limit=limit, offset=offset), fmt)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@db_option
def stats(db: str | None, as_json: bool) -> None:
    """Totals of the store, and events by type, month, country and province.

    Example: eventcoder stats --json
    """
    figures = open_repository(db).stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key, value in figures["totals"].items():
        click.echo(f"{key:<12}{value:>8}")
    for group in ("by_type", "by_country", "by_admin1", "by_month"):
        if figures[group]:
            click.echo(f"\n{group.replace('_', ' ')}:")
            for key, value in figures[group].items():
                click.echo(f"  {key:<34}{value:>6}")


@main.command()
@click.option("--since", metavar="ISO", help="Only changes at or after this time "
              "(ISO 8601, UTC unless an offset is given), e.g. 2026-01-31T12:00:00.")
@db_option
def changes(db: str | None, since: str | None) -> None:
    """The change log of stored events (created, updated, merged, removed), one JSON per line.

    Example: eventcoder changes --since 2026-01-31T00:00:00
    """
    moment = None
    if since:
        try:
            moment = datetime.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(f"not an ISO date or time: {since}",
                                     param_hint="--since") from None
    for change in open_repository(db).changes(moment):
        click.echo(json.dumps(change, ensure_ascii=False))
