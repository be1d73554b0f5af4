"""Pairing one article's predicted events with its gold events.

The matching must have the most pairs, ties broken by the number of agreeing fields. Both
goals fit one maximum-weight assignment: an admissible pair weighs ``BIG + agreeing``, with
``BIG`` larger than any possible sum of agreements, so one more pair always outweighs any
gain in agreement. The assignment is the Hungarian algorithm (scipy is not a dependency).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from eventcoder.evaluation.fields import SCORED_FIELDS, Predicted, compare_fields
from eventcoder.evaluation.gold import GoldEvent

ONE_DAY = timedelta(days=1)


@dataclass
class Pair:
    """A matched prediction and gold event, with the verdict on each scored field."""

    pred: int
    gold: int
    fields: dict[str, bool]

    @property
    def agreeing(self) -> int:
        return sum(self.fields.values())


def _dates_overlap(pred: Predicted, gold: GoldEvent) -> bool:
    """Widening both spans by a day each side is the same as allowing a two-day gap."""
    if gold.dates is None:
        return True
    if pred.date is None:
        return False
    gap = 2 * ONE_DAY
    return any(pred.date.start <= s.end + gap and s.start <= pred.date.end + gap
               for s in gold.dates)


def admissible(pred: Predicted, gold: GoldEvent) -> bool:
    """Same country, overlapping dates, compatible admin1, an accepted event type."""
    loc = pred.location
    country = loc.country if loc else None
    admin1 = loc.admin1 if loc else None
    if gold.country is not None and country not in gold.country:
        return False
    if not _dates_overlap(pred, gold):
        return False
    gold_admin1 = [a for a in gold.admin1 or () if a is not None]
    if admin1 is not None and gold_admin1 and admin1 not in gold_admin1:
        return False
    return gold.event_type is None or pred.event_type in gold.event_type


def hungarian(weights: Sequence[Sequence[int]]) -> list[int]:
    """Maximum-weight assignment of rows to columns; ``result[row]`` is its column.

    Rows must not outnumber columns. Integer weights keep it exact. This is the classic
    O(n^2 m) shortest-augmenting-path form with potentials, on costs ``-weight``.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n > m:
        raise ValueError("more rows than columns")
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) holding column j; 0 = free
    for row in range(1, n + 1):
        owner[0] = row
        col0, way = 0, [0] * (m + 1)
        slack, used = [inf] * (m + 1), [False] * (m + 1)
        while owner[col0]:
            used[col0] = True
            r, delta, col1 = owner[col0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = -weights[r - 1][j - 1] - u[r] - v[j]
                if cur < slack[j]:
                    slack[j], way[j] = cur, col0
                if slack[j] < delta:
                    delta, col1 = slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            col0 = col1
        while col0:
            prev = way[col0]
            owner[col0] = owner[prev]
            col0 = prev
    result = [0] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def match_article(preds: Sequence[Predicted], golds: Sequence[GoldEvent]) -> list[Pair]:
    """The largest one-to-one matching of admissible pairs, most agreeing fields on ties."""
    candidates: dict[tuple[int, int], Pair] = {}
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            if admissible(pred, gold):
                candidates[i, j] = Pair(i, j, compare_fields(pred, gold))
    if not candidates:
        return []
    big = (len(SCORED_FIELDS) + 1) * (min(len(preds), len(golds)) + 1)
    flip = len(preds) > len(golds)  # the algorithm wants rows <= columns
    rows, cols = (golds, preds) if flip else (preds, golds)
    weights = [[0] * len(cols) for _ in rows]
    for (i, j), pair in candidates.items():
        r, c = (j, i) if flip else (i, j)
        weights[r][c] = big + pair.agreeing
    pairs = []
    for r, c in enumerate(hungarian(weights)):
        key = (c, r) if flip else (r, c)
        if key in candidates:  # a zero-weight filler is no match
            pairs.append(candidates[key])
    return sorted(pairs, key=lambda p: p.pred)
