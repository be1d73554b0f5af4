#!/usr/bin/env python
"""Cluster ingest: one ``eventcoder ingest`` process against N processes given the same
inputs with ``--shard K/N``, all writing into one PostgreSQL (or SQLite) store.

Each run starts from an empty schema (the database named by --db is wiped: use a
throwaway one) and runs the CLI end to end (model loading included). The script prints
the wall time of each run and the events stored, and checks that both runs store the
same events (same ids, same reports in each).

    python scripts/bench_cluster.py --db postgresql+psycopg://user:pw@host/db \
        [--data ../shared/data] [--shards 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.schema import EventQuery  # noqa: E402
from eventcoder.store import Repository  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"


def wipe(url: str) -> None:
    from sqlalchemy import create_engine

    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def ingest(url: str, inputs: list[str], shards: int) -> tuple[float, float]:
    """Wall seconds of ``shards`` concurrent ingest processes (one, unsharded, if 1), and
    the CPU seconds they used together."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    base = [sys.executable, "-m", "eventcoder", "ingest", *inputs, "--db", url]
    commands = [base] if shards == 1 else [
        [*base, "--shard", f"{k}/{shards}"] for k in range(1, shards + 1)]
    cpu = _children_cpu()
    start = time.perf_counter()
    procs = [subprocess.Popen(c, env=env, stderr=subprocess.PIPE, text=True)
             for c in commands]
    for proc, command in zip(procs, commands, strict=True):
        _, err = proc.communicate()
        print(f"  {' '.join(command[-2:]) if shards > 1 else 'ingest'}: "
              f"{err.strip().splitlines()[-1]}")
        if proc.returncode:
            raise SystemExit(f"ingest failed ({proc.returncode}): {err}")
    return time.perf_counter() - start, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stored(url: str) -> dict[str, list[str]]:
    """Event id -> the mentions it holds: what must not depend on the number of nodes."""
    repo = Repository(url)
    events, _ = repo.events(EventQuery(limit=100_000))
    repo.close()
    return {ev.id: sorted(s.mention or s.article for s in ev.sources) for ev in events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="A throwaway database: it is wiped.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--shards", type=int, default=2)
    args = parser.parse_args()
    inputs = [str(args.data / "seeds"), str(args.data / "articles")]
    results = {}
    for shards in (1, args.shards):
        wipe(args.db)
        print(f"{shards} process(es):")
        wall, cpu = ingest(args.db, inputs, shards)
        results[shards] = stored(args.db)
        print(f"  wall {wall:.1f} s, CPU {cpu:.1f} s, {len(results[shards])} events")
    same = results[1] == results[args.shards]
    print(f"same events (ids and mentions) with 1 and {args.shards} processes: {same}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
