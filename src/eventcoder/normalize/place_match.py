"""The record every place stage produces: a name or phrase in the text and its location."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.normalize import place_roles as roles
from eventcoder.schema import Location


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    location: Location
    kind: str  # "place", "admin1", "country", "relative"
    role: str = roles.LOCATIVE  # or ATTRIBUTE / METONYM / SPEAKER: not an event place

    @property
    def is_location(self) -> bool:
        """False for "l'ambassade des États-Unis", "Washington a annoncé", "joint à
        Ouagadougou": names that do not say where something happened."""
        return self.role == roles.LOCATIVE
