"""events.backdrop: fighting named as a place's condition tells no battle; fighting told
with a day, a toll or a town of its own stays one. Sentences written for these tests."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.schema import PubDate

DAY = PubDate(date(2023, 5, 16), date(2023, 5, 16), "day")
STRIKE = "Une frappe de drone a touché lundi un marché de Nyala"


def _types(text: str) -> list[str]:
    return [m.event_type for m in one(text, DAY)]


@pytest.mark.parametrize("tail", [
    # the complement of a state noun or participle, set apart by a comma
    ", une ville en proie aux combats entre l'armée et les rebelles.",
    ", dans une province déjà meurtrie par les affrontements qui opposent l'armée aux milices.",
    ", localité marquée par des heurts entre éleveurs et agriculteurs.",
    ", dans une province éprouvée par les combats qui opposent depuis 2023 l'armée aux milices.",
    # a relative clause in the present telling where the fighting goes on
    ", dans la zone où se concentrent les combats entre l'armée et les rebelles.",
    # a front or a theatre of the fighting, the start of a state only
    ". La ville est devenue l'un des principaux fronts des affrontements entre les deux camps.",
    ", théâtre de combats entre l'armée et les rebelles depuis avril.",
])
def test_fighting_as_a_backdrop_is_no_battle(tail):
    assert _types(STRIKE + tail) == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    # the state word's own clause holds a day
    "La ville de Nyala a été dimanche le théâtre de violents combats entre l'armée et les "
    "rebelles.",
    # not a state: an occurrence told with its day
    "Des combats ont éclaté dimanche à Nyala entre l'armée et les rebelles.",
    "Les combats ont frappé la ville de Nyala samedi, selon des témoins.",
    # the fighting has its own toll
    STRIKE + ", une ville éprouvée par des combats ayant fait dix morts.",
])
def test_fighting_told_as_an_occurrence_stays_a_battle(text):
    assert "Battles" in _types(text)


def test_fighting_during_which_something_happened_is_no_state():
    """"lors des combats" dates a killing by the fighting: the clash is told."""
    found = one("Dimanche, trois soldats ont été tués lors des combats contre les rebelles "
                "près de Nyala.", DAY)
    assert [m.event_type for m in found] == ["Battles"]
