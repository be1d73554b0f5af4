"""When two reports can be one occurrence, and how alike they are.

A pair is first checked for hard conflicts (incompatible types, dates too far apart,
a day outside the other report's span, different towns, different perpetrators): any
conflict vetoes the merge whatever the rest says. Only then is a weighted score computed,
so the threshold never has to trade a strong date match against a wrong place. A
different target alone is no conflict (sources describe victims differently), nor are
far-apart tolls (early tolls grow): both only lower the score. Both checks read
``Features``, computed once per report, because the merge compares each report with many
candidates.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Protocol

from eventcoder import yamlio
from eventcoder.merge_cues import span_weekdays, stated_km
from eventcoder.normalize import actors as actor_norm
from eventcoder.schema import EVENT_TYPES, Actor, DateSpan, Location

WEIGHTS = {"type": 0.25, "date": 0.2, "place": 0.25, "actors": 0.2, "fatalities": 0.05,
           "weapon": 0.05}
THRESHOLD = 0.62
# Longest date span (days) that takes part in merging: a "sometime this year" report cannot
# tell which occurrence it is.
MAX_SPAN_DAYS = 62
NEAR_KM = 30.0
# A span up to this many days is a close date for a day inside it; a longer one (a month)
# says little about which occurrence it is.
SHORT_SPAN_DAYS = 7
# Targets that differ and are not civilians against armed men: the actors weigh this.
ACTOR2_DIFFERENT = 0.3
# Tolls or injuries this far apart (one at least thrice the other, and by 5 or more) are
# evidence of two occurrences: subtracted from the score, never a veto (early tolls grow).
CASUALTY_RATIO, CASUALTY_GAP, CASUALTY_PENALTY = 3, 5, 0.15


@cache
def vocab() -> dict[str, Any]:
    """ACLED vocabulary shared by the merge and the exports (data/acled.yaml)."""
    text = resources.files("eventcoder").joinpath("data/acled.yaml").read_text("utf-8")
    data: dict[str, Any] = yamlio.safe_load(text)
    return data


Coded = tuple[str, str | None]  # (event_type, sub_event_type)


class Record(Protocol):
    """What a Mention and an Event share, and all the merge compares."""

    event_type: str
    sub_event_type: str | None
    date: DateSpan | None
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    fatalities: int | None
    injuries: int | None
    weapon: str | None


@lru_cache(maxsize=1 << 16)
def norm_name(text: str | None) -> str | None:
    if not text:
        return None
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return "".join(c for c in plain if c.isalnum()) or None


def is_unknown(actor_id: str | None) -> bool:
    return actor_id is None or actor_id.startswith("unidentified")


def is_civilians(actor: Actor | None) -> bool:
    if actor is None:
        return False
    return actor.id.startswith("civilians") or (actor.type or "").casefold() == "civilians"


@dataclass(slots=True)
class Features:
    """One report reduced to what the comparisons need."""

    event_type: str
    sub: str | None
    family: str
    country: str | None
    admin1: str | None  # None for a far relative location: its reference's province
    place: str | None  # normalised town name when geo_precision is 1 or 2
    near: bool
    lat: float | None
    lon: float | None
    ref_km: float | None  # stated distance from the reference town, when beyond NEAR_KM
    day_lo: int | None  # widened span, ordinal days
    day_hi: int | None
    raw_lo: int | None
    raw_hi: int | None
    exact_day: bool  # a stated day
    is_day: bool  # day precision, stated or not
    weekdays: frozenset[int] | None  # the weekdays a span derived from weekday words allows
    actor1: str | None
    actor2: str | None
    victims: bool
    fatalities: int | None
    injuries: int | None
    weapon: str | None


def tolerance(span: DateSpan) -> tuple[int, int]:
    """Days to widen a span by: a day is ±1 (time zones, night attacks reported the next
    morning); a date taken from the publication day may be a few days early."""
    before, after = (1, 1) if span.precision == "day" else (0, 0)
    if not span.stated:
        before += 3
    return before, after


def features(rec: Record) -> Features:
    loc = rec.location or Location()
    span = rec.date
    lo = hi = raw_lo = raw_hi = None
    if span is not None and (span.end - span.start).days <= MAX_SPAN_DAYS:
        raw_lo, raw_hi = span.start.toordinal(), span.end.toordinal()
        before, after = tolerance(span)
        lo, hi = raw_lo - before, raw_hi + after
    precise = loc.geo_precision in (1, 2)
    km = stated_km(loc)
    far = km is not None and km > NEAR_KM and loc.latitude is not None
    is_day = span is not None and span.precision == "day"
    return Features(
        event_type=rec.event_type, sub=rec.sub_event_type,
        family=type_family(rec.event_type), country=loc.country,
        admin1=None if far else loc.admin1, place=norm_name(loc.place) if precise else None,
        near=loc.geo_precision == 2, lat=loc.latitude, lon=loc.longitude,
        ref_km=km if far else None,
        day_lo=lo, day_hi=hi, raw_lo=raw_lo, raw_hi=raw_hi,
        exact_day=is_day and span is not None and span.stated, is_day=is_day,
        weekdays=span_weekdays(span) if lo is not None else None,
        actor1=rec.actor1.id if rec.actor1 else None,
        actor2=rec.actor2.id if rec.actor2 else None,
        victims=is_civilians(rec.actor2), fatalities=rec.fatalities,
        injuries=rec.injuries, weapon=rec.weapon,
    )


@cache
def type_relation(a: Coded, b: Coded) -> tuple[float, bool] | None:
    """(score, relax_actor2) when two codings can describe one occurrence, else None."""
    (ta, sa), (tb, sb) = a, b
    if ta == tb:
        if sa == sb:
            return 1.0, ta == "Violence against civilians"
        if sa is None or sb is None:
            return 0.8, False
        if ta in vocab()["strict_subtypes"]:
            return None
        return 0.6, ta == "Violence against civilians"
    for rule in vocab()["type_compatibility"]:
        for x, y in ((a, b), (b, a)):
            if _matches(rule["a"], x) and _matches(rule["b"], y):
                return 0.4, bool(rule.get("relax_actor2"))
    return None


@cache
def type_family(event_type: str) -> str:
    """Event types that can ever be one occurrence share a family (a block of the merge):
    the connected groups of the compatibility table."""
    parent = {t: t for t in EVENT_TYPES}
    for rule in vocab()["type_compatibility"]:
        a, b = parent[rule["a"][0]], parent[rule["b"][0]]
        for t, p in parent.items():
            if p == b:
                parent[t] = a
    return parent.get(event_type, event_type)


def _matches(pattern: list[str], coded: Coded) -> bool:
    return pattern[0] == coded[0] and (pattern[1] == "*" or coded[1] in (None, pattern[1]))


def date_score(a: Features, b: Features) -> float | None:
    if a.day_lo is None or b.day_lo is None or a.day_hi is None or b.day_hi is None:
        return 0.3 if a.day_lo is None and b.day_lo is None else 0.2
    if a.day_lo > b.day_hi or b.day_lo > a.day_hi:
        return None
    if a.exact_day and b.exact_day:  # two stated days: one day apart at most, not two
        gap = abs((a.raw_lo or 0) - (b.raw_lo or 0))
        return 1.0 if gap == 0 else 0.6 if gap == 1 else None
    if a.exact_day and not b.is_day:
        return _day_in_span(a, b)
    if b.exact_day and not a.is_day:
        return _day_in_span(b, a)
    assert a.raw_lo is not None and a.raw_hi is not None
    assert b.raw_lo is not None and b.raw_hi is not None
    raw_overlap = a.raw_lo <= b.raw_hi and b.raw_lo <= a.raw_hi
    return 0.7 if raw_overlap else 0.5


def _day_in_span(day: Features, span: Features) -> float | None:
    """A stated day and a range or month: the day must lie inside the span, not beside it
    (a day's ±1 tolerance would widen a month into the next one), and on a weekday the
    span allows when the span only knew the weekday. A long span is weak evidence."""
    assert day.raw_lo is not None and span.day_lo is not None and span.day_hi is not None
    assert span.raw_lo is not None and span.raw_hi is not None
    if not span.day_lo <= day.raw_lo <= span.day_hi:
        return None
    if span.weekdays is not None and date.fromordinal(day.raw_lo).weekday() not in span.weekdays:
        return None
    return 0.7 if span.raw_hi - span.raw_lo < SHORT_SPAN_DAYS else 0.5


def _km(a: Features, b: Features) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def place_score(a: Features, b: Features) -> float | None:
    """Same town; a town inside a province-only report; "near" a town. Never two towns."""
    if a.country and b.country and a.country != b.country:
        return None
    for rel, other in ((a, b), (b, a)):
        if rel.ref_km is not None and other.place and other.lat is not None:
            return _at_stated_distance(rel, other)
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    if a.place and b.place:
        if a.place == b.place:
            return 1.0
        if not (a.near or b.near):
            return None
        km = _km(a, b)
        if km is not None:
            return 0.6 if km <= NEAR_KM else None
        return 0.6 if a.admin1 and a.admin1 == b.admin1 else None
    if a.place or b.place:
        return 0.5 if a.admin1 and b.admin1 else 0.3
    return 0.6 if a.admin1 and b.admin1 else 0.3


def _at_stated_distance(rel: Features, other: Features) -> float | None:
    """"80 km north of Baghdad" is coded at Baghdad, often in Baghdad's province: a town of
    another province matches when its distance from the reference is about the stated one
    (a quarter either way, at least NEAR_KM / 3)."""
    if other.ref_km is not None and other.place == rel.place:
        return 1.0 if abs(other.ref_km - (rel.ref_km or 0)) <= NEAR_KM / 3 else None
    km = _km(rel, other)
    assert rel.ref_km is not None
    if km is None or abs(km - rel.ref_km) > max(NEAR_KM / 3, rel.ref_km / 4):
        return None
    return 0.6


def _same_actor(x: str | None, y: str | None) -> float | None:
    if is_unknown(x) or is_unknown(y):
        return 0.5
    return 1.0 if x == y or actor_norm.compatible(x, y) else None


def actor_score(a: Features, b: Features, relax2: bool) -> float | None:
    """Perpetrators must agree. Targets that differ only lower the score: sources describe
    victims differently ("civilians" and a village militia; a coalition and one of its
    armies is no difference at all, via part_of), most leniently when the pair of codings
    allows it and one side says civilians."""
    first = _same_actor(a.actor1, b.actor1)
    swapped = _swapped(a, b)
    if first is None:
        return swapped
    second = _same_actor(a.actor2, b.actor2)
    if second is None:
        second = 0.7 if relax2 and (a.victims or b.victims) else ACTOR2_DIFFERENT
    direct = (first + second) / 2
    return direct if swapped is None else max(direct, swapped)


def _swapped(a: Features, b: Features) -> float | None:
    """Actor order carries no meaning outside violence against civilians: both sides named
    in both reports, each side matching the other's opposite role."""
    if "Violence against civilians" in (a.event_type, b.event_type):
        return None
    if None in (a.actor1, a.actor2, b.actor1, b.actor2):
        return None
    first, second = _same_actor(a.actor1, b.actor2), _same_actor(a.actor2, b.actor1)
    if first is None or second is None:
        return None
    return (first + second) / 2


def casualties_clash(a: Features, b: Features) -> bool:
    """Tolls (or injuries) so far apart that they suggest two occurrences."""
    for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)):
        if x is not None and y is not None:
            lo, hi = min(x, y), max(x, y)
            if hi >= CASUALTY_RATIO * lo and hi - lo >= CASUALTY_GAP:
                return True
    return False


def fatalities_score(a: Features, b: Features) -> float:
    if a.fatalities is None or b.fatalities is None:
        return 0.5
    top = max(a.fatalities, b.fatalities)
    return 1.0 if top == 0 else 1.0 - abs(a.fatalities - b.fatalities) / top


@cache
def weapon_score(x: str | None, y: str | None) -> float:
    if x is None or y is None:
        return 0.5
    if x == y:
        return 1.0
    related = any(x in group and y in group for group in vocab()["weapon_related"])
    return 0.6 if related else 0.0


def score(a: Features, b: Features) -> float | None:
    """Similarity in [0, 1], or None when the two cannot be one occurrence."""
    rel = type_relation((a.event_type, a.sub), (b.event_type, b.sub))
    if rel is None:
        return None
    d = date_score(a, b)
    if d is None:
        return None
    p = place_score(a, b)
    if p is None:
        return None
    act = actor_score(a, b, rel[1])
    if act is None:
        return None
    penalty = CASUALTY_PENALTY if casualties_clash(a, b) else 0.0
    return (WEIGHTS["type"] * rel[0] + WEIGHTS["date"] * d + WEIGHTS["place"] * p
            + WEIGHTS["actors"] * act + WEIGHTS["fatalities"] * fatalities_score(a, b)
            + WEIGHTS["weapon"] * weapon_score(a.weapon, b.weapon)) - penalty
