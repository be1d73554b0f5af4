"""``--shard K/N``: N nodes given the same inputs take each article exactly once."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder import events as engine
from eventcoder.batch import run_batch
from eventcoder.cli import main
from eventcoder.schema import Article, ArticleResult, DateSpan, Location, Mention
from eventcoder.settings import Settings
from eventcoder.shard import BadShard, Shard, bucket
from eventcoder.store import Repository

PLACES = ["Gao", "Mopti", "Kidal", "Tombouctou", "Ménaka", "Ségou"]


def body(n: int) -> str:
    return (f"Des hommes armés ont attaqué le poste de {PLACES[n % len(PLACES)]} "
            f"à l'aube du jour {n}, selon une source sécuritaire.")


def articles(count: int) -> list[Article]:
    return [Article(f"a{n}", body(n)) for n in range(count)]


def one_mention(found: Iterable[Article]) -> Iterator[ArticleResult]:
    """Stands in for the engine: one clash per article ``a<n>``, weeks apart from the
    others (each its own occurrence)."""
    for article in found:
        day = date(2021, 1, 1) + timedelta(days=20 * int(article.id[1:]))
        yield ArticleResult(article, [Mention(
            id=f"{article.id}-m1", article=article.id, event_type="Battles",
            sub_event_type="Armed clash", date=DateSpan(day, day, "day"),
            location=Location("ML", None, None, article.id))])


@pytest.mark.parametrize(("text", "index", "count"), [
    ("1/1", 1, 1), ("2/4", 2, 4), (" 3 / 5 ", 3, 5), ("10/10", 10, 10)])
def test_parse(text: str, index: int, count: int) -> None:
    assert Shard.parse(text) == Shard(index, count)
    assert str(Shard(index, count)) == f"{index}/{count}"


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "-1/2", "a/b", "3", "1/2/3", ""])
def test_bad_values_refused(text: str) -> None:
    with pytest.raises(BadShard):
        Shard.parse(text)


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_shares_are_disjoint_and_cover_everything(count: int) -> None:
    found = articles(300)
    shares = [{a.id for a in found if Shard(k, count).owns(a)} for k in range(1, count + 1)]
    assert set().union(*shares) == {a.id for a in found}
    assert sum(len(s) for s in shares) == len(found)  # no article in two shares
    assert min(len(s) for s in shares) >= 0.6 * len(found) / count  # roughly even


def test_owner_depends_on_the_text_only() -> None:
    """Not on the order of the inputs, nor on the file name: copies go to one node."""
    found = articles(50)
    shuffled = random.Random(7).sample(found, len(found))
    owners = {a.id: bucket(a.content_hash, 4) for a in found}
    assert {a.id: bucket(a.content_hash, 4) for a in shuffled} == owners
    renamed = [Article(f"copy-{a.id}", a.text, path=f"/elsewhere/{a.id}.txt") for a in found]
    assert [Shard(2, 4).owns(a) for a in renamed] == [Shard(2, 4).owns(a) for a in found]


def test_split_is_stable_across_releases() -> None:
    """A node running another build must split alike: the hash is fixed (SHA-256)."""
    assert bucket("abc", 5) == 3
    assert [bucket(f"key{n}", 3) for n in range(8)] == [1, 1, 1, 0, 1, 1, 0, 0]


def write_inputs(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"a{n}.txt").write_text(f" date 2021-01 {body(n)}", encoding="utf-8")


def test_run_batch_takes_its_share(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_inputs(tmp_path, 12)
    taken: list[set[str]] = []
    for k in (1, 2, 3):
        seen: set[str] = set()
        summary = run_batch([tmp_path], lambda rs, s=seen: s.update(r.article.id for r in rs),
                            extract=one_mention, progress=False, shard=Shard(k, 3),
                            settings=Settings(batch_size=5))
        assert (summary.read, summary.elsewhere) == (len(seen), 12 - len(seen))
        assert capsys.readouterr().err.splitlines()[-1] == (
            f"{len(seen)} articles read, 0 failed, {len(seen)} events found, "
            f"{12 - len(seen)} left to other shards")
        taken.append(seen)
    assert sorted(set().union(*taken)) == sorted(f"a{n}" for n in range(12))
    assert sum(map(len, taken)) == 12


@pytest.fixture
def engine_stub(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "extract", one_mention)


def test_extract_shards_cover_the_inputs(tmp_path: Path, engine_stub: None) -> None:
    write_inputs(tmp_path, 10)
    runner = CliRunner()
    ids: list[str] = []
    for k in (1, 2):
        out = runner.invoke(main, ["extract", str(tmp_path), "--mentions", "--shard", f"{k}/2"])
        assert out.exit_code == 0, out.output
        ids += [json.loads(line)["sources"][0]["article"] for line in out.stdout.splitlines()]
    assert sorted(ids) == sorted(f"a{n}" for n in range(10))


def test_ingest_shards_fill_one_store_once(tmp_path: Path, engine_stub: None) -> None:
    inputs, url = tmp_path / "in", f"sqlite:///{tmp_path / 'c.db'}"
    inputs.mkdir()
    write_inputs(inputs, 10)
    runner = CliRunner()
    for k in (1, 2, 1):  # the third run repeats shard 1: nothing new
        out = runner.invoke(main, ["ingest", str(inputs), "--db", url, "--shard", f"{k}/2"])
        assert out.exit_code == 0, out.output
    assert out.stderr.splitlines()[-1].startswith("0 articles stored, ")
    repo = Repository(url)
    assert sorted(a.id for a in repo.articles()) == sorted(f"a{n}" for n in range(10))
    assert repo.stats()["totals"]["events"] == 10


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize(("value", "message"), [
    ("3/2", "need 1 <= K <= N"), ("0/2", "need 1 <= K <= N"), ("half", "is not K/N")])
def test_bad_shard_is_a_usage_error(tmp_path: Path, command: str, value: str,
                                    message: str) -> None:
    out = CliRunner().invoke(main, [command, str(tmp_path), "--shard", value])
    assert out.exit_code == 2
    assert "Invalid value for '--shard'" in out.stderr and message in out.stderr
