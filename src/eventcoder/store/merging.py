"""Folding an article's new mentions into the stored events (issue 5, the living dataset).

``merge_into`` is the single call to ``eventcoder.merge.merge_with_changes``: it gets the
new mentions and the stored events that could be the same occurrences, read through the
indexed columns (same country or none, dates near the new ones), never the whole table.
The merge says which events are new, which changed and which stored ones disappeared;
only those rows are written, and each change goes to the ``changes`` log, so that a
reader of the dataset can follow why an event id vanished or gained a source.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, select, update
from sqlalchemy.orm import Session

from eventcoder import merge
from eventcoder.merge_blocking import block_keys
from eventcoder.merge_rules import MAX_SPAN_DAYS
from eventcoder.schema import Actor, Event, Mention
from eventcoder.store import codec, concurrency
from eventcoder.store.models import (
    ActorRow,
    ChangeRow,
    EventRow,
    EventSourceRow,
    MentionRow,
    PlaceRow,
)

log = logging.getLogger(__name__)

WINDOW = timedelta(days=7)
"""Wider than the merge's date tolerance (a stated day ±1, a publication day 3 more back)."""
CANDIDATE_LIMIT = 5000


def merge_into(mentions: Sequence[Mention], existing: Sequence[Event]) -> merge.MergeResult:
    """The merge stage, called once per article."""
    return merge.merge_with_changes(mentions, existing)


def candidates(session: Session, mentions: Sequence[Mention]) -> list[Event]:
    """Stored events the mentions might report again: same country (or none stated), a
    date span near theirs, and those already holding one of them. Mentions the merge
    cannot block (no date, a span over ``MAX_SPAN_DAYS``) are never merged by score, so
    they need no others."""
    rows = {r.id: r for r in _holders(session, [m.id for m in mentions])}
    blocked = [m for m in mentions if block_keys(m)]
    if not blocked:
        return [codec.event_from_row(r) for r in sorted(rows.values(), key=_row_order)]
    low = min(m.date.start for m in blocked if m.date) - WINDOW
    high = max(m.date.end for m in blocked if m.date) + WINDOW
    countries = sorted({m.location.country for m in blocked
                        if m.location and m.location.country})
    scopes = [EventRow.country.is_(None)]
    if countries:
        scopes.append(EventRow.country.in_(countries))
    for scope in scopes:  # one indexed range scan each; an OR would defeat the index
        for row in session.scalars(_window(scope, low, high)):
            rows.setdefault(row.id, row)
    if len(rows) >= CANDIDATE_LIMIT:
        log.warning("merge candidates capped at %d near %s..%s", CANDIDATE_LIMIT, low, high)
    return [codec.event_from_row(r) for r in sorted(rows.values(), key=_row_order)]


def _holders(session: Session, mention_ids: list[str]) -> list[EventRow]:
    """The stored events that hold these mentions already (a revised extraction): the
    merge must see them wherever the revision moved the mention, or it would be kept twice."""
    held = select(EventSourceRow.event_id).where(EventSourceRow.mention_id.in_(mention_ids))
    return list(session.scalars(select(EventRow).where(EventRow.id.in_(held))))


def _window(country: ColumnElement[bool], low: date, high: date) -> Select[EventRow]:
    """Events overlapping [low, high]; the lower bound on ``date_start`` (no span the merge
    compares is longer than ``MAX_SPAN_DAYS``) keeps the index range short."""
    earliest = low - timedelta(days=MAX_SPAN_DAYS)
    return (select(EventRow)
            .where(country, EventRow.date_start >= earliest.isoformat(),
                   EventRow.date_start <= high.isoformat(),
                   EventRow.date_end >= low.isoformat())
            .order_by(EventRow.date_start, EventRow.id).limit(CANDIDATE_LIMIT))


def _row_order(row: EventRow) -> tuple[str, str]:
    return (row.date_start or "", row.id)


def store_merged(session: Session, mentions: Sequence[Mention]) -> tuple[int, int]:
    """Merge the mentions into the store; returns (events created, events updated)."""
    if not mentions:
        return 0, 0
    concurrency.lock_blocks(session, mentions, WINDOW)  # other writers of these blocks first
    existing = candidates(session, mentions)
    result = merge_into(mentions, existing)
    _check_ids(result)
    now = codec.now_iso()
    former = {s.mention: ev.id for ev in existing for s in ev.sources if s.mention}
    by_id = {ev.id: ev for ev in result.events}
    counts = {"created": 0, "updated": 0}
    holder: dict[str, str] = {}
    for ev_id in [*result.created, *result.updated]:
        ev = by_id[ev_id]
        kind, detail = _upsert(session, ev, now)
        holder.update({s.mention: ev.id for s in ev.sources if s.mention})
        if kind is None:
            continue
        detail.update(_joined(ev, former))
        _write_sources(session, ev)
        _remember(session, ev)
        session.add(ChangeRow(at=now, event_id=ev.id, kind=kind, detail=detail))
        counts[kind] += 1
    removed = set(result.removed)
    for old in existing:
        _log_departures(session, old, holder, old.id in removed, now)
    session.flush()
    return counts["created"], counts["updated"]


class MergeIdClash(RuntimeError):
    """The merge gave one id to two events: writing both would lose one (rolled back)."""


def _check_ids(result: merge.MergeResult) -> None:
    seen: set[str] = set()
    for ev in result.events:
        if ev.id in seen:
            raise MergeIdClash(f"the merge returned two events with id {ev.id}")
        seen.add(ev.id)


def _joined(ev: Event, former: dict[str, str]) -> dict[str, Any]:
    """The mentions an event did not hold before, and the stored event each came from."""
    joined = [{"mention": s.mention, "article": s.article, "from": former.get(s.mention)}
              for s in ev.sources if s.mention and former.get(s.mention) != ev.id]
    return {"joined": joined} if joined else {}


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


def _log_departures(session: Session, old: Event, holder: dict[str, str], removed: bool,
                    now: str) -> None:
    """A stored event whose mentions went (partly) to other events, or that is gone:
    merged into one event, split over several, or removed."""
    moved = {s.mention: holder[s.mention] for s in old.sources
             if s.mention in holder and holder[s.mention] != old.id}
    into = sorted(set(moved.values()))
    if removed:
        session.execute(delete(EventRow).where(EventRow.id == old.id))
    detail: dict[str, Any]
    if removed and len(into) == 1:
        kind, detail = "merged", {"into": into[0], "mentions": sorted(moved)}
    elif into:
        kind, detail = "split", {"into": into, "mentions": sorted(moved), "kept": not removed}
    elif removed:
        kind, detail = "removed", {}
    else:
        return
    session.add(ChangeRow(at=now, event_id=old.id, kind=kind, detail=detail))


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
