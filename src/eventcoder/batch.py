"""Running many articles: read, extract in batches, hand each batch on, and tell the user.

The CLI commands ``extract`` and ``ingest`` share this loop; they differ only in what they
do with each batch of results (collect them, or store them). A bad input never stops the
batch: it is printed as one ``error: <path>: <reason>`` line on stderr and counted.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventcoder import events
from eventcoder.ingest import iter_inputs, read_paths
from eventcoder.schema import Article, ArticleResult, IngestError
from eventcoder.settings import Settings

logger = logging.getLogger(__name__)

Handler = Callable[[list[ArticleResult]], Iterable[IngestError] | None]
Extractor = Callable[[Iterable[Article]], Iterator[ArticleResult]]


@dataclass
class BatchSummary:
    read: int = 0
    failed: list[IngestError] = field(default_factory=list)
    mentions: int = 0
    warnings: int = 0

    def line(self) -> str:
        return (f"{self.read} articles read, {len(self.failed)} failed, "
                f"{self.mentions} events found")


def interactive() -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def run_batch(
    paths: Iterable[str | Path],
    handle: Handler | None = None,
    *,
    settings: Settings | None = None,
    progress: bool | None = None,
    extract: Extractor | None = None,
) -> BatchSummary:
    """Read every input under ``paths``, extract its mentions ``batch_size`` articles at a
    time, pass each batch of results to ``handle`` (which may return more failures, e.g.
    from the store), and print the summary line on stderr."""
    settings = settings or Settings()
    extract = extract or events.extract
    summary = BatchSummary()
    inputs = list(iter_inputs(paths))
    pending: list[Article] = []

    def flush() -> None:
        if pending:
            _process(pending, extract, handle, summary)
            pending.clear()

    with _bar(len(inputs), progress) as bar:
        for item in inputs:
            found = [item] if isinstance(item, IngestError) else read_paths([item], settings)
            for entry in found:
                if isinstance(entry, IngestError):
                    _fail(summary, entry)
                    continue
                _warn(summary, entry)
                pending.append(entry)
                if len(pending) >= settings.batch_size:
                    flush()
            bar.update(1)
        flush()
    click.echo(summary.line(), err=True)
    return summary


def _process(articles: list[Article], extract: Extractor, handle: Handler | None,
             summary: BatchSummary) -> None:
    results = _extract(articles, extract, summary)
    summary.read += len(results)
    summary.mentions += sum(len(r.mentions) for r in results)
    for r in results:
        for warning in r.warnings:
            logger.info("%s: %s", r.article.path or r.article.id, warning)
    if handle is not None:
        for error in handle(results) or ():
            _fail(summary, error)


def _extract(articles: list[Article], extract: Extractor,
             summary: BatchSummary) -> list[ArticleResult]:
    """The batch at once; if the engine fails on it, article by article, so that one
    article it cannot handle is reported and the others still get their events."""
    try:
        return list(extract(articles))
    except Exception:  # find the culprit below
        logger.debug("batch extraction failed; retrying one by one", exc_info=True)
    results: list[ArticleResult] = []
    for article in articles:
        try:
            results.extend(extract([article]))
        except Exception as exc:
            logger.debug("extraction of %s failed", article.id, exc_info=True)
            _fail(summary, IngestError(article.path or article.id,
                                       f"extraction failed: {exc!r}"))
    return results


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
