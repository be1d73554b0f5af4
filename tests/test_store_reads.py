"""The store's read paths for the API (issue 6): keyset cursors, capped counts, the
per-actor counts kept on write, and the indexes that serve them. On SQLite, and on
PostgreSQL when EVENTCODER_TEST_PG_URL names one (the ``repo`` fixture of test_store)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite

from eventcoder.schema import EventQuery
from eventcoder.store import Repository, queries
from eventcoder.store.models import EventRow
from eventcoder.store.paging import ORDER, BadCursor, decode, encode
from store_support import undo_from
from test_store import mention, repo, result  # noqa: F401  (repo is a fixture)

DAYS = [date(2020, 4, 8), date(2020, 4, 8), date(2020, 4, 8), date(2020, 5, 2),
        date(2021, 6, 5)]


@pytest.fixture
def stocked(repo: Repository) -> Repository:  # noqa: F811
    """Five distinct events (three on one day: ties broken by id) and one undated."""
    repo.ingest([result(f"r{i}", mention(f"r{i}", 1, day=d, place=f"Village {i}",
                                         actor=f"group-{i % 2}"))
                 for i, d in enumerate(DAYS)])
    undated = replace(mention("u", 1, place="Hameau"), date=None)
    repo.ingest([result("u", undated)])
    return repo


def _all_by_cursor(store: Repository, query: EventQuery) -> list[str]:
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        page = store.events_page(query, cursor)
        seen += [e.id for e in page.events]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor
    raise AssertionError("cursor paging did not end")


@pytest.mark.parametrize("limit", [1, 2, 4, 6, 7])
def test_cursor_pages_cover_every_event_once_in_order(stocked: Repository, limit: int) -> None:
    everything, total = stocked.events(EventQuery(limit=100))
    assert total == 6 and everything[-1].date is None  # the undated one comes last
    assert _all_by_cursor(stocked, EventQuery(limit=limit)) == [e.id for e in everything]


def test_cursor_with_filters_and_actor_branches(stocked: Repository) -> None:
    """The actor filter is read as two ordered branches (actor 1, actor 2) and merged."""
    for query in (EventQuery(actor="group-1", limit=1), EventQuery(actor="us-military", limit=2),
                  EventQuery(since=date(2020, 4, 9), limit=1)):
        expected, _ = stocked.events(replace(query, limit=100))
        assert _all_by_cursor(stocked, query) == [e.id for e in expected]
    assert len(_all_by_cursor(stocked, EventQuery(actor="us-military", limit=2))) == 6


@pytest.mark.parametrize(("cap", "total", "capped"), [
    (None, 6, False), (10, 6, False), (6, 6, False), (5, 5, True), (0, 0, True)])
def test_count_is_capped(stocked: Repository, cap: int | None, total: int,
                         capped: bool) -> None:
    page = stocked.events_page(EventQuery(limit=2), count_cap=cap)
    assert (page.total, page.total_capped, len(page.events)) == (total, capped, 2)


def test_offset_then_cursor(stocked: Repository) -> None:
    everything, _ = stocked.events(EventQuery(limit=100))
    page = stocked.events_page(EventQuery(limit=2, offset=3))
    assert [e.id for e in page.events] == [e.id for e in everything[3:5]]
    rest = stocked.events_page(EventQuery(limit=2, offset=3), page.next_cursor)
    assert [e.id for e in rest.events] == [everything[5].id] and rest.next_cursor is None


@pytest.mark.parametrize("bad", ["", "x", "bm90IGpzb24", encode("2020-01-01", "e")[:-3],
                                 "WzEsMl0"])  # "not json", cut short, [1,2]
def test_bad_cursors_are_refused(bad: str) -> None:
    with pytest.raises(BadCursor):
        decode(bad)


def test_cursor_round_trip() -> None:
    assert decode(encode("2020-04-08", "ev-1")) == ("2020-04-08", "ev-1")
    assert decode(encode(None, "ev-2")) == (None, "ev-2")


def _recounted(store: Repository) -> dict[str, int]:
    events, _ = store.events(EventQuery(limit=500))
    counts = Counter(a.id for e in events for a in (e.actor1, e.actor2) if a)
    return {aid: counts.get(aid, 0) for aid, _, _ in store.actors()}


def test_actor_counts_follow_ingest_split_and_merge(repo: Repository) -> None:  # noqa: F811
    repo.ingest([result(x, mention(x, 1)) for x in "abc"])  # one event, three reports
    assert repo.actors() == [("islamic-state", "Islamic State", 1),
                             ("us-military", "Military Forces of the United States", 1)]
    repo.revise([mention("c", 1, day=date(2020, 4, 20), actor="hts")])  # split off
    assert {a: n for a, _, n in repo.actors()} == {"islamic-state": 1, "hts": 1,
                                                   "us-military": 2} == _recounted(repo)
    repo.revise([mention("c", 1)])  # merged back: the split event is deleted
    assert {a: n for a, _, n in repo.actors()} == {"islamic-state": 1, "hts": 0,
                                                   "us-military": 1} == _recounted(repo)


def test_migration_fills_counts_of_a_stored_store(tmp_path: Path) -> None:
    """Version 0003 on a store with events: the counts are computed once, from them."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    first = Repository(url)
    first.ingest([result("a", mention("a", 1)), result("b", mention("b", 1, country="SY"))])
    with first.engine.begin() as conn:
        conn.execute(text("UPDATE actors SET event_count = 0"))
        undo_from(conn, 3)  # the later ones, applied again after 0003
        conn.execute(text("DROP INDEX ix_events_lonlat"))
        conn.execute(text("ALTER TABLE actors DROP COLUMN event_count"))
    first.close()
    assert Repository(url).actors() == [  # ties by name
        ("islamic-state", "Islamic State", 2),
        ("us-military", "Military Forces of the United States", 2)]


@pytest.mark.parametrize(("query", "index"), [
    (EventQuery(bbox=(44.0, 33.0, 45.0, 34.0)), "ix_events_lonlat"),
    (EventQuery(actor="group-1"), "ix_events_actor1"),
])
def test_read_paths_use_indexes(tmp_path: Path, query: EventQuery, index: str) -> None:
    store = Repository(f"sqlite:///{tmp_path / 's.db'}")
    where = queries.event_conditions(query, {"group-1"}, with_actor=False)
    branches = queries.actor_branches({"group-1"}) if query.actor else []
    stmt = (select(EventRow.date_start, EventRow.id)
            .where(*where, *(branches[:1])).order_by(*ORDER).limit(100))
    sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        plan = " ".join(str(r[3]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert index in plan, plan
