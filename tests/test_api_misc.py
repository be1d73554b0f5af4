"""Actors, stats, the OpenAPI document and the dashboard pages."""

from __future__ import annotations

from typing import Any

import pytest

from api_support import make_client


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_client(tmp_path_factory.mktemp("misc"))


def test_actors_with_event_counts(client: Any) -> None:
    res = client.get("/api/actors")
    assert res.status_code == 200
    by_id = {a["id"]: a for a in res.json()}
    assert by_id["ashab-al-kahf"] == {"id": "ashab-al-kahf", "name": "Ashab al-Kahf",
                                      "events": 1}
    assert by_id["mali-military"]["events"] == 1
    assert set(by_id) == {"ashab-al-kahf", "us-military", "mali-military"}


def _counts(value: Any) -> dict[str, int]:
    """Stats as a mapping whether the store gives a dict or a list of pairs/records."""
    if isinstance(value, dict):
        return {str(k): int(v) for k, v in value.items()}
    out = {}
    for item in value:
        if isinstance(item, dict):
            key = item.get("key") or item.get("name") or item.get("id")
            out[str(key)] = int(item.get("count", item.get("events", 0)))
        else:
            out[str(item[0])] = int(item[1])
    return out


def test_stats_by_type_month_admin1(client: Any) -> None:
    stats = client.get("/api/stats").json()
    assert _counts(stats["by_type"]) == {"Explosions/Remote violence": 3, "Battles": 1}
    assert _counts(stats["by_month"]) == {"2020-04": 2, "2020-05": 1, "2021-03": 1}
    assert _counts(stats["by_admin1"]) == {"IQ-BG": 1, "IQ-SD": 1, "IQ-KI": 1, "ML-5": 1}


@pytest.mark.parametrize(("params", "events", "by_month"), [
    ({"country": "IQ"}, 3, {"2020-04": 2, "2020-05": 1}),          # from the summary
    ({"country": "ML"}, 1, {"2021-03": 1}),
    ({"since": "2020-05-01"}, 2, {"2020-05": 1, "2021-03": 1}),    # counted from the index
    ({"country": "IQ", "event_type": "Battles"}, 0, {}),
])
def test_stats_take_the_event_filters(client: Any, params: dict[str, str], events: int,
                                      by_month: dict[str, int]) -> None:
    stats = client.get("/api/stats", params=params).json()
    assert (stats["totals"]["events"], stats["by_month"], stats["capped"]) == (
        events, by_month, False)
    assert client.get("/api/stats", params={"bbox": "1,2"}).status_code == 422


def test_openapi_lists_every_endpoint(client: Any) -> None:
    doc = client.get("/openapi.json").json()
    assert set(doc["paths"]) >= {
        "/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
        "/api/actors", "/api/stats", "/api/export.csv", "/api/export.jsonl",
        "/api/export.geojson"}
    params = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert params == {"country", "admin1", "since", "until", "actor", "event_type",
                      "sub_event_type", "q", "bbox", "limit", "offset", "cursor"}
    assert "EventOut" in doc["components"]["schemas"]
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("path", ["/", "/events/any-id"])
def test_dashboard_pages_are_offline(client: Any, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 200
    html = res.text
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/js/app.js" in html
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html
    assert '<option>Violence against civilians</option>' in html


def test_event_page_escapes_the_id(client: Any) -> None:
    res = client.get('/events/%3Cscript%3Ealert(1)%22%3E')
    assert res.status_code == 200
    assert "<script>alert(1)" not in res.text
    assert "&lt;script&gt;alert(1)&#34;&gt;" in res.text


@pytest.mark.parametrize(("path", "kind"), [
    ("/static/js/app.js", "javascript"),
    ("/static/style.css", "text/css"),
    ("/static/vendor/leaflet/leaflet.js", "javascript"),
    ("/static/vendor/leaflet/images/marker-icon.png", "image/png"),
])
def test_static_files_are_shipped(client: Any, path: str, kind: str) -> None:
    res = client.get(path)
    assert res.status_code == 200
    assert kind in res.headers["content-type"]
