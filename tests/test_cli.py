from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventcoder import events as engine
from eventcoder import export, merge
from eventcoder.cli import main
from eventcoder.ingest import NO_DATE_WARNING
from eventcoder.schema import Article, ArticleResult, DateSpan, Location, Mention
from eventcoder.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
BODY = "Des hommes armés ont attaqué un poste de police près de la ville, selon l’armée."


def fake_extract(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """Stands in for the engine: one mention per paragraph, dated by the header."""
    for article in articles:
        day = article.published.start if article.published else date(2020, 1, 1)
        mentions = [
            Mention(id=f"{article.id}-{n}", article=article.id, event_type="Battles",
                    sub_event_type="Armed clash", date=DateSpan(day, day, "day"),
                    location=Location("ML", "ML-7", "Gao"))
            for n, _ in enumerate(article.text.split("\n\n"))
        ]
        yield ArticleResult(article, mentions)


@pytest.fixture
def engine_stub(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "extract", fake_extract)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f" date 2021-06-15 {BODY}\n\n{BODY}", encoding="utf-8")
    (folder / "b.txt").write_text(f" date 2021-06 {BODY}", encoding="utf-8")
    return folder


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["ingest"], ["events"], ["articles"], ["stats"], ["changes"]])
def test_help_everywhere(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command:
        assert "Example: eventcoder" in result.output


def test_extract_merged_and_mentions(engine_stub: None, inputs: Path) -> None:
    merged = run("extract", str(inputs))
    assert merged.exit_code == 0
    events = [json.loads(line) for line in merged.stdout.splitlines()]
    # Two stated days two weeks apart, and two mentions of one article: three events.
    assert sorted(s["mention"] for e in events for s in e["sources"]) == ["a-0", "a-1", "b-0"]
    assert all(len(e["sources"]) == 1 and e["id"].startswith("ev-") for e in events)
    assert merged.stderr.strip() == "2 articles read, 0 failed, 3 events found"
    single = run("extract", "--mentions", "--format", "json", str(inputs / "b.txt"))
    [event] = json.loads(single.stdout)
    assert event["date"]["start"] == "2021-06-01"
    assert event["sources"] == [{"article": "b", "mention": "b-0", "evidence": []}]


def test_extract_table(engine_stub: None, inputs: Path) -> None:
    result = run("extract", str(inputs), "--format", "table")
    lines = result.stdout.splitlines()
    assert lines[0].split() == export.TABLE_HEADER
    # date order: b's day first, then a's two events (one article, two attacks)
    assert [line.split()[0] for line in lines[2:]] == ["2021-06-01", "2021-06-15", "2021-06-15"]
    assert lines[2].split()[:3] == ["2021-06-01", "Armed", "clash"]
    assert [line.split()[-1] for line in lines[2:]] == ["b", "a", "a"]


def test_extract_bad_inputs_exit_1(engine_stub: None, inputs: Path) -> None:
    (inputs / "c.txt").write_bytes(b"")
    (inputs / "d.txt").write_bytes(b"\x00\x01binary")
    (inputs / "e.txt").write_text(BODY, encoding="utf-8")
    result = run("extract", str(inputs), "missing.txt")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {inputs / 'c.txt'}: empty file",
                      f"error: {inputs / 'd.txt'}: binary file, not text",
                      "error: missing.txt: no such file or directory"]
    assert f"warning: {inputs / 'e.txt'}: {NO_DATE_WARNING}" in result.stderr
    assert result.stderr.splitlines()[-1] == "3 articles read, 3 failed, 4 events found"
    assert len(result.stdout.splitlines()) == 4


def test_extract_stdin(engine_stub: None) -> None:
    records = "\n".join(json.dumps({"id": f"r{n}", "text": BODY, "date": "2022-01-0" + str(n)})
                        for n in (1, 2))
    result = run("extract", "-", stdin=records + "\n{broken\n")
    assert result.exit_code == 1
    # two reports a day apart of one clash in one place: one event with both sources
    [event] = [json.loads(x) for x in result.stdout.splitlines()]
    assert [s["mention"] for s in event["sources"]] == ["r1-0", "r2-0"]
    assert event["id"] == merge.new_event_id(["r1-0"])
    assert "error: <stdin>:3: invalid JSON" in result.stderr


def test_missing_format_exits_2(monkeypatch: pytest.MonkeyPatch, inputs: Path) -> None:
    writers = {k: v for k, v in export.WRITERS.items() if k != "geojson"}
    monkeypatch.setattr(export, "WRITERS", writers)
    result = run("extract", str(inputs), "--format", "geojson")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: format not available yet: geojson"
    assert result.stdout == ""


def test_store_commands(engine_stub: None, inputs: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    first = run("ingest", str(inputs), "--db", db)
    assert first.exit_code == 0
    assert first.stderr.splitlines() == [
        "2 articles read, 0 failed, 3 events found",
        "2 articles stored, 0 already stored, 3 events created, 0 updated"]
    again = run("ingest", str(inputs), "--db", db)
    assert again.stderr.splitlines()[-1] == (
        "0 articles stored, 2 already stored, 0 events created, 0 updated")

    listed = run("events", "--db", db, "--since", "2021-06-10", "--format", "jsonl")
    events = [json.loads(x) for x in listed.stdout.splitlines()]
    assert sorted(s["mention"] for e in events for s in e["sources"]) == ["a-0", "a-1"]
    assert sorted(e["id"] for e in events) == sorted(merge.new_event_id([m])
                                                     for m in ("a-0", "a-1"))
    assert listed.stderr.strip() == "2 of 2 events"
    assert run("events", "--db", db, "--country", "FR").stderr.strip() == "0 of 0 events"
    assert run("events", "--db", db, "--limit", "1").stderr.strip() == "1 of 3 events"

    arts = run("articles", "--db", db).stdout.splitlines()
    assert [line.split()[:3] for line in arts[2:]] == [["a", "2021-06-15", "fr"],
                                                       ["b", "2021-06", "fr"]]
    stats = json.loads(run("stats", "--json", "--db", db).stdout)
    assert stats["totals"]["events"] == 3 and stats["by_country"] == {"ML": 3}
    assert "articles" in run("stats", "--db", db).stdout
    changes = [json.loads(x) for x in run("changes", "--db", db).stdout.splitlines()]
    assert [(c["event_id"], c["kind"]) for c in changes] == [
        (merge.new_event_id([m]), "created") for m in ("a-0", "a-1", "b-0")]

    # a third article reports b's clash: it joins b's event, whose id stays
    (inputs / "c.txt").write_text(f" date 2021-06 {BODY} Selon un autre témoin.",
                                  encoding="utf-8")
    joined = run("ingest", str(inputs / "c.txt"), "--db", db)
    assert joined.stderr.splitlines()[-1] == (
        "1 articles stored, 0 already stored, 0 events created, 1 updated")
    [update] = [json.loads(x) for x in run("changes", "--db", db).stdout.splitlines()][3:]
    assert (update["event_id"], update["kind"]) == (merge.new_event_id(["b-0"]), "updated")
    assert update["detail"]["joined"] == [{"mention": "c-0", "article": "c", "from": None}]
    assert json.loads(run("stats", "--json", "--db", db).stdout)["totals"]["events"] == 3
    assert run("changes", "--since", "2999-01-01", "--db", db).stdout == ""
    assert run("changes", "--since", "yesterday", "--db", db).exit_code == 2


def test_bad_database_url(tmp_path: Path) -> None:
    result = run("stats", "--db", "nosuchdb://x")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open database nosuchdb://x")


def test_database_url_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTCODER_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert run("stats", "--json").exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_python_dash_m(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "eventcoder", "extract", str(ROOT / "examples")],
                          capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1].startswith("3 articles read, 0 failed")


def test_seed_articles_through_cli(shared_data: Path) -> None:
    result = run("extract", str(shared_data / "seeds"), "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1].startswith("2 articles read, 0 failed")


OWN_COMMANDS = ("extract", "ingest", "events", "articles", "stats", "changes")


def test_commands_and_settings_are_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in OWN_COMMANDS:
        assert name in main.commands
        assert f"## `eventcoder {name}" in doc, name
    for field in Settings.model_fields:
        assert f"EVENTCODER_{field.upper()}" in doc, field


@pytest.mark.slow
def test_jobs_do_not_change_the_output(shared_data: Path) -> None:
    """Two worker processes give the very lines one process gives (input order kept)."""
    one = run("extract", str(shared_data / "seeds"), "--mentions", "--jobs", "1")
    two = run("extract", str(shared_data / "seeds"), "--mentions", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    lines = one.stdout.splitlines()
    assert len(lines) >= 2 and two.stdout.splitlines() == lines
    assert two.stderr.splitlines()[-1] == one.stderr.splitlines()[-1]


def test_articles_formats_and_text_query(engine_stub: None, inputs: Path, tmp_path: Path) -> None:
    """``articles --format``: the JSON Lines are the input of ``ingest`` again; ``events --q``
    finds events by a word only their article has."""
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    (inputs / "c.txt").write_text(" date 2021-07-02 Des tirs ont visé le camp de Tessalit.",
                                  encoding="utf-8")
    assert run("ingest", str(inputs), "--db", db).exit_code == 0
    table = run("articles", "--db", db, "--format", "table").stdout.splitlines()
    assert table[0].split() == ["id", "date", "language", "outlet", "title"]
    assert table[1].startswith("--") and table[4].split()[:2] == ["c", "2021-07-02"]
    lines = run("articles", "--db", db, "--format", "jsonl").stdout.splitlines()
    records = [json.loads(x) for x in lines]
    assert [(r["id"], r["date"]) for r in records] == [
        ("a", "2021-06-15"), ("b", "2021-06"), ("c", "2021-07-02")]
    assert records[2]["text"] == "Des tirs ont visé le camp de Tessalit."
    assert json.loads(run("articles", "--db", db, "--format", "json", "--limit", "1")
                      .stdout) == records[:1]
    rows = list(csv.DictReader(io.StringIO(run("articles", "--db", db, "--format", "csv",
                                               "--offset", "2").stdout)))
    assert [(r["id"], r["text"]) for r in rows] == [("c", records[2]["text"])]
    (tmp_path / "back.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = run("ingest", str(tmp_path / "back.jsonl"), "--db", f"sqlite:///{tmp_path / 'b.db'}")
    assert again.stderr.splitlines()[-1].startswith("3 articles stored")

    found = run("events", "--db", db, "--q", "tessalit")
    assert [s["article"] for s in json.loads(found.stdout)["sources"]] == ["c"]
    assert found.stderr.strip() == "1 of 1 events"
    assert run("events", "--db", db, "--q", "kidal").stderr.strip() == "0 of 0 events"
