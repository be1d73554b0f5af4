#!/usr/bin/env python
"""Extraction throughput: the whole engine against spaCy alone, in one process.

spaCy's parse is the floor any extractor built on it pays, so the ratio engine/spaCy says
how much our own rules cost on top. spaCy runs first so that its peak memory is measured
before the engine's; the peak RSS after the engine phase therefore covers both.

    python scripts/bench.py [--data ../shared/data] [--repeat N] [--batch-size 32] [--json]
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import math
import os
import platform
import re
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from eventcoder.schema import Article  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
MODEL = "fr_core_news_md"
MIN_ARTICLES = 300
_HEADER = re.compile(r"^\s?date \d{4}-\d{2}(?:-\d{2})?")


def _fallback_reader(files: list[Path]) -> Iterator[Article]:
    """Used only while eventcoder.ingest is absent: strip the date header, keep the text."""
    for f in files:
        text = f.read_text(encoding="utf-8")
        head = _HEADER.match(text)
        yield Article(f.stem, text[head.end():].lstrip() if head else text, path=str(f))


def collect(data: Path) -> list[Article]:
    files = sorted(data.rglob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles under {data}")
    try:
        from eventcoder.ingest import read_paths
    except ImportError:
        return list(_fallback_reader(files))
    return [a for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]


def repeated(articles: list[Article], copies: int) -> list[Article]:
    """Copies get their own ids, so nothing keyed on the id can short-cut the work."""
    return [Article(f"{a.id}~{k}", a.text, a.published, a.language, a.url, a.outlet,
                    a.title, a.path) for k in range(copies) for a in articles]


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    """ru_maxrss is in KiB on Linux and in bytes on macOS."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class PhasePeak:
    """Samples RSS on a thread: ru_maxrss is a process-wide peak, not one phase's."""

    def __init__(self, every: float = 0.02) -> None:
        self.every, self.peak = every, rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, rss_mb())

    def __enter__(self) -> PhasePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def _timed(run: Callable[[], int], count: int, peak: PhasePeak) -> dict[str, Any]:
    start = time.perf_counter()
    produced = run()
    seconds = max(time.perf_counter() - start, 1e-9)
    return {"articles": count, "seconds": round(seconds, 3),
            "articles_per_s": round(count / seconds, 2), "produced": produced,
            "rss_mb": round(rss_mb(), 1), "phase_peak_rss_mb": round(peak.peak, 1),
            "process_peak_rss_mb": round(peak_rss_mb(), 1)}


def bench_spacy(articles: list[Article], batch_size: int) -> dict[str, Any]:
    import spacy

    with PhasePeak() as peak:
        start = time.perf_counter()
        nlp = spacy.load(MODEL)
        load = time.perf_counter() - start
        list(nlp.pipe([articles[0].text]))  # warm-up, outside the timing
        texts = [a.text for a in articles]
        result = _timed(lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size)),
                        len(texts), peak)
    result.update(load_s=round(load, 2), produced_what="tokens")
    return result


def bench_engine_pipeline(articles: list[Article], batch_size: int) -> dict[str, Any]:
    """spaCy with the components the engine keeps (eventcoder.nlp.load): the engine minus
    its rules, so engine/this ratio is the cost of the rules alone."""
    from eventcoder import nlp

    with PhasePeak() as peak:
        start = time.perf_counter()
        pipeline = nlp.load()
        load = time.perf_counter() - start
        list(pipeline.pipe([articles[0].text]))
        texts = [a.text for a in articles]
        result = _timed(
            lambda: sum(len(d) for d in pipeline.pipe(texts, batch_size=batch_size)),
            len(texts), peak)
    result.update(load_s=round(load, 2), produced_what="tokens",
                  components=list(pipeline.pipe_names))
    return result


def bench_engine(articles: list[Article], batch_size: int) -> dict[str, Any]:
    from eventcoder.events import extract

    takes_batch = "batch_size" in inspect.signature(extract).parameters
    kwargs: dict[str, Any] = {"batch_size": batch_size} if takes_batch else {}
    def run() -> int:
        return sum(len(r.mentions) for r in extract(articles, **kwargs))

    with PhasePeak() as peak:
        start = time.perf_counter()
        list(extract(articles[:1], **kwargs))  # warm-up: the engine loads models lazily
        first = time.perf_counter() - start
        result = _timed(run, len(articles), peak)
    result.update(first_article_s=round(first, 2), produced_what="mentions",
                  batch_size=batch_size if takes_batch else None)
    return result


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(), "processor": platform.processor() or None}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA,
                   help="folder searched for .txt articles (default ../shared/data)")
    p.add_argument("--repeat", type=int, default=None,
                   help=f"copies of the corpus (default: enough for {MIN_ARTICLES} articles)")
    p.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    return p.parse_args(argv)


def run(args: argparse.Namespace) -> dict[str, Any]:
    corpus = collect(args.data)
    copies = args.repeat or math.ceil(MIN_ARTICLES / len(corpus))
    articles = repeated(corpus, copies)
    start_rss = round(rss_mb(), 1)
    spacy_phase = bench_spacy(articles, args.batch_size)
    gc.collect()  # spaCy's model goes before the engine loads its own
    same_phase = bench_engine_pipeline(articles, args.batch_size)
    engine_phase = bench_engine(articles, args.batch_size)
    return {"corpus_articles": len(corpus), "copies": copies, "articles": len(articles),
            "characters": sum(len(a.text) for a in articles), "batch_size": args.batch_size,
            "start_rss_mb": start_rss, "spacy": spacy_phase,
            "spacy_engine_pipeline": same_phase, "engine": engine_phase,
            "ratio_engine_to_spacy": round(engine_phase["articles_per_s"]
                                           / spacy_phase["articles_per_s"], 3),
            "ratio_engine_to_same_pipeline": round(engine_phase["articles_per_s"]
                                                   / same_phase["articles_per_s"], 3),
            "machine": machine()}


def report(figures: dict[str, Any]) -> str:
    s, e = figures["spacy"], figures["engine"]
    p = figures["spacy_engine_pipeline"]
    return "\n".join([
        f"articles: {figures['articles']} ({figures['corpus_articles']} x "
        f"{figures['copies']}), {figures['characters']} characters, "
        f"batch size {figures['batch_size']}, {figures['machine']['cpus']} CPUs",
        f"start RSS: {figures['start_rss_mb']} MiB",
        f"spaCy {MODEL} alone: {s['articles_per_s']} articles/s ({s['seconds']} s; "
        f"load {s['load_s']} s); RSS after {s['rss_mb']} MiB, phase peak "
        f"{s['phase_peak_rss_mb']} MiB",
        f"spaCy with the engine's components ({', '.join(p['components'])}): "
        f"{p['articles_per_s']} articles/s ({p['seconds']} s)",
        f"eventcoder.events.extract: {e['articles_per_s']} articles/s ({e['seconds']} s; "
        f"first article {e['first_article_s']} s; {e['produced']} mentions); "
        f"RSS after {e['rss_mb']} MiB, phase peak {e['phase_peak_rss_mb']} MiB",
        f"ratio engine/spaCy: {figures['ratio_engine_to_spacy']}; engine/same pipeline "
        f"(cost of the rules): {figures['ratio_engine_to_same_pipeline']}; process peak RSS "
        f"{e['process_peak_rss_mb']} MiB; load average {figures['machine']['load_average']}",
    ])


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    figures = run(args)
    print(json.dumps(figures, indent=2) if args.json else report(figures))


if __name__ == "__main__":
    main()
