"""Records to rows and back. The full record is kept as JSON (``payload``) so that a
stored event reads back equal to what was written; a few fields are copied into indexed
columns for filtering."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from eventcoder.ingest import parse_pubdate
from eventcoder.schema import Actor, Article, Event, Mention
from eventcoder.store.models import ArticleRow, EventRow

TIMESTAMPS = ("created", "updated")


def now_iso() -> str:
    return iso_utc(datetime.now(UTC))


def iso_utc(moment: datetime) -> str:
    """A fixed-width UTC timestamp, so that string order is time order (naive = UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def article_row(article: Article, ingested_at: str) -> ArticleRow:
    pub = article.published
    return ArticleRow(
        id=article.id, content_hash=article.content_hash, text=article.text,
        published=pub.iso if pub else None, precision=pub.precision if pub else None,
        language=article.language, url=article.url, outlet=article.outlet,
        title=article.title, path=article.path, ingested_at=ingested_at,
    )


def article_from_row(row: ArticleRow) -> Article:
    return Article(
        id=row.id, text=row.text,
        published=parse_pubdate(row.published) if row.published else None,
        language=row.language, url=row.url, outlet=row.outlet, title=row.title,
        path=row.path,
    )


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """The mention as its own event, plus what only a mention has."""
    d = mention.to_event().to_dict()
    d["article"] = mention.article
    d["claimed_by"] = [a.to_dict() for a in mention.claimed_by]
    if mention.same_as:
        d["same_as"] = mention.same_as
    return d


def mention_from_dict(d: dict[str, Any]) -> Mention:
    event = Event.from_dict(d)
    source = event.sources[0] if event.sources else None
    return Mention(
        id=event.id, article=d["article"], event_type=event.event_type,
        sub_event_type=event.sub_event_type, date=event.date, location=event.location,
        actor1=event.actor1, actor2=event.actor2,
        claimed_by=[Actor.from_dict(a) for a in d.get("claimed_by", [])],
        fatalities=event.fatalities, injuries=event.injuries, weapon=event.weapon,
        reported_by=event.reported_by, origin=event.origin, status=event.status,
        evidence=source.evidence if source else [], fields=source.fields if source else {},
        confidence=event.confidence, same_as=d.get("same_as"),
    )


def event_payload(event: Event) -> dict[str, Any]:
    d = event.to_dict()
    for key in TIMESTAMPS:
        d.pop(key, None)
    return d


def event_columns(event: Event) -> dict[str, Any]:
    """The indexed columns of an event row (everything but id and timestamps)."""
    loc, date = event.location, event.date
    a1, a2 = event.actor1, event.actor2
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": date.start.isoformat() if date else None,
        "date_end": date.end.isoformat() if date else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "place": loc.place if loc else None,
        "actor1_id": a1.id if a1 else None,
        "actor2_id": a2.id if a2 else None,
        "actor1_name": a1.name if a1 else None,
        "actor2_name": a2.name if a2 else None,
        "fatalities": event.fatalities,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "payload": event_payload(event),
    }


def event_from_row(row: EventRow) -> Event:
    event = Event.from_dict(row.payload)
    event.created, event.updated = row.created, row.updated
    return event
