"""The counts behind ``GET /api/stats`` (table ``event_summary``), kept exact on every write.

Grouping every event on each request cost 3.3 s over a million events. Recounting what a
write touched (as ``counters.py`` does for actors) is no cure here: one event type holds a
sixth of the store. So each write adds its differences instead: the repository's sessions
note, before each flush, the rows that will be inserted, changed or deleted (their old
values read from the database, the new ones from the objects; bulk deletes before they
run), and before the commit add the sum to the table with one upsert per key, in the
write's own transaction. Keys are sorted so that two PostgreSQL writers lock rows in the
same order; a rollback drops the differences with the rest. ``recount`` rebuilds the table
from the rows (the tests check it gives the same figures after every kind of write).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, event, func, inspect, select, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from eventcoder.store.migrations import migrations
from eventcoder.store.models import ActorRow, ArticleRow, EventRow, EventSummaryRow, MentionRow

Key = tuple[str, str, str]
"""(scope, dim, name): scope '' is every event, else a country code."""

_DELTA = "eventcoder.summary_delta"
_RECOUNT = "eventcoder.summary_recount"
_MIGRATION = "event_summary"
_COLUMNS = (EventRow.event_type, EventRow.date_start, EventRow.admin1, EventRow.country,
            EventRow.fatalities)
_NAMES = tuple(c.key for c in _COLUMNS)
_UPSERT = text("INSERT INTO event_summary (scope, dim, name, n) VALUES (:s, :d, :k, :n) "
               "ON CONFLICT (scope, dim, name) DO UPDATE SET n = event_summary.n + excluded.n")
_DROP_ZERO = text("DELETE FROM event_summary WHERE scope = :s AND dim = :d AND name = :k "
                  "AND n = 0 AND dim <> 'total'")
GROUPS = {"type": "by_type", "month": "by_month", "admin1": "by_admin1", "country": "by_country"}


def track(factory: sessionmaker[Session]) -> None:
    """Keep the summary of every session this factory makes."""
    event.listen(factory, "before_flush", _note_flushed)
    event.listen(factory, "do_orm_execute", _note_bulk)
    event.listen(factory, "before_commit", _apply)
    event.listen(factory, "after_rollback", _forget)


def event_keys(values: Iterable[Any], sign: int = 1) -> Counter[Key]:
    """What one event adds to the summary (``sign=-1``: what it takes away)."""
    event_type, date_start, admin1, country, fatalities = values
    out: Counter[Key] = Counter()
    for scope in ("", country) if country else ("",):
        out[(scope, "total", "events")] += sign
        out[(scope, "total", "fatalities")] += sign * (fatalities or 0)
        out[(scope, "type", event_type)] += sign
        if date_start:
            out[(scope, "month", date_start[:7])] += sign
        if admin1:
            out[(scope, "admin1", admin1)] += sign
        if country:
            out[(scope, "country", country)] += sign
    return out


def _delta(session: Session) -> Counter[Key]:
    found: Counter[Key] = session.info.setdefault(_DELTA, Counter())
    return found


def _stored(session: Session, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """The values the database holds for these events before the flush writes them."""
    found: dict[str, tuple[Any, ...]] = {}
    for i in range(0, len(ids), 500):
        rows = session.execute(select(EventRow.id, *_COLUMNS)
                               .where(EventRow.id.in_(ids[i:i + 500])))
        found.update((r[0], tuple(r[1:])) for r in rows)
    return found


def _note_flushed(session: Session, _context: Any, _instances: Any) -> None:
    delta = _delta(session)
    for obj in session.new:
        if isinstance(obj, EventRow):
            delta.update(event_keys(getattr(obj, n) for n in _NAMES))
        elif isinstance(obj, ArticleRow | MentionRow):
            delta[("", "total", obj.__tablename__)] += 1
    changed = [o for o in (*session.dirty, *session.deleted) if isinstance(o, EventRow)
               and inspect(o).persistent]
    before = _stored(session, [o.id for o in changed])
    for obj in changed:
        if obj.id in before:
            delta.update(event_keys(before[obj.id], -1))
        if obj not in session.deleted:
            delta.update(event_keys(getattr(obj, n) for n in _NAMES))
    for obj in session.deleted:
        if isinstance(obj, ArticleRow | MentionRow):
            delta[("", "total", obj.__tablename__)] -= 1


def _note_bulk(state: ORMExecuteState) -> None:
    """``delete(EventRow).where(…)``: the rows about to go. A bulk update's new values are
    not known here, so it asks for a recount at the commit (no writer does one today)."""
    if not (state.is_delete or state.is_update):
        return
    mapper = state.bind_mapper
    if mapper is not None and mapper.class_ in (ArticleRow, MentionRow) and state.is_delete:
        state.session.info[_RECOUNT] = True
    if mapper is not inspect(EventRow):
        return
    where = state.statement.whereclause  # type: ignore[attr-defined]
    if state.is_update or where is None:
        state.session.info[_RECOUNT] = True
        return
    delta = _delta(state.session)
    for row in state.session.execute(select(*_COLUMNS).where(where)):
        delta.update(event_keys(row, -1))


def _apply(session: Session) -> None:
    session.flush()  # pending rows first (and their differences noted)
    delta = session.info.pop(_DELTA, Counter())
    if session.info.pop(_RECOUNT, False):
        recount(session)
        return
    keys = sorted(k for k, n in delta.items() if n)
    if not keys:
        return
    params = [{"s": s, "d": d, "k": k, "n": delta[(s, d, k)]} for s, d, k in keys]
    session.execute(_UPSERT, params)
    lowered = [p for p in params if p["n"] < 0]
    if lowered:
        session.execute(_DROP_ZERO, lowered)


def _forget(session: Session) -> None:
    session.info.pop(_DELTA, None)
    session.info.pop(_RECOUNT, None)


def recount(session: Session) -> None:
    """Rebuild the table from the stored rows (the INSERTs of its migration)."""
    session.execute(delete(EventSummaryRow))
    dialect = session.get_bind().dialect.name
    (migration,) = [m for m in migrations(dialect) if m.name == _MIGRATION]
    for statement in migration.statements(dialect):
        if statement.upper().startswith("INSERT"):
            session.execute(text(statement))


def read(session: Session, country: str | None = None) -> dict[str, Any]:
    """The figures of ``repo.stats()``: of every event, or of one country's."""
    scope = country.upper() if country else ""
    rows = session.execute(
        select(EventSummaryRow.scope, EventSummaryRow.dim, EventSummaryRow.name,
               EventSummaryRow.n)
        .where(EventSummaryRow.scope.in_(sorted({"", scope})), EventSummaryRow.n != 0)
        .order_by(EventSummaryRow.dim, EventSummaryRow.name))
    totals: dict[str, int] = {}
    groups: dict[str, dict[str, int]] = {g: {} for g in GROUPS.values()}
    for row_scope, dim, name, n in rows:
        if dim == "total" and (row_scope == scope or name in ("articles", "mentions")):
            totals[name] = int(n)
        elif dim in GROUPS and row_scope == scope:
            groups[GROUPS[dim]][name] = int(n)
    actors = int(session.scalar(select(func.count()).select_from(ActorRow)) or 0)
    return {"totals": {"articles": totals.get("articles", 0),
                       "mentions": totals.get("mentions", 0),
                       "events": totals.get("events", 0), "actors": actors,
                       "fatalities": totals.get("fatalities", 0)},
            **groups}
