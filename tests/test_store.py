from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

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
from eventcoder.store.models import Base

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
            sub: str = "Remote explosive/landmine/IED", lat: float = 33.3) -> Mention:
    return Mention(
        id=f"{aid}-m{n}", article=aid, event_type=etype, sub_event_type=sub,
        date=DateSpan(day, day, "day", "le mercredi 8 avril"),
        location=Location(country, admin1, "Baghdad", f"Place {n}", lat, 44.4, 1, "près de"),
        actor1=Actor(actor, actor.replace("-", " ").title(), "un groupe", "claimed",
                     "Rebel group", country),
        actor2=Actor("us-military", "Military Forces of the United States", "un convoi"),
        claimed_by=[Actor(actor, actor.title(), "le groupe", "claimed")],
        fatalities=n, injuries=None, weapon="IED",
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
    assert versions == [m.version for m in migrations()] == [1]
    inspector = inspect(repo.engine)
    for table in Base.metadata.sorted_tables:
        stored = {c["name"] for c in inspector.get_columns(table.name)}
        assert stored == {c.name for c in table.columns}, table.name
    indexed = {i["name"] for i in inspector.get_indexes("events")}
    assert {"ix_events_country", "ix_events_admin1", "ix_events_date", "ix_events_type",
            "ix_events_actor1"} <= indexed
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
        stored = repo.event(m.id)
        assert stored is not None and stored.created and stored.updated
        assert without_timestamps(stored) == m.to_event().to_dict()
    loaded = repo.article("a")
    assert loaded is not None
    art, mentions = loaded
    assert art == article("a")
    assert art.published is not None and art.published.precision == "month"
    assert mentions == [m1, m2]
    assert repo.event("nope") is None and repo.article("nope") is None


def test_second_ingest_adds_nothing(repo: Repository) -> None:
    batch = [result("a", mention("a", 1)), result("b", mention("b", 1, country="SY"))]
    repo.ingest(batch)
    before = (repo.stats(), repo.changes(), repo.articles())
    report = repo.ingest(batch)
    assert report.duplicates == ["a", "b"]
    assert (report.stored, report.mentions, report.events_created) == ([], 0, 0)
    assert (repo.stats(), repo.changes(), repo.articles()) == before
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

    def failing(mentions: list[Mention], existing: list[Event]) -> list[Event]:
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
    assert repo.event("b-m1") is None
    assert repo.stats()["totals"]["mentions"] == 2
    assert [a.id for a in repo.articles()] == ["a", "c"]
    monkeypatch.setattr(store_merging, "merge_into", real)
    assert repo.ingest([result("b", mention("b", 1))]).stored == ["b"]


def test_merge_updates_keep_ids_and_log_changes(
        repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.ingest([result("a", mention("a", 1))])
    seen: list[list[str]] = []

    def fold(mentions: list[Mention], existing: list[Event]) -> list[Event]:
        """A merge that folds the new mention into the first stored event."""
        seen.append([e.id for e in existing])
        target = existing[0]
        sources = target.sources + [m.source() for m in mentions]
        return [replace(target, sources=sources, fatalities=3)]

    monkeypatch.setattr(store_merging, "merge_into", fold)
    start = datetime.now(UTC)
    report = repo.ingest([result("b", mention("b", 1, day=date(2020, 4, 10)))])
    assert seen == [["a-m1"]]
    assert (report.events_created, report.events_updated) == (0, 1)
    event = repo.event("a-m1")
    assert event is not None and event.fatalities == 3
    assert [s.article for s in event.sources] == ["a", "b"]
    assert event.created is not None and event.updated is not None
    assert event.created < event.updated
    assert [c["kind"] for c in repo.changes()] == ["created", "updated"]
    [update] = repo.changes(since=start)
    assert update["event_id"] == "a-m1"
    assert update["detail"] == {"fields": ["fatalities", "sources"]}
    _, mentions = repo.article("b") or (None, [])
    assert [m.id for m in mentions] == ["b-m1"]
    assert repo.changes(since=datetime.now(UTC) + timedelta(hours=1)) == []


def test_merge_candidates_window(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.ingest([result("a", mention("a", 1)),
                 result("b", mention("b", 1, day=date(2020, 6, 1))),
                 result("c", mention("c", 1, country="SY"))])
    seen: list[set[str]] = []
    real = store_merging.merge_into

    def spy(mentions: list[Mention], existing: list[Event]) -> list[Event]:
        seen.append({e.id for e in existing})
        return real(mentions, existing)

    monkeypatch.setattr(store_merging, "merge_into", spy)
    repo.ingest([result("d", mention("d", 1, day=date(2020, 4, 14)))])
    assert seen == [{"a-m1"}]  # same country, 6 days apart; not June, not Syria


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
    events, total = filled.events(query)
    assert [e.id for e in events] == ids
    assert total == len(ids)


def test_pagination_counts_all(filled: Repository) -> None:
    page, total = filled.events(EventQuery(limit=2, offset=1))
    assert [e.id for e in page] == ["a-m2", "a-m1"]
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
