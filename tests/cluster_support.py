"""Support for the concurrent-ingest tests: hand-written reports of a few occurrences, a
slow merge that widens the race window, and a worker that a spawned process can run.

The texts are sentences written for these tests; none comes from ../shared/data.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

from eventcoder import merge
from eventcoder.schema import (
    Actor,
    Article,
    ArticleResult,
    DateSpan,
    Event,
    Location,
    Mention,
    Outlet,
    PubDate,
    Span,
)

PROVINCES = [("IQ", "IQ-BG", "Baghdad", 33.3), ("IQ", "IQ-NI", "Ninawa", 36.3),
             ("SY", "SY-DY", "Deir ez-Zor", 35.3), ("ML", "ML-5", "Mopti", 14.5)]


def report(aid: str, occurrence: int) -> ArticleResult:
    """Article ``aid`` reporting occurrence number ``occurrence``: reports of one number
    are one event for the merge; different numbers are far apart in place or time."""
    country, admin1, name, lat = PROVINCES[occurrence % len(PROVINCES)]
    day = date(2020, 4, 1) + timedelta(days=17 * (occurrence // len(PROVINCES)))
    text = (f"Dépêche {aid}. Un engin explosif a visé un convoi près de Lieu-{occurrence} "
            f"le {day.day} du mois, selon une source locale.")
    words = "Un engin explosif a visé un convoi"
    start = text.index(words)
    article = Article(aid, text, PubDate(day, day, "day"), "fr", outlet="Test Presse",
                      path=f"/tmp/{aid}.txt")
    actor = Actor("islamic-state", "Islamic State", "un groupe", "claimed", "Rebel group",
                  country)
    mention = Mention(
        id=f"{aid}-m1", article=aid, event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date=DateSpan(day, day, "day", f"le {day.day}"),
        location=Location(country, admin1, name, f"Lieu-{occurrence}", lat, 44.0, 1, "près de"),
        actor1=actor, actor2=Actor("iraq-military", "Military Forces", "un convoi"),
        fatalities=2, reported_by=[Outlet("Test Presse", "une source locale")],
        evidence=[Span(start, start + len(words), words)], confidence=0.75)
    return ArticleResult(article, [mention])


def slow_merge(delay: float) -> Any:
    """``merging.merge_into`` taking ``delay`` seconds more: a writer holds its transaction
    open long enough for another to start, as a big batch on a busy server would."""
    real = merge.merge_with_changes

    def merge_into(mentions: list[Mention], existing: list[Event]) -> merge.MergeResult:
        time.sleep(delay)
        return real(mentions, existing)

    return merge_into


def ingest_worker(url: str, plan: list[tuple[str, int]], delay: float) -> dict[str, int]:
    """Run in a spawned process: ingest the reports of ``plan`` (article id, occurrence)
    one per transaction, with a slow merge; returns the report's counts."""
    from eventcoder.store import Repository, merging

    merging.merge_into = slow_merge(delay)  # type: ignore[assignment]
    repo = Repository(url)
    try:
        got = repo.ingest(report(aid, occ) for aid, occ in plan)
    finally:
        repo.close()
    return {"stored": len(got.stored), "duplicates": len(got.duplicates),
            "failed": len(got.failed), "created": got.events_created}
