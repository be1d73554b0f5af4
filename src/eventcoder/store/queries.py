"""Read queries: the filters shared by the CLI, the API and the exports, and the totals."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, union_all
from sqlalchemy.orm import Session

from eventcoder.schema import EventQuery
from eventcoder.store.models import ActorRow, ArticleRow, EventRow, MentionRow

MAX_SPAN_DAYS = 400
"""No stored event spans more than this (the longest precision is a year)."""


def actor_ids(session: Session, text: str) -> set[str]:
    """The actors an ``--actor`` filter means: its id, or names containing it. Resolved in
    the small actors table so that the events are then found by index."""
    pattern = f"%{text.lower()}%"
    return set(session.scalars(select(ActorRow.id).where(
        or_(ActorRow.id == text, func.lower(ActorRow.name).like(pattern)))))


def event_conditions(
    query: EventQuery, actor_ids: Iterable[str] | None = None
) -> list[ColumnElement[bool]]:
    """WHERE clauses for an ``EventQuery``; each uses an indexed column where it can.

    Dates select the events whose span overlaps [since, until]; ``actor_ids`` are the
    resolved ``query.actor``."""
    cond: list[ColumnElement[bool]] = []
    if query.country:
        cond.append(EventRow.country == query.country.upper())
    if query.admin1:
        cond.append(EventRow.admin1 == query.admin1.upper())
    if query.since:
        # The bound on date_start lets the composite indexes serve the range.
        earliest = query.since - timedelta(days=MAX_SPAN_DAYS)
        cond.extend([EventRow.date_end >= query.since.isoformat(),
                     EventRow.date_start >= earliest.isoformat()])
    if query.until:
        cond.append(EventRow.date_start <= query.until.isoformat())
    if query.event_type:
        cond.append(EventRow.event_type == query.event_type)
    if query.sub_event_type:
        cond.append(EventRow.sub_event_type == query.sub_event_type)
    if query.actor:
        ids = sorted(actor_ids or ())
        cond.append(or_(EventRow.actor1_id.in_(ids), EventRow.actor2_id.in_(ids)))
    if query.text:
        words = f"%{query.text.lower()}%"
        cond.append(or_(*(func.lower(col).like(words) for col in (
            EventRow.place, EventRow.actor1_name, EventRow.actor2_name,
            EventRow.sub_event_type, EventRow.event_type))))
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        cond.extend([EventRow.longitude.between(min_lon, max_lon),
                     EventRow.latitude.between(min_lat, max_lat)])
    return cond


def actor_counts(session: Session) -> list[tuple[str, str, int]]:
    roles = union_all(
        select(EventRow.actor1_id.label("actor")).where(EventRow.actor1_id.is_not(None)),
        select(EventRow.actor2_id.label("actor")).where(EventRow.actor2_id.is_not(None)),
    ).subquery()
    counts = (select(roles.c.actor, func.count().label("n"))
              .group_by(roles.c.actor).subquery())
    rows = session.execute(
        select(ActorRow.id, ActorRow.name, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.actor == ActorRow.id)
        .order_by(func.coalesce(counts.c.n, 0).desc(), ActorRow.name))
    return [(r[0], r[1], int(r[2])) for r in rows]


def _grouped(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(
        select(column, func.count()).where(column.is_not(None))
        .group_by(column).order_by(column))
    return {str(key): int(n) for key, n in rows}


def stats(session: Session) -> dict[str, Any]:
    def count(model: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    month = func.substr(EventRow.date_start, 1, 7)
    return {
        "totals": {
            "articles": count(ArticleRow),
            "mentions": count(MentionRow),
            "events": count(EventRow),
            "actors": count(ActorRow),
            "fatalities": int(session.scalar(select(func.sum(EventRow.fatalities))) or 0),
        },
        "by_type": _grouped(session, EventRow.event_type),
        "by_month": _grouped(session, month),
        "by_admin1": _grouped(session, EventRow.admin1),
        "by_country": _grouped(session, EventRow.country),
    }
