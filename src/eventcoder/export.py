"""Output formats for events: JSON Lines (the spec), JSON, a readable table, ACLED CSV
and GeoJSON.

The CSV has exactly ACLED's columns in ACLED's order (export_acled), so an analyst's ACLED
scripts read it unchanged; GeoJSON puts the located events on a map, flat properties only
because most GIS tools cannot show nested objects.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable
from typing import Any, TextIO

from eventcoder.export_acled import ACLED_COLUMNS, acled_row
from eventcoder.schema import Event

log = logging.getLogger(__name__)


def write_jsonl(events: Iterable[Event], out: TextIO) -> None:
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def write_json(events: Iterable[Event], out: TextIO) -> None:
    json.dump([e.to_dict() for e in events], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _cell(event: Event) -> list[str]:
    loc = event.location
    place = ""
    if loc:
        place = " / ".join(p for p in (loc.place, loc.admin1, loc.country) if p)
    date = ""
    if event.date:
        date = event.date.start.isoformat()
        if event.date.end != event.date.start:
            date += ".." + event.date.end.isoformat()
    actor1 = event.actor1.name if event.actor1 else ""
    actor2 = event.actor2.name if event.actor2 else ""
    deaths = "" if event.fatalities is None else str(event.fatalities)
    hurt = "" if event.injuries is None else str(event.injuries)
    articles = ",".join(sorted({s.article for s in event.sources}))
    return [date, event.sub_event_type or event.event_type, place, actor1, actor2,
            deaths, hurt, event.weapon or "", articles]


TABLE_HEADER = ["date", "type", "where", "actor1", "actor2", "killed", "injured",
                "weapon", "articles"]


def write_table(events: Iterable[Event], out: TextIO, max_width: int = 34) -> None:
    rows = [TABLE_HEADER] + [_cell(e) for e in events]
    rows = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(TABLE_HEADER))]
    for n, row in enumerate(rows):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def write_csv(events: Iterable[Event], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event))


def geojson_properties(event: Event) -> dict[str, Any]:
    loc, span = event.location, event.date
    return {
        "id": event.id, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": span.start.isoformat() if span else None,
        "date_end": span.end.isoformat() if span else None,
        "precision": span.precision if span else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "admin1_name": loc.admin1_name if loc else None, "place": loc.place if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "fatalities": event.fatalities, "injuries": event.injuries, "weapon": event.weapon,
        "status": event.status, "sources": len(event.sources),
        "confidence": round(event.confidence, 3),
    }


def to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A FeatureCollection of the located events; ``skipped`` counts the others."""
    features: list[dict[str, Any]] = []
    skipped = 0
    for event in events:
        loc = event.location
        if loc is None or loc.latitude is None or loc.longitude is None:
            skipped += 1
            continue
        features.append({
            "type": "Feature", "id": event.id,
            "geometry": {"type": "Point", "coordinates": [loc.longitude, loc.latitude]},
            "properties": geojson_properties(event),
        })
    if skipped:
        log.info("geojson: %d events without coordinates skipped", skipped)
    return {"type": "FeatureCollection", "features": features, "skipped": skipped}


def write_geojson(events: Iterable[Event], out: TextIO) -> None:
    json.dump(to_geojson(events), out, ensure_ascii=False, indent=1)
    out.write("\n")


WRITERS = {"jsonl": write_jsonl, "json": write_json, "table": write_table, "csv": write_csv,
           "geojson": write_geojson}
