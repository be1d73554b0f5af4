"""GET /api/events (each filter, pagination, validation) and GET /api/events/{id}."""

from __future__ import annotations

from typing import Any

import pytest

from api_support import make_client


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_client(tmp_path_factory.mktemp("events"))


def places(client: Any, **params: Any) -> set[str]:
    res = client.get("/api/events", params=params)
    assert res.status_code == 200, res.text
    return {e["location"]["place"] for e in res.json()["items"]}


@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"Baghdad", "Balad", "Mopti", "Kirkuk"}),
    ({"country": "ML"}, {"Mopti"}),
    ({"country": "IQ"}, {"Baghdad", "Balad", "Kirkuk"}),
    ({"admin1": "IQ-SD"}, {"Balad"}),
    ({"since": "2020-04-07"}, {"Balad", "Mopti", "Kirkuk"}),
    ({"until": "2020-04-07"}, {"Baghdad"}),
    ({"since": "2020-04-01", "until": "2020-04-30"}, {"Baghdad", "Balad"}),
    ({"actor": "ashab-al-kahf"}, {"Baghdad"}),
    ({"actor": "mali-military"}, {"Mopti"}),
    ({"event_type": "Battles"}, {"Mopti"}),
    ({"sub_event_type": "Shelling/artillery/missile attack"}, {"Balad", "Kirkuk"}),
    ({"q": "bala"}, {"Baghdad", "Balad"}),  # Balad's place, and the text both events share
    ({"q": "Ashab"}, {"Baghdad", "Balad"}),
    ({"q": "bala", "admin1": "IQ-SD"}, {"Balad"}),
    ({"q": "missile"}, {"Balad", "Kirkuk"}),
    ({"q": "no such words anywhere"}, set()),
    ({"q": "Sama News"}, {"Baghdad", "Balad"}),      # only the article's text says it
    ({"q": "source sécuritaire"}, {"Mopti"}),
    ({"q": "sama", "country": "IQ", "since": "2020-04-07"}, {"Balad"}),
    ({"bbox": "43,33,45,34.5"}, {"Baghdad", "Balad"}),
    ({"bbox": "-10,10,0,20"}, {"Mopti"}),
    ({"country": "IQ", "event_type": "Explosions/Remote violence", "since": "2020-05-01"},
     {"Kirkuk"}),
])
def test_filters(client: Any, params: dict[str, str], expected: set[str]) -> None:
    assert places(client, **params) == expected


def test_page_shape_and_pagination(client: Any) -> None:
    first = client.get("/api/events", params={"limit": 3}).json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (4, 3, 0, 3)
    rest = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert (rest["total"], rest["offset"], len(rest["items"])) == (4, 3, 1)
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert len(set(ids)) == 4
    beyond = client.get("/api/events", params={"offset": 10}).json()
    assert beyond["items"] == [] and beyond["total"] == 4


@pytest.mark.parametrize(("params", "words"), [
    ({"limit": 501}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"since": "2020-13-01"}, "since"),
    ({"since": "2021-01-01", "until": "2020-01-01"}, "since must not be after until"),
    ({"bbox": "1,2,3"}, "bbox must be four numbers"),
    ({"bbox": "a,b,c,d"}, "bbox must be four numbers"),
    ({"bbox": "10,0,5,1"}, "min > max"),
])
def test_bad_parameters_are_422(client: Any, params: dict[str, Any], words: str) -> None:
    res = client.get("/api/events", params=params)
    assert res.status_code == 422
    assert words in res.json()["detail"]


def test_one_event_with_sources_and_evidence(client: Any) -> None:
    [listed] = client.get("/api/events", params={"actor": "ashab-al-kahf"}).json()["items"]
    res = client.get(f"/api/events/{listed['id']}")
    assert res.status_code == 200
    event = res.json()
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"
    assert event["claimed_by"] == [{"id": "ashab-al-kahf", "name": "Ashab al-Kahf"}]
    assert event["reported_by"][0]["name"] == "Sama News"
    [source] = event["sources"]
    assert source["article"] == "t-ied-baghdad"
    [span] = source["evidence"]
    text = client.get("/api/articles/t-ied-baghdad").json()["article"]["text"]
    assert text[span["start"]:span["end"]] == span["text"]
    assert span["text"] == "Un engin explosif a visé un convoi logistique"


def test_missing_event_is_404_json(client: Any) -> None:
    res = client.get("/api/events/no-such-event")
    assert res.status_code == 404
    assert res.headers["content-type"] == "application/json"
    assert res.json() == {"detail": "no event 'no-such-event'"}


def test_items_match_the_documented_models(client: Any) -> None:
    """What the list returns validates against the OpenAPI models (built on the records)."""
    from eventcoder.api.models import EventOut, EventPage

    page = EventPage.model_validate(client.get("/api/events").json())
    assert {e.location.place for e in page.items if e.location} == {
        "Baghdad", "Balad", "Mopti", "Kirkuk"}
    kahf = next(e for e in page.items if e.claimed_by)
    assert kahf.actor1 is not None and kahf.actor1.basis == "claimed"
    assert kahf.sources[0].evidence[0].text.startswith("Un engin explosif")
    one = client.get(f"/api/events/{kahf.id}").json()
    assert EventOut.model_validate(one).model_dump(exclude_none=True)["sources"][0][
        "article"] == "t-ied-baghdad"


def test_cursor_pages(client: Any) -> None:
    """next_cursor walks every event once, newest first; the last page has none."""
    everything = client.get("/api/events").json()
    assert (everything["total"], everything["total_capped"]) == (4, False)
    assert everything["next_cursor"] is None
    seen, params = [], {"limit": 3}
    while True:
        page = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in page["items"]]
        if page["next_cursor"] is None:
            break
        params = {"limit": 3, "cursor": page["next_cursor"]}
    assert seen == [e["id"] for e in everything["items"]]


@pytest.mark.parametrize(("params", "words"), [
    ({"cursor": "not-a-cursor"}, "not a cursor"),
    ({"cursor": "WyIyMDIwLTA0LTA2IiwieCJd", "offset": 2}, "cursor or offset"),
])
def test_cursor_refusals(client: Any, params: dict[str, Any], words: str) -> None:
    res = client.get("/api/events", params=params)
    assert res.status_code == 422 and words in res.json()["detail"]
