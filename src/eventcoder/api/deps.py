"""What every route needs: the settings, the repository, the extractor, and the write rule.

The app keeps them on ``app.state`` so that tests can hand in a repository (or a fake with
the same methods) and an extractor without touching the environment.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from fastapi import HTTPException, Request

from eventcoder.schema import (
    Article,
    ArticleResult,
    Event,
    EventQuery,
    IngestReport,
    Mention,
)
from eventcoder.settings import Settings
from eventcoder.store.paging import COUNT_CAP, EventsPage

Extractor = Callable[[Iterable[Article]], Iterator[ArticleResult]]


class RepositoryLike(Protocol):
    """The repository interface of ``eventcoder.store`` that the API uses."""

    def ingest(self, results: Iterable[ArticleResult]) -> IngestReport: ...
    def events(self, query: EventQuery) -> tuple[list[Event], int]: ...
    def events_page(self, query: EventQuery, cursor: str | None = None,
                    count_cap: int | None = COUNT_CAP) -> EventsPage: ...
    def event(self, event_id: str) -> Event | None: ...
    def article(self, article_id: str) -> tuple[Article, list[Mention]] | None: ...
    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]: ...
    def actors(self) -> list[tuple[str, str, int]]: ...
    def stats(self, query: EventQuery | None = None) -> dict[str, Any]: ...
    def changes(self, since: datetime | None) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class ApiSettings:
    database_url: str
    api_key: str | None


def load_settings() -> ApiSettings:
    """What the API needs from the project's one Settings object (EVENTCODER_* variables)."""
    s = Settings()
    return ApiSettings(s.database_url, s.api_key or None)


def get_repo(request: Request) -> RepositoryLike:
    repo: RepositoryLike = request.app.state.repo
    return repo


def get_extractor(request: Request) -> Extractor:
    extract: Extractor = request.app.state.extract
    return extract


def require_writer(request: Request) -> None:
    """Writes need ``Authorization: Bearer <EVENTCODER_API_KEY>``; no key set = read-only."""
    settings: ApiSettings = request.app.state.settings
    if not settings.api_key:
        raise HTTPException(403, "writes are disabled: EVENTCODER_API_KEY is not set")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token", {"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), settings.api_key.encode()):
        raise HTTPException(401, "wrong API key", {"WWW-Authenticate": "Bearer"})
