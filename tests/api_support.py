"""Test support for the API: hand-written articles and mentions, and a repository fixture.

The articles are sentences written for these tests in the style of the reports; none is
taken from ../shared/data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from eventcoder.schema import (
    Actor,
    Article,
    ArticleResult,
    DateSpan,
    Location,
    Mention,
    Outlet,
    PubDate,
    Span,
)
from eventcoder.store.repository import Repository

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


def fake_extractor(known: dict[str, list[Mention]]) -> Any:
    """An extractor that returns the hand-made mentions for known ids, none for others."""

    def extract(articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for art in articles:
            yield ArticleResult(art, list(known.get(art.id, [])))

    return extract


def make_repository(tmp_dir: Any) -> Repository:
    """The real store on a SQLite file in ``tmp_dir``."""
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
