"""Hand-made predictions and gold files for the evaluation tests (invented events)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from eventcoder.schema import Actor, DateSpan, Event, Location, Mention, Source

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def actor(name: str, text: str | None = None) -> Actor:
    return Actor(id=name.lower().replace(" ", "-"), name=name, text=text)


def mention(mid: str, article: str, event_type: str = "Battles", *,
            sub: str | None = "Armed clash", start: str = "2021-03-09",
            end: str | None = None, country: str | None = "ML", admin1: str | None = "ML-5",
            actor1: Actor | None = None, actor2: Actor | None = None,
            fatalities: int | None = None, injuries: int | None = None,
            weapon: str | None = None) -> Mention:
    span = DateSpan(date.fromisoformat(start), date.fromisoformat(end or start), "day")
    return Mention(mid, article, event_type, sub, span, Location(country, admin1),
                   actor1=actor1, actor2=actor2, fatalities=fatalities, injuries=injuries,
                   weapon=weapon)


def event(eid: str, *mentions: Mention) -> Event:
    """A merged event whose sources are the given mentions (fields of the first)."""
    first = mentions[0]
    return Event(eid, first.event_type, first.sub_event_type, first.date, first.location,
                 sources=[Source(m.article, m.id) for m in mentions])


def gold_event(key: str, event_type: Any = ("Battles",), **fields: Any) -> dict[str, Any]:
    """A gold event; date and location default to a day in Mopti (ML-5)."""
    d: dict[str, Any] = {
        "key": key,
        "event_type": list(event_type),
        "date": {"start": "2021-03-09", "end": "2021-03-09", "precision": "day"},
        "location": {"country": "ML", "admin1": ["ML-5"]},
    }
    d.update(fields)
    return d


def write_gold(folder: Path, article: str, events: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article}.gold.json"
    path.write_text(json.dumps({"article": article, "events": events}), encoding="utf-8")
    return path
