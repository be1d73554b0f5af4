"""Copy load_api's synthetic SQLite store into PostgreSQL, to time the same reads there.

The schema is made by the repository's own migrations (indexes included), the rows are
streamed with COPY, then what the store keeps on write (per-actor counts, the stats
summary) is recounted and the tables analysed.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import psycopg
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventcoder.store import counters, summary
from eventcoder.store.models import EventRow
from eventcoder.store.repository import Repository

TABLES = {
    "actors": ["id", "name", "type", "country"],
    "articles": ["id", "content_hash", "text", "published", "precision", "language", "url",
                 "outlet", "title", "path", "ingested_at"],
    "events": ["id", "created", "updated", "event_type", "sub_event_type", "date_start",
               "date_end", "country", "admin1", "place", "actor1_id", "actor2_id",
               "actor1_name", "actor2_name", "fatalities", "latitude", "longitude", "payload"],
    "event_sources": ["event_id", "article_id", "mention_id"],
}


def count_events(url: str) -> int:
    repo = Repository(url)
    try:
        with Session(repo.engine) as session:
            return int(session.scalar(select(func.count()).select_from(EventRow)) or 0)
    finally:
        repo.close()


def copy_store(sqlite_path: Path, url: str) -> None:
    """Fill an empty PostgreSQL store (migrations applied) from the SQLite file."""
    repo = Repository(url)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with sqlite3.connect(sqlite_path) as src, psycopg.connect(dsn) as dst:
        for table, columns in TABLES.items():
            names = ", ".join(columns)
            with dst.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for n, row in enumerate(src.execute(f"SELECT {names} FROM {table}")):
                    copy.write_row(row)
                    if n % 100_000 == 0:
                        print(f"\r{table}: {n:,}", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
        dst.commit()
    with Session(repo.engine) as session, session.begin():
        counters.recount(session)
        summary.recount(session)
    with repo.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    repo.close()
