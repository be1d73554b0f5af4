"""`eventcoder evaluate`: read, extract, merge and score, with known answers."""

from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventcoder.cli.evaluate as evaluate_cli
from evaluation_builders import SHARED_DATA, gold_event, mention, write_gold
from eventcoder.cli import main
from eventcoder.schema import Article, ArticleResult, IngestError

_HEADER = re.compile(r"^\s?date (\d{4}-\d{2}(?:-\d{2})?)")


def _private_reader(paths: Iterable[str]) -> Iterator[Article | IngestError]:
    """Just enough of ``eventcoder.ingest.read_paths`` for these tests: .txt files by id."""
    for p in map(Path, paths):
        for f in sorted(p.glob("*.txt")) if p.is_dir() else [p]:
            text = f.read_text(encoding="utf-8")
            head = _HEADER.match(text)
            if head is None:
                yield IngestError(str(f), "no date header")
                continue
            yield Article(f.stem, text[head.end():].lstrip(), path=str(f))


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("eventcoder.ingest")
    module.read_paths = _private_reader  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "eventcoder.ingest", module)


def _articles(folder: Path, *ids: str) -> Path:
    folder.mkdir()
    for i in ids:
        (folder / f"{i}.txt").write_text(" date 2021-03-10 Des hommes armés ont attaqué.\n")
    (folder / "broken.txt").write_text("no header here\n")
    return folder


def _fake_extract(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """Two right mentions in article a, one wrong type in b: P = R = 2/3."""
    made = {"a": [mention("a1", "a", fatalities=4), mention("a2", "a", start="2021-03-02")],
            "b": [mention("b1", "b", "Riots", sub=None)]}
    for art in articles:
        yield ArticleResult(art, made.get(art.id, []))


@pytest.mark.usefixtures("fake_ingest")
def test_evaluate_json_with_known_scores(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a", [gold_event("K1", fatalities=[4]), gold_event(
        "K2", date={"start": "2021-03-02", "end": "2021-03-02"})])
    write_gold(gold, "b", [gold_event("K1")])
    write_gold(gold, "c", [gold_event("K3")])
    folder = _articles(tmp_path / "in", "a", "b")
    monkeypatch.setattr(evaluate_cli, "extract", _fake_extract)
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(folder), "--json",
                                       "--errors"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["events"] == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.6667,
                             "recall": 0.6667, "f1": 0.6667}
    assert out["fields"]["fatalities"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert out["merge"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0, "recall": 0.0,
                            "f1": 0.0}
    assert out["articles"]["gold_not_given"] == ["c"]
    assert {(e["kind"], e["article"]) for e in out["errors"]} == {
        ("false_positive", "b"), ("miss", "b"), ("merge_missed_link", "a")}
    assert "skipped" in result.stderr and "broken.txt" in result.stderr


def _finds_nothing(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    for article in articles:
        yield ArticleResult(article, [])


@pytest.mark.usefixtures("fake_ingest")
def test_evaluate_table_when_nothing_is_found_prints_zeros(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate_cli, "extract", _finds_nothing)
    gold = tmp_path / "gold"
    write_gold(gold, "a", [gold_event("K1"), gold_event("K2")])
    folder = _articles(tmp_path / "in", "a")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(folder), "--errors"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^events\s+0\s+0\s+2\s+0\.000\s+0\.000\s+0\.000$", result.stdout, re.M)
    assert re.search(r"^date\s+0\s+0\s+0\.000$", result.stdout, re.M)
    assert "a K1: missed" in result.stdout and "a K2: missed" in result.stdout


@pytest.mark.usefixtures("fake_ingest")
def test_evaluate_refuses_a_broken_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.json").write_text('{"article": "a"}')
    folder = _articles(tmp_path / "in", "a")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(folder)])
    assert result.exit_code == 1
    assert "events list" in result.output


@pytest.mark.skipif(not (SHARED_DATA / "dev-gold").is_dir(), reason="no ../shared/data")
@pytest.mark.usefixtures("fake_ingest")
def test_evaluate_on_the_real_articles_scores_every_gold_file() -> None:
    result = CliRunner().invoke(main, [
        "evaluate", str(SHARED_DATA / "dev-gold"), str(SHARED_DATA / "seeds"),
        str(SHARED_DATA / "articles"), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert len(out["articles"]["scored"]) == 15
    assert out["articles"]["gold_not_given"] == []
    gold_events = sum(len(json.loads(p.read_text())["events"])
                      for p in (SHARED_DATA / "dev-gold").glob("*.gold.json"))
    assert out["events"]["tp"] + out["events"]["fn"] == gold_events
