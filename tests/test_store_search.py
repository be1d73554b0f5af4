"""The ``q`` filter over the events' fields and their source articles (``store/search.py``,
migration 0005). On SQLite (FTS5, and the LIKE fallback), and on PostgreSQL when
EVENTCODER_TEST_PG_URL names one (the ``repo`` fixture of test_store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from eventcoder.schema import EventQuery
from eventcoder.store import Repository, search
from eventcoder.store import migrations as migrations_module
from store_support import undo_from
from test_store import mention, repo, result  # noqa: F401  (repo is a fixture)

NEAR_VILLAGE = ("Des hommes armés ont tendu une embuscade à une patrouille près du village "
                "de Tinzawaten, à l'est de la ville, selon un élu local.")
MARKET = "Un engin explosif a détonné au marché central de la ville dimanche matin."


@pytest.fixture
def searchable(repo: Repository) -> Repository:  # noqa: F811
    """Two events: one from an article naming a village (its place is the town), one at
    a market; a third article joins the first event (the merge)."""
    first = result("a", mention("a", 1, place="Ville"), body=NEAR_VILLAGE)
    first.article.title = "Embuscade meurtrière dans le nord"
    repo.ingest([first,
                 result("b", mention("b", 1, place="Marché", day=date(2020, 5, 2), lat=34.0),
                        body=MARKET),
                 result("c", mention("c", 1, place="Ville"), body="Troisième récit.")])
    return repo


def found(store: Repository, q: str, **filters: object) -> set[str]:
    events, total = store.events(EventQuery(text=q, **filters))  # type: ignore[arg-type]
    assert total == len(events)
    return {s.article for e in events for s in e.sources}


@pytest.fixture(params=["ids first", "one query"])
def id_cap(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ways ``resolve`` reads a search: the ids first (few matches), or the search
    inside the page's query (more than ``ID_CAP``: here every word)."""
    if request.param == "one query":
        monkeypatch.setattr(search, "ID_CAP", 0)


@pytest.mark.usefixtures("id_cap")
@pytest.mark.parametrize(("q", "articles"), [
    ("Tinzawaten", {"a", "c"}),          # only the article's text names it: its event
    ("tinzaw", {"a", "c"}),              # the beginning of a word
    ("embuscade meurtrière", {"a", "c"}),  # the title; every word must be there
    ("village marché", set()),           # the words are in two different events
    ("marché", {"b"}),                   # the event's place (and the article)
    ("islamic", {"a", "b", "c"}),        # an actor's name
    ("Tombouctou", set()),
])
def test_q_searches_fields_and_articles(searchable: Repository, q: str,
                                        articles: set[str]) -> None:
    assert found(searchable, q) == articles


def test_q_with_other_filters_and_paging(searchable: Repository) -> None:
    assert found(searchable, "village", since=date(2020, 5, 1)) == set()
    assert found(searchable, "explosif", country="IQ") == {"b"}
    page = searchable.events_page(EventQuery(text="islamic", limit=1))
    rest = searchable.events_page(EventQuery(text="islamic", limit=1), page.next_cursor)
    assert page.total == 2 and len(rest.events) == 1 and rest.next_cursor is None
    assert searchable.stats(EventQuery(text="tinzawaten"))["totals"]["events"] == 1


def test_q_follows_a_revision(searchable: Repository) -> None:
    """The event an article's mention moves to is the one its words find."""
    searchable.revise([mention("a", 1, place="Ville", day=date(2020, 6, 1))])
    events, _ = searchable.events(EventQuery(text="tinzawaten"))
    assert [[s.article for s in e.sources] for e in events] == [["a"]]
    assert events[0].date is not None and events[0].date.start == date(2020, 6, 1)


def test_accents_folded_on_sqlite(searchable: Repository) -> None:
    if searchable.text_search != search.FTS5:
        pytest.skip("PostgreSQL's 'simple' configuration keeps accents")
    assert found(searchable, "meurtriere") == {"a", "c"}


def test_like_fallback_gives_the_same_events(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite without FTS5: migration 0005 is recorded but not run, and q is a LIKE."""
    monkeypatch.setattr(migrations_module, "_available", lambda _engine, req: req is None)
    store = Repository(f"sqlite:///{tmp_path / 's.db'}")
    assert store.text_search == search.LIKE
    with store.engine.connect() as conn:
        versions = {r[0] for r in conn.execute(text("SELECT version FROM schema_version"))}
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert 5 in versions and "articles_fts" not in tables
    store.ingest([result("a", mention("a", 1, place="Ville"), body=NEAR_VILLAGE),
                  result("b", mention("b", 1, place="Marché", day=date(2020, 5, 2)),
                         body=MARKET)])
    assert found(store, "Tinzawaten") == {"a"} and found(store, "marché") == {"b"}


def test_migration_indexes_a_stored_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    first = Repository(url)
    first.ingest([result("a", mention("a", 1, place="Ville"), body=NEAR_VILLAGE)])
    with first.engine.begin() as conn:
        undo_from(conn, 5)
    first.close()
    assert found(Repository(url), "tinzawaten") == {"a"}
