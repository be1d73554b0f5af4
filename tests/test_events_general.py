"""General French report language (issue: generalisation beyond the dev articles): named
groups beside generic nouns, announcement days, passive killings with their authors,
conflicting tolls, tallies, distinct occurrences, towns inside their province, abductions,
undated articles. Every sentence here is written for the test in the style of wire
dispatches; none comes from the dev articles."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.events import extract
from eventcoder.schema import Article, PubDate

THU = PubDate(date(2020, 12, 3), date(2020, 12, 3), "day")  # a Thursday


def _day(ms, i=0):  # type: ignore[no-untyped-def]
    return ms[i].date.start if ms[i].date else None


def test_named_group_in_apposition_to_a_generic_noun_is_actor1():
    ms = one("Mardi, les islamistes radicaux shebab ont attaqué une base de l'armée somalienne "
             "à Mogadiscio.", THU)
    assert len(ms) == 1 and ms[0].actor1.name == "Al Shabaab"


def test_group_named_after_de_wins_over_the_generic_noun():
    ms = one("Des jihadistes de l'EIGS ont attaqué lundi un poste de l'armée malienne à Ménaka, "
             "tuant quatre soldats.", THU)
    assert ms[0].actor1.name == "Islamic State (Greater Sahara)"
    assert ms[0].fields["actor1"].text == "EIGS"


def test_group_name_split_by_the_parse_still_names_the_actor():
    ms = one("Des combattants de Boko Haram ont attaqué mardi le village de Gajiram, dans "
             "l'Etat de Borno, au Nigeria, tuant dix villageois.", THU)
    assert ms[0].actor1.name.startswith("Boko Haram")


def test_claim_by_a_quoted_group_name_after_a_generic_noun():
    ms = one("L'attaque de mardi contre une base militaire à Mogadiscio, en Somalie, a été "
             "revendiquée par le groupe terroriste « shebab ».", THU)
    assert (ms[0].actor1.name, ms[0].actor1.basis) == ("Al Shabaab", "claimed")


def test_passive_killing_with_its_authors_is_an_event():
    ms = one("Cinq civils ont été tués dimanche à Sollé, dans la province du Loroum, au "
             "Burkina Faso, par des hommes armés.", THU)
    assert len(ms) == 1
    assert (ms[0].event_type, ms[0].fatalities, _day(ms)) == (
        "Violence against civilians", 5, date(2020, 11, 29))


def test_announcement_day_does_not_date_the_event():
    ms = one("Les autorités burkinabè ont annoncé lundi la mort de 16 soldats dans une "
             "embuscade tendue par des hommes armés dans la province du Soum.", THU)
    assert len(ms) == 1 and ms[0].fatalities == 16
    d = ms[0].date
    assert (d.start, d.end, d.stated) == (date(2020, 11, 23), date(2020, 11, 29), False)
    assert ms[0].fields["date"].text == "lundi"


def test_a_t_on_appris_day_is_the_report_not_the_event():
    ms = one("Des hommes armés ont attaqué un poste de gendarmerie dans la province du Soum, au "
             "Burkina Faso, a-t-on appris mercredi de sources sécuritaires.", THU)
    assert len(ms) == 1 and ms[0].date.end < date(2020, 12, 2)


def test_an_actor_announcing_its_own_act_dates_it():
    ms = one("L'armée malienne a annoncé mardi avoir arrêté dix-huit membres d'un groupe "
             "jihadiste près de Mopti.", THU)
    assert _day(ms) == date(2020, 12, 1)


def test_no_publication_date_and_no_stated_date_gives_a_null_date_and_a_warning():
    art = Article("u", "Des hommes armés ont attaqué le village de Kadji, dans la région de "
                  "Tillabéri, au Niger, tuant sept villageois.", None, "fr")
    res = next(iter(extract([art])))
    assert len(res.mentions) == 1 and res.mentions[0].date is None
    assert res.mentions[0].fatalities == 7 and res.mentions[0].location.admin1 == "NE-6"
    assert res.warnings and "undated" in res.warnings[0]


def test_no_publication_date_keeps_a_stated_date():
    art = Article("u", "Le 14 mars 2021, des hommes armés ont attaqué le village de Kadji, dans "
                  "la région de Tillabéri, au Niger.", None, "fr")
    res = next(iter(extract([art])))
    assert _day(res.mentions) == date(2021, 3, 14) and res.warnings == []


def test_a_tally_over_a_period_is_no_event_even_with_a_numeral():
    ms = one("Depuis le début de cette année, les attaques contre les civils se sont multipliées "
             "dans l'ouest du Niger, avec la mort de plus de 300 personnes dans trois attaques "
             "qui ont visé des localités et des camps.", THU)
    assert ms == []


def test_thousands_of_dead_over_years_is_no_event_and_no_toll():
    ms = one("Depuis 2015, les forces armées maliennes sont régulièrement endeuillées par des "
             "attaques jihadistes qui ont fait des milliers de morts.", THU)
    assert ms == []


def test_the_definite_attack_in_a_superlative_is_not_a_tally():
    ms = one("Samedi, des hommes armés ont attaqué le village de Kadji, au Niger. L'attaque, "
             "la plus meurtrière dans la région depuis 2017, a fait 30 morts.", THU)
    assert len(ms) == 1 and ms[0].fatalities == 30


def test_par_ailleurs_tells_a_second_occurrence_of_the_same_day():
    ms = one("Une roquette s'est abattue samedi sur la Zone verte à Bagdad, en Irak, sans faire "
             "de victimes. Une roquette du même modèle est par ailleurs tombée samedi près de "
             "l'ambassade américaine.", THU)
    assert [m.sub_event_type for m in ms] == ["Shelling/artillery/missile attack"] * 2
    assert [m.location.admin1 for m in ms] == ["IQ-BG", "IQ-BG"]


def test_a_striking_drone_is_an_air_strike():
    ms = one("Un drone a frappé mercredi un véhicule transportant des combattants shebab dans le "
             "sud de la Somalie.", THU)
    assert len(ms) == 1 and ms[0].sub_event_type == "Air/drone strike"
    assert _day(ms) == date(2020, 12, 2)


@pytest.mark.parametrize(("text", "toll"), [
    ("L'attaque de mardi contre une base militaire à Mogadiscio, en Somalie, a été revendiquée "
     "par le groupe terroriste « shebab », qui affirme avoir tué 85 soldats. La police "
     "somalienne fait état de 10 morts.", 10),
    ("Mardi, des hommes armés ont attaqué un camp de l'armée à Diffa, au Niger. Selon un "
     "responsable local, 12 soldats ont été tués, tandis qu'une source hospitalière évoque "
     "15 morts.", 12),
    ("Mardi, des jihadistes ont attaqué le village de Tin-Akoff, au Burkina Faso. Un bilan "
     "précédent faisait état de 3 morts. Selon les autorités, 9 civils ont été tués.", 9),
    ("Mardi, des hommes armés ont attaqué le village de Kadji, au Niger, tuant 12 civils. Le "
     "bilan s'est alourdi à 20 morts, selon les autorités.", 20),
])
def test_conflicting_tolls_take_the_credible_figure(text, toll):  # type: ignore[no-untyped-def]
    ms = one(text, THU)
    assert len(ms) == 1 and ms[0].fatalities == toll
