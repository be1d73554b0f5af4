"""The stats summary kept on write (``store/summary.py``, migration 0004): after every kind
of write its figures equal a recount from the events. On SQLite, and on PostgreSQL when
EVENTCODER_TEST_PG_URL names one (the ``repo`` fixture of test_store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from eventcoder.schema import EventQuery
from eventcoder.store import Repository, queries, summary
from eventcoder.store.models import EventRow, EventSummaryRow
from store_support import undo_from
from test_store import mention, repo, result  # noqa: F401  (repo is a fixture)


def recounted(store: Repository, query: EventQuery | None = None) -> dict[str, Any]:
    """The figures grouped from the events themselves (no cap): the reference."""
    with Session(store.engine) as session:
        where = queries.event_conditions(query) if query else []
        return queries.scanned_stats(session, where, cap=None)


def check(store: Repository) -> dict[str, Any]:
    """The summary agrees with a recount, for the whole store and for each country."""
    figures = store.stats()
    assert figures == recounted(store)
    for country in figures["by_country"]:
        query = EventQuery(country=country)
        assert store.stats(query) == recounted(store, query), country
    return figures


def test_summary_equals_recount_after_every_kind_of_write(repo: Repository) -> None:  # noqa: F811
    assert check(repo)["totals"] == {"articles": 0, "mentions": 0, "events": 0, "actors": 0,
                                     "fatalities": 0}
    batch = [result("a", mention("a", 1, fatalities=4), mention("a", 2, day=date(2020, 5, 2),
                                                                 place="Autre", lat=34.0)),
             result("b", mention("b", 1, country="SY", admin1="SY-HL", fatalities=2)),
             result("c", mention("c", 1, etype="Protests", sub="Peaceful protest",
                                 day=date(2021, 1, 3)))]
    repo.ingest(batch)
    first = check(repo)
    assert first["totals"]["events"] == 4 and first["by_country"] == {"IQ": 3, "SY": 1}
    assert first["by_month"] == {"2020-04": 2, "2020-05": 1, "2021-01": 1}

    repo.ingest(batch)  # re-ingest: duplicates, nothing changes
    assert check(repo) == first

    merged = repo.ingest([result("d", mention("d", 1, day=date(2020, 4, 9), fatalities=3))])
    assert merged.events_updated == 1  # joins a's first event: fatalities 4 -> 3
    after_merge = check(repo)
    assert after_merge["totals"]["events"] == 4
    assert after_merge["totals"]["fatalities"] == first["totals"]["fatalities"] - 1

    repo.revise([mention("d", 1, day=date(2020, 6, 20))])  # split out to June
    split = check(repo)
    assert split["totals"]["events"] == 5 and split["by_month"]["2020-06"] == 1
    repo.revise([mention("d", 1, day=date(2020, 4, 9))])  # and back: the June one is merged
    assert check(repo)["totals"]["events"] == 4 and "2020-06" not in repo.stats()["by_month"]


def test_bulk_delete_and_rollback_keep_the_summary(repo: Repository) -> None:  # noqa: F811
    repo.ingest([result(x, mention(x, 1, day=date(2020, 4, 1 + i), place=f"P{i}"))
                 for i, x in enumerate("abc")])
    with repo._session.begin() as session:
        session.execute(delete(EventRow).where(EventRow.country == "IQ",
                                               EventRow.date_start >= "2020-04-02"))
    assert check(repo)["totals"]["events"] == 1
    with pytest.raises(RuntimeError), repo._session.begin() as session:
        session.execute(delete(EventRow))
        raise RuntimeError("rolled back")
    assert check(repo)["totals"]["events"] == 1


def test_recount_rebuilds_a_damaged_summary(repo: Repository) -> None:  # noqa: F811
    repo.ingest([result("a", mention("a", 1))])
    expected = repo.stats()
    with Session(repo.engine) as session, session.begin():
        session.execute(delete(EventSummaryRow).where(EventSummaryRow.dim == "type"))
    assert repo.stats()["by_type"] == {}
    with Session(repo.engine) as session, session.begin():
        summary.recount(session)
    assert repo.stats() == expected


@pytest.mark.parametrize(("query", "events"), [
    (EventQuery(since=date(2020, 4, 2)), 2),
    (EventQuery(country="iq", until=date(2020, 4, 2)), 2),
    (EventQuery(event_type="Protests"), 0),
])
def test_filtered_stats_count_the_matching_events(repo: Repository, query: EventQuery,  # noqa: F811
                                                  events: int) -> None:
    repo.ingest([result(x, mention(x, 1, day=date(2020, 4, 1 + i), place=f"P{i}"))
                 for i, x in enumerate("abc")])
    figures = repo.stats(query)
    assert figures == recounted(repo, query)
    assert figures["totals"]["events"] == events and figures["capped"] is False


def test_filtered_stats_are_capped(repo: Repository, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                                   ) -> None:
    repo.ingest([result(x, mention(x, 1, day=date(2020, 4, 1 + i), place=f"P{i}"))
                 for i, x in enumerate("abc")])
    monkeypatch.setattr(queries, "STATS_SCAN_CAP", 2)
    monkeypatch.setattr(queries.scanned_stats, "__defaults__", (2,))
    figures = repo.stats(EventQuery(since=date(2020, 1, 1)))
    assert figures["capped"] is True and figures["by_month"] == {"2020-04": 2}
    assert figures["totals"]["events"] == 2  # the latest two


def test_migration_fills_the_summary_of_a_stored_store(tmp_path: Path) -> None:
    """Version 0004 on a store with events: the summary is computed once, from them."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    first = Repository(url)
    first.ingest([result("a", mention("a", 1, fatalities=2)),
                  result("b", mention("b", 1, country="SY"))])
    expected = first.stats()
    with first.engine.begin() as conn:
        undo_from(conn, 4)
    first.close()
    again = Repository(url)
    assert again.stats() == expected == recounted(again)
    assert expected["totals"]["fatalities"] == 3 and expected["by_country"] == {"IQ": 1, "SY": 1}
