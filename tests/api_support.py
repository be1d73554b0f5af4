"""Test support for the API: hand-written articles and mentions, and a repository fixture.

The articles are sentences written for these tests in the style of the reports; none is
taken from ../shared/data. ``InMemoryRepository`` has the store's interface (see
eventcoder.store) and is used only while the real Repository is not importable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from eventcoder.schema import (
    Actor,
    Article,
    ArticleResult,
    DateSpan,
    Event,
    EventQuery,
    IngestReport,
    Location,
    Mention,
    Outlet,
    PubDate,
    Span,
)

HOSTILE = ("Un communiqué <script>window.__pwned = 1</script> affirme qu'une roquette "
           "<img src=x onerror=\"window.__pwned = 2\"> est tombée près de Kirkouk mardi.")


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def _article(aid: str, text: str, day: date) -> Article:
    return Article(aid, text, PubDate(day, day, "day"), "fr", outlet="Test Presse")


def day(y: int, m: int, d: int, words: str) -> DateSpan:
    return DateSpan(date(y, m, d), date(y, m, d), "day", words)


def _mention(article: Article, n: int, **kw: Any) -> Mention:
    evidence = kw.pop("evidence")
    return Mention(id=f"{article.id}-m{n}", article=article.id,
                   evidence=[span_of(article.text, evidence)], **kw)


def sample_results() -> list[ArticleResult]:
    """Three articles, four mentions: two in Iraq, one in Mali, one with hostile markup."""
    a1 = _article("t-ied-baghdad", (
        "Un engin explosif a visé un convoi logistique le lundi 6 avril au sud de Bagdad, "
        "a rapporté l'agence Sama News. Le groupe Ashab al-Kahf a revendiqué l'attaque. "
        "Deux jours plus tard, des roquettes ont frappé la base de Balad."), date(2020, 4, 9))
    a2 = _article("t-clash-mopti", (
        "Des affrontements ont opposé l'armée malienne à des hommes armés près de Mopti "
        "le 12 mars, faisant cinq morts, selon une source sécuritaire."), date(2021, 3, 13))
    a3 = _article("t-hostile", HOSTILE, date(2020, 5, 7))
    iraq = Location("IQ", "IQ-BG", "Baghdad", "Baghdad", 33.2, 44.4, 2, "au sud de Bagdad")
    balad = Location("IQ", "IQ-SD", "Salah ad Din", "Balad", 34.0, 44.15, 1, "Balad")
    mopti = Location("ML", "ML-5", "Mopti", "Mopti", 14.49, -4.2, 1, "Mopti")
    kirkuk = Location("IQ", "IQ-KI", "Kirkuk", "Kirkuk", 35.47, 44.39, 1, "Kirkouk")
    kahf = Actor("ashab-al-kahf", "Ashab al-Kahf", "Ashab al-Kahf", "claimed")
    us = Actor("us-military", "Military Forces of the United States", "un convoi", "reported")
    mali = Actor("mali-military", "Military Forces of Mali", "l'armée malienne", "reported")
    return [
        ArticleResult(a1, [
            _mention(a1, 1, event_type="Explosions/Remote violence",
                     sub_event_type="Remote explosive/landmine/IED",
                     date=day(2020, 4, 6, "le lundi 6 avril"), location=iraq, actor1=kahf,
                     actor2=us, claimed_by=[kahf], weapon="IED", status="claimed",
                     reported_by=[Outlet("Sama News", "l'agence Sama News")],
                     evidence="Un engin explosif a visé un convoi logistique"),
            _mention(a1, 2, event_type="Explosions/Remote violence",
                     sub_event_type="Shelling/artillery/missile attack",
                     date=day(2020, 4, 8, "Deux jours plus tard"), location=balad,
                     weapon="rocket", evidence="des roquettes ont frappé la base de Balad"),
        ]),
        ArticleResult(a2, [
            _mention(a2, 1, event_type="Battles", sub_event_type="Armed clash",
                     date=day(2021, 3, 12, "le 12 mars"), location=mopti, actor1=mali,
                     fatalities=5, origin="une source sécuritaire",
                     evidence="Des affrontements ont opposé l'armée malienne"),
        ]),
        ArticleResult(a3, [
            _mention(a3, 1, event_type="Explosions/Remote violence",
                     sub_event_type="Shelling/artillery/missile attack",
                     date=day(2020, 5, 5, "mardi"), location=kirkuk, weapon="rocket",
                     evidence="une roquette"),
        ]),
    ]


class InMemoryRepository:
    """The store's interface over dicts, one event per mention (no merging)."""

    def __init__(self) -> None:
        self._articles: dict[str, tuple[Article, list[Mention]]] = {}
        self._hashes: set[str] = set()
        self._events: dict[str, Event] = {}

    def ingest(self, results: Iterable[ArticleResult]) -> IngestReport:
        report = IngestReport()
        for result in results:
            art = result.article
            if art.content_hash in self._hashes:
                report.duplicates.append(art.id)
                continue
            self._hashes.add(art.content_hash)
            self._articles[art.id] = (art, list(result.mentions))
            report.stored.append(art.id)
            report.mentions += len(result.mentions)
            for m in result.mentions:
                self._events[m.id] = m.to_event()
                report.events_created += 1
        return report

    def events(self, query: EventQuery) -> tuple[list[Event], int]:
        found = [e for e in self._events.values() if self._match(e, query)]
        found.sort(key=lambda e: (e.date.start if e.date else date.min, e.id), reverse=True)
        return found[query.offset: query.offset + query.limit], len(found)

    def _match(self, e: Event, q: EventQuery) -> bool:
        loc = e.location or Location()
        actors = {a.id for a in (e.actor1, e.actor2, *e.claimed_by) if a}
        checks = [
            q.country is None or loc.country == q.country,
            q.admin1 is None or loc.admin1 == q.admin1,
            q.since is None or (e.date is not None and e.date.end >= q.since),
            q.until is None or (e.date is not None and e.date.start <= q.until),
            q.actor is None or q.actor in actors,
            q.event_type is None or e.event_type == q.event_type,
            q.sub_event_type is None or e.sub_event_type == q.sub_event_type,
            q.text is None or any(re.search(re.escape(q.text), self._articles[s.article][0].text,
                                            re.I) for s in e.sources),
        ]
        if q.bbox is not None:
            lo1, la1, lo2, la2 = q.bbox
            checks.append(loc.latitude is not None and loc.longitude is not None
                          and lo1 <= loc.longitude <= lo2 and la1 <= loc.latitude <= la2)
        return all(checks)

    def event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def article(self, article_id: str) -> tuple[Article, list[Mention]] | None:
        return self._articles.get(article_id)

    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        return [a for a, _ in self._articles.values()][offset: offset + limit]

    def actors(self) -> list[tuple[str, str, int]]:
        counts: dict[tuple[str, str], int] = {}
        for e in self._events.values():
            for a in {(x.id, x.name) for x in (e.actor1, e.actor2, *e.claimed_by) if x}:
                counts[a] = counts.get(a, 0) + 1
        return sorted(((i, n, c) for (i, n), c in counts.items()), key=lambda r: -r[2])

    def stats(self) -> dict[str, Any]:
        def count(key: Any) -> dict[str, int]:
            out: dict[str, int] = {}
            for e in self._events.values():
                k = key(e)
                if k:
                    out[k] = out.get(k, 0) + 1
            return out

        return {
            "totals": {"events": len(self._events), "articles": len(self._articles)},
            "by_type": count(lambda e: e.event_type),
            "by_month": count(lambda e: e.date.start.isoformat()[:7] if e.date else None),
            "by_admin1": count(lambda e: e.location.admin1 if e.location else None),
            "by_country": count(lambda e: e.location.country if e.location else None),
        }

    def changes(self, since: datetime | None) -> list[dict[str, Any]]:
        return []


def fake_extractor(known: dict[str, list[Mention]]) -> Any:
    """An extractor that returns the hand-made mentions for known ids, none for others."""

    def extract(articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for art in articles:
            yield ArticleResult(art, list(known.get(art.id, [])))

    return extract


def make_repository(tmp_dir: Any) -> Any:
    """The real Repository on a SQLite file when it exists, else the in-memory one."""
    try:
        from eventcoder.store.repository import Repository
    except ModuleNotFoundError:
        return InMemoryRepository()
    return Repository(f"sqlite:///{tmp_dir}/events.sqlite")


def make_client(tmp_dir: Any, api_key: str | None = None, *, seed: bool = True,
                max_body: int | None = None) -> Any:
    """A TestClient over a store holding ``sample_results()`` (unless ``seed`` is False)."""
    from fastapi.testclient import TestClient

    from eventcoder.api.app import create_app
    from eventcoder.api.deps import ApiSettings

    results = sample_results()
    repo = make_repository(tmp_dir)
    if seed:
        repo.ingest(results)
    known = {r.article.id: r.mentions for r in results}
    extra = {} if max_body is None else {"max_body": max_body}
    app = create_app(ApiSettings(f"sqlite:///{tmp_dir}/unused.sqlite", api_key), repo=repo,
                     extract=fake_extractor(known), **extra)
    return TestClient(app)


def article_body(result: ArticleResult) -> dict[str, Any]:
    art = result.article
    assert art.published is not None
    return {"id": art.id, "text": art.text, "date": art.published.iso,
            "outlet": art.outlet, "language": art.language}
