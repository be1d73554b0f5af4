"""Many writers on one store: processes of one machine, or nodes of a cluster.

Each article is stored in its own transaction, which reads the stored events it may join
and writes the merge. Two such transactions running side by side on PostgreSQL (READ
COMMITTED) would not see each other's new events: two reports of one occurrence would
become two events, and two updates of one stored event would keep only the last. So,
before reading its merge candidates, a transaction takes a transaction-level advisory lock
per merge block it can read or write, (country, month), in sorted key order (no deadlock
between two writers); the candidates query then runs after any writer of those blocks has
committed, and sees its events. Writers of other countries or months do not wait.

Why (country, month) is enough: the merge only joins a report to stored events of its own
country (``merge._reachable``; a country-less report only to country-less events), and
every stored event it can read starts inside its date window, so two transactions that
could touch one event, or create two that should be one, share a key.

SQLite serialises writers itself; a write transaction starts with ``BEGIN IMMEDIATE`` so
that a second writer waits (busy timeout) instead of failing with "database is locked"
when it upgrades a read transaction. Races the locks leave (two writers inserting the same
article, actor or place row, a deadlock between row locks) end in an integrity or
deadlock error: the article's transaction is run again, and then sees the other's rows.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from eventcoder.merge_blocking import block_keys
from eventcoder.merge_rules import MAX_SPAN_DAYS
from eventcoder.schema import Mention

log = logging.getLogger(__name__)

WRITE = "eventcoder_write"
"""Execution option marking an engine whose transactions write (``BEGIN IMMEDIATE``)."""
SQLITE_BUSY_TIMEOUT = 60.0
"""Seconds a SQLite writer waits for another; one article's transaction takes ms."""
ATTEMPTS = 5
_RETRY_STATES = {"40001", "40P01", "23505"}  # serialization failure, deadlock, unique key
_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_MIGRATION_KEY = -0x6576_656E_7463_6F64  # "eventcod": one migrating process at a time

T = TypeVar("T")


def lock_keys(mentions: Sequence[Mention], window: timedelta) -> list[int]:
    """The advisory lock keys of the blocks the merge of these mentions may read or write,
    sorted. ``window`` is the merge candidates' margin around the mentions' dates."""
    blocked = [m for m in mentions if m.date is not None and block_keys(m)]
    if not blocked:
        return []
    low = min(m.date.start for m in blocked if m.date) - window
    high = max(m.date.end for m in blocked if m.date) + window
    countries = {m.location.country if m.location else None for m in blocked}
    months = list(_months(low - timedelta(days=MAX_SPAN_DAYS), high))
    return sorted({_key(f"{country or '-'}|{month}") for country in countries
                   for month in months})


def _months(low: date, high: date) -> Iterator[str]:
    year, month = low.year, low.month
    while (year, month) <= (high.year, high.month):
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _key(name: str) -> int:
    """A signed 64-bit key (PostgreSQL's bigint) from a stable hash of the block name."""
    digest = hashlib.blake2b(f"eventcoder-merge|{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_blocks(session: Session, mentions: Sequence[Mention], window: timedelta) -> int:
    """Take the blocks' locks (PostgreSQL; held until commit or rollback). Returns how many."""
    if session.get_bind().dialect.name != "postgresql":
        return 0
    keys = lock_keys(mentions, window)
    for key in keys:
        session.execute(_LOCK, {"key": key})
    return len(keys)


def retrying(work: Callable[[], T], what: str,
             when: Callable[[DBAPIError], bool] | None = None) -> T:
    """Run one transaction, again after a race another writer won (see the module doc)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except DBAPIError as exc:
            if attempt == ATTEMPTS or not (when or retryable)(exc):
                raise
            log.info("%s: retry %d after %s", what, attempt, type(exc.orig).__name__)
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")


def retryable(exc: DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None)
    if state is not None:
        return state in _RETRY_STATES
    message = str(exc.orig).lower()
    return "database is locked" in message or "unique constraint failed" in message


def configure_sqlite(engine: Engine) -> None:
    """Transactions begun by this module's SQL (``BEGIN``, or ``BEGIN IMMEDIATE`` on a
    writing engine) rather than by the driver, which would begin a write transaction as a
    read and fail to upgrade it if another process committed in between."""
    event.listen(engine, "connect", _driver_leaves_transactions)
    event.listen(engine, "begin", _begin)


def sqlite_connect_args() -> dict[str, Any]:
    return {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT}


def _driver_leaves_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) marked for write transactions."""
    return engine.execution_options(**{WRITE: True})


def migrate(engine: Engine, apply: Callable[[Engine], T]) -> T:
    """Apply migrations once when several nodes open a new database at the same moment:
    on PostgreSQL behind a session advisory lock; on SQLite by running ``apply`` again
    (it skips what another process applied) when it lost the race."""
    if engine.dialect.name != "postgresql":
        return retrying(lambda: apply(engine), "migration", when=lambda _exc: True)
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_KEY})
        conn.commit()
        try:
            return apply(engine)
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_KEY})
            conn.commit()
