"""Typing, negatives and counts on sentences written in the style of such reports."""

import pytest
from tests.engine_fixtures import one


@pytest.mark.parametrize("text,etype,sub,weapon", [
    ("Le lundi 7 décembre, un engin explosif a explosé au passage d'une patrouille à Mossoul.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "IED"),
    ("Le 3 décembre, trois roquettes Katioucha se sont abattues sur une base à Bagdad.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket"),
    ("Le 5 décembre, une frappe aérienne a visé un dépôt d'armes près de Raqqa.",
     "Explosions/Remote violence", "Air/drone strike", "airstrike"),
    ("Le 9 décembre, un kamikaze a déclenché sa ceinture explosive dans un marché de Kaboul.",
     "Explosions/Remote violence", "Suicide bomb", "suicide"),
    ("Le 2 décembre, des hommes armés ont tendu une embuscade à des soldats près de Gao.",
     "Battles", "Armed clash", None),
    ("Le 4 décembre, des assaillants ont égorgé douze villageois à Djibo.",
     "Violence against civilians", "Attack", "knife"),
])
def test_trigger_typing(text, etype, sub, weapon):
    ms = one(text)
    assert len(ms) == 1
    assert (ms[0].event_type, ms[0].sub_event_type, ms[0].weapon) == (etype, sub, weapon)
    assert ms[0].fields["event_type"].text in text


@pytest.mark.parametrize("text", [
    "Le groupe menace de nouvelles attaques contre les convois.",
    "Les insurgés projettent de viser la base la semaine prochaine.",
    "Plusieurs attaques visant des convois ont eu lieu ces derniers mois.",
    "Nos frappes seront douloureuses, a prévenu le groupe.",
])
def test_threats_plans_and_vague_tallies_are_not_events(text):
    assert one(text) == []


def test_counted_attacks_on_a_vague_date_are_several_events():
    ms = one("Le groupe a revendiqué deux attaques contre des convois début décembre.")
    assert len(ms) == 2
    assert {m.date.start.day for m in ms} == {1}


def test_two_bombings_same_place_same_day_are_one_event():
    ms = one("Deux attentats suicides ont frappé le jeudi 10 décembre un marché de Bagdad.")
    assert len(ms) == 1
    assert ms[0].sub_event_type == "Suicide bomb"


def test_anaphor_joins_the_attack_told_before():
    ms = one("Le mardi 8 décembre, une bombe a explosé au passage d'un convoi militaire. "
             "L'explosion a fait trois blessés, selon une source de sécurité.")
    assert len(ms) == 1
    assert ms[0].injuries == 3
    assert ms[0].status == "confirmed"
    assert len(ms[0].evidence) == 2


def test_english_article_warns_without_mentions():
    from datetime import date

    from eventcoder.events import extract
    from eventcoder.schema import Article, PubDate

    pub = PubDate(date(2020, 1, 1), date(2020, 1, 31), "month")
    res = next(iter(extract([Article("e", "A bomb exploded in Baghdad.", pub, "en")])))
    assert res.mentions == [] and res.warnings == ["language not supported yet: en"]


@pytest.mark.parametrize("text", [
    "Mardi, des hommes armés ont attaqué un car de voyageurs près de Kaya. Les auteurs de "
    "l'attaque n'ont pas été identifiés.",
    "Des jihadistes ont tendu mardi une embuscade à une patrouille près de Djibo. Le bilan "
    "de l'attaque n'a pas été communiqué.",
    "Jeudi, un kamikaze s'est fait exploser devant un commissariat de Mogadiscio. Les "
    "victimes de l'attentat ont été inhumées vendredi.",
    # an air strike, then a generic "attaque" the clusterer does not join to it
    "Une frappe de drone a touché lundi un marché de Nyala. Les auteurs de l'attaque n'ont "
    "pas été identifiés.",
])
def test_the_authors_or_toll_of_the_attack_name_the_one_told(text):
    """Without a day or a place of its own, "les auteurs de l'attaque" names the
    occurrence told before it; it starts none of its own."""
    assert len(one(text)) == 1


def test_a_toll_phrase_opening_an_article_tells_the_occurrence():
    found = one("Le bilan de l'attaque de mardi contre le poste de Djibo s'élève à dix morts.")
    assert [m.event_type for m in found] == ["Battles"]
