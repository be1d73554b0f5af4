"""Exports: ACLED CSV columns and values, GeoJSON validity."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest

from eventcoder.export import WRITERS, to_geojson, write_csv, write_geojson
from eventcoder.export_acled import acled_date, acled_row, inter_code, interaction
from eventcoder.schema import Actor, DateSpan, Event, Location, Outlet, Source

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
                "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
                "location,latitude,longitude,geo_precision,source,source_scale,notes,"
                "fatalities,tags,timestamp")
REBELS = Actor("islamic-state", "Islamic State (Iraq)", type="Rebel group")
CIVILIANS = Actor("civilians-iraq", "Civilians (Iraq)", type="Civilians")
US_ARMY = Actor("us-military", "Military Forces of the United States", type="State forces",
                country="US")


def event(**kw: Any) -> Event:
    base: dict[str, Any] = {
        "id": "ev-0123456789ab", "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "date": DateSpan(date(2020, 4, 8), date(2020, 4, 8), "day"),
        "location": Location("IQ", "IQ-SD", "Salah ad Din", "Tikrit", 34.60712, 43.67821, 1),
        "actor1": REBELS, "actor2": CIVILIANS, "fatalities": 10,
        "reported_by": [Outlet("Al-Mayadeen"), Outlet("Reuters")],
        "sources": [Source("art-1", "m1"), Source("art-2", "m2")],
        "updated": "2026-01-02T03:04:05+00:00",
    }
    base.update(kw)
    return Event(**base)


def test_csv_header_is_acleds_column_list() -> None:
    out = io.StringIO()
    write_csv([], out)
    assert out.getvalue() == ACLED_HEADER + "\n"


def test_csv_row_values() -> None:
    out = io.StringIO()
    write_csv([event()], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["event_id_cnty"].startswith("IRQ") and row["event_id_cnty"][3:].isdigit()
    assert {k: row[k] for k in ("event_date", "year", "time_precision", "disorder_type",
                                "inter1", "inter2", "interaction", "civilian_targeting",
                                "iso", "region", "country", "admin1", "location",
                                "latitude", "longitude", "geo_precision", "source",
                                "fatalities", "timestamp")} == {
        "event_date": "2020-04-08", "year": "2020", "time_precision": "1",
        "disorder_type": "Political violence", "inter1": "2", "inter2": "7",
        "interaction": "27", "civilian_targeting": "Civilians targeted", "iso": "368",
        "region": "Middle East", "country": "Iraq", "admin1": "Salah ad Din",
        "location": "Tikrit", "latitude": "34.6071", "longitude": "43.6782",
        "geo_precision": "1", "source": "Al-Mayadeen; Reuters", "fatalities": "10",
        "timestamp": "1767323045",
    }
    assert row["notes"] == ("On 8 April 2020, in Tikrit (Salah ad Din), Islamic State (Iraq) "
                            "attacked Civilians (Iraq) (attack). 10 fatalities.")


def test_csv_is_stable_and_defaults() -> None:
    bare = event(actor2=None, fatalities=None, updated=None, reported_by=[],
                 event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    row = acled_row(bare)
    assert (row["interaction"], row["inter2"], row["fatalities"], row["timestamp"],
            row["source"], row["civilian_targeting"]) == ("20", "", "0", "", "art-1; art-2", "")
    assert row["notes"] == ("On 8 April 2020, in Tikrit (Salah ad Din), Islamic State (Iraq) "
                            "carried out an attack (air/drone strike). 0 fatalities.")
    assert acled_row(bare)["event_id_cnty"] == row["event_id_cnty"]
    assert acled_row(event(id="ev-other"))["event_id_cnty"] != row["event_id_cnty"]


@pytest.mark.parametrize(("start", "end", "precision", "day", "tp"), [
    ("2020-04-08", "2020-04-08", "day", "2020-04-08", 1),
    ("2020-04-06", "2020-04-12", "range", "2020-04-09", 2),
    ("2020-12-01", "2020-12-10", "range", "2020-12-05", 3),
    ("2020-04-01", "2020-04-30", "month", "2020-04-15", 3),
])
def test_acled_date(start: str, end: str, precision: str, day: str, tp: int) -> None:
    span = DateSpan(date.fromisoformat(start), date.fromisoformat(end), precision)  # type: ignore[arg-type]
    assert acled_date(event(date=span)) == (date.fromisoformat(day), tp)


@pytest.mark.parametrize(("actor", "country", "code"), [
    (REBELS, "IQ", 2), (CIVILIANS, "IQ", 7), (US_ARMY, "US", 1), (US_ARMY, "IQ", 8),
    (Actor("unidentified-armed-group-iraq", "Unidentified Armed Group (Iraq)"), "IQ", 3),
    (Actor("x", "Protesters (Iraq)", type="Protesters"), "IQ", 6),
    (None, "IQ", None),
])
def test_inter_codes(actor: Actor | None, country: str, code: int | None) -> None:
    assert inter_code(actor, country) == code


@pytest.mark.parametrize(("a", "b", "code"), [(2, 7, "27"), (7, 2, "27"), (1, None, "10"),
                                              (8, 2, "28"), (None, 1, "")])
def test_interaction(a: int | None, b: int | None, code: str) -> None:
    assert interaction(a, b) == code


def test_geojson_is_a_valid_feature_collection() -> None:
    unlocated = event(id="ev-nowhere", location=Location("IQ", "IQ-SD", None, None, None,
                                                         None, 3))
    out = io.StringIO()
    write_geojson([event(), unlocated], out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection" and doc["skipped"] == 1
    (feature,) = doc["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [43.67821, 34.60712]}
    props = feature["properties"]
    assert (props["id"], props["date_start"], props["place"], props["actor1"],
            props["fatalities"], props["sources"]) == (
        "ev-0123456789ab", "2020-04-08", "Tikrit", "Islamic State (Iraq)", 10, 2)
    assert all(not isinstance(v, dict | list) for v in props.values())


def test_writers_registered() -> None:
    assert WRITERS["csv"] is write_csv and WRITERS["geojson"] is write_geojson
    assert to_geojson([])["features"] == []
