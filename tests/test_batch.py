from __future__ import annotations

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
