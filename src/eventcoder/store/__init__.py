"""Storage behind one repository (SQLite by default, PostgreSQL by URL).

The interface every caller uses (CLI, API, dashboard), implemented in ``repository.py``::

    repo = Repository(url)                         # runs pending migrations
    repo.ingest(results: Iterable[ArticleResult]) -> IngestReport
        # one transaction per article; same content hash -> duplicate, nothing added;
        # new mentions are merged into stored events with eventcoder.merge.merge_with_changes;
        # a new report of a stored occurrence joins it and the event id stays
    repo.events(query: EventQuery) -> tuple[list[Event], int]      # page, total count
    repo.event(event_id: str) -> Event | None
    repo.event_of_mention(mention_id: str) -> Event | None         # via event_sources
    repo.article(article_id: str) -> tuple[Article, list[Mention]] | None
    repo.articles(limit: int = 100, offset: int = 0) -> list[Article]
    repo.actors() -> list[tuple[str, str, int]]                    # id, name, events
    repo.stats() -> dict[str, Any]   # totals, by_type, by_month, by_admin1, by_country
    repo.changes(since: datetime | None) -> list[dict[str, Any]]   # change log: created, updated,
        # merged, split, removed, with a JSON detail
"""

from eventcoder.store.repository import Repository, StoreConflict

__all__ = ["Repository", "StoreConflict"]
