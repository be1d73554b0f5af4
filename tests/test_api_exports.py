"""Exports of a filtered query: media types, attachment names, content."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from api_support import make_client
from eventcoder import export


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_client(tmp_path_factory.mktemp("exports"))


def test_jsonl_export_of_a_filtered_query(client: Any) -> None:
    res = client.get("/api/export.jsonl", params={"country": "IQ"})
    assert res.status_code == 200
    assert res.headers["content-type"] == "application/x-ndjson"
    assert res.headers["content-disposition"] == 'attachment; filename="events.jsonl"'
    rows = [json.loads(line) for line in res.text.splitlines()]
    assert sorted(r["location"]["place"] for r in rows) == ["Baghdad", "Balad", "Kirkuk"]
    assert all(r["sources"][0]["evidence"] for r in rows)


def test_jsonl_export_pages_through_everything(client: Any, monkeypatch: Any) -> None:
    from eventcoder.api.routes import exports

    monkeypatch.setattr(exports, "PAGE", 1)  # four pages of one event
    lines = client.get("/api/export.jsonl").text.splitlines()
    assert len({json.loads(line)["id"] for line in lines}) == 4


def test_export_filters_are_validated(client: Any) -> None:
    res = client.get("/api/export.jsonl", params={"bbox": "x"})
    assert res.status_code == 422


@pytest.mark.skipif("csv" not in export.WRITERS, reason="CSV writer not merged yet")
def test_csv_export(client: Any) -> None:
    res = client.get("/api/export.csv", params={"country": "ML"})
    assert res.status_code == 200
    assert res.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert len(rows) == 1
    assert "Armed clash" in rows[0].values()


@pytest.mark.skipif("geojson" not in export.WRITERS, reason="GeoJSON writer not merged yet")
def test_geojson_export(client: Any) -> None:
    res = client.get("/api/export.geojson", params={"admin1": "IQ-SD"})
    assert res.status_code == 200
    assert res.headers["content-type"] == "application/geo+json"
    doc = json.loads(res.text)
    assert doc["type"] == "FeatureCollection"
    [feature] = doc["features"]
    assert feature["geometry"]["coordinates"] == [44.15, 34.0]


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_missing_writer_is_501(client: Any, monkeypatch: Any, fmt: str) -> None:
    monkeypatch.delitem(export.WRITERS, fmt, raising=False)
    res = client.get(f"/api/export.{fmt}")
    assert (res.status_code, res.json()) == (501, {"detail": f"format not available: {fmt}"})


def test_writer_failure_does_not_hang(client: Any, monkeypatch: Any) -> None:
    def broken(events: Any, out: Any) -> None:
        out.write("partial\n")
        raise RuntimeError("writer broke")

    monkeypatch.setitem(export.WRITERS, "jsonl", broken)
    with pytest.raises(RuntimeError, match="writer broke"):
        client.get("/api/export.jsonl")
