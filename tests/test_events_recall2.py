"""Recall of secondary occurrences: news from another country told in the background, the
army's response the next day, one sentence listing several places."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.schema import PubDate

JULY = PubDate(date(2018, 7, 1), date(2018, 7, 31), "month")
FEB_6 = PubDate(date(2025, 2, 6), date(2025, 2, 6), "day")

CAMEROON_LEAD = ("Samedi 14 juillet, deux villageois ont été tués lors d'une attaque de Boko Haram "
                 "à Kolofata, dans l'Extrême-Nord du Cameroun. Les attaques du groupe se sont "
                 "multipliées au Nigeria et au Cameroun. ")


def test_an_ambush_in_the_country_a_clause_names_is_its_own_event():
    """"dans le nord-est du pays" after "soldats nigérians", in a report about Cameroon that
    spoke of Nigeria: that country's occurrence, not a continuation of the Cameroon news."""
    ms = one(CAMEROON_LEAD + "La télévision nigériane a annoncé dimanche que douze soldats "
             "nigérians sont portés disparus après être tombés dans une embuscade dans le "
             "nord-est du pays.", JULY)
    assert sorted(m.location.country for m in ms) == ["CM", "NG"]
    ng = next(m for m in ms if m.location.country == "NG")
    assert ng.sub_event_type == "Armed clash"
    assert ng.location.admin1 is None


@pytest.mark.parametrize("clause", [
    # the article's own country: nothing moves
    "des soldats camerounais sont tombés dans une embuscade dans le nord du pays.",
    # a nationality of a country the story never named: the unit's, not the place's
    "des soldats tchadiens sont tombés dans une embuscade dans le nord du pays.",
])
def test_le_pays_stays_the_articles_country_otherwise(clause):
    ms = one(CAMEROON_LEAD + "Dimanche, " + clause, JULY)
    assert {m.location.country for m in ms} == {"CM"}


def test_a_base_taken_abroad_on_another_night_is_an_event():
    ms = one(CAMEROON_LEAD + "Dans la nuit de vendredi à samedi, la secte a pris contrôle "
             "d'une importante base militaire dans le nord-est du Nigeria.", JULY)
    overtaken = [m for m in ms if m.sub_event_type == "Non-state actor overtakes territory"]
    assert [m.location.country for m in overtaken] == ["NG"]


@pytest.mark.parametrize("response", [
    "Le lendemain, les militaires ont neutralisé douze terroristes dans la zone.",
    "Les assaillants ont pris la fuite, mais les militaires ont poursuivi et neutralisé "
    "douze terroristes mardi.",
    "Des recherches effectuées le lendemain ont permis de neutraliser douze terroristes.",
])
def test_the_armys_response_the_next_day_is_its_own_event(response):
    ms = one("Lundi, des hommes armés ont tendu une embuscade à une patrouille près de Téra, "
             "tuant dix soldats nigériens. " + response, FEB_6)
    assert len(ms) == 2
    days = sorted(m.date.start for m in ms)
    assert days == [date(2025, 2, 3), date(2025, 2, 4)]
    assert {m.event_type for m in ms} == {"Battles"}


def test_districts_listed_in_one_sentence_are_one_event_each():
    ms = one("Le 6 septembre, des insurgés ont attaqué des villages dans les districts de "
             "Korio et de Mavuzi, dans la province de Nampula, tuant six civils.",
             PubDate(date(2022, 9, 7), date(2022, 9, 7), "day"))
    assert sorted(m.location.place for m in ms) == ["Korio", "Mavuzi"]
    assert {(m.location.admin1, m.date.start) for m in ms} == {("MZ-N", date(2022, 9, 6))}


def test_three_villages_listed_are_three_events():
    ms = one("Samedi 7 juillet, des hommes armés ont incendié les villages de Kobla, Tanvi et "
             "Dorgo, dans l'Extrême-Nord du Cameroun.", JULY)
    assert sorted(m.location.place for m in ms) == ["Dorgo", "Kobla", "Tanvi"]


def test_one_village_and_its_surroundings_is_one_event():
    ms = one("Samedi 7 juillet, des hommes armés ont attaqué le village de Kobla et ses "
             "environs, dans l'Extrême-Nord du Cameroun, tuant trois civils.", JULY)
    assert len(ms) == 1


def test_a_town_falling_to_a_group_remembered_with_its_year_is_an_event():
    """An anniversary's occurrence dated by a year written right after its phrase (the
    parse hangs the year on the ceremony): the fall itself, in that year."""
    ms = one("Le ministre s'est rendu mercredi à Mossoul, à l'occasion de l'anniversaire de la "
             "chute de la ville aux mains de l'EI en 2014.",
             PubDate(date(2020, 6, 1), date(2020, 6, 30), "month"))
    assert [(m.sub_event_type, m.date.start.year, m.location.admin1) for m in ms] == [
        ("Non-state actor overtakes territory", 2014, "IQ-NI")]


def test_a_ceremony_for_an_undated_fall_is_no_event():
    ms = one("Mercredi 10 juin, le ministre a assisté à une cérémonie à la mémoire des victimes "
             "de la chute de la ville aux mains des jihadistes.",
             PubDate(date(2020, 6, 1), date(2020, 6, 30), "month"))
    assert ms == []


def test_victims_counted_at_another_town_are_a_second_occurrence():
    """ACLED codes one event per location: the toll told at each town is its own event, on
    the day and with the kind of the attack told first."""
    ms = one("Lundi 26 avril, des hommes armés ont attaqué le village de Kolgou, où au moins "
             "huit personnes sont mortes, tandis que quatre autres ont été tuées à Barsalogho.",
             PubDate(date(2021, 4, 28), date(2021, 4, 28), "day"))
    assert len(ms) == 2
    assert {(m.date.start, m.event_type) for m in ms} == {
        (date(2021, 4, 26), "Violence against civilians")}
    other = next(m for m in ms if m.location.place == "Barsalogho")
    assert other.fatalities == 4


def test_more_victims_at_the_same_place_stay_one_occurrence():
    ms = one("Lundi 26 avril, des hommes armés ont attaqué le village de Kolgou : huit "
             "personnes y sont mortes tandis que quatre autres ont été blessées.",
             PubDate(date(2021, 4, 28), date(2021, 4, 28), "day"))
    assert len(ms) == 1


def test_a_summary_placed_in_one_country_gives_no_toll_to_another_countrys_event():
    """"six civils avaient été tués dans l'Extrême-Nord dans des attaques similaires": a
    summary of attacks placed in Cameroon sums up none told in Nigeria."""
    ms = one(CAMEROON_LEAD + "La semaine dernière, six civils avaient été tués dans "
             "l'Extrême-Nord dans des attaques similaires. Dans la nuit de vendredi à samedi, "
             "la secte a pris contrôle d'une base militaire dans le nord-est du Nigeria.", JULY)
    ng = [m for m in ms if m.location.country == "NG"]
    assert [(m.sub_event_type, m.fatalities) for m in ng] == [
        ("Non-state actor overtakes territory", None)]


def test_an_ambush_between_two_listed_villages_is_one_event():
    ms = one("Samedi 7 juillet, des hommes armés ont tendu une embuscade sur la route entre les "
             "villages de Kobla et de Tanvi, dans l'Extrême-Nord du Cameroun.", JULY)
    assert len(ms) == 1
