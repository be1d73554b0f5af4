"""Sites in several towns hit by one strike, and the province stated after the towns.

Sentences written for these tests in the style of agency dispatches (no article text).
"""

from datetime import date

from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.schema import PubDate

MARCH_9 = PubDate(date(2025, 3, 9), date(2025, 3, 9), "day")


def test_markets_of_two_towns_are_two_events_in_the_stated_state():
    """ACLED codes one event per location: "les marchés d'A et de B" hit by drones are two,
    each in the state written after them (not the one the gazetteer files A under)."""
    ms = one("Au Soudan, des drones ont bombardé vendredi les marchés d'Abou Zabad et d'Um "
             "Sumeima, dans l'Etat du Kordofan-Ouest, tuant douze civils.", MARCH_9)
    assert sorted(m.location.place or "" for m in ms) == ["Abū Zabad", "Um Sumeima"]
    assert {(m.location.admin1, m.date.start) for m in ms} == {("SD-GK", date(2025, 3, 7))}


def test_a_camp_far_from_the_reference_town_is_in_no_province_of_it():
    """"à 250 km à l'est de Bamako" is a bearing: the country, not the capital's district."""
    ms = one("Au Mali, un camp militaire situé à quelque 250 kilomètres à l'est de Bamako a "
             "été attaqué vendredi par des jihadistes.", MARCH_9)
    assert [(m.location.country, m.location.admin1) for m in ms] == [("ML", None)]
