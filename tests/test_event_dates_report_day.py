"""The day a month-dated wire report speaks from, and the day of a notice told "le
lendemain": sentences written for these tests in the style of wire reports."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.normalize.dates import report_day
from eventcoder.schema import PubDate

MARCH = PubDate(date(2024, 3, 1), date(2024, 3, 31), "month")


@pytest.mark.parametrize("text, day", [
    ("6 mars (AFP) - Des roquettes ont frappé la ville.", date(2024, 3, 6)),
    ("BAMAKO, 7 mars (Reuters) - Une mine a tué deux soldats.", date(2024, 3, 7)),
    ("Niamey, le 8 mars 2024 – Des hommes armés ont attaqué un poste.", date(2024, 3, 8)),
])
def test_a_dateline_narrows_a_month_header_to_its_day(text, day):
    assert report_day(text, MARCH) == PubDate(day, day, "day")


@pytest.mark.parametrize("text", [
    "Des roquettes ont frappé la ville le 6 mars - selon la police.",
    "Le 6 mars, des roquettes ont frappé la ville.",
])
def test_a_date_of_the_story_is_no_dateline(text):
    assert report_day(text, MARCH) == MARCH


@pytest.mark.parametrize("text", [
    "9 mars (AFP) - Des missiles ont touché le port.\n\nUne autre série de frappes a tué "
    "quatre civils dans la région voisine, selon le gouverneur.",
    "KHARKIV, 9 mars (Reuters) - Un drone a frappé une usine.\n\nPlus au sud, des tirs "
    "d'artillerie ont tué deux habitants d'un village, a indiqué la police.",
])
def test_an_undated_occurrence_of_a_wire_report_is_of_its_dateline_day(nlp_fr, text):  # noqa: F811
    ms = one(text, MARCH)
    assert ms and {(m.date.start, m.date.end) for m in ms} == {(date(2024, 3, 9),) * 2}


@pytest.mark.parametrize("text", [
    "Un drone de l'armée a frappé un camp de miliciens le 3 mars, tuant douze personnes. "
    "L'armée a informé les autorités locales le lendemain qu'il s'agissait d'une erreur, "
    "bien que l'appareil ait survolé le camp avant la frappe.",
    "Le 3 mars, une frappe aérienne a tué douze miliciens dans leur camp. Le commandement a "
    "informé le lendemain le gouverneur que la frappe visait des rebelles.",
])
def test_the_day_of_a_notice_is_not_the_strike_day(nlp_fr, text):  # noqa: F811
    ms = one(text, MARCH)
    assert ms and {m.date.start for m in ms} == {date(2024, 3, 3)}


@pytest.mark.parametrize("text, day", [
    ("Des hommes armés ont surgi et ouvert le feu dans la rue, dans l'État de Sonora. Douze "
     "personnes ont été tuées et dix autres blessées. Les événements se sont produits "
     "mercredi 6 mars dans la soirée dans la commune de Caborca.", date(2024, 3, 6)),
    ("Un commando a attaqué un bar de la ville, dans l'État de Zacatecas. Neuf personnes ont "
     "été tuées. Les faits remontent au samedi 9 mars, en fin de soirée.", date(2024, 3, 9)),
    ("Des assaillants ont incendié plusieurs maisons d'un village du Nord-Kivu. Six civils "
     "ont péri. La tuerie s'est déroulée le 12 mars au petit matin.", date(2024, 3, 12)),
])
def test_an_occurrence_dated_by_the_header_only_takes_the_day_told_after(nlp_fr, text, day):  # noqa: F811
    """ACLED codes the day when the account tells one, though the lead gives none."""
    ms = one(text, MARCH)
    assert ms and {(m.date.start, m.date.end) for m in ms} == {(day, day)}
