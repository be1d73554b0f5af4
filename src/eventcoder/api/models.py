"""Response and request models built on the core records (``eventcoder.schema``).

The nested parts (Span, DateSpan, Location, Actor, Outlet, Source) are the schema's own
dataclasses, which pydantic validates and documents as they are; only the top-level shapes
that ``to_dict`` writes differently (``claimed_by`` as references, a mention's evidence)
are declared here, so that the OpenAPI document describes what the exports write.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from eventcoder import ingest
from eventcoder.schema import (
    Actor,
    Article,
    DateSpan,
    Event,
    Location,
    Mention,
    Outlet,
    Source,
    Span,
    Status,
)


class ActorRef(BaseModel):
    """``claimed_by`` entries: the actor's id and name only."""

    id: str
    name: str


class _Occurrence(BaseModel):
    """Fields an event and a mention share."""

    id: str
    event_type: str
    sub_event_type: str | None
    date: DateSpan | None
    location: Location | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    claimed_by: list[ActorRef] = []
    fatalities: int | None = None
    injuries: int | None = None
    weapon: str | None = None
    reported_by: list[Outlet] = []
    origin: str | None = None
    status: Status = "unconfirmed"
    confidence: float = 0.5


class EventOut(_Occurrence):
    sources: list[Source] = []
    disagreements: dict[str, Any] = {}
    created: str | None = None
    updated: str | None = None

    @classmethod
    def from_record(cls, event: Event) -> EventOut:
        return cls.model_validate(event.to_dict())


class MentionOut(_Occurrence):
    article: str
    evidence: list[Span] = []
    fields: dict[str, Span] = {}
    same_as: str | None = None

    @classmethod
    def from_record(cls, mention: Mention) -> MentionOut:
        return cls.model_validate(mention_dict(mention))


def mention_dict(mention: Mention) -> dict[str, Any]:
    """A mention in the event shape, with its own evidence instead of a sources list."""
    d = mention.to_event().to_dict()
    src = d.pop("sources")[0]
    d.update(article=mention.article, evidence=src["evidence"],
             fields=src.get("fields", {}), same_as=mention.same_as)
    return d


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class ArticleOut(BaseModel):
    id: str
    text: str
    published: str | None = None
    language: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None

    @classmethod
    def from_record(cls, article: Article) -> ArticleOut:
        return cls(id=article.id, text=article.text,
                   published=article.published.iso if article.published else None,
                   language=article.language, url=article.url, outlet=article.outlet,
                   title=article.title)


class ArticleDetail(BaseModel):
    article: ArticleOut
    mentions: list[MentionOut]


class ActorCount(BaseModel):
    id: str
    name: str
    events: int


class IngestOut(BaseModel):
    article: str
    stored: bool
    duplicate: bool
    mentions: list[MentionOut]
    warnings: list[str] = []
    events_created: int = 0
    events_updated: int = 0


_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")


class ArticleIn(BaseModel):
    """One article to ingest: the same fields as a JSONL input record."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(description="letters, digits, '_', '-', '.', ':'; at most 200")
    text: str = Field(min_length=1, max_length=2_000_000)
    date: str = Field(description="publication date, YYYY-MM or YYYY-MM-DD")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}$")

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id must be 1-200 letters, digits, '_', '-', '.' or ':'")
        return v

    @field_validator("date")
    @classmethod
    def _date_ok(cls, v: str) -> str:
        if not _DATE.match(v):
            raise ValueError("date must be YYYY-MM or YYYY-MM-DD")
        ingest.parse_pubdate(v)  # raises ValueError on 2020-13 or 2020-02-30
        return v

    def to_record(self) -> Article:
        """The same normalisation as file input, so evidence offsets mean the same."""
        article = Article(id=self.id, text=ingest.normalize_text(self.text),
                          published=ingest.parse_pubdate(self.date), language=self.language,
                          url=self.url, outlet=self.outlet, title=self.title, path="api")
        return ingest.finish(article)
