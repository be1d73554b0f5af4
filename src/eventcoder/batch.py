"""Running many articles: read, extract (in this process or a pool), hand results on.

The CLI commands ``extract`` and ``ingest`` share this loop; they differ only in what they
do with each batch of results (collect them, or store them). A bad input never stops the
batch: it is printed as one ``error: <path>: <reason>`` line on stderr and counted.

Extraction may run in worker processes (``jobs``): one laptop's cores or a cluster node's.
Results always come back in input order, so the output does not depend on ``jobs``; the
store writes stay in this process (one transaction per article).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from eventcoder import events
from eventcoder.batch_pool import (
    ExtractionFailed,
    Extractor,
    Outcome,
    pool_extract,
    safe_extract,
)
from eventcoder.ingest import iter_inputs, read_paths
from eventcoder.schema import Article, ArticleResult, IngestError, IngestReport
from eventcoder.settings import Settings
from eventcoder.shard import Shard

if TYPE_CHECKING:
    from eventcoder.store import Repository

logger = logging.getLogger(__name__)

Handler = Callable[[list[ArticleResult]], Iterable[IngestError] | None]
Skip = Callable[[list[Article]], list[Article]]
"""Given a group of articles read, those not to extract (e.g. already stored)."""

__all__ = ["BatchSummary", "ExtractionFailed", "Extractor", "extract_outcomes",
           "extract_parallel", "ingest_paths", "resolve_jobs", "run_batch"]


@dataclass
class BatchSummary:
    read: int = 0
    failed: list[IngestError] = field(default_factory=list)
    mentions: int = 0
    warnings: int = 0
    skipped: int = 0
    elsewhere: int = 0
    """Articles read but left to the other shards (``--shard K/N``)."""

    def line(self) -> str:
        line = (f"{self.read} articles read, {len(self.failed)} failed, "
                f"{self.mentions} events found")
        return line + (f", {self.elsewhere} left to other shards" if self.elsewhere else "")


def interactive() -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def resolve_jobs(jobs: int) -> int:
    """``0`` means every CPU this process may use (a cluster job's allocation, not the
    node's count, where the scheduler pins it)."""
    if jobs > 0:
        return jobs
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def extract_outcomes(articles: Iterable[Article], jobs: int = 1,
                     extract: Extractor | None = None,
                     batch_size: int = 32) -> Iterator[Outcome]:
    """Each article's result, or the error that stopped its extraction, in input order
    whatever ``jobs``. With one job the engine runs here, ``batch_size`` at a time."""
    jobs = resolve_jobs(jobs)
    if jobs > 1:
        yield from pool_extract(articles, jobs, extract or events.extract)
        return
    engine = extract or events.extract
    for group in chunks(articles, batch_size):
        yield from safe_extract(group, engine)


def extract_parallel(articles: Iterable[Article], jobs: int,
                     extract: Extractor | None = None) -> Iterator[ArticleResult]:
    """``events.extract`` over ``jobs`` processes, same results in the same order; raises
    ``ExtractionFailed`` on an article the engine cannot handle, as the engine would."""
    for outcome in extract_outcomes(articles, jobs, extract):
        if isinstance(outcome, IngestError):
            raise ExtractionFailed(str(outcome))
        yield outcome


def run_batch(
    paths: Iterable[str | Path],
    handle: Handler | None = None,
    *,
    settings: Settings | None = None,
    progress: bool | None = None,
    extract: Extractor | None = None,
    jobs: int = 1,
    skip: Skip | None = None,
    shard: Shard | None = None,
) -> BatchSummary:
    """Read every input under ``paths``, extract its mentions, pass the results to
    ``handle`` ``batch_size`` at a time (it may return more failures, e.g. from the
    store), and print the summary line on stderr. ``skip`` drops articles before
    extraction; they count as read. ``shard`` keeps this node's share of the articles."""
    settings = settings or Settings()
    summary = BatchSummary()
    inputs = list(iter_inputs(paths))
    with _bar(len(inputs), progress) as bar:
        articles = _read(inputs, settings, summary, bar)
        if shard is not None:
            articles = _in_shard(articles, shard, summary)
        if skip is not None:
            articles = _unskipped(articles, skip, summary, settings.batch_size)
        pending: list[ArticleResult] = []
        for outcome in extract_outcomes(articles, jobs, extract, settings.batch_size):
            if isinstance(outcome, IngestError):
                _fail(summary, outcome)
                continue
            pending.append(outcome)
            if len(pending) >= settings.batch_size:
                _process(pending, handle, summary)
                pending = []
        if pending:
            _process(pending, handle, summary)
    click.echo(summary.line(), err=True)
    return summary


def ingest_paths(paths: Iterable[str | Path], repo: Repository, *,
                 settings: Settings | None = None, progress: bool | None = None,
                 jobs: int = 1, extract: Extractor | None = None,
                 shard: Shard | None = None) -> tuple[BatchSummary, IngestReport]:
    """Extract and store; an article whose text is stored already is not extracted
    again (one indexed lookup per group), only reported among the duplicates."""
    total = IngestReport()

    def known(articles: list[Article]) -> list[Article]:
        stored = repo.known_hashes(a.content_hash for a in articles)
        found = [a for a in articles if a.content_hash in stored]
        total.duplicates.extend(a.id for a in found)
        return found

    def store(results: list[ArticleResult]) -> list[IngestError]:
        report = repo.ingest(results)
        total.stored += report.stored
        total.duplicates += report.duplicates
        total.failed += report.failed
        total.mentions += report.mentions
        total.events_created += report.events_created
        total.events_updated += report.events_updated
        return report.failed

    summary = run_batch(paths, store, settings=settings, progress=progress, extract=extract,
                        jobs=jobs, skip=known, shard=shard)
    return summary, total


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while group := list(islice(it, size)):
        yield group


def _read(inputs: list[str | IngestError], settings: Settings, summary: BatchSummary,
          bar: Any) -> Iterator[Article]:
    """The articles of each input, lazily: a pool reads only a few chunks ahead."""
    for item in inputs:
        found = [item] if isinstance(item, IngestError) else read_paths([item], settings)
        for entry in found:
            if isinstance(entry, IngestError):
                _fail(summary, entry)
                continue
            _warn(summary, entry)
            yield entry
        bar.update(1)


def _in_shard(articles: Iterable[Article], shard: Shard,
              summary: BatchSummary) -> Iterator[Article]:
    for article in articles:
        if shard.owns(article):
            yield article
        else:
            summary.elsewhere += 1


def _unskipped(articles: Iterable[Article], skip: Skip, summary: BatchSummary,
               size: int) -> Iterator[Article]:
    for group in chunks(articles, size):
        dropped = {id(a) for a in skip(group)}
        summary.read += len(dropped)
        summary.skipped += len(dropped)
        yield from (a for a in group if id(a) not in dropped)


def _process(results: list[ArticleResult], handle: Handler | None,
             summary: BatchSummary) -> None:
    summary.read += len(results)
    summary.mentions += sum(len(r.mentions) for r in results)
    for r in results:
        for warning in r.warnings:
            logger.info("%s: %s", r.article.path or r.article.id, warning)
    if handle is not None:
        for error in handle(results) or ():
            _fail(summary, error)


def _fail(summary: BatchSummary, error: IngestError) -> None:
    summary.failed.append(error)
    click.echo(f"error: {error}", err=True)


def _warn(summary: BatchSummary, article: Article) -> None:
    for warning in article.warnings:
        summary.warnings += 1
        click.echo(f"warning: {article.path or article.id}: {warning}", err=True)


class _NoBar:
    def update(self, n: int) -> None:
        pass


def _bar(length: int, progress: bool | None) -> AbstractContextManager[Any]:
    show = interactive() if progress is None else progress
    if not show:
        return nullcontext(_NoBar())
    return click.progressbar(length=length, label="reading", file=sys.stderr)
