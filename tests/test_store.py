from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from eventcoder import merge
from eventcoder.ingest import parse_pubdate
from eventcoder.schema import (
    Actor,
    Article,
    ArticleResult,
    DateSpan,
    Event,
    EventQuery,
    Location,
    Mention,
    Outlet,
    Span,
)
from eventcoder.store import Repository
from eventcoder.store import merging as store_merging
from eventcoder.store.migrations import migrations
from eventcoder.store.models import Base, EventRow

PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:  # a throwaway PostgreSQL database named by EVENTCODER_TEST_PG_URL
        url = str(PG_URL)
        _drop_all(url)
    repository = Repository(url)
    yield repository
    repository.close()


def _drop_all(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def article(aid: str, body: str | None = None) -> Article:
    body = body or f"Texte de la dépêche {aid}: un engin explosif a visé un convoi."
    return Article(id=aid, text=body, published=parse_pubdate("2020-04"), language="fr",
                   outlet="Exemple Info", path=f"/tmp/{aid}.txt")


def mention(aid: str, n: int, *, country: str = "IQ", admin1: str = "IQ-BG",
            day: date = date(2020, 4, 8), actor: str = "islamic-state",
            etype: str = "Explosions/Remote violence",
            sub: str = "Remote explosive/landmine/IED", lat: float = 33.3,
            place: str | None = None, fatalities: int | None = None) -> Mention:
    """A report of an IED attack on a convoy; mentions with equal country, admin1, day,
    place, type and actor describe one occurrence for the merge."""
    return Mention(
        id=f"{aid}-m{n}", article=aid, event_type=etype, sub_event_type=sub,
        date=DateSpan(day, day, "day", "le mercredi 8 avril"),
        location=Location(country, admin1, "Baghdad", place or f"Place {n}", lat, 44.4, 1,
                          "près de"),
        actor1=Actor(actor, actor.replace("-", " ").title(), "un groupe", "claimed",
                     "Rebel group", country),
        actor2=Actor("us-military", "Military Forces of the United States", "un convoi"),
        claimed_by=[Actor(actor, actor.title(), "le groupe", "claimed")],
        fatalities=n if fatalities is None else fatalities, injuries=None, weapon="IED",
        reported_by=[Outlet("Exemple Info", "selon Exemple Info")], status="claimed",
        evidence=[Span(0, 10, "Texte de l")], fields={"weapon": Span(20, 33, "engin explosif")},
        confidence=0.75,
    )


def result(aid: str, *mentions: Mention, body: str | None = None) -> ArticleResult:
    return ArticleResult(article(aid, body), list(mentions))


def without_timestamps(event: Event) -> dict[str, Any]:
    d = event.to_dict()
    d.pop("created"), d.pop("updated")
    return d


# -- schema -----------------------------------------------------------------------------

def test_migrations_recorded_and_models_agree(repo: Repository) -> None:
    with repo.engine.connect() as conn:
        versions = [r[0] for r in conn.execute(text("SELECT version FROM schema_version"))]
    assert versions == [m.version for m in migrations()] == [1, 2, 3, 4, 5, 6]
    inspector = inspect(repo.engine)
    for table in Base.metadata.sorted_tables:
        stored = {c["name"] for c in inspector.get_columns(table.name)}
        assert stored == {c.name for c in table.columns}, table.name
    indexed = {i["name"] for i in inspector.get_indexes("events")}
    assert {"ix_events_country", "ix_events_admin1", "ix_events_date", "ix_events_type",
            "ix_events_actor1"} <= indexed
    assert "ix_event_sources_mention" in {i["name"] for i in inspector.get_indexes(
        "event_sources")}
    assert Repository(repo.url).engine  # reopening applies nothing new and does not fail


def test_sqlite_wal_and_foreign_keys(tmp_path: Path) -> None:
    repository = Repository(f"sqlite:///{tmp_path / 'w.db'}")
    with repository.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_page_query_uses_index(tmp_path: Path) -> None:
    repository = Repository(f"sqlite:///{tmp_path / 'p.db'}")
    with repository.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE country = 'IQ' "
            "ORDER BY date_start DESC LIMIT 50"))
    assert "ix_events_country" in plan


# -- ingest -----------------------------------------------------------------------------

def test_round_trip(repo: Repository) -> None:
    m1, m2 = mention("a", 1), mention("a", 2, country="SY", admin1="SY-AL")
    report = repo.ingest([result("a", m1, m2)])
    assert (report.stored, report.duplicates, report.failed) == (["a"], [], [])
    assert (report.mentions, report.events_created, report.events_updated) == (2, 2, 0)
    for m in (m1, m2):
        stored = repo.event_of_mention(m.id)
        assert stored is not None and stored.created and stored.updated
        assert stored.id == merge.new_event_id([m.id])
        assert without_timestamps(stored) == merge.merge([m])[0].to_dict()
        assert stored.sources == [m.source()]
        assert repo.event(stored.id) == stored
    loaded = repo.article("a")
    assert loaded is not None
    art, mentions = loaded
    assert art == article("a")
    assert art.published is not None and art.published.precision == "month"
    assert mentions == [m1, m2]
    assert repo.event("nope") is None and repo.article("nope") is None
    assert repo.event_of_mention("nope") is None


def test_second_ingest_adds_nothing(repo: Repository) -> None:
    batch = [result("a", mention("a", 1)), result("b", mention("b", 1, country="SY"))]
    repo.ingest(batch)
    before = (repo.stats(), repo.changes(), repo.articles(), repo.events(EventQuery()))
    report = repo.ingest(batch)
    assert report.duplicates == ["a", "b"]
    assert (report.stored, report.mentions, report.events_created) == ([], 0, 0)
    assert (repo.stats(), repo.changes(), repo.articles(), repo.events(EventQuery())) == before
    # the same text under another name is the same article
    renamed = repo.ingest([result("a-copy", body=article("a").text)])
    assert renamed.duplicates == ["a-copy"]


def test_same_id_other_text_fails(repo: Repository) -> None:
    repo.ingest([result("a")])
    report = repo.ingest([result("a", body="Un autre texte, une autre attaque.")])
    assert report.stored == []
    assert [e.reason for e in report.failed] == [
        "not stored: article id 'a' already stored with another text"]
    assert report.failed[0].path == "/tmp/a.txt"


def test_one_transaction_per_article(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    real = store_merging.merge_into

    def failing(mentions: list[Mention], existing: list[Event]) -> merge.MergeResult:
        if mentions[0].article == "b":  # after b's article row and mentions are written
            raise RuntimeError("disk on fire")
        return real(mentions, existing)

    monkeypatch.setattr(store_merging, "merge_into", failing)
    report = repo.ingest([result("a", mention("a", 1)),
                          result("b", mention("b", 1), mention("b", 2)),
                          result("c", mention("c", 1))])
    assert report.stored == ["a", "c"]
    assert [(e.path, e.reason) for e in report.failed] == [("/tmp/b.txt",
                                                            "not stored: disk on fire")]
    assert repo.article("b") is None
    assert repo.event_of_mention("b-m1") is None
    assert repo.stats()["totals"]["mentions"] == 2
    joined = repo.event_of_mention("c-m1")  # c reports a's occurrence
    assert joined is not None and joined == repo.event_of_mention("a-m1")
    assert [s.mention for s in joined.sources] == ["a-m1", "c-m1"]
    assert [a.id for a in repo.articles()] == ["a", "c"]
    monkeypatch.setattr(store_merging, "merge_into", real)
    assert repo.ingest([result("b", mention("b", 1))]).stored == ["b"]


def test_reports_of_one_occurrence_make_one_event(repo: Repository) -> None:
    start = datetime.now(UTC)
    first = repo.ingest([result("a", mention("a", 1, fatalities=4))])
    assert (first.events_created, first.events_updated) == (1, 0)
    event = repo.event_of_mention("a-m1")
    assert event is not None and event.id == merge.new_event_id(["a-m1"])
    second = repo.ingest([result("b", mention("b", 1, day=date(2020, 4, 9), fatalities=3))])
    assert (second.events_created, second.events_updated) == (0, 1)
    joined = repo.event_of_mention("b-m1")
    assert joined is not None and joined.id == event.id
    assert [s.article for s in joined.sources] == ["a", "b"]
    assert joined.fatalities == 3  # the lowest figure, each article's kept
    assert joined.disagreements["fatalities"]["by_source"] == {"a": 4, "b": 3}
    assert joined.created == event.created and event.created < (joined.updated or "")
    middle = datetime.now(UTC)
    third = repo.ingest([result("c", mention("c", 1, fatalities=5),
                                body="Troisième dépêche sur la même attaque.")])
    assert (third.events_created, third.events_updated) == (0, 1)
    final = repo.event(event.id)
    assert final is not None and [s.mention for s in final.sources] == ["a-m1", "b-m1", "c-m1"]
    assert repo.stats()["totals"]["events"] == 1
    log = repo.changes(since=start)
    assert [(c["event_id"], c["kind"]) for c in log] == [(event.id, "created"),
                                                          (event.id, "updated"),
                                                          (event.id, "updated")]
    assert log[0]["detail"] == {"articles": ["a"],
                                "joined": [{"mention": "a-m1", "article": "a", "from": None}]}
    assert "sources" in log[1]["detail"]["fields"] and "fatalities" in log[1]["detail"]["fields"]
    assert log[1]["detail"]["joined"] == [{"mention": "b-m1", "article": "b", "from": None}]
    assert [c["detail"]["joined"] for c in repo.changes(since=middle)] == [
        [{"mention": "c-m1", "article": "c", "from": None}]]
    assert repo.changes(since=datetime.now(UTC) + timedelta(hours=1)) == []


@pytest.mark.parametrize(
    "other",
    [
        mention("b", 1, place="Place 9", lat=33.9),         # another town of the province
        mention("b", 1, actor="asaib-ahl-al-haq"),          # another perpetrator
        mention("b", 1, day=date(2020, 4, 11)),             # three days later
        mention("b", 1, etype="Protests", sub="Peaceful protest"),
    ],
    ids=["town", "actor", "day", "type"],
)
def test_distinct_occurrences_stay_apart(repo: Repository, other: Mention) -> None:
    repo.ingest([result("a", mention("a", 1)), result("b", other)])
    first, second = repo.event_of_mention("a-m1"), repo.event_of_mention("b-m1")
    assert first is not None and second is not None and first.id != second.id
    assert [len(e.sources) for e in (first, second)] == [1, 1]
    assert [c["kind"] for c in repo.changes()] == ["created", "created"]


def test_revised_mention_splits_and_merges(repo: Repository) -> None:
    """A re-extraction moves a report out of an event (split), then into another one,
    which swallows the event that held it alone (merged)."""
    repo.ingest([result(x, mention(x, 1)) for x in "abc"])
    shared = repo.event_of_mention("a-m1")
    assert shared is not None and len(shared.sources) == 3
    later = date(2020, 4, 20)
    assert repo.revise([mention("c", 1, day=later)]) == (1, 1)
    moved = repo.event_of_mention("c-m1")
    kept = repo.event(shared.id)
    assert moved is not None and moved.id == merge.new_event_id(["c-m1"])
    assert kept is not None and [s.mention for s in kept.sources] == ["a-m1", "b-m1"]
    *_, created, updated, split = repo.changes()
    assert (created["event_id"], created["kind"]) == (moved.id, "created")
    assert created["detail"]["joined"] == [{"mention": "c-m1", "article": "c",
                                            "from": shared.id}]
    assert (updated["event_id"], updated["kind"]) == (shared.id, "updated")
    assert (split["event_id"], split["kind"]) == (shared.id, "split")
    assert split["detail"] == {"into": [moved.id], "mentions": ["c-m1"], "kept": True}

    assert repo.revise([mention("c", 1)]) == (0, 1)  # back to the 8th
    assert repo.event(moved.id) is None
    back = repo.event(shared.id)
    assert back is not None and [s.mention for s in back.sources] == ["a-m1", "b-m1", "c-m1"]
    *_, updated, merged = repo.changes()
    assert (updated["event_id"], updated["kind"]) == (shared.id, "updated")
    assert (merged["event_id"], merged["kind"]) == (moved.id, "merged")
    assert merged["detail"] == {"into": shared.id, "mentions": ["c-m1"]}
    assert repo.stats()["totals"] == {"articles": 3, "mentions": 3, "events": 1, "actors": 2,
                                      "fatalities": 1}


def test_split_of_two_reports_gives_two_ids(repo: Repository) -> None:
    repo.ingest([result(x, mention(x, 1)) for x in "ab"])
    repo.revise([mention("b", 1, day=date(2020, 4, 20))])
    first, second = repo.event_of_mention("a-m1"), repo.event_of_mention("b-m1")
    assert first is not None and second is not None
    # the report that stayed keeps the stored id; the revised one gets its own
    assert first.id == merge.new_event_id(["a-m1"])
    assert second.id == merge.new_event_id(["b-m1"])
    assert [c["kind"] for c in repo.changes()][-3:] == ["created", "updated", "split"]


def test_merge_candidates_window(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.ingest([result("a", mention("a", 1)),
                 result("b", mention("b", 1, day=date(2020, 6, 1))),
                 result("c", mention("c", 1, country="SY")),
                 result("e", mention("e", 1, day=date(2020, 1, 5)))])
    seen: list[set[str]] = []
    real = store_merging.merge_into

    def spy(mentions: list[Mention], existing: list[Event]) -> merge.MergeResult:
        seen.append({e.id for e in existing})
        return real(mentions, existing)

    monkeypatch.setattr(store_merging, "merge_into", spy)
    repo.ingest([result("d", mention("d", 1, day=date(2020, 4, 14)))])
    # same country, 6 days apart; not June, not January, not Syria
    assert seen == [{merge.new_event_id(["a-m1"])}]
    assert repo.stats()["totals"]["events"] == 5


def test_candidate_query_uses_index(repo: Repository) -> None:
    if not repo.url.startswith("sqlite"):
        pytest.skip("SQLite query plan")
    for scope in (EventRow.country.in_(["IQ", "SY"]), EventRow.country.is_(None)):
        stmt = store_merging._window(scope, date(2020, 4, 1), date(2020, 4, 15))
        sql = str(stmt.compile(repo.engine, compile_kwargs={"literal_binds": True}))
        with repo.engine.connect() as conn:
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_events_country" in plan and "SCAN" not in plan, plan


# -- reads ------------------------------------------------------------------------------

@pytest.fixture
def filled(repo: Repository) -> Repository:
    repo.ingest([
        result("a", mention("a", 1), mention("a", 2, day=date(2020, 5, 2), admin1="IQ-SD")),
        result("b", mention("b", 1, country="SY", admin1="SY-AL", lat=36.2,
                            actor="hts", etype="Battles", sub="Armed clash")),
        result("c", mention("c", 1, country="BF", admin1="BF-SAH", day=date(2021, 6, 5),
                            lat=14.0, etype="Violence against civilians", sub="Attack")),
    ])
    return repo


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (EventQuery(), ["c-m1", "a-m2", "a-m1", "b-m1"]),
        (EventQuery(country="iq"), ["a-m2", "a-m1"]),
        (EventQuery(admin1="IQ-SD"), ["a-m2"]),
        (EventQuery(since=date(2020, 4, 9)), ["c-m1", "a-m2"]),
        (EventQuery(until=date(2020, 4, 8)), ["a-m1", "b-m1"]),
        (EventQuery(since=date(2020, 4, 8), until=date(2020, 4, 8)), ["a-m1", "b-m1"]),
        (EventQuery(actor="hts"), ["b-m1"]),
        (EventQuery(actor="islamic"), ["c-m1", "a-m2", "a-m1"]),
        (EventQuery(actor="us-military", country="BF"), ["c-m1"]),
        (EventQuery(event_type="Battles"), ["b-m1"]),
        (EventQuery(sub_event_type="Attack"), ["c-m1"]),
        (EventQuery(text="place 2"), ["a-m2"]),
        (EventQuery(bbox=(40.0, 30.0, 50.0, 37.0)), ["a-m2", "a-m1", "b-m1"]),
        (EventQuery(country="FR"), []),
    ],
)
def test_event_filters(filled: Repository, query: EventQuery, ids: list[str]) -> None:
    """``ids`` name each expected event by the one mention it holds."""
    events, total = filled.events(query)
    assert [[s.mention for s in e.sources] for e in events] == [[i] for i in ids]
    assert [e.id for e in events] == [merge.new_event_id([i]) for i in ids]
    assert total == len(ids)


def test_pagination_counts_all(filled: Repository) -> None:
    page, total = filled.events(EventQuery(limit=2, offset=1))
    assert [e.id for e in page] == [merge.new_event_id([m]) for m in ("a-m2", "a-m1")]
    assert total == 4


def test_stats_actors_articles(filled: Repository) -> None:
    stats = filled.stats()
    assert stats["totals"] == {"articles": 3, "mentions": 4, "events": 4, "actors": 3,
                               "fatalities": 5}
    assert stats["by_type"] == {"Battles": 1, "Explosions/Remote violence": 2,
                                "Violence against civilians": 1}
    assert stats["by_month"] == {"2020-04": 2, "2020-05": 1, "2021-06": 1}
    assert stats["by_country"] == {"BF": 1, "IQ": 2, "SY": 1}
    assert stats["by_admin1"]["IQ-SD"] == 1
    assert filled.actors() == [("us-military", "Military Forces of the United States", 4),
                               ("islamic-state", "Islamic State", 3), ("hts", "Hts", 1)]
    assert [a.id for a in filled.articles(limit=2, offset=1)] == ["b", "c"]
