#!/usr/bin/env python
"""CPU seconds of the engine's rules against spaCy's parse, over any folders of articles.

`scripts/bench.py` gives wall-clock rates, which a shared machine makes noisy; this one
counts the process's CPU time (``time.process_time``) of each phase, in one process: the
parse of every article (after one untimed warm-up parse), then the rules on those parses
(context + mentions) once cold (lazy tables, fuzzy pools and indexes load during it, as in
a fresh ``extract``) and then warm (best of ``--repeat`` passes). The rules' share of the
parse is warm / parse.

    python scripts/bench_rules.py [--repeat 3] FOLDER_OR_FILE...
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from eventcoder import nlp  # noqa: E402
from eventcoder.events import context, mentions  # noqa: E402
from eventcoder.ingest import read_paths  # noqa: E402
from eventcoder.schema import Article  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", nargs="+", help="folders of .txt articles, or files")
    p.add_argument("--repeat", type=int, default=3, help="warm passes (the best is kept)")
    args = p.parse_args(argv)
    files = [str(f) for x in map(Path, args.paths)
             for f in (sorted(x.glob("*.txt")) if x.is_dir() else [x])]
    articles = [a for a in read_paths(files) if isinstance(a, Article)]
    list(nlp.parse([articles[0].text]))  # model load and first-call set-up, untimed
    start = time.process_time()
    docs = list(nlp.parse(a.text for a in articles))
    parse = time.process_time() - start

    def rules() -> tuple[float, int]:
        start = time.process_time()
        found = sum(len(mentions(context.build(a, d, "fr")))
                    for a, d in zip(articles, docs, strict=True))
        return time.process_time() - start, found

    cold, found = rules()
    warm = min(rules()[0] for _ in range(args.repeat))
    print(f"articles: {len(articles)} ({sum(len(a.text) for a in articles)} characters), "
          f"{found} mentions")
    print(f"CPU s: parse {parse:.2f}; rules cold {cold:.2f}, warm {warm:.2f} "
          f"(best of {args.repeat}); rules/parse warm {warm / parse:.3f}")


if __name__ == "__main__":
    main()
