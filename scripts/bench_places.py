#!/usr/bin/env python
"""Place matcher cost: gazetteer load (time, RSS) and find_places per article, uncached.

    python scripts/bench_places.py [--data ../shared/data] [--repeat 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in sorted(args.data.rglob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles under {args.data}")
    proc = psutil.Process()
    rss0, t0 = proc.memory_info().rss, time.perf_counter()
    from eventcoder.normalize import places

    places.find_places("Une attaque à Bagdad, en Irak.")
    print(f"load + first call: {time.perf_counter() - t0:.2f} s, "
          f"RSS +{(proc.memory_info().rss - rss0) / 2**20:.0f} MiB")
    for t in texts:  # warm-up: per-country fuzzy pools
        places.find_places(t)
    scan = places._scan.__wrapped__  # bypass the per-text cache
    t1 = time.process_time()
    for _ in range(args.repeat):
        for t in texts:
            scan(t, None, "fr")
    per = (time.process_time() - t1) / (args.repeat * len(texts))
    mean = sum(map(len, texts)) / len(texts)
    print(f"find_places + country_of_text: {per * 1000:.2f} ms CPU per article "
          f"({mean:.0f} chars), {per * 1000 * 2000 / mean:.2f} ms per 2,000 chars; "
          f"RSS {proc.memory_info().rss / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
