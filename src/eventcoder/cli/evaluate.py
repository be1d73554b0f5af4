"""`eventcoder evaluate`: extract and merge the given articles, then score them against gold."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

import click

from eventcoder.batch import extract_parallel
from eventcoder.cli import main
from eventcoder.cli.jobs import jobs_option, shard_option
from eventcoder.evaluation import EvaluationReport, GoldError, evaluate, format_table
from eventcoder.events import extract
from eventcoder.merge import merge
from eventcoder.schema import Article, IngestError, Mention
from eventcoder.shard import Shard

logger = logging.getLogger(__name__)


def _read(paths: Iterable[str]) -> list[Article]:
    """Articles from files and folders; unreadable inputs are reported and skipped."""
    from eventcoder.ingest import read_paths  # imported late: the CLI loads without it

    articles = []
    for item in read_paths(paths):
        if isinstance(item, IngestError):
            click.echo(f"skipped {item}", err=True)
        else:
            articles.append(item)
    return articles


def run_evaluation(gold_dir: Path, paths: Iterable[str], jobs: int = 1,
                   shard: Shard | None = None) -> EvaluationReport:
    """The library calls this command makes, in order: read, extract, merge, score
    (only this shard's articles and their gold, with ``shard``)."""
    articles = [a for a in _read(paths) if shard is None or shard.owns(a)]
    mentions: list[Mention] = []
    for result in extract_parallel(articles, jobs, extract):
        mentions.extend(result.mentions)
    events = merge(mentions)
    return evaluate(gold_dir, mentions, events, articles=[a.id for a in articles])


@main.command("evaluate")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", is_flag=True,
              help="Also list misses, false positives, wrong fields and merge errors.")
@jobs_option
@shard_option
def evaluate_command(gold_dir: Path, paths: tuple[str, ...], as_json: bool,
                     errors: bool, jobs: int, shard: Shard | None) -> None:
    """Score extraction and merging of the articles in PATH... against GOLD_DIR.

    GOLD_DIR holds one <article id>.gold.json per article; only the gold files of the
    articles given are scored.
    """
    try:
        report = run_evaluation(gold_dir, paths, jobs, shard)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report, errors=errors))
