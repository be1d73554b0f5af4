"""Merging: mentions of one occurrence across articles become one event (issue 5).

Steps: (1) members: every new mention, plus what remains of each stored event (its
sources whose mentions are not re-submitted); (2) mentions an article itself declares the
same (``same_as``) are joined first; (3) candidate pairs come from blocking on country and
week (merge_blocking), never all pairs; (4) each candidate is scored (merge_rules) and
accepted links are applied best first with union-find, refusing any union in which two
members conflict (complete link: a chain A~B~C never joins A and C when they cannot be one
occurrence); (5) ids: a cluster keeps the id of the stored event most of its members came
from, else a new id derived from its smallest mention id; (6) fields (merge_fields).

Two mentions of one article are never merged by score: an article that reports two
attacks means two attacks. Two stored events are joined only when they link directly, so
an earlier decision is not undone by a weak bridge.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from eventcoder.merge_blocking import block_keys, candidate_pairs
from eventcoder.merge_fields import Member, build_event
from eventcoder.merge_rules import THRESHOLD, Features, features, score
from eventcoder.schema import Event, Mention

log = logging.getLogger(__name__)


@dataclass
class MergeResult:
    """The events after a merge, and what changed among the stored ones (for the log)."""

    events: list[Event]
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    split: dict[str, list[str]] = field(default_factory=dict)


def merge(mentions: Iterable[Mention], existing: Iterable[Event] = ()) -> list[Event]:
    return merge_with_changes(mentions, existing).events


def new_event_id(mention_ids: Iterable[str]) -> str:
    """Stable across runs over the same input: derived from the smallest mention id."""
    return "ev-" + hashlib.sha1(min(mention_ids).encode("utf-8")).hexdigest()[:12]


def _members(mentions: list[Mention], existing: list[Event]) -> list[Member]:
    given = {m.id for m in mentions}
    out = [Member(key=m.id, rec=m, sources=[m.source()], articles=frozenset((m.article,)),
                  mention_ids=frozenset((m.id,)), mention=m, confidence=m.confidence,
                  same_as=m.same_as) for m in sorted(mentions, key=lambda m: (m.article, m.id))]
    for ev in existing:
        rest = [s for s in ev.sources if s.mention is None or s.mention not in given]
        if not rest:
            continue
        out.append(Member(key="event:" + ev.id, rec=ev, sources=rest,
                          articles=frozenset(s.article for s in rest),
                          mention_ids=frozenset(s.mention for s in rest if s.mention),
                          event=ev, confidence=ev.confidence))
    return out


class _Clusters:
    """Union-find whose roots keep their member lists, for the complete-link check."""

    def __init__(self, members: list[Member], feats: list[Features]) -> None:
        self.members, self.feats = members, feats
        self.parent = list(range(len(members)))
        self.groups: dict[int, list[int]] = {i: [i] for i in range(len(members))}
        self.direct: set[tuple[int, int]] = set()

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, check: bool = True) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if check and any(self._conflict(a, b) for a in self.groups[ri] for b in self.groups[rj]):
            return False
        if len(self.groups[ri]) < len(self.groups[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.groups[ri].extend(self.groups.pop(rj))
        return True

    def _conflict(self, a: int, b: int) -> bool:
        ma, mb = self.members[a], self.members[b]
        if ma.articles & mb.articles:
            return True
        if ma.event is not None and mb.event is not None:
            return (min(a, b), max(a, b)) not in self.direct
        return score(self.feats[a], self.feats[b]) is None


def _cluster(members: list[Member]) -> list[list[Member]]:
    feats = [features(m.rec) for m in members]
    clusters = _Clusters(members, feats)
    holder = {mid: i for i, m in enumerate(members) for mid in m.mention_ids}
    for i, m in enumerate(members):
        if m.same_as and m.same_as in holder:
            clusters.union(i, holder[m.same_as], check=False)
    links: list[tuple[float, int, int]] = []
    for i, j in candidate_pairs(feats):
        s = score(feats[i], feats[j])
        if s is not None and s >= THRESHOLD:
            links.append((s, i, j))
            clusters.direct.add((i, j))
    links.sort(key=lambda t: (-t[0], members[t[1]].key, members[t[2]].key))
    for _, i, j in links:
        clusters.union(i, j)
    log.debug("merge: %d members, %d links, %d clusters", len(members), len(links),
              len(clusters.groups))
    return [[members[i] for i in sorted(g)] for g in clusters.groups.values()]


def _assign_ids(groups: list[list[Member]], former: dict[str, str],
                stored: dict[str, Event]) -> list[str | None]:
    """Each stored id goes to the cluster holding most of its reports, largest claim first.
    On a tie, the cluster holding the reports that were not re-submitted (what is left of
    the stored event) keeps the id: a revised report is the one that moved away."""
    claims: list[tuple[int, int, str, int]] = []
    for n, group in enumerate(groups):
        tally: dict[str, list[int]] = {}
        for m in group:
            if m.event is not None:
                counts = tally.setdefault(m.event.id, [0, 0])
                counts[0] += len(m.sources)
                counts[1] += len(m.sources)
            elif m.key in former:
                tally.setdefault(former[m.key], [0, 0])[0] += 1
        claims.extend((total, kept, ev_id, n) for ev_id, (total, kept) in tally.items())
    claims.sort(key=lambda c: (-c[0], -c[1], stored[c[2]].created or "", c[2], c[3]))
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _, _, ev_id, n in claims:
        if ev_id not in taken and ids[n] is None:
            ids[n] = ev_id
            taken.add(ev_id)
    return ids


def _fresh_id(group: list[Member], used: set[str]) -> str:
    """The id of the smallest mention, else a hash of all of them, else that hash salted
    with a counter until no event in play has it: a cluster whose smallest mention named a
    stored event (a split) must not take that event's id."""
    mids = sorted(mid for m in group for mid in m.mention_ids) or sorted(m.key for m in group)
    ev_id = new_event_id(mids)
    joined = "|".join(mids)
    salt = 0
    while ev_id in used:
        seed = joined if salt == 0 else f"{joined}#{salt}"
        ev_id = "ev-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]
        salt += 1
    return ev_id


def _reachable(mentions: list[Mention], existing: list[Event]
               ) -> tuple[list[Event], list[Event]]:
    """Stored events a new mention can join (same block) or re-submits, and the rest,
    which are returned as they are: one new article does not cost a pass over the store."""
    keys = set().union(*(block_keys(m) for m in mentions)) if mentions else set()
    given = {m.id for m in mentions}
    near: list[Event] = []
    far: list[Event] = []
    countries = {k[0] for k in keys}
    for ev in existing:
        country = ev.location.country if ev.location else None
        hit = (country in countries and bool(block_keys(ev) & keys)) or any(
            s.mention in given for s in ev.sources)
        (near if hit else far).append(ev)
    return near, far


def merge_with_changes(mentions: Iterable[Mention], existing: Iterable[Event] = ()
                       ) -> MergeResult:
    """Merge new mentions into the stored events; report created, updated, removed and
    split stored events so that the store can log the change.

    ``events`` holds every event after the merge, the untouched stored ones included (the
    same objects); only ``created`` and ``updated`` need writing, ``removed`` deleting.
    ``split`` maps a stored id to the events that took some of its former mentions."""
    mentions = list(mentions)
    reachable, untouched = _reachable(mentions, list(existing))
    stored = {ev.id: ev for ev in reachable}
    former = {s.mention: ev.id for ev in reachable for s in ev.sources if s.mention}
    groups = _cluster(_members(mentions, reachable))
    ids = _assign_ids(groups, former, stored)
    used = set(stored) | {ev.id for ev in untouched} | {i for i in ids if i}
    result = MergeResult(events=list(untouched))
    for group, ev_id in zip(groups, ids, strict=True):
        if ev_id is None:
            ev_id = _fresh_id(group, used)
            used.add(ev_id)
            result.created.append(ev_id)
        base = stored.get(ev_id)
        if (base is not None and len(group) == 1 and group[0].event is base
                and len(group[0].sources) == len(base.sources)):
            result.events.append(base)  # untouched: returned as stored
            continue
        event = build_event(ev_id, group, base)
        if base is not None and event.to_dict() != base.to_dict():
            result.updated.append(ev_id)
        result.events.append(event)
        _note_moves(result, group, former, ev_id)
    kept = set(ids)
    result.removed = [ev_id for ev_id in stored if ev_id not in kept]
    for ev_id in result.removed:  # wholly absorbed by one other event: not a split
        if len(result.split.get(ev_id, ())) < 2:
            result.split.pop(ev_id, None)
    result.events.sort(key=_event_order)
    return result


def _note_moves(result: MergeResult, group: list[Member], former: dict[str, str],
                ev_id: str) -> None:
    """Record the stored events that lost mentions to ``ev_id``."""
    for m in group:
        old = former.get(m.key)
        if old is not None and old != ev_id and ev_id not in result.split.setdefault(old, []):
            result.split[old].append(ev_id)


def _event_order(ev: Event) -> tuple[str, str]:
    return (ev.date.start.isoformat() if ev.date else "9999", ev.id)
