"""Round-3 classes: the means of a noun told once holds for its bare mentions, a relative
clause of an event noun tells that occurrence, plural occurrences said to be a habit are
no event."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.schema import PubDate

MARCH_9 = PubDate(date(2019, 3, 9), date(2019, 3, 9), "day")
MAY = PubDate(date(2020, 5, 1), date(2020, 5, 31), "month")

AIR = ("Explosions/Remote violence", "Air/drone strike")


def test_bare_raids_share_the_air_means_told_later_in_the_article():
    """"les raids qui visaient des positions" then "des raids aériens de la coalition":
    the bare raids are air raids too, and each day and province is its own event."""
    ms = one("Au moins vingt rebelles ont péri vendredi dans les raids qui ciblaient leurs "
             "positions près de Marib. Mardi déjà, des raids aériens de la coalition avaient "
             "fait douze morts dans la province de Saada.", MARCH_9)
    assert sorted((m.date.start, (m.event_type, m.sub_event_type)) for m in ms) == [
        (date(2019, 3, 5), AIR), (date(2019, 3, 8), AIR)]


def test_a_raid_with_two_means_in_the_article_keeps_its_own():
    """An article telling an air raid and a ground raid ("raid terrestre" is not an
    upgrade): nothing is shared when the bare noun is alone in its means."""
    ms = one("Vendredi, des soldats ont mené un raid contre un repaire de bandits près de "
             "Zamfara, tuant six bandits.", MARCH_9)
    assert [(m.event_type, m.sub_event_type) for m in ms] != [AIR]
    assert len(ms) == 1


@pytest.mark.parametrize("sentence", [
    "Des milliers de personnes ont fui l'insécurité causée par les attaques devenues "
    "récurrentes de groupes armés dans le nord du pays.",
    "Les attaques contre les forces de sécurité sont devenues fréquentes dans l'est du pays "
    "ces derniers mois.",
    "Le groupe mène des attaques régulières contre les postes de l'armée dans la région.",
])
def test_attacks_said_to_be_a_habit_are_no_event(sentence):
    assert one(sentence, MAY) == []


def test_a_single_attack_said_once_is_still_an_event():
    ms = one("Mardi, une attaque d'hommes armés contre un poste de gendarmerie a fait trois "
             "morts dans le nord du pays.", MAY)
    assert len(ms) == 1
    assert ms[0].fatalities == 3


NOV = PubDate(date(2022, 11, 1), date(2022, 11, 30), "month")


def test_a_lead_told_undated_is_the_attack_dated_later():
    """The lead tells the deaths and the clash with fighters "opérant dans les zones
    frontalières du Mali" (their area, not the place); the fourth sentence gives the day:
    one event, in the article's country, on that day."""
    ms = one("Les jihadistes ont encore frappé. Au moins huit soldats béninois ont été tués "
             "dans le nord du Bénin. Ils sont morts lors d'un affrontement avec des "
             "combattants opérant dans les zones frontalières du Niger. Selon une source "
             "militaire, une colonne de combattants a attaqué un poste de l'armée près de "
             "Karimama le 12 novembre.", NOV)
    assert [(m.location.country, m.date.start) for m in ms] == [("BJ", date(2022, 11, 12))]


FEB_22 = PubDate(date(2023, 2, 22), date(2023, 2, 22), "day")


def test_the_second_country_of_a_border_list_is_not_the_place():
    """"près des frontières avec le Mali et le Niger voisins": neither is where it was."""
    ms = one("Vendredi, au moins vingt soldats burkinabè ont été tués dans une embuscade dans "
             "le nord du pays, près des frontières avec le Mali et le Niger voisins.", FEB_22)
    assert [m.location.country for m in ms] == ["BF"]


def test_a_date_between_commas_inside_the_phrase_dates_a_background_attack():
    """"un bilan lourd après une attaque, le 10 février, contre des militaires": the toll
    of that attack (no tally), dated by its own apposed date."""
    ms = one("Lundi, des hommes armés ont attaqué un poste de gendarmerie à Djibo. Bilan très "
             "lourd après une violente attaque, le 10 février, contre des militaires dans le "
             "nord du Burkina Faso.", FEB_22)
    assert sorted(m.date.start for m in ms) == [date(2023, 2, 10), date(2023, 2, 20)]


def test_a_temporal_attack_without_its_own_date_stays_a_reference():
    ms = one("Lundi, des hommes armés ont attaqué un poste de gendarmerie à Djibo. Après "
             "l'attaque, mardi, le ministre s'est rendu sur place.", FEB_22)
    assert [m.date.start for m in ms] == [date(2023, 2, 20)]


JAN_21 = PubDate(date(2022, 1, 21), date(2022, 1, 21), "day")


def test_the_hour_converted_to_gmt_and_a_neighbouring_province_tell_the_same_attack():
    """"vers 2 h 30 (23 h 30 GMT jeudi)" is the same night on another clock, and "non loin
    de la province de X" may lie just across its boundary: one event, in the first
    province named."""
    ms = one("Neuf soldats ont été tués vendredi lors d'une attaque contre leur base dans la "
             "province de Diyala. L'attaque a eu lieu vers 2 h 30 (23 h 30 GMT jeudi) contre "
             "une base située non loin de la province de Salaheddine.", JAN_21)
    assert [(m.date.start, m.location.admin1) for m in ms] == [(date(2022, 1, 21), "IQ-DI")]


def test_a_day_in_parentheses_without_a_time_zone_still_counts():
    ms = one("Neuf soldats ont été tués vendredi lors d'une attaque contre leur base dans la "
             "province de Diyala. Une autre attaque (mercredi) avait visé un poste de police "
             "à Kirkouk.", JAN_21)
    assert sorted(m.date.start for m in ms) == [date(2022, 1, 19), date(2022, 1, 21)]


JULY = PubDate(date(2023, 7, 1), date(2023, 7, 31), "month")


def test_a_day_after_a_comma_on_the_triggers_own_verb_dates_it():
    """"Un attentat a fait six morts ..., jeudi, dont ... suite à cette attaque": jeudi is
    the attack's day, so the attack "deux jours après" another on mardi stays apart."""
    ms = one("Un attentat suicide a fait six morts dans le district de Khyber, jeudi, dont "
             "deux policiers, alors que d'autres blessés ont été soignés suite à cette "
             "attaque. Ce dernier incident intervient deux jours après un attentat suicide "
             "qui a visé, mardi, un camion de paramilitaires à Peshawar.", JULY)
    assert len(ms) == 2
    assert {m.date.text for m in ms} == {"jeudi", "mardi"}


def test_last_week_in_an_article_dated_by_its_month_is_no_event_and_keeps_its_toll():
    ms = one("Jeudi, un attentat suicide a visé un poste de police à Peshawar. La semaine "
             "dernière, au moins douze soldats ont été tués lors de deux attaques distinctes "
             "dans le Baloutchistan.", JULY)
    assert len(ms) == 1
    assert ms[0].location.admin1 == "PK-KP"
    assert ms[0].fatalities is None


OCT_4 = PubDate(date(2021, 10, 4), date(2021, 10, 4), "day")


def test_an_arrest_linked_to_the_attack_is_not_the_attack():
    """"Trois personnes ont été arrêtées en lien avec cette attaque, ... la bombe": the
    attack and its bomb stay with the bombing told before; the arrest types nothing."""
    ms = one("Dimanche, un attentat à la bombe contre une mosquée de Kaboul a fait cinq morts. "
             "Trois personnes ont été arrêtées en lien avec cette attaque, précisant que la "
             "bombe a été activée à la sortie des fidèles.", OCT_4)
    bombings = [m for m in ms if m.event_type == "Explosions/Remote violence"]
    assert len(bombings) == 1
    assert bombings[0].fatalities == 5
    assert all(m.event_type in ("Explosions/Remote violence", "Strategic developments")
               for m in ms)
