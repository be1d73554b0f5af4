"""The merged event's fields: the most precise and best-supported value, disagreements kept.

Every member of a cluster casts a vote per field: a mention votes for its own value with
its article; an existing event votes with the per-source values it kept in
``disagreements`` (so that re-merging never forgets who said what), or with its single
value for all its articles when its sources agreed. A field then takes the best-ranked
value (most precise first), more articles breaking ties. Fatalities and injuries follow
ACLED: the lowest reported figure, with the range and each source's figure kept visible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from eventcoder.merge_rules import Record, is_unknown, norm_name, vocab
from eventcoder.schema import (
    EVENT_TYPES,
    Actor,
    DateSpan,
    Event,
    Location,
    Mention,
    Outlet,
    Source,
)

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}
BASIS_RANK = {"claimed": 0, "reported": 1, "alleged": 2, "unknown": 3}
STATUS_RANK = {"confirmed": 0, "claimed": 1, "unconfirmed": 2, "denied": 3}
TYPE_ORDER = {(t, s): n for n, (t, s) in enumerate(
    (t, s) for t, subs in EVENT_TYPES.items() for s in (None, *subs))}
CONFIDENCE_CAP = 0.99


@dataclass
class Member:
    """One unit of clustering: a new mention, or what remains of a stored event."""

    key: str
    rec: Record
    sources: list[Source]
    articles: frozenset[str]
    mention_ids: frozenset[str]
    mention: Mention | None = None
    event: Event | None = None
    confidence: float = 0.5
    same_as: str | None = None


@dataclass(frozen=True)
class FieldRule:
    name: str
    get: Callable[[Record], Any]
    load: Callable[[Any], Any]
    dump: Callable[[Any], Any]
    key: Callable[[Any], Any]
    rank: Callable[[Any], Any]
    disagree: Callable[[list[Any]], bool] = field(default=lambda vs: len(vs) > 1)


Vote = tuple[Any, frozenset[str]]


def _type_of(rec: Record) -> tuple[str, str | None]:
    return (rec.event_type, rec.sub_event_type)


def _weapon_rank(w: str) -> int:
    order: list[str] = vocab()["weapon_specificity"]
    return order.index(w) if w in order else len(order)


def _places_disagree(locs: list[Location]) -> bool:
    admin1 = {loc.admin1 for loc in locs if loc.admin1}
    places = {norm_name(loc.place) for loc in locs if loc.place and loc.geo_precision in (1, 2)}
    return len(admin1) > 1 or len(places) > 1


RULES = (
    FieldRule("event_type", _type_of, lambda d: (d["event_type"], d["sub_event_type"]),
              lambda v: {"event_type": v[0], "sub_event_type": v[1]}, lambda v: v,
              lambda v: 0),
    FieldRule("date", lambda r: r.date, DateSpan.from_dict, lambda v: v.to_dict(),
              lambda v: (v.start, v.end, v.precision),
              lambda v: (not v.stated, PRECISION_RANK[v.precision]),
              lambda vs: len({(v.start, v.end) for v in vs if v.stated}) > 1),
    FieldRule("location", lambda r: r.location, Location.from_dict, lambda v: v.to_dict(),
              lambda v: (v.admin1, norm_name(v.place), v.geo_precision),
              lambda v: (v.geo_precision or 9, v.latitude is None), _places_disagree),
    FieldRule("actor1", lambda r: r.actor1, Actor.from_dict, lambda v: v.to_dict(),
              lambda v: v.id, lambda v: (is_unknown(v.id), BASIS_RANK.get(v.basis, 3)),
              lambda vs: len({v.id for v in vs if not is_unknown(v.id)}) > 1),
    FieldRule("actor2", lambda r: r.actor2, Actor.from_dict, lambda v: v.to_dict(),
              lambda v: v.id, lambda v: (is_unknown(v.id), BASIS_RANK.get(v.basis, 3)),
              lambda vs: len({v.id for v in vs if not is_unknown(v.id)}) > 1),
    FieldRule("weapon", lambda r: r.weapon, lambda d: d, lambda v: v, lambda v: v,
              _weapon_rank),
    FieldRule("status", lambda r: getattr(r, "status", "unconfirmed"), lambda d: d,
              lambda v: v, lambda v: v, lambda v: STATUS_RANK.get(v, 2),
              lambda vs: "denied" in vs and len(set(vs)) > 1),
)


def votes(rule: FieldRule, members: Iterable[Member]) -> list[Vote]:
    out: list[Vote] = []
    for m in members:
        kept = m.event.disagreements.get(rule.name) if m.event else None
        if isinstance(kept, dict) and kept.get("values"):
            for entry in kept["values"]:
                arts = frozenset(entry.get("sources", ())) & m.articles
                if arts and entry.get("value") is not None:
                    out.append((rule.load(entry["value"]), arts))
            continue
        value = rule.get(m.rec)
        if value is not None:
            out.append((value, m.articles))
    return out


def resolve(rule: FieldRule, ballots: list[Vote]) -> tuple[Any, dict[str, Any] | None]:
    """The chosen value, and the disagreement record when sources differ."""
    if not ballots:
        return None, None
    groups: dict[Any, tuple[Any, set[str]]] = {}
    for value, arts in ballots:
        k = rule.key(value)
        if k not in groups:
            groups[k] = (value, set())
        groups[k][1].update(arts)

    def order(k: Any) -> tuple[Any, ...]:
        value, arts = groups[k]
        hierarchy = TYPE_ORDER.get(k, 99) if rule.name == "event_type" else 0
        return (rule.rank(value), -len(arts), hierarchy, str(k))

    ranked = sorted(groups, key=order)
    chosen = groups[ranked[0]][0]
    if not rule.disagree([groups[k][0] for k in ranked]):
        return chosen, None
    values = [{"value": rule.dump(groups[k][0]), "sources": sorted(groups[k][1])}
              for k in ranked]
    return chosen, {"values": values}


def counts(sources: list[Source], attr: str) -> tuple[int | None, dict[str, Any] | None]:
    """ACLED's figure (the lowest reported) and the range when sources differ."""
    by_source: dict[str, int] = {}
    for s in sources:
        n = getattr(s, attr)
        if n is not None:
            by_source[s.article] = max(n, by_source.get(s.article, n))
    if not by_source:
        return None, None
    low, high = min(by_source.values()), max(by_source.values())
    if low == high:
        return low, None
    return low, {"low": low, "high": high, "best": low, "by_source": by_source}


def _union(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def combined_confidence(values: Iterable[float]) -> float:
    miss = 1.0
    for c in values:
        miss *= 1.0 - max(0.0, min(1.0, c))
    return min(CONFIDENCE_CAP, 1.0 - miss)


def build_event(event_id: str, members: list[Member], base: Event | None = None) -> Event:
    """One event from a cluster; ``base`` is the stored event whose id it keeps."""
    chosen: dict[str, Any] = {}
    disagreements: dict[str, Any] = {}
    for rule in RULES:
        chosen[rule.name], record = resolve(rule, votes(rule, members))
        if record:
            disagreements[rule.name] = record
    sources = sorted((s for m in members for s in m.sources),
                     key=lambda s: (s.article, s.mention or ""))
    fatalities, f_dis = counts(sources, "fatalities")
    injuries, i_dis = counts(sources, "injuries")
    if f_dis:
        disagreements["fatalities"] = f_dis
    if i_dis:
        disagreements["injuries"] = i_dis
    recs = [m.rec for m in members]
    event_type, sub = chosen["event_type"]
    return Event(
        id=event_id, event_type=event_type, sub_event_type=sub, date=chosen["date"],
        location=chosen["location"], actor1=chosen["actor1"], actor2=chosen["actor2"],
        claimed_by=_union((a for r in recs for a in getattr(r, "claimed_by", [])),
                          lambda a: a.id),
        fatalities=fatalities, injuries=injuries, weapon=chosen["weapon"],
        reported_by=_union((o for r in recs for o in getattr(r, "reported_by", [])),
                           _outlet_key),
        origin=next((o for r in recs if (o := getattr(r, "origin", None))), None),
        status=chosen["status"] or "unconfirmed", sources=sources,
        confidence=combined_confidence(m.confidence for m in members),
        disagreements=disagreements,
        created=base.created if base else None, updated=base.updated if base else None,
    )


def _outlet_key(o: Outlet) -> str:
    return o.id or norm_name(o.name) or o.name
