"""Read queries: the filters shared by the CLI, the API and the exports, and the totals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, union
from sqlalchemy.orm import Session

from eventcoder.schema import EventQuery
from eventcoder.store import paging, search
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
    query: EventQuery, actor_ids: Iterable[str] | None = None, with_actor: bool = True,
    text_search: str = search.LIKE,
) -> list[ColumnElement[bool]]:
    """WHERE clauses for an ``EventQuery``; each uses an indexed column where it can.

    Dates select the events whose span overlaps [since, until]; ``actor_ids`` are the
    resolved ``query.actor`` (left out with ``with_actor=False``: see ``actor_branches``);
    ``text_search`` is the store's way to read ``query.text`` (``search.mode``)."""
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
    if query.actor and with_actor:
        cond.append(or_(*actor_branches(actor_ids or ())))
    if query.text:
        cond.append(search.condition(query.text, text_search))
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        cond.extend([EventRow.longitude.between(min_lon, max_lon),
                     EventRow.latitude.between(min_lat, max_lat)])
    return cond


def actor_branches(actor_ids: Iterable[str]) -> list[ColumnElement[bool]]:
    """An actor filter is an OR over two columns; a page reads each side by its own
    index, in date order, and merges them, rather than sorting every event of the actor."""
    ids = sorted(actor_ids)
    return [EventRow.actor1_id.in_(ids), EventRow.actor2_id.in_(ids)]


def capped_count(session: Session, where: list[ColumnElement[bool]],
                 cap: int | None) -> tuple[int, bool]:
    """(count, capped): the matching rows, counting no further than ``cap`` (None: all;
    0: not counted). ``date_start`` is in every filter index, so this reads no table row."""
    if cap == 0:
        return 0, True
    inner = select(EventRow.date_start).where(*where)
    if cap is not None:
        inner = inner.limit(cap + 1)
    n = int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)
    if cap is not None and n > cap:
        return cap, True
    return n, False


def page_keys(session: Session, where: list[ColumnElement[bool]],
              branches: list[ColumnElement[bool]], limit: int,
              offset: int) -> list[tuple[str | None, str]]:
    """The (date_start, id) of a page's rows, in order. Only keys: the sort and the skipped
    rows never carry the JSON payload; the rows themselves are read by id afterwards."""
    def ordered(*extra: ColumnElement[bool]) -> Select[str | None, str]:
        return (select(EventRow.date_start, EventRow.id).where(*where, *extra)
                .order_by(*paging.ORDER))

    if len(branches) < 2:
        stmt = ordered(*branches).limit(limit).offset(offset)
    else:
        parts = [ordered(b).limit(limit + offset).subquery() for b in branches]
        merged = union(*(select(p.c.date_start, p.c.id) for p in parts)).subquery()
        stmt = (select(merged.c.date_start, merged.c.id)
                .order_by(merged.c.date_start.desc().nulls_last(), merged.c.id)
                .limit(limit).offset(offset))
    return [(r[0], r[1]) for r in session.execute(stmt)]


def rows_by_id(session: Session, ids: list[str]) -> list[EventRow]:
    found = {r.id: r for r in session.scalars(select(EventRow).where(EventRow.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def actor_counts(session: Session) -> list[tuple[str, str, int]]:
    """From the counts kept on write (``store/counters.py``): a read of the actors table."""
    rows = session.execute(select(ActorRow.id, ActorRow.name, ActorRow.event_count)
                           .order_by(ActorRow.event_count.desc(), ActorRow.name))
    return [(r[0], r[1], int(r[2] or 0)) for r in rows]


STATS_SCAN_CAP = 20_000
"""Events a filtered ``stats`` reads at most (in date order, from the filter's index)."""

GROUPS = ("by_type", "by_month", "by_admin1", "by_country")
_FILTERS = ("admin1", "since", "until", "actor", "event_type", "sub_event_type", "text", "bbox")


def only_country(query: EventQuery) -> bool:
    """A query the summary answers: no filter, or a country alone."""
    return not any(getattr(query, name) for name in _FILTERS)


def scanned_stats(session: Session, where: list[ColumnElement[bool]],
                  cap: int | None = STATS_SCAN_CAP) -> dict[str, Any]:
    """The figures of ``Repository.stats`` counted from the matching events, the latest
    ``cap`` of them at most (None: all; ``capped`` says whether some were left out). Also
    the reference the summary table is checked against."""
    def count(model: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    stmt = select(EventRow.event_type, EventRow.date_start, EventRow.admin1,
                  EventRow.country, EventRow.fatalities).where(*where)
    if cap is not None:
        stmt = stmt.order_by(*paging.ORDER).limit(cap + 1)
    rows = list(session.execute(stmt))
    capped = cap is not None and len(rows) > cap
    groups: dict[str, Counter[str]] = {g: Counter() for g in GROUPS}
    for event_type, day, admin1, country, _ in rows[:cap]:
        for group, key in zip(GROUPS, (event_type, day[:7] if day else None, admin1, country),
                              strict=True):
            if key:
                groups[group][key] += 1
    return {
        "totals": {"articles": count(ArticleRow), "mentions": count(MentionRow),
                   "events": len(rows[:cap]), "actors": count(ActorRow),
                   "fatalities": sum(r[4] or 0 for r in rows[:cap])},
        **{g: dict(sorted(c.items())) for g, c in groups.items()},
        "capped": capped,
    }

