"""One strike told again: a date set before an inverted report belongs to the news; a
definite general noun ("l'attaque") names the strike told before; a distance from a far
town is no place in that town's province; on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from tests.engine_fixtures import one  # noqa: F401  (session fixtures)

from eventcoder.normalize.places import find_places
from eventcoder.schema import PubDate

JAN = PubDate(date(2024, 1, 1), date(2024, 1, 31), "month")


@pytest.mark.parametrize("lead", [
    "Des soldats ont tué une vingtaine de civils lors d'un raid dans la région de Mopti, "
    "au centre du pays, le 12 janvier, ont déclaré mardi à l'AFP deux élus locaux.",
    "Une frappe de drone a tué quinze personnes dans un marché de la région de Mopti, "
    "le 12 janvier, a indiqué jeudi un responsable local.",
    "Douze villageois ont été tués par des hommes armés dans la région de Mopti, "
    "vendredi 12 janvier, a affirmé samedi un notable joint par téléphone.",
])
def test_a_date_before_an_inverted_report_is_the_news_day(lead: str) -> None:
    ms = one(lead, JAN)
    assert len(ms) == 1
    assert ms[0].date is not None
    assert (ms[0].date.start, ms[0].date.end) == (date(2024, 1, 12), date(2024, 1, 12))


def test_the_report_day_after_its_verb_stays_the_report_s() -> None:
    ms = one("Une frappe de drone a tué quinze personnes dans un marché de la région de "
             "Mopti, a indiqué jeudi 18 janvier un responsable local.", JAN)
    assert len(ms) == 1
    assert ms[0].date is None or ms[0].date.start != date(2024, 1, 18)


STRIKES = [
    "Une frappe de drone de l'armée a tué une trentaine de civils le 9 janvier dans la "
    "région de Mopti.",
    "Le 9 janvier, un bombardement aérien a fait trente morts dans un village de la région "
    "de Mopti.",
]

BACK = [
    "L'attaque a touché un marché très fréquenté, selon des témoins.",
    "L'opération visait des jihadistes, selon l'armée.",
    "Des habitants ont dénoncé l'attaque, qui a surtout touché des femmes.",
]


@pytest.mark.parametrize("strike", STRIKES)
@pytest.mark.parametrize("back", BACK)
def test_a_definite_general_noun_names_the_strike_told_before(strike: str, back: str) -> None:
    ms = one(f"{strike} {back}", JAN)
    assert len(ms) == 1, [(m.event_type, m.date) for m in ms]
    assert ms[0].sub_event_type == "Air/drone strike"


def test_an_indefinite_attack_after_a_strike_may_be_another_act() -> None:
    ms = one("Une frappe de drone a tué dix civils le 9 janvier dans la région de Mopti. "
             "Le 11 janvier, une attaque de jihadistes a visé un poste de l'armée à Gao.", JAN)
    assert len(ms) == 2


@pytest.mark.parametrize("phrase", [
    "à plus de 700 kilomètres d'Addis-Abeba",
    "à environ 300 km de Bamako",
    "à près de 250 kilomètres d'Agadez",
])
def test_a_far_distance_with_a_bound_is_no_place_in_the_town_s_province(phrase: str) -> None:
    found = find_places(f"Le camp, situé {phrase}, a été visé.")
    rel = [m for m in found if m.kind == "relative"]
    assert rel, [(m.text, m.kind) for m in found]
    assert rel[0].location.admin1 is None


@pytest.mark.parametrize("phrase", ["à 20 km d'Agadez", "au nord d'Agadez", "près d'Agadez"])
def test_an_elided_relative_cue_makes_the_place_relative(phrase: str) -> None:
    found = find_places(f"Une embuscade a eu lieu {phrase} mardi.")
    assert [m.kind for m in found if "Agadez" in m.text] == ["relative"]


@pytest.mark.parametrize(("phrase", "admin1"), [
    ("à 600 kilomètres au nord de la capitale Bamako", None),  # far: the country only
    ("à 20 km de la capitale régionale Gao", "ML-7"),  # near: at the reference town
    ("au sud de la capitale Niamey", "NE-8"),
])
def test_a_capital_named_in_apposition_is_the_reference_town(
        phrase: str, admin1: str | None) -> None:
    found = find_places(f"Des rebelles ont attaqué une localité située {phrase}.")
    assert [(m.kind, m.location.admin1) for m in found] == [("relative", admin1)]


@pytest.mark.parametrize("second", [
    "Les combats ont éclaté après l'arrestation d'un commandant d'une milice de Misrata.",
    "Selon des témoins, des hommes d'une brigade de Misrata ont ouvert le feu sur la foule.",
    "Les affrontements opposaient des milices de Misrata à des groupes locaux.",
])
def test_a_group_named_by_its_town_is_no_place_of_the_clash(second: str) -> None:
    ms = one("Jeudi soir, de violents affrontements entre milices ont fait trois morts à "
             f"Tripoli. {second}", JAN)
    assert len(ms) == 1, [(m.location, m.date) for m in ms]
    assert ms[0].location is not None and ms[0].location.admin1 == "LY-TB"
