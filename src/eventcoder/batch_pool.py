"""Extraction in worker processes, results back in input order.

Each worker loads the spaCy model once (pool initializer) and extracts chunks of a few
articles; the parent keeps at most two chunks per worker in flight, so reading stays only
a little ahead of extraction and memory does not grow with the size of the batch. Workers
start by ``forkserver`` (``spawn`` where it is missing): never a ``fork`` of a parent that
may hold threads, a database connection or a half-written progress bar.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from eventcoder.schema import Article, ArticleResult, IngestError

logger = logging.getLogger(__name__)

Extractor = Callable[[Iterable[Article]], Iterator[ArticleResult]]
Outcome = ArticleResult | IngestError

CHUNK = 8
"""Articles per task: big enough for spaCy's batching to pay, small enough to spread a
few dozen articles evenly over the workers."""
IN_FLIGHT = 2
"""Chunks queued per worker: one being extracted, one waiting."""

WARM_MODULE = "eventcoder.batch_warm"
_WORKER: dict[str, Extractor] = {}


class ExtractionFailed(RuntimeError):
    """Extraction cannot go on: an article failed where there is no error channel
    (``extract_parallel``), or a worker process died."""


def safe_extract(articles: list[Article], extract: Extractor) -> list[Outcome]:
    """The group at once; if the engine fails on it, article by article, so that one
    article it cannot handle is reported and the others still get their events."""
    try:
        return list(extract(articles))
    except Exception:  # find the culprit below
        logger.debug("batch extraction failed; retrying one by one", exc_info=True)
    out: list[Outcome] = []
    for article in articles:
        try:
            out.extend(extract([article]))
        except Exception as exc:
            logger.debug("extraction of %s failed", article.id, exc_info=True)
            out.append(IngestError(article.path or article.id, f"extraction failed: {exc!r}"))
    return out


def _init_worker(extract: Extractor) -> None:
    """Runs once per worker: keep the engine, load its model before the first chunk."""
    from eventcoder import events

    _WORKER["extract"] = extract
    if extract is events.extract:
        from eventcoder import nlp

        nlp.load("fr")


def _work(articles: list[Article]) -> list[Outcome]:
    return safe_extract(articles, _WORKER["extract"])


def _context(extract: Extractor) -> multiprocessing.context.BaseContext:
    """Forkserver, with the engine loaded in the server when it is the real one (the
    server starts once per process: a later call cannot add the preload)."""
    from eventcoder import events

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    if extract is events.extract:
        ctx.set_forkserver_preload([WARM_MODULE])
        _start_forkserver()
    return ctx


def _start_forkserver() -> None:
    """Python 3.11's forkserver imports its preload modules on the default ``sys.path``,
    not the parent's: it could load another installed copy of ``eventcoder`` than the
    one running (an editable install beside a checkout). ``PYTHONPATH`` names ours."""
    from multiprocessing import forkserver

    import eventcoder

    root = str(Path(eventcoder.__file__).resolve().parents[1])
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, before) if p)
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


def pool_extract(articles: Iterable[Article], jobs: int, extract: Extractor,
                 chunk: int = CHUNK) -> Iterator[Outcome]:
    """``safe_extract`` over ``jobs`` worker processes, outcomes in input order.

    ``extract`` must be picklable (a module-level function), and a script calling this
    needs the ``if __name__ == "__main__":`` guard (workers import the main module). A
    worker that dies (killed for memory, say) raises ``ExtractionFailed``, not a hang."""
    it = iter(articles)
    with ProcessPoolExecutor(jobs, mp_context=_context(extract), initializer=_init_worker,
                             initargs=(extract,)) as pool:
        queued: deque[Future[list[Outcome]]] = deque()
        try:
            while group := list(islice(it, chunk)):
                queued.append(pool.submit(_work, group))
                if len(queued) >= IN_FLIGHT * jobs:
                    yield from queued.popleft().result()
            while queued:
                yield from queued.popleft().result()
        except BrokenProcessPool as exc:
            raise ExtractionFailed(f"an extraction worker died ({exc}); out of memory? "
                                   "try fewer --jobs") from exc
        finally:
            for future in queued:  # stopped early: do not extract what nobody will read
                future.cancel()
