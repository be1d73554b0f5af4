"""Events: a filtered, paginated list and one event with its sources and evidence."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from eventcoder.api.deps import RepositoryLike, get_repo
from eventcoder.api.models import EventOut, EventPage
from eventcoder.schema import EventQuery

router = APIRouter(prefix="/api", tags=["events"])

MAX_LIMIT = 500


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise HTTPException(422, "bbox must be four numbers: minLon,minLat,maxLon,maxLat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise HTTPException(422, "bbox out of range or min > max (minLon,minLat,maxLon,maxLat)")
    return min_lon, min_lat, max_lon, max_lat


def event_filters(
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2, e.g. IQ")] = None,
    admin1: Annotated[str | None, Query(description="ISO 3166-2 code, e.g. IQ-BG")] = None,
    since: Annotated[date | None, Query(description="events ending on or after this day")] = None,
    until: Annotated[date | None, Query(description="events starting on or before it")] = None,
    actor: Annotated[str | None, Query(description="actor id, or part of a name")] = None,
    event_type: Annotated[str | None, Query()] = None,
    sub_event_type: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query(description="words in the place, actor names or type")] = None,
    bbox: Annotated[str | None, Query(description="minLon,minLat,maxLon,maxLat")] = None,
) -> EventQuery:
    """The filters shared by the list and the exports, as the library's EventQuery."""
    if since and until and since > until:
        raise HTTPException(422, "since must not be after until")
    return EventQuery(country=country or None, admin1=admin1 or None, since=since,
                      until=until, actor=actor or None, event_type=event_type or None,
                      sub_event_type=sub_event_type or None, text=q or None,
                      bbox=parse_bbox(bbox))


Filters = Annotated[EventQuery, Depends(event_filters)]
Repo = Annotated[RepositoryLike, Depends(get_repo)]


@router.get("/events", response_model=EventPage)
def list_events(
    repo: Repo,
    query: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    """One page of events matching every filter given, newest first, with the total."""
    query.limit, query.offset = limit, offset
    events, total = repo.events(query)
    # Built from the records' own to_dict (the same shape as EventOut) without a second
    # validation pass: a 500-item page stays cheap.
    return JSONResponse({"total": total, "limit": limit, "offset": offset,
                         "items": [e.to_dict() for e in events]})


@router.get("/events/{event_id}", response_model=EventOut,
            responses={404: {"description": "no such event"}})
def get_event(event_id: str, repo: Repo) -> JSONResponse:
    """One event with every source article, its evidence spans and field spans."""
    event = repo.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return JSONResponse(event.to_dict())
