from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from eventcoder import batch
from eventcoder.batch import run_batch
from eventcoder.schema import Article, ArticleResult, IngestError
from eventcoder.settings import Settings

BODY = "Un engin explosif a visé une patrouille de l’armée près de la frontière."


def write(folder: Path, *names: str) -> None:
    for name in names:
        (folder / f"{name}.txt").write_text(f" date 2022-02 {BODY}", encoding="utf-8")


def fragile(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """An engine that breaks on one article."""
    for article in list(articles):
        if article.id == "boom":
            raise ValueError("unexpected token")
        yield ArticleResult(article, [])


def test_engine_failure_is_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a", "boom", "c")
    seen: list[str] = []

    def handle(results: list[ArticleResult]) -> list[IngestError]:
        seen.extend(r.article.id for r in results)
        return [IngestError("store", "refused")] if "c" in seen else []

    summary = run_batch([tmp_path], handle, extract=fragile, progress=False,
                        settings=Settings(batch_size=10))
    assert seen == ["a", "c"]
    assert [(Path(e.path).name, e.reason) for e in summary.failed] == [
        ("boom.txt", "extraction failed: ValueError('unexpected token')"), ("store", "refused")]
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "2 articles read, 2 failed, 0 events found"
    assert err[-2] == "error: store: refused"


def test_batches_have_batch_size(tmp_path: Path) -> None:
    write(tmp_path, *"abcde")
    sizes: list[int] = []
    run_batch([tmp_path], lambda rs: sizes.append(len(rs)), progress=False,
              settings=Settings(batch_size=2), extract=fragile)
    assert sizes == [2, 2, 1]


@pytest.mark.parametrize(("tty", "ci", "expected"),
                         [(True, None, True), (True, "true", False), (False, None, False)])
def test_progress_only_for_a_person(monkeypatch: pytest.MonkeyPatch, tty: bool,
                                    ci: str | None, expected: bool) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: tty)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert batch.interactive() is expected


def test_progress_bar_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a")
    run_batch([tmp_path], progress=True, extract=fragile)
    out = capsys.readouterr()
    assert out.out == ""
    assert "reading" in out.err


def slow_and_fragile(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """A worker's engine: the early articles take longest (so finishing order is not
    input order), one article breaks, each result names the process that made it."""
    import os
    import time

    for article in list(articles):
        if article.id == "a07":
            raise ValueError("unexpected token")
        time.sleep(0.02 * (20 - int(article.id[1:])) / 20)
        yield ArticleResult(article, [], [f"pid {os.getpid()}"])


def test_pool_keeps_input_order_and_passes_errors(tmp_path: Path) -> None:
    articles = [Article(id=f"a{i:02d}", text=BODY, path=f"/in/a{i:02d}.txt") for i in range(20)]
    out = list(batch.extract_outcomes(articles, jobs=2, extract=slow_and_fragile))
    assert [o.article.id if isinstance(o, ArticleResult) else o.path for o in out] == [
        "/in/a07.txt" if i == 7 else f"a{i:02d}" for i in range(20)]
    assert out[7] == IngestError("/in/a07.txt", "extraction failed: ValueError('unexpected token')")
    pids = {r.warnings[0] for r in out if isinstance(r, ArticleResult)}
    assert 1 <= len(pids) <= 2 and f"pid {os.getpid()}" not in pids  # in workers, not here
    serial = list(batch.extract_outcomes(articles, jobs=1, extract=slow_and_fragile))
    assert [str(o) if isinstance(o, IngestError) else o.article.id for o in serial] == [
        str(o) if isinstance(o, IngestError) else o.article.id for o in out]


def test_extract_parallel_raises_on_a_failed_article() -> None:
    articles = [Article(id=f"a{i:02d}", text=BODY) for i in range(6, 9)]
    with pytest.raises(batch.ExtractionFailed, match="a07: extraction failed"):
        list(batch.extract_parallel(articles, 1, extract=slow_and_fragile))


@pytest.mark.parametrize(("jobs", "cpus", "expected"), [(3, 8, 3), (1, 8, 1), (0, 8, 8)])
def test_jobs_zero_is_every_cpu(monkeypatch: pytest.MonkeyPatch, jobs: int, cpus: int,
                                expected: int) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cpus)), raising=False)
    assert batch.resolve_jobs(jobs) == expected


def test_second_ingest_extracts_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    from eventcoder.store import Repository

    inputs = tmp_path / "in"
    inputs.mkdir()
    write(inputs, "a", "b")
    (inputs / "c.txt").write_text(" date 2022-03 Un autre texte sur une embuscade.",
                                  encoding="utf-8")
    repo = Repository(f"sqlite:///{tmp_path / 'store.db'}")
    seen: list[str] = []

    def counting(articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for article in articles:
            seen.append(article.id)
            yield ArticleResult(article, [])

    summary, first = batch.ingest_paths([inputs], repo, extract=counting, progress=False)
    # b has a's text: it is extracted with it, then found stored by the store itself
    assert (seen, first.stored, first.duplicates) == (["a", "b", "c"], ["a", "c"], ["b"])
    seen.clear()
    summary, again = batch.ingest_paths([inputs], repo, extract=counting, progress=False)
    assert seen == []
    assert (again.stored, again.duplicates, again.failed) == ([], ["a", "b", "c"], [])
    assert (summary.read, summary.skipped, summary.failed) == (3, 3, [])
    assert capsys.readouterr().err.splitlines()[-1] == "3 articles read, 0 failed, 0 events found"
    assert repo.known_hashes([Article(id="x", text=BODY).content_hash, "0" * 64]) == {
        Article(id="x", text=BODY).content_hash}


def dies(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """A worker killed mid-chunk (as by the kernel's out-of-memory killer)."""
    os._exit(9)
    yield from ()


def test_a_dead_worker_stops_the_batch_with_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "a", "b")
    with pytest.raises(batch.ExtractionFailed, match="extraction worker died.*fewer --jobs"):
        run_batch([tmp_path], extract=dies, jobs=2, progress=False)
