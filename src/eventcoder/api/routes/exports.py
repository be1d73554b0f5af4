"""Exports of a filtered query, streamed: CSV (ACLED columns), JSON Lines, GeoJSON.

The writers in ``eventcoder.export.WRITERS`` push text into a file object while they pull
events; a worker thread runs the writer over pages of the query and hands text chunks to
the response through a bounded queue, so a large export never sits whole in memory.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import StreamingResponse

from eventcoder import export
from eventcoder.api.deps import RepositoryLike, get_repo
from eventcoder.api.routes.events import Filters
from eventcoder.schema import Event, EventQuery

router = APIRouter(prefix="/api", tags=["exports"])

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
}
PAGE = 5000  # offset paging: fewer, larger pages cost less on a big store
_DONE = object()


def iter_events(repo: RepositoryLike, query: EventQuery) -> Iterator[Event]:
    offset = 0
    while True:
        page, _ = repo.events(replace(query, limit=PAGE, offset=offset))
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


class _QueueWriter(io.TextIOBase):
    """A text sink that forwards each write to a bounded queue (back-pressure)."""

    def __init__(self, q: queue.Queue[Any], stop: threading.Event) -> None:
        self._q, self._stop, self._buf = q, stop, io.StringIO()

    def write(self, s: str) -> int:
        self._buf.write(s)
        if self._buf.tell() >= 64 * 1024:
            self.flush()
        return len(s)

    def flush(self) -> None:
        chunk = self._buf.getvalue()
        self._buf = io.StringIO()
        while chunk and not self._stop.is_set():
            try:
                self._q.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue
        if self._stop.is_set():
            raise BrokenPipeError("client went away")


def stream(writer: Callable[..., None], events: Iterator[Event]) -> Iterator[bytes]:
    q: queue.Queue[Any] = queue.Queue(maxsize=16)
    stop = threading.Event()

    def work() -> None:
        out = _QueueWriter(q, stop)
        try:
            writer(events, out)
            out.flush()
        except BrokenPipeError:
            return
        except Exception as exc:  # handed to the response side, raised there
            q.put(exc)
            return
        q.put(_DONE)

    threading.Thread(target=work, name="export-writer", daemon=True).start()
    try:
        while (item := q.get()) is not _DONE:
            if isinstance(item, Exception):
                raise item
            yield item.encode("utf-8")
    finally:
        stop.set()


def _export(fmt: str, repo: RepositoryLike, query: EventQuery) -> StreamingResponse:
    writer = export.WRITERS.get(fmt)
    if writer is None:
        raise HTTPException(501, f"format not available: {fmt}")
    return StreamingResponse(
        stream(writer, iter_events(repo, query)),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'},
    )


Repo = Annotated[RepositoryLike, Depends(get_repo)]
_DOC: dict[int | str, dict[str, Any]] = {501: {"description": "format not available"}}


@router.get("/export.csv", response_class=StreamingResponse, responses=_DOC)
def export_csv(repo: Repo, query: Filters) -> StreamingResponse:
    """Every event matching the filters as ACLED-column CSV."""
    return _export("csv", repo, query)


@router.get("/export.jsonl", response_class=StreamingResponse, responses=_DOC)
def export_jsonl(repo: Repo, query: Filters) -> StreamingResponse:
    """Every event matching the filters, one JSON object per line (the spec's shape)."""
    return _export("jsonl", repo, query)


@router.get("/export.geojson", response_class=StreamingResponse, responses=_DOC)
def export_geojson(repo: Repo, query: Filters) -> StreamingResponse:
    """Every located event matching the filters as a GeoJSON FeatureCollection."""
    return _export("geojson", repo, query)
