"""Folding an article's new mentions into the stored events.

``merge_into`` is the single call to ``eventcoder.merge.merge``: it gets the new mentions
and the stored events that could be the same occurrences (same country, dates within a
week), and returns the full list of events; existing ones keep their ids. Everything else
here writes that list back: event rows, their sources, actors, places and the change log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.orm import Session

from eventcoder import merge
from eventcoder.schema import Actor, Event, Mention
from eventcoder.store import codec
from eventcoder.store.models import (
    ActorRow,
    ChangeRow,
    EventRow,
    EventSourceRow,
    MentionRow,
    PlaceRow,
)

WINDOW = timedelta(days=7)
CANDIDATE_LIMIT = 5000


def merge_into(mentions: Sequence[Mention], existing: Sequence[Event]) -> list[Event]:
    """The merge stage, called once per article."""
    return merge.merge(mentions, existing)


def candidates(session: Session, mentions: Sequence[Mention]) -> list[Event]:
    """Stored events the mentions might report again: same country (or none stated),
    overlapping dates once widened by ``WINDOW`` (or no date)."""
    cond: list[ColumnElement[bool]] = []
    dated = [m.date for m in mentions if m.date]
    if dated:
        low = (min(d.start for d in dated) - WINDOW).isoformat()
        high = (max(d.end for d in dated) + WINDOW).isoformat()
        window = and_(EventRow.date_start <= high, EventRow.date_end >= low)
        cond.append(or_(window, EventRow.date_start.is_(None)))
    else:
        cond.append(EventRow.date_start.is_(None))
    countries = {m.location.country for m in mentions if m.location and m.location.country}
    if len(countries) and all(m.location and m.location.country for m in mentions):
        cond.append(or_(EventRow.country.in_(sorted(countries)), EventRow.country.is_(None)))
    rows = session.scalars(select(EventRow).where(*cond)
                           .order_by(EventRow.date_start, EventRow.id).limit(CANDIDATE_LIMIT))
    return [codec.event_from_row(r) for r in rows]


def store_merged(session: Session, mentions: Sequence[Mention]) -> tuple[int, int]:
    """Merge the mentions into the store; returns (events created, events updated)."""
    if not mentions:
        return 0, 0
    existing = candidates(session, mentions)
    merged = merge_into(mentions, existing)
    now = codec.now_iso()
    counts = {"created": 0, "updated": 0}
    for ev in merged:
        kind, detail = _upsert(session, ev, now)
        if kind is None:
            continue
        _write_sources(session, ev)
        _remember(session, ev)
        session.add(ChangeRow(at=now, event_id=ev.id, kind=kind, detail=detail))
        session.flush()
        counts[kind] += 1
    kept = {ev.id for ev in merged}
    for old in existing:
        if old.id not in kept:
            _retire(session, old, merged, now)
    return counts["created"], counts["updated"]


def _upsert(session: Session, ev: Event, now: str) -> tuple[str | None, dict[str, Any]]:
    columns = codec.event_columns(ev)
    row = session.get(EventRow, ev.id)
    if row is None:
        session.add(EventRow(id=ev.id, created=now, updated=now, **columns))
        ev.created = ev.updated = now
        return "created", {"articles": sorted({s.article for s in ev.sources})}
    before = row.payload
    if before == columns["payload"]:
        return None, {}
    for key, value in columns.items():
        setattr(row, key, value)
    row.updated = now
    ev.created, ev.updated = row.created, now
    changed = sorted(k for k in set(before) | set(columns["payload"])
                     if before.get(k) != columns["payload"].get(k))
    return "updated", {"fields": changed}


def _write_sources(session: Session, ev: Event) -> None:
    session.execute(delete(EventSourceRow).where(EventSourceRow.event_id == ev.id))
    pairs = {(s.article, s.mention or "") for s in ev.sources}
    session.add_all(EventSourceRow(event_id=ev.id, article_id=a, mention_id=m)
                    for a, m in sorted(pairs))
    mention_ids = sorted(m for _, m in pairs if m)
    if mention_ids:
        session.execute(update(MentionRow).where(MentionRow.id.in_(mention_ids))
                        .values(event_id=ev.id))


def _remember(session: Session, ev: Event) -> None:
    """Keep the actor and place tables (the lists behind the filters) up to date."""
    actors: dict[str, Actor] = {}
    for actor in (ev.actor1, ev.actor2, *ev.claimed_by):
        if actor is not None:
            actors.setdefault(actor.id, actor)
    for actor in actors.values():
        row = session.get(ActorRow, actor.id)
        if row is None:
            session.add(ActorRow(id=actor.id, name=actor.name, type=actor.type,
                                 country=actor.country))
        else:
            row.type = row.type or actor.type
            row.country = row.country or actor.country
    loc = ev.location
    if loc is not None and (loc.place or loc.admin1 or loc.country):
        key = "|".join(p or "" for p in (loc.country, loc.admin1, loc.place)).lower()
        if session.get(PlaceRow, key) is None:
            session.add(PlaceRow(id=key, country=loc.country, admin1=loc.admin1,
                                 admin1_name=loc.admin1_name, place=loc.place,
                                 latitude=loc.latitude, longitude=loc.longitude))


def _retire(session: Session, old: Event, merged: Sequence[Event], now: str) -> None:
    """A stored event the merge folded into another (or dropped)."""
    mentions = {s.mention for s in old.sources if s.mention}
    into = next((ev.id for ev in merged
                 if mentions & {s.mention for s in ev.sources if s.mention}), None)
    session.execute(delete(EventRow).where(EventRow.id == old.id))
    kind, detail = ("merged", {"into": into}) if into else ("removed", {})
    session.add(ChangeRow(at=now, event_id=old.id, kind=kind, detail=detail))
