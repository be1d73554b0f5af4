"""Benchmark the merge on synthetic mentions with a known share of duplicates.

    python scripts/bench_merge.py                 # 100,000 mentions
    python scripts/bench_merge.py --sizes 25000 50000 100000

Occurrences are drawn over 12 countries x 6 provinces x 8 towns and a period that grows
with the size (two years for 100,000: the same news density at every size; or two years
for every size with --growing-density); each is
reported once, and with a fixed probability twice or three times by other articles whose
fields are perturbed the way sources differ (a day off, another toll, an unidentified
perpetrator, a province instead of a town, a neighbouring event type). Prints, per size:
seconds (wall and CPU), mentions per CPU second, events against the true number of
occurrences, pairwise precision/recall of the merge against the truth, and memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventcoder.merge import merge, merge_with_changes  # noqa: E402
from eventcoder.schema import Actor, DateSpan, Location, Mention  # noqa: E402

COUNTRIES = ["IQ", "SY", "YE", "ML", "BF", "NG", "SO", "AF", "CD", "LY", "MZ", "CM"]
KINDS = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]
NEIGHBOUR = {("Explosions/Remote violence", "Shelling/artillery/missile attack"):
             ("Battles", "Armed clash")}
DUP_SHARE = (0.55, 0.30, 0.15)  # reported once, twice, three times
START = date(2019, 1, 1)


@dataclass(frozen=True)
class World:
    towns: dict[str, list[tuple[str, str, float, float]]]  # country -> (admin1, town, lat, lon)
    actors: dict[str, list[Actor]]


def make_world(rng: random.Random) -> World:
    towns, actors = {}, {}
    for c in COUNTRIES:
        lat0, lon0 = rng.uniform(-10, 35), rng.uniform(-10, 60)
        towns[c] = [(f"{c}-{a:02d}", f"{c} town {a}-{t}", lat0 + a + rng.random() * 0.9,
                     lon0 + t + rng.random() * 0.9) for a in range(6) for t in range(8)]
        actors[c] = [Actor(f"{c.lower()}-group-{n}", f"Group {n} ({c})", type="Rebel group")
                     for n in range(15)]
    return World(towns, actors)


@dataclass(frozen=True)
class Report:
    when: date
    loc: Location
    actor1: Actor
    deaths: int | None
    kind: tuple[str, str]


def perturb(rng: random.Random, r: Report) -> Report:
    """Another article's account: the ways sources differ on one occurrence."""
    c = r.loc.country or ""
    when, loc, a1, n, kind = r.when, r.loc, r.actor1, r.deaths, r.kind
    if rng.random() < 0.2:
        when = when + timedelta(days=rng.choice((-1, 1)))
    if rng.random() < 0.3 and n is not None:
        n = n + rng.randint(0, 3)
    if rng.random() < 0.2:
        a1 = Actor(f"unidentified-armed-group-{c.lower()}", "Unidentified", basis="unknown")
    if rng.random() < 0.1:
        loc = Location(c, loc.admin1, None, None, None, None, 3)
    if rng.random() < 0.3:
        kind = NEIGHBOUR.get(kind, kind)
    return Report(when, loc, a1, n, kind)


def occurrence_mentions(rng: random.Random, world: World, occ: int,
                        days: int) -> list[Mention]:
    c = rng.choice(COUNTRIES)
    admin1, town, lat, lon = rng.choice(world.towns[c])
    truth = Report(START + timedelta(days=rng.randrange(days)),
                   Location(c, admin1, None, town, lat, lon, 1), rng.choice(world.actors[c]),
                   rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20]), rng.choice(KINDS))
    copies = rng.choices((1, 2, 3), weights=DUP_SHARE)[0]
    out = []
    for k in range(copies):
        r = perturb(rng, truth) if k else truth
        out.append(Mention(id=f"m{occ:07d}-{k}", article=f"a{occ:07d}-{k}",
                           event_type=r.kind[0], sub_event_type=r.kind[1],
                           date=DateSpan(r.when, r.when, "day"), location=r.loc,
                           actor1=r.actor1, fatalities=r.deaths, confidence=0.6))
    return out


def generate(n: int, seed: int = 7, days: int = 730) -> list[Mention]:
    """``days``: the period the occurrences fall in (the density of the news)."""
    rng = random.Random(seed)
    world = make_world(rng)
    out: list[Mention] = []
    occ = 0
    while len(out) < n:
        out.extend(occurrence_mentions(rng, world, occ, days))
        occ += 1
    return out[:n]


def pair_scores(mentions: list[Mention], clusters: list[list[str]]) -> tuple[float, float]:
    truth = {m.id: m.id.split("-")[0] for m in mentions}
    true_pairs = sum(c * (c - 1) // 2 for c in Counter(truth.values()).values())
    found = hits = 0
    for ids in clusters:
        found += len(ids) * (len(ids) - 1) // 2
        hits += sum(c * (c - 1) // 2 for c in Counter(truth[i] for i in ids).values())
    return hits / max(found, 1), hits / max(true_pairs, 1)


def period(n: int, growing: bool) -> int:
    """Two years for 100,000 mentions; smaller runs cover a shorter period (the same
    density per week) unless ``growing``, where every size covers two years."""
    return 730 if growing else max(28, round(730 * n / 100_000))


def run(n: int, trace: bool, growing: bool) -> None:
    mentions = generate(n, days=period(n, growing))
    if trace:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    events = merge(mentions)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    if trace:
        tracemalloc.stop()
    precision, recall = pair_scores(
        mentions, [[s.mention for s in e.sources if s.mention] for e in events])
    truth = len({m.id.split("-")[0] for m in mentions})
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>7} mentions  {secs:6.2f} s (cpu {cpu:5.2f} s)  {n / cpu:6.0f} mentions/cpu-s  "
          f"{len(events):>6} events (truth {truth})  pair P {precision:.3f} R {recall:.3f}  "
          f"traced peak {peak:.0f} MiB  max RSS {rss:.0f} MiB")


def run_incremental(n: int, batch: int = 20) -> None:
    """The living dataset: one more article's mentions merged into a store of events."""
    mentions = generate(n + batch)
    stored = merge(mentions[:n])
    t0 = time.perf_counter()
    result = merge_with_changes(mentions[n:], stored)
    secs = time.perf_counter() - t0
    print(f"incremental: {batch} new mentions into {len(stored)} stored events  {secs:.3f} s  "
          f"created {len(result.created)} updated {len(result.updated)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--no-trace", action="store_true",
                        help="skip tracemalloc (faster; no peak memory figure)")
    parser.add_argument("--growing-density", action="store_true",
                        help="every size over the same two years (denser news as n grows)")
    parser.add_argument("--incremental", action="store_true",
                        help="also time merging 20 new mentions into the largest size's events")
    args = parser.parse_args()
    for n in args.sizes:
        run(n, not args.no_trace, args.growing_density)
    if args.incremental:
        run_incremental(max(args.sizes))


if __name__ == "__main__":
    main()
