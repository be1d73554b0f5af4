#!/usr/bin/env python
"""Parallel extraction: articles/s of ``eventcoder extract --jobs N`` for several N.

The shared articles (``../shared/data``, seeds and development set) are copied REPEAT
times into a temporary folder under distinct names (so distinct ids), then the CLI runs
once per N, end to end (model loading included, as a user sees it). The mentions printed
must be identical for every N; the script checks it.

    python scripts/bench_jobs.py [--data ../shared/data] [--repeat 4] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def copies(data: Path, repeat: int, into: Path) -> int:
    files = sorted(p for p in data.rglob("*.txt") if not p.name.startswith("."))
    for k in range(repeat):
        for f in files:
            shutil.copy(f, into / f"{f.stem}-r{k}.txt")
    return len(files) * repeat


def run(folder: Path, jobs: int) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds of the command and all its processes (workers are
    grandchildren, forked by the forkserver: sampled while they live), and the output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = psutil.Popen([sys.executable, "-m", "eventcoder", "extract", str(folder),
                             "--mentions", "--jobs", str(jobs)],
                            env=env, stdout=out, stderr=subprocess.DEVNULL)
        cpu: dict[int, float] = {}
        while proc.poll() is None:
            for p in [proc, *proc.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
            time.sleep(0.2)
        wall = time.perf_counter() - start
        if proc.returncode:
            raise SystemExit(f"extract --jobs {jobs} failed ({proc.returncode})")
        out.seek(0)
        return wall, sum(cpu.values()), out.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        n = copies(args.data, args.repeat, Path(tmp))
        outputs = set()
        for jobs in args.jobs:
            load = os.getloadavg()[0]
            wall, cpu, out = run(Path(tmp), jobs)
            outputs.add(out)
            lines = out.count(b"\n")
            print(f"jobs={jobs} articles={n} wall={wall:.1f}s rate={n / wall:.2f} art/s "
                  f"cpu={cpu:.1f}s (sampled) load_before={load:.2f} lines={lines}")
        print("outputs identical" if len(outputs) == 1 else "OUTPUTS DIFFER")


if __name__ == "__main__":
    main()
