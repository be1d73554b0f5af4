"""Read latency of GET /api/events (and /api/actors, /api/stats) over a large SQLite store.

Builds (or reuses) a synthetic store of N events by direct inserts into the store's
``events``, ``actors``, ``articles`` (one per three events, report-style text naming a
village) and ``event_sources`` tables, with the columns the repository's own codec derives
(``eventcoder.store.codec.event_columns``), starts ``uvicorn`` on loopback, sends a bounded
number of requests (bounded in time too) with a few filter mixes, and prints p50/p95/p99.

    python scripts/load_api.py --events 1000000 --requests 2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.orm import Session

import pg_copy
from eventcoder.schema import (
    EVENT_TYPES,
    Actor,
    DateSpan,
    Event,
    Location,
    Source,
    Span,
    content_hash,
)
from eventcoder.store import codec, counters, summary
from eventcoder.store.repository import Repository

# A synthetic world: countries with admin1 codes and a box of coordinates.
REGIONS = {
    "IQ": (["IQ-BG", "IQ-NI", "IQ-AN", "IQ-SD", "IQ-KI", "IQ-BA"], (39.0, 29.5, 48.0, 37.0)),
    "SY": (["SY-DI", "SY-HL", "SY-HM", "SY-DR", "SY-RA"], (35.7, 32.3, 42.0, 37.3)),
    "ML": (["ML-5", "ML-6", "ML-7", "ML-4"], (-12.0, 10.5, 4.0, 24.0)),
    "NG": (["NG-BO", "NG-YO", "NG-AD", "NG-ZA", "NG-KD"], (3.0, 4.5, 14.5, 13.8)),
    "YE": (["YE-SA", "YE-TA", "YE-HD", "YE-MA"], (42.6, 12.6, 53.0, 19.0)),
    "SO": (["SO-BN", "SO-JH", "SO-SH", "SO-GE"], (41.0, -1.6, 51.0, 11.9)),
    "AF": (["AF-KAB", "AF-KAN", "AF-HEL", "AF-NAN"], (61.0, 29.5, 71.0, 38.4)),
    "BF": (["BF-01", "BF-02", "BF-03"], (-5.5, 9.5, 2.3, 15.0)),
}
TYPES = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
ACTORS = [Actor(f"actor-{i:03d}", f"Armed Group {i:03d}") for i in range(200)]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650
EVENTS_PER_ARTICLE = 3
SYLLABLES = ["ka", "ro", "mi", "ta", "lu", "be", "so", "di", "na", "fe",
             "ga", "pu", "ze", "wo", "li", "har", "mun", "tes", "vol", "dak"]
"""Village names of four syllables (160,000 of them): a word found in only a few articles,
as a village named by one report only."""


def village(k: int) -> str:
    parts = [SYLLABLES[(k // 20 ** n) % 20] for n in range(4)]
    return "".join(parts).capitalize()


def synthetic_article(a: int, rng: random.Random) -> tuple[str, str]:
    """(title, text) of article ``a``: report-style filler around one village name."""
    name = village(rng.randrange(20 ** 4))
    title = f"Attaque meurtrière près de {name}"
    text = (f"Des hommes armés ont attaqué un poste de contrôle près de {name}, "
            "selon des sources locales. Les assaillants sont arrivés à moto en fin de "
            "journée et ont ouvert le feu sur les gardes avant de se replier vers la "
            "brousse. Un responsable de la région a confirmé l’attaque sans donner de "
            f"bilan. La route menant à {name} reste fermée. (dépêche {a})")
    return title, text


def synthetic_event(i: int, rng: random.Random) -> Event:
    country = rng.choice(list(REGIONS))
    admins, (lo1, la1, lo2, la2) = REGIONS[country]
    event_type, sub = rng.choice(TYPES)
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    article = f"synthetic-{i // EVENTS_PER_ARTICLE:07d}"
    words = "Des combattants ont attaqué un poste de contrôle."
    return Event(
        id=f"ev-{i:07d}", event_type=event_type, sub_event_type=sub,
        date=DateSpan(day, day, "day", "mardi"),
        location=Location(country, rng.choice(admins), None, f"Place {rng.randrange(5000)}",
                          round(rng.uniform(la1, la2), 4), round(rng.uniform(lo1, lo2), 4), 1),
        actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS) if rng.random() < 0.6 else None,
        fatalities=rng.choice([None, 0, 1, 2, 3, 5, 12]),
        sources=[Source(article, f"{article}-m0", [Span(0, len(words), words)])],
        confidence=0.7,
    )


COLUMNS = ["id", "created", "updated", "event_type", "sub_event_type", "date_start", "date_end",
           "country", "admin1", "place", "actor1_id", "actor2_id", "actor1_name",
           "actor2_name", "fatalities", "latitude", "longitude", "payload"]


ARTICLE_SQL = ("INSERT INTO articles (id, content_hash, text, published, precision, language, "
               "title, ingested_at) VALUES (?, ?, ?, ?, 'day', 'fr', ?, ?)")
SOURCE_SQL = "INSERT INTO event_sources (event_id, article_id, mention_id) VALUES (?, ?, ?)"


def _article_rows(first: int, last: int, stamp: str,
                  rng: random.Random) -> list[tuple[Any, ...]]:
    rows = []
    for a in range(first, last):
        title, body = synthetic_article(a, rng)
        rows.append((f"synthetic-{a:07d}", content_hash(body), body, "2020-01-01", title, stamp))
    return rows


def build_store(path: Path, n: int, seed: int = 7) -> None:
    """Create the schema through the Repository (its migrations), then bulk-insert events,
    their articles (one per three events) and the links between them; the tables the
    store keeps on write (per-actor counts, summaries, text index) are then recounted."""
    Repository(f"sqlite:///{path}").engine.dispose()
    rng, text_rng = random.Random(seed), random.Random(seed + 1)
    stamp = codec.now_iso()
    sql = f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA synchronous=OFF")
        db.executemany("INSERT OR IGNORE INTO actors (id, name) VALUES (?, ?)",
                       [(a.id, a.name) for a in ACTORS])
        batch: list[tuple[Any, ...]] = []
        sources: list[tuple[str, str, str]] = []
        for i in range(n):
            event = synthetic_event(i, rng)
            cols = codec.event_columns(event)
            cols.update(id=f"ev-{i:07d}", created=stamp, updated=stamp,
                        payload=json.dumps(cols["payload"], ensure_ascii=False))
            batch.append(tuple(cols[c] for c in COLUMNS))
            sources.append((event.id, event.sources[0].article, event.sources[0].mention or ""))
            if len(batch) == 30_000 or i == n - 1:
                first = (i + 1 - len(batch)) // EVENTS_PER_ARTICLE
                db.executemany(ARTICLE_SQL, _article_rows(
                    first, i // EVENTS_PER_ARTICLE + 1, stamp, text_rng))
                db.executemany(sql, batch)
                db.executemany(SOURCE_SQL, sources)
                batch.clear()
                sources.clear()
                print(f"\r{i + 1:,} events", end="", file=sys.stderr, flush=True)
    repo = Repository(f"sqlite:///{path}")
    with Session(repo.engine) as session, session.begin():
        rebuild_derived(session)
    repo.engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute("ANALYZE")
    print(file=sys.stderr)


def rebuild_derived(session: Session) -> None:
    """What the repository keeps on each write, computed once for the bulk-inserted rows
    (the full-text tables were kept by their triggers during the inserts)."""
    counters.recount(session)
    summary.recount(session)


def count_events(path: Path) -> int:
    try:
        with sqlite3.connect(path) as db:
            return int(db.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return -1


def mixes(rng: random.Random) -> dict[str, dict[str, Any]]:
    """Filter mixes a dashboard sends: a page of 100 under one or more filters (``q``: a
    village only the articles name, an event's place, or a type: a word in a sixth of the
    events). A mix with
    ``path`` reads another endpoint; ``cursor_after`` asks first (untimed) for the page at
    that offset, then times the next page by its cursor."""
    country = rng.choice(list(REGIONS))
    since = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 60))
    lo1, la1, lo2, la2 = REGIONS[country][1]
    return {
        "all": {"limit": 100},
        "country": {"country": country, "limit": 100},
        "country+month": {"country": country, "since": since.isoformat(),
                          "until": (since + timedelta(days=30)).isoformat(), "limit": 100},
        "admin1+type": {"admin1": rng.choice(REGIONS[country][0]),
                        "event_type": rng.choice(list(EVENT_TYPES)), "limit": 100},
        "actor": {"actor": rng.choice(ACTORS).id, "limit": 100},
        "bbox": {"bbox": f"{lo1},{la1},{lo1 + 1},{la1 + 1}", "limit": 100},
        "country+offset": {"country": country, "offset": rng.randrange(5000), "limit": 100},
        "country+cursor": {"country": country, "cursor_after": rng.randrange(5000),
                           "limit": 100},
        "actors": {"path": "/api/actors"},
        "stats": {"path": "/api/stats"},
        "q-village": {"q": village(rng.randrange(20 ** 4)), "limit": 100},
        "q-place": {"q": f"Place {rng.randrange(5000)}", "limit": 100},
        "country+q": {"country": country, "q": village(rng.randrange(20 ** 4)), "limit": 100},
        "q-common": {"q": rng.choice(["battles", "protests", "riots"]), "limit": 100},
    }


def timed_get(client: httpx.Client, params: dict[str, Any]) -> float:
    """Milliseconds for one request of a mix (the untimed set-up left out)."""
    params = dict(params)
    path = params.pop("path", "/api/events")
    if "cursor_after" in params:
        offset = params.pop("cursor_after")
        res = client.get(path, params={**params, "offset": offset})
        res.raise_for_status()
        params["cursor"] = res.json()["next_cursor"]
    t0 = time.perf_counter()
    res = client.get(path, params=params)
    elapsed = (time.perf_counter() - t0) * 1000
    res.raise_for_status()
    return elapsed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EVENTCODER_DATABASE_URL": url}
    env.pop("EVENTCODER_API_KEY", None)
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "eventcoder.api.app:app_from_env",
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=30)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(base: str, requests: int, seconds: float, seed: int,
        only: list[str] | None = None, timeout: float = 120.0) -> dict[str, list[float]]:
    rng = random.Random(seed)
    names = only or list(mixes(rng))
    times: dict[str, list[float]] = {}
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=timeout) as client:
        for name, params in mixes(rng).items():  # warm-up: one of each
            if only and name not in only:
                continue
            timed_get(client, params)
        for n in range(requests):
            if time.monotonic() > deadline:
                break
            name = names[n % len(names)]
            times.setdefault(name, []).append(timed_get(client, mixes(rng)[name]))
    return times


def report(times: dict[str, list[float]]) -> None:
    rows = [*times.items(), ("ALL", [t for v in times.values() for t in v])]
    print(f"{'mix':16} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in rows:
        print(f"{name:16} {len(values):6d} {statistics.median(values):8.1f} "
              f"{percentile(values, 95):8.1f} {percentile(values, 99):8.1f} {max(values):8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/eventcoder-load/events.sqlite"))
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=300.0, help="stop sending after this")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--rebuild", action="store_true", help="build the store even if present")
    ap.add_argument("--mixes", default="", help="comma-separated subset of the filter mixes")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    ap.add_argument("--pg", metavar="URL", help="copy the store into this (empty) PostgreSQL "
                    "database, if its event count differs, and serve from there")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or count_events(args.db) != args.events:
        args.db.unlink(missing_ok=True)
        t0 = time.monotonic()
        build_store(args.db, args.events)
        print(f"built {args.events:,} events in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    t0 = time.monotonic()
    Repository(f"sqlite:///{args.db}").engine.dispose()  # pending migrations, before timing
    print(f"store opened (migrations) in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    url = f"sqlite:///{args.db}"
    if args.pg:
        url = args.pg
        if pg_copy.count_events(url) != args.events:
            t0 = time.monotonic()
            pg_copy.copy_store(args.db, url)
            print(f"copied to PostgreSQL in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    port = free_port()
    server = start_server(url, port)
    try:
        only = [m for m in args.mixes.split(",") if m] or None
        times = run(f"http://127.0.0.1:{port}", args.requests, args.seconds, args.seed, only,
                    args.timeout)
    finally:
        server.terminate()
        server.wait(10)
    print(f"GET /api/events (actors: /api/actors, stats: /api/stats) over {args.events:,} "
          f"events ({url.split(':')[0]}, one uvicorn worker; "
          f"load average {os.getloadavg()[0]:.1f})")
    report(times)


if __name__ == "__main__":
    main()
