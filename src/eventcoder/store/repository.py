"""The repository: every read and write of the store goes through this class.

Writes are one transaction per article (the article, its mentions and the events they
touch, or nothing), and ingest is idempotent by content hash. Reads return the typed
records of ``eventcoder.schema``; no caller sees a row.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Engine, create_engine, event, func, or_, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from eventcoder.schema import Article, ArticleResult, Event, EventQuery, IngestError, IngestReport
from eventcoder.schema import Mention as MentionRecord
from eventcoder.settings import Settings
from eventcoder.store import codec, concurrency, counters, paging, queries, search, summary
from eventcoder.store.merging import store_merged
from eventcoder.store.migrations import apply_pending
from eventcoder.store.models import (
    ArticleRow,
    ChangeRow,
    EventRow,
    EventSourceRow,
    MentionRow,
)

logger = logging.getLogger(__name__)

HASH_LOOKUP = 500
"""Hashes per IN list (well under every backend's bound parameter limit)."""


PG_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0"
"""Reads here are short index lookups: PostgreSQL's estimate for a text search is often
thousands of rows where there are none, and it then paid ~100 ms for starting parallel
workers and ~20 ms for JIT compilation on a query that needs 1 ms (measured over 1M
events, docs/benchmarks.md)."""


class StoreConflict(Exception):
    """An article id already stored with a different text."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with SQLite made safe for concurrent readers (WAL, foreign keys on)."""
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        kwargs: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
        engine = create_engine(url, connect_args=concurrency.sqlite_connect_args(), **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        concurrency.configure_sqlite(engine)
        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True, connect_args={"options": PG_OPTIONS})
    return create_engine(url, pool_pre_ping=True)


class Repository:
    """Storage behind one object; ``Repository(url)`` applies pending migrations."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or Settings().database_url
        self.engine = make_engine(self.url)
        concurrency.migrate(self.engine, apply_pending)
        self.text_search = search.mode(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(concurrency.writer(self.engine), expire_on_commit=False)
        counters.track(self._session)
        counters.track(self._writes)
        summary.track(self._session)
        summary.track(self._writes)

    def close(self) -> None:
        self.engine.dispose()

    # -- writes -------------------------------------------------------------------------

    def ingest(self, results: Iterable[ArticleResult]) -> IngestReport:
        """Store each article with its mentions, and merge them into stored events."""
        report = IngestReport()
        for result in results:
            article = result.article
            try:
                outcome = concurrency.retrying(partial(self._store_one, result), article.id)
            except Exception as exc:  # one bad article must not stop the batch
                logger.debug("ingest of %s failed", article.id, exc_info=True)
                report.failed.append(IngestError(article.path or article.id,
                                                 f"not stored: {exc}"))
                continue
            if outcome is None:
                report.duplicates.append(article.id)
                continue
            report.stored.append(article.id)
            report.mentions += len(result.mentions)
            report.events_created += outcome[0]
            report.events_updated += outcome[1]
        return report

    def revise(self, mentions: Sequence[MentionRecord]) -> tuple[int, int]:
        """Replace stored mentions by a new extraction of their (stored) articles and merge
        them again, in one transaction: an event may gain, lose (split) or give up (merged
        into another) mentions, each logged. Returns (events created, events updated)."""
        with self._writes.begin() as session:
            for mention in mentions:
                if session.get(ArticleRow, mention.article) is None:
                    raise StoreConflict(f"article {mention.article!r} is not stored")
                payload = codec.mention_to_dict(mention)
                row = session.get(MentionRow, mention.id)
                if row is not None:
                    row.payload = payload
                    continue
                seq = session.scalar(select(func.count()).select_from(MentionRow)
                                     .where(MentionRow.article_id == mention.article))
                session.add(MentionRow(id=mention.id, article_id=mention.article,
                                       seq=seq or 0, payload=payload))
                session.flush()
            return store_merged(session, mentions)

    def _store_one(self, result: ArticleResult) -> tuple[int, int] | None:
        with self._writes.begin() as session:
            return self._ingest_one(session, result)

    def _ingest_one(self, session: Session, result: ArticleResult) -> tuple[int, int] | None:
        """(events created, updated), or None for a duplicate. Raises to roll back."""
        article = result.article
        stored = session.scalar(
            select(ArticleRow.id).where(ArticleRow.content_hash == article.content_hash))
        if stored is not None:
            return None
        if session.get(ArticleRow, article.id) is not None:
            raise StoreConflict(f"article id {article.id!r} already stored with another text")
        session.add(codec.article_row(article, codec.now_iso()))
        session.flush()
        for seq, mention in enumerate(result.mentions):
            session.add(MentionRow(id=mention.id, article_id=article.id, seq=seq,
                                   payload=codec.mention_to_dict(mention)))
        session.flush()
        return store_merged(session, result.mentions)

    # -- reads --------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` whose text is stored: lets ingest skip an article before
        the costly extraction (unique index on ``content_hash``, a few IN lists)."""
        wanted = sorted(set(hashes))
        found: set[str] = set()
        with self._session() as session:
            for i in range(0, len(wanted), HASH_LOOKUP):
                part = wanted[i:i + HASH_LOOKUP]
                found.update(session.scalars(
                    select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(part))))
        return found

    def events(self, query: EventQuery) -> tuple[list[Event], int]:
        """One page of events (latest first) and the exact number matching the filters."""
        page = self.events_page(query, count_cap=None)
        return page.events, page.total

    def events_page(self, query: EventQuery, cursor: str | None = None,
                    count_cap: int | None = paging.COUNT_CAP) -> paging.EventsPage:
        """One page of events (latest first) after ``cursor`` (then ``query.offset`` is
        ignored), the number matching counted up to ``count_cap`` (None: exact; 0: not
        counted), and the cursor of the next page. Raises ``paging.BadCursor``."""
        steps = paging.phases(cursor)
        with self._session() as session:
            actors = queries.actor_ids(session, query.actor) if query.actor else None
            where = self._conditions(session, query, actors, with_actor=False)
            branches = queries.actor_branches(actors or ()) if query.actor else []
            whole = [*where, or_(*branches)] if branches else where
            total, capped = queries.capped_count(session, whole, count_cap)
            want, offset = query.limit + 1, 0 if cursor else query.offset
            keys: list[tuple[str | None, str]] = []
            for extra in steps:
                keys += queries.page_keys(session, [*where, *extra], branches,
                                          want - len(keys), offset)
                if len(keys) >= want:
                    break
            rows = queries.rows_by_id(session, [k[1] for k in keys[:query.limit]])
            more = len(keys) > query.limit
            return paging.EventsPage(
                events=[codec.event_from_row(r) for r in rows], total=total,
                total_capped=capped,
                next_cursor=paging.encode(*keys[query.limit - 1]) if more else None)

    def _conditions(self, session: Session, query: EventQuery, actors: set[str] | None,
                    with_actor: bool = True) -> list[ColumnElement[bool]]:
        """The filters of ``query``, its words resolved to ids first when they are few."""
        where = queries.event_conditions(replace(query, text=None), actors, with_actor)
        if query.text:
            where.append(search.resolve(session, query.text, self.text_search))
        return where

    def event(self, event_id: str) -> Event | None:
        with self._session() as session:
            row = session.get(EventRow, event_id)
            return codec.event_from_row(row) if row else None

    def event_of_mention(self, mention_id: str) -> Event | None:
        """The event that holds a mention now (event ids come from the merge, not from
        the mention, and a mention may have moved since it was stored)."""
        with self._session() as session:
            row = session.scalar(
                select(EventRow).join(EventSourceRow, EventSourceRow.event_id == EventRow.id)
                .where(EventSourceRow.mention_id == mention_id).limit(1))
            return codec.event_from_row(row) if row else None

    def article(self, article_id: str) -> tuple[Article, list[MentionRecord]] | None:
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return None
            mentions = session.scalars(
                select(MentionRow).where(MentionRow.article_id == article_id)
                .order_by(MentionRow.seq))
            return (codec.article_from_row(row),
                    [codec.mention_from_dict(m.payload) for m in mentions])

    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        with self._session() as session:
            rows = session.scalars(
                select(ArticleRow).order_by(ArticleRow.ingested_at, ArticleRow.id)
                .limit(limit).offset(offset))
            return [codec.article_from_row(r) for r in rows]

    def actors(self) -> list[tuple[str, str, int]]:
        """Every actor with the number of events it takes part in, most active first."""
        with self._session() as session:
            return queries.actor_counts(session)

    def stats(self, query: EventQuery | None = None) -> dict[str, Any]:
        """Totals and counts by type, month, admin1 and country: read from the summary kept
        on write, for every event or one country's; other filters count the matching
        events, the latest ``queries.STATS_SCAN_CAP`` at most (``capped`` says so)."""
        with self._session() as session:
            if query is None or queries.only_country(query):
                figures = summary.read(session, query.country if query else None)
                return {**figures, "capped": False}
            actors = queries.actor_ids(session, query.actor) if query.actor else None
            return queries.scanned_stats(session, self._conditions(session, query, actors))

    def changes(self, since: datetime | None = None) -> list[dict[str, Any]]:
        """The change log (events created, updated, merged, split, removed), oldest first."""
        stmt = select(ChangeRow).order_by(ChangeRow.id)
        if since is not None:
            stmt = stmt.where(ChangeRow.at >= codec.iso_utc(since))
        with self._session() as session:
            return [{"id": c.id, "at": c.at, "event_id": c.event_id, "kind": c.kind,
                     "detail": c.detail} for c in session.scalars(stmt)]
