"""Responses told after an attack: an act of the other side with other means is its own
event; a habit or a summary is not. Sentences written in the style of such reports."""

import pytest
from tests.engine_fixtures import one


@pytest.mark.parametrize("response", [
    "En réponse, les forces armées ont lancé des frappes aériennes dans la zone.",
    "En représailles, l'aviation a mené des frappes contre les positions des assaillants.",
    "L'armée a ensuite effectué des frappes aériennes qui ont permis de neutraliser des "
    "terroristes.",
])
def test_air_strikes_in_response_to_a_mine_are_their_own_event(response):
    ms = one("Le lundi 7 décembre, une mine a explosé au passage d'un véhicule militaire dans "
             f"la région de Diffa, tuant trois soldats. {response}")
    subs = sorted(m.sub_event_type for m in ms)
    assert subs == ["Air/drone strike", "Remote explosive/landmine/IED"]
    strike = next(m for m in ms if m.sub_event_type == "Air/drone strike")
    assert strike.date.start.day == 7
    assert strike.location.admin1 == "NE-2"


def test_strikes_as_a_habit_add_no_event():
    ms = one("Le lundi 7 décembre, une mine a explosé au passage d'un véhicule militaire dans "
             "la région de Diffa, tuant trois soldats. L'armée mène régulièrement des frappes "
             "aériennes dans la région.")
    assert [m.sub_event_type for m in ms] == ["Remote explosive/landmine/IED"]


def test_strikes_an_outlet_reported_are_not_a_new_action():
    ms = one("Le lundi 7 décembre, une mine a explosé au passage d'un véhicule militaire dans "
             "la région de Diffa, tuant trois soldats. Des médias locaux ont rapporté des "
             "frappes aériennes dans la zone.")
    assert [m.sub_event_type for m in ms] == ["Remote explosive/landmine/IED"]
