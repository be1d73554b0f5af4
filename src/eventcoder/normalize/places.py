"""Places: gazetteer matching to country, ISO 3166-2 admin1 and coordinates (issue 4)."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.schema import Location


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    location: Location
    kind: str  # "place", "admin1", "country", "relative"


def find_places(text: str, country_hint: str | None = None, lang: str = "fr") -> list[PlaceMatch]:
    """Every place named in ``text``, resolved, in text order."""
    return []


def resolve_place(name: str, country_hint: str | None = None) -> Location | None:
    return None


def within(inner: Location, outer: Location) -> bool:
    """True when ``inner`` lies inside ``outer`` (a town in its province, a province in its
    country) or both name the same place."""
    if inner.country != outer.country:
        return False
    if outer.admin1 is None:
        return True
    return inner.admin1 == outer.admin1 and (outer.place is None or inner.place == outer.place)
