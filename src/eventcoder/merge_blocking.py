"""Candidate pairs for the merge, without comparing all pairs.

Two reports can only be one occurrence when they share a country, a family of event types
that may be confused (merge_rules.type_family: violence, demonstrations, strategic
developments), a week (after widening each date span by its tolerance) and, where both
know it, a province. Reports are indexed by (country, family, week bucket) and, inside a
bucket, by admin1; a province-less report is
compared with every province of its bucket. A pair that shares several weeks is emitted
only in the first week both cover, so no pair is scored twice and no "seen" set grows
with the input. Cost grows with the number of reports times the bucket size, which stays
small for real news: near-linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from eventcoder.merge_rules import MAX_SPAN_DAYS, Features, Record, tolerance, type_family

WEEK = 7
BlockKey = tuple[str | None, str, int]


def _weeks(f: Features) -> range:
    assert f.day_lo is not None and f.day_hi is not None
    return range(f.day_lo // WEEK, f.day_hi // WEEK + 1)


def block_keys(rec: Record) -> set[BlockKey]:
    """The buckets a report falls in, without computing its features: lets the merge skip
    stored events that no new report can reach."""
    span = rec.date
    if span is None or (span.end - span.start).days > MAX_SPAN_DAYS:
        return set()
    before, after = tolerance(span)
    lo, hi = span.start.toordinal() - before, span.end.toordinal() + after
    country = rec.location.country if rec.location else None
    family = type_family(rec.event_type)
    return {(country, family, w) for w in range(lo // WEEK, hi // WEEK + 1)}


def candidate_pairs(feats: Sequence[Features]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) worth scoring."""
    buckets: dict[BlockKey, dict[str | None, list[int]]] = defaultdict(
        lambda: defaultdict(list))
    first: list[int] = [0] * len(feats)
    for i, f in enumerate(feats):
        if f.day_lo is None:
            continue
        weeks = _weeks(f)
        first[i] = weeks.start
        for w in weeks:
            buckets[(f.country, f.family, w)][f.admin1].append(i)
    for (_, _, week), by_admin in buckets.items():
        loose = by_admin.get(None, [])
        for admin1, members in by_admin.items():
            yield from _pairs_within(members, week, first)
            if admin1 is not None:
                yield from _pairs_across(members, loose, week, first)


def _pairs_within(members: list[int], week: int, first: list[int]) -> Iterator[tuple[int, int]]:
    for n, i in enumerate(members):
        for j in members[n + 1:]:
            if max(first[i], first[j]) == week:
                yield (i, j) if i < j else (j, i)


def _pairs_across(left: list[int], right: list[int], week: int,
                  first: list[int]) -> Iterator[tuple[int, int]]:
    for i in left:
        for j in right:
            if max(first[i], first[j]) == week:
                yield (i, j) if i < j else (j, i)
