"""The tables as SQLAlchemy 2 mapped classes, for queries.

The schema itself is created by the numbered migrations (``migrations/NNNN_*.sql``);
these classes mirror it, and ``tests/test_store.py`` checks that the two agree.
Dates and timestamps are ISO text so that both SQLite and PostgreSQL compare them alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    precision: Mapped[str | None] = mapped_column(String(5))
    language: Mapped[str | None] = mapped_column(String(8))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[str] = mapped_column(String(32))


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    event_id: Mapped[str | None] = mapped_column(String(200))


class EventRow(Base):
    """Filterable columns beside the full record (``payload`` = ``Event.to_dict()``)."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(16))
    place: Mapped[str | None] = mapped_column(Text)
    actor1_id: Mapped[str | None] = mapped_column(String(200))
    actor2_id: Mapped[str | None] = mapped_column(String(200))
    actor1_name: Mapped[str | None] = mapped_column(Text)
    actor2_name: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created: Mapped[str] = mapped_column(String(32))
    updated: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


class EventSourceRow(Base):
    __tablename__ = "event_sources"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    mention_id: Mapped[str] = mapped_column(String(200), primary_key=True, default="")


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2))
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    """Events it takes part in, kept on write (``store/counters.py``)."""


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(16))
    admin1_name: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class ChangeRow(Base):
    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SchemaVersionRow(Base):
    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    applied_at: Mapped[str] = mapped_column(String(32))


class EventSummaryRow(Base):
    """One count of ``GET /api/stats``, kept on write (``store/summary.py``)."""

    __tablename__ = "event_summary"

    scope: Mapped[str] = mapped_column(String(2), primary_key=True)
    dim: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)
