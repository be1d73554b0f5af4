"""One event as an ACLED CSV row: ACLED's columns, filled as far as our fields allow.

Choices where ACLED's rule needs data we do not have:

- ``event_id_cnty``: ISO3 + a decimal number read from the SHA-1 of our event id (12 hex
  digits), so the same event always gets the same ACLED-style id and ids do not collide in
  practice (the JSON exports keep our own id).
- ``event_date``: a day is itself (time_precision 1); a span of up to a week is its middle
  (2); a longer span or a month is its middle (3), as ACLED codes "early/mid/late month";
  a year-precision event is exported at mid-span with precision 3 rather than dropped.
- ``fatalities``: 0 when no figure is reported (ACLED's rule); the lowest reported figure
  otherwise (merge keeps the others in ``disagreements``).
- ``timestamp``: the event's ``updated`` time, empty when the event was never stored,
  so that the export of the same input is byte-identical.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from functools import cache

import pycountry

from eventcoder.merge_rules import is_civilians, is_unknown, vocab
from eventcoder.normalize.countries import english_name
from eventcoder.schema import Actor, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)


@cache
def _region_of() -> dict[str, str]:
    return {code: region for region, codes in vocab()["regions"].items() for code in codes}


def acled_date(event: Event) -> tuple[date | None, int | None]:
    """ACLED's single day and time_precision for our span."""
    if event.date is None:
        return None, None
    span = event.date
    if span.precision == "day" or span.start == span.end:
        return span.start, 1
    middle = span.start + timedelta(days=(span.end - span.start).days // 2)
    return middle, 2 if (span.end - span.start).days < 7 else 3


def inter_code(actor: Actor | None, country: str | None) -> int | None:
    """ACLED's inter code; state forces acting outside their country are External (8)."""
    if actor is None:
        return None
    if is_civilians(actor):
        return 7
    code: int | None = vocab()["inter_codes"].get((actor.type or "").casefold())
    if code is None and is_unknown(actor.id):
        return 3
    if code == 1 and actor.country and country and actor.country != country:
        return 8
    return code


def interaction(inter1: int | None, inter2: int | None) -> str:
    if inter1 is None:
        return ""
    if inter2 is None:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def event_id_cnty(event: Event, iso3: str) -> str:
    return iso3 + str(int(hashlib.sha1(event.id.encode("utf-8")).hexdigest()[:12], 16))


def notes(event: Event, day: date | None) -> str:
    """A sentence in ACLED's form, built from the coded fields only."""
    loc = event.location
    where = ""
    if loc is not None:
        admin = loc.admin1_name or loc.admin1
        name = loc.place or admin or (english_name(loc.country) if loc.country else None)
        if name:
            where = f", in {name}" + (f" ({admin})" if admin and admin != name else "")
    templates = vocab()["notes" if event.actor2 else "notes_one_sided"]
    template: str = templates.get(event.event_type, "{actor1}: {sub}")
    what = template.format(
        actor1=event.actor1.name if event.actor1 else "Unidentified actors",
        actor2=event.actor2.name if event.actor2 else "",
        sub=(event.sub_event_type or event.event_type).lower())
    when = f"On {day.day} {day:%B %Y}" if day else "On an unknown date"
    deaths = event.fatalities or 0
    toll = f"{deaths} fatalit{'y' if deaths == 1 else 'ies'}"
    return f"{when}{where}, {what}. {toll}."


def _timestamp(updated: str | None) -> str:
    if not updated:
        return ""
    try:
        return str(int(datetime.fromisoformat(updated).timestamp()))
    except ValueError:
        return ""


def _sources(event: Event) -> str:
    names = list(dict.fromkeys(o.name for o in event.reported_by))
    return "; ".join(names or dict.fromkeys(s.article for s in event.sources))


def acled_row(event: Event) -> dict[str, str]:
    loc = event.location
    country = loc.country if loc else None
    record = pycountry.countries.get(alpha_2=country) if country else None
    iso3 = record.alpha_3 if record else "XXX"
    day, precision = acled_date(event)
    inter1 = inter_code(event.actor1, country)
    inter2 = inter_code(event.actor2, country)
    disorder = vocab()["disorder_type_by_sub_event"].get(
        event.sub_event_type, vocab()["disorder_type"].get(event.event_type, ""))

    def num(v: object, fmt: str = "{}") -> str:
        return "" if v is None else fmt.format(v)

    return {
        "event_id_cnty": event_id_cnty(event, iso3), "event_date": num(day),
        "year": num(day.year if day else None), "time_precision": num(precision),
        "disorder_type": disorder, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type or "",
        "actor1": event.actor1.name if event.actor1 else "", "assoc_actor_1": "",
        "inter1": num(inter1), "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "", "inter2": num(inter2), "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilians targeted" if inter2 == 7 else "",
        "iso": str(int(record.numeric)) if record else "",
        "region": _region_of().get(country or "", ""),
        "country": english_name(country) or "" if country else "",
        "admin1": (loc.admin1_name or loc.admin1 or "") if loc else "", "admin2": "",
        "admin3": "", "location": (loc.place or loc.admin1_name or "") if loc else "",
        "latitude": num(loc.latitude if loc else None, "{:.4f}"),
        "longitude": num(loc.longitude if loc else None, "{:.4f}"),
        "geo_precision": num(loc.geo_precision if loc else None), "source": _sources(event),
        "source_scale": "", "notes": notes(event, day), "fatalities": str(event.fatalities or 0),
        "tags": "", "timestamp": _timestamp(event.updated),
    }
