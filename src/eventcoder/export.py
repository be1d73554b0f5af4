"""Output formats for events: JSON Lines (the spec), JSON, and a readable table.

ACLED-style CSV and GeoJSON are added by the merge/export work (issue 5).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from eventcoder.schema import Event


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


WRITERS = {"jsonl": write_jsonl, "json": write_json, "table": write_table}
