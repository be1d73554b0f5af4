"""Several writers on one store at once: threads on PostgreSQL, processes on SQLite.

Each writer's merge is slowed down (``cluster_support.slow_merge``) so that transactions
overlap for certain; the counts asserted are exact.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError

from cluster_support import ingest_worker, report, slow_merge
from eventcoder.schema import DateSpan, Event, EventQuery, IngestReport, Location
from eventcoder.store import Repository, concurrency
from eventcoder.store import merging as store_merging
from eventcoder.store.migrations import migrations

PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG_URL, reason="EVENTCODER_TEST_PG_URL not set")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """An empty schema in the throwaway PostgreSQL database."""
    engine = create_engine(str(PG_URL))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    yield str(PG_URL)


def all_events(repo: Repository) -> list[Event]:
    events, total = repo.events(EventQuery(limit=1000))
    assert len(events) == total
    return events


def articles_by_event(repo: Repository) -> list[list[str]]:
    return sorted(sorted(s.article for s in ev.sources) for ev in all_events(repo))


def at_once(url: str, plans: list[list[tuple[str, int]]]) -> list[IngestReport]:
    """Each plan ingested by its own thread and repository, all starting together."""
    start = threading.Barrier(len(plans))

    def run(plan: list[tuple[str, int]]) -> IngestReport:
        repo = Repository(url)
        try:
            start.wait(timeout=30)
            return repo.ingest(report(aid, occ) for aid, occ in plan)
        finally:
            repo.close()

    with ThreadPoolExecutor(len(plans)) as pool:
        return list(pool.map(run, plans))


# -- lock keys --------------------------------------------------------------------------

def reported(country: str | None, day: date | None) -> Any:
    m = report("k", 0).mentions[0]
    m.location = Location(country) if country else None
    m.date = DateSpan(day, day, "day", "ce jour") if day else None
    return m


@pytest.mark.parametrize(("first", "second", "shared"), [
    (("IQ", date(2020, 4, 8)), ("IQ", date(2020, 4, 20)), True),   # one block
    (("IQ", date(2020, 4, 8)), ("IQ", date(2020, 6, 2)), True),    # windows overlap
    (("IQ", date(2020, 4, 8)), ("SY", date(2020, 4, 8)), False),   # other country
    (("IQ", date(2020, 4, 8)), (None, date(2020, 4, 8)), False),   # country unknown
    ((None, date(2020, 4, 8)), (None, date(2020, 4, 9)), True),
    (("IQ", date(2020, 4, 8)), ("IQ", date(2021, 4, 8)), False),   # a year apart
])
def test_writers_wait_only_for_blocks_they_share(first: tuple[str | None, date],
                                                 second: tuple[str | None, date],
                                                 shared: bool) -> None:
    window = store_merging.WINDOW
    a = concurrency.lock_keys([reported(*first)], window)
    b = concurrency.lock_keys([reported(*second)], window)
    assert a == sorted(a) and b == sorted(b)
    assert bool(set(a) & set(b)) is shared


def test_lock_keys_span_the_candidate_window() -> None:
    # 8 April: candidates start 7 + 7 + 62 days earlier (23 January): Jan..Apr
    keys = concurrency.lock_keys([reported("IQ", date(2020, 4, 8))], store_merging.WINDOW)
    assert len(keys) == 4
    both = [reported("IQ", date(2020, 4, 8)), reported("SY", date(2020, 4, 8))]
    assert len(concurrency.lock_keys(both, store_merging.WINDOW)) == 8
    assert concurrency.lock_keys([reported("IQ", None)], store_merging.WINDOW) == []
    assert all(-2**63 <= k < 2**63 for k in keys)


def test_reports_of_one_occurrence_merge_when_ingested_in_turn(tmp_path: Path) -> None:
    """The baseline the concurrent runs must reproduce."""
    repo = Repository(f"sqlite:///{tmp_path / 's.db'}")
    got = repo.ingest([report("a", 0), report("b", 1), report("c", 0), report("d", 5)])
    assert (len(got.stored), got.events_created, got.events_updated) == (4, 3, 1)
    assert articles_by_event(repo) == [["a", "c"], ["b"], ["d"]]


# -- PostgreSQL: threads ----------------------------------------------------------------

@needs_pg
def test_two_writers_of_one_occurrence_make_one_event(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_merging, "merge_into", slow_merge(0.4))
    reports = at_once(pg_url, [[("a", 0)], [("b", 0)]])
    assert sorted(r.events_created for r in reports) == [0, 1]
    assert sorted(r.events_updated for r in reports) == [0, 1]
    repo = Repository(pg_url)
    assert articles_by_event(repo) == [["a", "b"]]
    assert sorted(c["kind"] for c in repo.changes()) == ["created", "updated"]


@needs_pg
def test_a_writer_holds_one_lock_per_country_and_month_until_commit(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    watcher = create_engine(pg_url)
    mine = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())")
    held: list[int] = []
    real = store_merging.merge_into

    def merge_into(mentions: Any, existing: Any) -> Any:
        with watcher.connect() as conn:
            held.append(conn.exec_driver_sql(
                mine + " AND mode = 'ExclusiveLock' AND granted").scalar() or 0)
        return real(mentions, existing)

    monkeypatch.setattr(store_merging, "merge_into", merge_into)
    repo = Repository(pg_url)
    two_countries = report("c", 0)
    two_countries.mentions.append(report("c", 2).mentions[0])  # IQ and SY, 1 and 3 April
    two_countries.mentions[1].id = "c-m2"
    repo.ingest([report("a", 0), two_countries])
    with watcher.connect() as conn:
        after = conn.exec_driver_sql(mine).scalar()
    watcher.dispose()
    assert held == [4, 8] and after == 0  # January..April, per country; released


@needs_pg
def test_without_the_locks_the_race_duplicates(pg_url: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: the test above would catch a store that does not lock. (The actor
    and place rows are left out: two writers inserting the same new actor collide, and the
    retry would then merge by chance; in a store that knows them already, they do not.)"""
    monkeypatch.setattr(store_merging, "merge_into", slow_merge(0.4))
    monkeypatch.setattr(concurrency, "lock_blocks", lambda *_args: 0)
    monkeypatch.setattr(store_merging, "_remember", lambda *_args: None)
    at_once(pg_url, [[("a", 0)], [("b", 0)]])
    assert articles_by_event(Repository(pg_url)) == [["a"], ["b"]]


@needs_pg
def test_three_writers_many_occurrences(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_merging, "merge_into", slow_merge(0.03))
    occurrences = list(range(8))
    plans = [[(f"w{w}-o{k}", k) for k in occurrences[w:] + occurrences[:w]]
             for w in range(3)]
    reports = at_once(pg_url, plans)
    assert [(len(r.stored), len(r.failed)) for r in reports] == [(8, 0)] * 3
    assert sum(r.events_created for r in reports) == 8
    repo = Repository(pg_url)
    assert articles_by_event(repo) == [[f"w{w}-o{k}" for w in range(3)] for k in occurrences]
    assert repo.stats()["totals"]["events"] == 8


@needs_pg
def test_one_article_by_four_writers_is_stored_once(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_merging, "merge_into", slow_merge(0.3))
    reports = at_once(pg_url, [[("same", 2)]] * 4)
    assert sorted(len(r.stored) for r in reports) == [0, 0, 0, 1]
    assert sorted(len(r.duplicates) for r in reports) == [0, 1, 1, 1]
    assert all(r.failed == [] for r in reports)
    repo = Repository(pg_url)
    assert [a.id for a in repo.articles()] == ["same"]
    assert articles_by_event(repo) == [["same"]]


@needs_pg
def test_nodes_opening_a_new_database_together_migrate_once(pg_url: str) -> None:
    start = threading.Barrier(4)

    def open_store(_n: int) -> list[int]:
        start.wait(timeout=30)
        repo = Repository(pg_url)
        with repo.engine.connect() as conn:
            versions = [r[0] for r in conn.execute(
                text("SELECT version FROM schema_version ORDER BY version"))]
        repo.close()
        return versions

    with ThreadPoolExecutor(4) as pool:
        seen = list(pool.map(open_store, range(4)))
    assert seen == [[m.version for m in migrations()]] * 4


# -- SQLite: processes ------------------------------------------------------------------

def in_processes(url: str, plans: list[list[tuple[str, int]]], delay: float
                 ) -> list[dict[str, int]]:
    with ProcessPoolExecutor(len(plans), mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(ingest_worker, url, plan, delay) for plan in plans]
        return [f.result(timeout=120) for f in futures]


def test_two_processes_share_a_sqlite_file(tmp_path: Path) -> None:
    """The second writer waits for the first (no "database is locked"); reports of one
    occurrence from both sides make one event; an article both ingest is stored once."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    Repository(url).close()  # created (and migrated) before the writers start
    plans = [[(f"p{p}-o{k}", k) for k in range(6)] + [("both", 7)] for p in range(2)]
    got = in_processes(url, plans, delay=0.1)
    assert sum(g["failed"] for g in got) == 0
    assert sorted((g["stored"], g["duplicates"]) for g in got) == [(6, 1), (7, 0)]
    assert sum(g["created"] for g in got) == 7
    repo = Repository(url)
    expected = [[f"p0-o{k}", f"p1-o{k}"] for k in range(6)] + [["both"]]
    assert articles_by_event(repo) == sorted(expected)


def test_sqlite_write_transactions_begin_immediate(tmp_path: Path) -> None:
    """A second writer sees the lock at BEGIN and waits there, with a busy timeout."""
    repo = Repository(f"sqlite:///{tmp_path / 'i.db'}")
    statements: list[str] = []
    event.listen(repo.engine, "before_cursor_execute",
           lambda _c, _cur, stmt, *_a: statements.append(stmt))
    repo.ingest([report("a", 0)])
    assert statements[0] == "BEGIN IMMEDIATE"
    statements.clear()
    repo.events(EventQuery())
    assert statements[0] == "BEGIN"
    with repo.engine.connect() as conn:
        timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert timeout == int(concurrency.SQLITE_BUSY_TIMEOUT * 1000)



# -- retries ----------------------------------------------------------------------------

class DriverError(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        if sqlstate is not None:
            self.sqlstate = sqlstate


@pytest.mark.parametrize(("error", "retried"), [
    (DriverError("deadlock detected", "40P01"), True),
    (DriverError("could not serialize access", "40001"), True),
    (DriverError("duplicate key value violates unique constraint", "23505"), True),
    (DriverError("violates foreign key constraint", "23503"), False),
    (DriverError("syntax error", "42601"), False),
    (DriverError("database is locked"), True),
    (DriverError("UNIQUE constraint failed: articles.content_hash"), True),
    (DriverError("no such table: events"), False),
])
def test_which_errors_are_a_lost_race(error: DriverError, retried: bool) -> None:
    assert concurrency.retryable(DBAPIError("stmt", {}, error)) is retried


def test_a_lost_race_is_run_again_a_bounded_number_of_times(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concurrency.time, "sleep", lambda _s: None)
    calls: list[int] = []

    def work(fail_times: int) -> str:
        calls.append(1)
        if len(calls) <= fail_times:
            raise DBAPIError("stmt", {}, DriverError("deadlock detected", "40P01"))
        return "stored"

    assert concurrency.retrying(lambda: work(2), "a") == "stored" and len(calls) == 3
    calls.clear()
    with pytest.raises(DBAPIError):
        concurrency.retrying(lambda: work(99), "a")
    assert len(calls) == concurrency.ATTEMPTS
