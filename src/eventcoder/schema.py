"""Typed records that cross every stage boundary.

The field names follow ../shared/spec/events.md (docs/format.md): the extractor, the store,
the API, the exports and the evaluation all speak these records, so a field is renamed
nowhere. ``to_dict`` gives the spec's JSON shape; ``from_dict`` reads it back, which is how
the store and JSONL files round-trip.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "range", "month", "year"]
Basis = Literal["claimed", "reported", "alleged", "unknown"]
Status = Literal["claimed", "confirmed", "unconfirmed", "denied"]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
WEAPONS = (
    "IED", "rocket", "missile", "drone", "airstrike", "artillery", "firearm",
    "grenade", "suicide", "vehicle", "knife", "other",
)


def content_hash(text: str) -> str:
    """Identity of an article's content: a second ingest of the same text adds nothing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Span:
    """Character offsets into the stored article text (after the date header)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), d.get("text", ""))


@dataclass(frozen=True)
class DateSpan:
    """An inclusive span of days; ``stated`` is False when taken from the publication date."""

    start: date
    end: date
    precision: Precision
    text: str | None = None
    stated: bool = True

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "text": self.text,
        }
        if not self.stated:
            d["stated"] = False
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateSpan:
        return cls(
            date.fromisoformat(d["start"]),
            date.fromisoformat(d["end"]),
            d["precision"],
            d.get("text"),
            d.get("stated", True),
        )


@dataclass(frozen=True)
class Location:
    country: str | None = None
    admin1: str | None = None
    admin1_name: str | None = None
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "admin1": self.admin1,
            "admin1_name": self.admin1_name,
            "place": self.place,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Location:
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Actor:
    """A normalised actor in a role; ``type`` is ACLED's actor class (state forces, …)."""

    id: str
    name: str
    text: str | None = None
    basis: Basis = "reported"
    type: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "text": self.text,
                             "basis": self.basis}
        if self.type:
            d["type"] = self.type
        if self.country:
            d["country"] = self.country
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(d["id"], d["name"], d.get("text"), d.get("basis", "reported"),
                   d.get("type"), d.get("country"))


@dataclass(frozen=True)
class Outlet:
    name: str
    text: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "text": self.text}
        if self.id:
            d["id"] = self.id
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Outlet:
        return cls(d["name"], d.get("text"), d.get("id"))


@dataclass(frozen=True)
class PubDate:
    """A publication date of day or month precision, as the input header gives it."""

    start: date
    end: date
    precision: Literal["day", "month"]

    @property
    def iso(self) -> str:
        return self.start.isoformat() if self.precision == "day" else self.start.isoformat()[:7]


@dataclass
class Article:
    id: str
    text: str
    published: PubDate | None = None
    language: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    path: str | None = None
    warnings: list[str] = field(default_factory=list, compare=False)
    """What ingest noticed but could live with (no publication date, …)."""

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Source:
    """One article's report of an event: which mention, and the words it came from."""

    article: str
    mention: str | None = None
    evidence: list[Span] = field(default_factory=list)
    fields: dict[str, Span] = field(default_factory=dict)
    fatalities: int | None = None
    injuries: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "article": self.article,
            "mention": self.mention,
            "evidence": [s.to_dict() for s in self.evidence],
        }
        if self.fields:
            d["fields"] = {k: v.to_dict() for k, v in self.fields.items()}
        if self.fatalities is not None:
            d["fatalities"] = self.fatalities
        if self.injuries is not None:
            d["injuries"] = self.injuries
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(
            d["article"],
            d.get("mention"),
            [Span.from_dict(s) for s in d.get("evidence", [])],
            {k: Span.from_dict(v) for k, v in (d.get("fields") or {}).items()},
            d.get("fatalities"),
            d.get("injuries"),
        )


@dataclass
class Mention:
    """One article's account of one occurrence.

    ``fields`` maps a field name (``event_type``, ``date``, ``location``, ``actor1``, …) to
    the span of the words it was read from, so that every value can be shown in the text.
    """

    id: str
    article: str
    event_type: str
    sub_event_type: str | None
    date: DateSpan | None
    location: Location | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    claimed_by: list[Actor] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    weapon: str | None = None
    reported_by: list[Outlet] = field(default_factory=list)
    origin: str | None = None
    status: Status = "unconfirmed"
    evidence: list[Span] = field(default_factory=list)
    fields: dict[str, Span] = field(default_factory=dict)
    confidence: float = 0.5
    same_as: str | None = None

    def source(self) -> Source:
        return Source(self.article, self.id, list(self.evidence), dict(self.fields),
                      self.fatalities, self.injuries)

    def to_event(self) -> Event:
        """The event this mention makes on its own (``extract --mentions``)."""
        return Event(
            id=self.id,
            event_type=self.event_type,
            sub_event_type=self.sub_event_type,
            date=self.date,
            location=self.location,
            actor1=self.actor1,
            actor2=self.actor2,
            claimed_by=list(self.claimed_by),
            fatalities=self.fatalities,
            injuries=self.injuries,
            weapon=self.weapon,
            reported_by=list(self.reported_by),
            origin=self.origin,
            status=self.status,
            sources=[self.source()],
            confidence=self.confidence,
        )


@dataclass
class Event:
    """One occurrence, merged across every article that reported it."""

    id: str
    event_type: str
    sub_event_type: str | None
    date: DateSpan | None
    location: Location | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    claimed_by: list[Actor] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    weapon: str | None = None
    reported_by: list[Outlet] = field(default_factory=list)
    origin: str | None = None
    status: Status = "unconfirmed"
    sources: list[Source] = field(default_factory=list)
    confidence: float = 0.5
    disagreements: dict[str, Any] = field(default_factory=dict)
    created: str | None = None
    updated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "claimed_by": [{"id": a.id, "name": a.name} for a in self.claimed_by],
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "weapon": self.weapon,
            "reported_by": [o.to_dict() for o in self.reported_by],
            "origin": self.origin,
            "status": self.status,
            "sources": [s.to_dict() for s in self.sources],
            "confidence": round(self.confidence, 3),
        }
        if self.disagreements:
            d["disagreements"] = self.disagreements
        if self.created:
            d["created"] = self.created
        if self.updated:
            d["updated"] = self.updated
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def actor(v: dict[str, Any] | None) -> Actor | None:
            return Actor.from_dict(v) if v else None

        return cls(
            id=d["id"],
            event_type=d["event_type"],
            sub_event_type=d.get("sub_event_type"),
            date=DateSpan.from_dict(d["date"]) if d.get("date") else None,
            location=Location.from_dict(d["location"]) if d.get("location") else None,
            actor1=actor(d.get("actor1")),
            actor2=actor(d.get("actor2")),
            claimed_by=[Actor(a["id"], a["name"], basis="claimed")
                        for a in d.get("claimed_by", [])],
            fatalities=d.get("fatalities"),
            injuries=d.get("injuries"),
            weapon=d.get("weapon"),
            reported_by=[Outlet.from_dict(o) for o in d.get("reported_by", [])],
            origin=d.get("origin"),
            status=d.get("status", "unconfirmed"),
            sources=[Source.from_dict(s) for s in d.get("sources", [])],
            confidence=float(d.get("confidence", 0.5)),
            disagreements=d.get("disagreements") or {},
            created=d.get("created"),
            updated=d.get("updated"),
        )


@dataclass
class ArticleResult:
    """What extraction made of one article: its mentions, or why it could not."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestError:
    """One input that could not be read; the batch goes on without it."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class EventQuery:
    """Filters shared by the CLI (`events`), the API (`/api/events`) and exports."""

    country: str | None = None
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    limit: int = 100
    offset: int = 0


@dataclass
class IngestReport:
    """What one ingest did: stored articles, duplicates skipped, failures, events touched."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    mentions: int = 0
    events_created: int = 0
    events_updated: int = 0
