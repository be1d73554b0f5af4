"""Precision of detection and typing, on sentences written in the style of such reports:
what is not an event (negations, hypotheses, commemorations, records, tallies, asides),
what stays one, and the type a target gives; then whole dev articles read by path."""

from datetime import date

import pytest
from tests.engine_fixtures import dev_article, nlp_fr, one  # noqa: F401

from eventcoder.events import extract


@pytest.mark.parametrize("text", [
    # negated by the noun's own determiner, or a partitive under a negated verb
    "Aucune attaque n'a été signalée dimanche dans la région de Dosso, selon le gouverneur.",
    "Il n'y a pas eu d'attaque lundi à Fada, ont assuré les autorités locales.",
    # hypotheses: a modal in the conditional
    "Les insurgés pourraient lancer une offensive contre la base d'Aguelhok, selon un officier.",
    "La gendarmerie aurait pu éviter l'attaque du poste si elle avait été renforcée.",
    "Les combattants devraient attaquer la garnison de Kidal avant la saison des pluies.",
    # fears and warnings
    "Les éleveurs de Torodi vivent dans la crainte d'une attaque, selon un notable.",
    "Les habitants de Diapaga vivent dans la peur d'un nouvel enlèvement, a dit un élu.",
    # remembrance without a date of its own: the ceremony's day is not the attack's
    "Des centaines de fidèles ont commémoré vendredi à Garissa l'anniversaire de l'attentat.",
    "Le préfet a rendu hommage lundi aux gendarmes tombés lors de l'embuscade de Seytenga.",
    # a participant's record, told in the pluperfect without a date of its own
    "Samedi, des hommes armés qui avaient déjà enlevé deux bergers ont volé du bétail à Kaya.",
    # an occurrence that only situates another clause in time
    "Le gouvernement a décrété mardi trois jours de deuil national après l'attaque de Solhan.",
    # repeated or several occurrences, and the verb they are the subject of
    "Les attaques répétées contre les civils ont poussé des milliers d'habitants à fuir Kaya.",
    "Ces dernières semaines, plusieurs attaques ont visé des postes de l'armée près de Tahoua.",
    # plural occurrences summed up by a year
    "Les attaques des groupes armés ont fait plus de 1500 morts au Niger en 2021.",
])
def test_sentences_that_tell_no_occurrence(text):
    found = one(text)
    assert [m.event_type for m in found if m.event_type != "Strategic developments"] == []


@pytest.mark.parametrize("text,etype", [
    # a cautious conditional still reports a fact
    ("L'attaque aurait fait six morts mardi à Bourzanga, selon des sources locales.",
     "Battles"),
    ("Des hommes armés auraient tué trois orpailleurs jeudi près de Gorom-Gorom.",
     "Violence against civilians"),
    # managing to do it is doing it
    ("Lundi, des assaillants ont pu attaquer le poste de gendarmerie de Kompienga.", "Battles"),
    ("Mardi, des jihadistes ont réussi à enlever le maire de Djibo.",
     "Violence against civilians"),
    # an unclaimed attack is still an attack
    ("L'attaque de jeudi contre le camp militaire de Boulkessi n'a pas été revendiquée.",
     "Battles"),
    # a singular attack on a civilian target
    ("Le 3 décembre, un attentat a visé un hôtel de Mogadiscio.",
     "Violence against civilians"),
])
def test_sentences_that_tell_one_occurrence(text, etype):
    found = one(text)
    assert [m.event_type for m in found] == [etype]


@pytest.mark.parametrize("text,etype", [
    ("Jeudi, une attaque contre un convoi de l'armée près de Gao a fait trois morts.",
     "Battles"),
    ("Jeudi, une attaque contre un convoi de commerçants près de Gao a fait trois morts.",
     "Violence against civilians"),
    ("Dimanche, des jihadistes ont attaqué un camp de déplacés à Barsalogho, faisant 12 morts.",
     "Violence against civilians"),
    ("Dimanche, des jihadistes ont attaqué un camp militaire à Barsalogho.", "Battles"),
    ("Mardi, des individus armés ont attaqué la localité de Kourao.",
     "Violence against civilians"),
    ("Mardi, des hommes armés ont attaqué un poste militaire à Koutougou, tuant 24 soldats.",
     "Battles"),
    ("Mardi, des hommes armés ont attaqué le village de Kourao, tuant quatre habitants.",
     "Violence against civilians"),
    ("Le 3 décembre, un attentat a visé une patrouille de police à Mogadiscio.", "Battles"),
    ("Mardi, des hommes armés ont ouvert le feu sur une patrouille de l'armée près de Mopti.",
     "Battles"),
    ("Mardi, des hommes armés ont ouvert le feu sur des fidèles dans une mosquée de Tahoua, "
     "tuant cinq personnes.", "Violence against civilians"),
])
def test_the_target_decides_the_type(text, etype):
    found = one(text)
    assert [m.event_type for m in found] == [etype]


def test_fire_on_protesters_is_excessive_force():
    found = one("Mardi, des policiers ont tiré sur des manifestants à Conakry, faisant trois "
                "morts.")
    assert [(m.event_type, m.sub_event_type) for m in found] == [
        ("Protests", "Excessive force against protesters")]
    assert found[0].actor2.name.startswith("Protesters")


@pytest.mark.parametrize("text,expected", [
    # a reaction's object hung on the day: the attack takes its own clause's day
    ("Le gouvernement a condamné dimanche l'attentat qui a visé vendredi une mosquée de "
     "Maiduguri.", [("Violence against civilians", 4)]),
    # a temporal phrase that carries its own date still tells the attack
    ("Depuis l'attaque du 3 décembre contre le camp militaire de Boulkessi, la route est "
     "fermée.", [("Battles", 3)]),
    # a toll given later, with its own day, is for the attack told
    ("Le mardi 8 décembre, un kamikaze s'est fait exploser dans un marché de Maiduguri. Les "
     "autorités s'en tenaient jeudi à un bilan de dix morts dans l'attentat.",
     [("Explosions/Remote violence", 8)]),
    # a visit to the scene days later is no new attack
    ("Le 12 décembre, des hommes armés ont attaqué le village de Tillia, tuant trois bergers. "
     "L'attaque n'a pas été revendiquée. Le 14 décembre, le gouverneur s'est rendu sur les "
     "lieux de l'attaque.", [("Violence against civilians", 12)]),
    # a claim's day is not the attack's when the attack's phrase has its own
    ("L'organisation a revendiqué jeudi l'attentat-suicide du mardi 8 décembre contre un "
     "marché de Maiduguri.", [("Explosions/Remote violence", 8)]),
    # a demonstrative names the attack told before
    ("Mercredi soir, des hommes armés ont attaqué un poste militaire à Ayorou. Jeudi, aucun "
     "communiqué des autorités de Niamey ne mentionnait cette attaque.", [("Battles", 2)]),
    # ... unless its antecedent is in its own sentence, then it tells that one
    ("Le 3 décembre, une attaque a visé un poste militaire à Kidal. Il y a eu ensuite une "
     "embuscade meurtrière près de Tessit, le 1er décembre : douze soldats avaient alors "
     "péri dans cette attaque.", [("Battles", 3), ("Battles", 1)]),
    # an undated lead and the dated telling that follows are one event
    ("Des hommes armés ont attaqué une patrouille de l'armée près de Tillia.\nOnze soldats "
     "ont été tués lors d'une embuscade tendue le samedi 5 décembre contre une patrouille "
     "près de Tillia, a annoncé le gouverneur.", [("Battles", 5)]),
    # wounding "six autres" counts victims, not attacks
    ("Le 5 décembre, des bandits ont tendu une embuscade à une patrouille près de Tillia.\n"
     "Ils ont tué sept soldats, blessant six autres.", [("Battles", 5)]),
])
def test_occurrences_told_and_their_days(text, expected):
    found = one(text)
    assert [(m.event_type, m.date.start.day) for m in found] == expected


def test_an_undated_arrest_after_the_lead_is_an_aside():
    text = ("Le mardi 8 décembre, un engin explosif a visé un convoi militaire à Bagdad.\n\n"
            "Le groupe a aussi mené plusieurs opérations contre l'EI ces derniers mois.\n\n"
            "À Mossoul, la milice a arrêté un cadre de l'organisation.")
    found = one(text)
    assert [m.event_type for m in found] == ["Explosions/Remote violence"]


def test_a_dated_arrest_after_the_lead_is_an_event():
    text = ("Le mardi 8 décembre, un engin explosif a visé un convoi militaire à Bagdad.\n\n"
            "Le jeudi 10 décembre, la police a arrêté un cadre de l'organisation à Mossoul.")
    found = one(text)
    assert sorted(m.event_type for m in found) == ["Explosions/Remote violence",
                                                   "Strategic developments"]


def test_a_full_stop_then_a_line_break_ends_a_sentence(nlp_fr):  # noqa: F811
    from eventcoder import nlp

    doc = next(iter(nlp.parse(["Des soldats ont été tués à Kaya.\nLe pays est en deuil "
                               "depuis\nune semaine."])))
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["Des soldats ont été tués à Kaya.", "Le pays est en deuil depuis\nune "
                     "semaine."]


def _mentions(article):
    return next(iter(extract([article]))).mentions


def test_dev_007_has_no_undated_arrest(dev_article):  # noqa: F811
    ms = _mentions(dev_article("007"))
    assert "Strategic developments" not in {m.event_type for m in ms}
    assert [m.date.start for m in ms if m.event_type.startswith("Explosions")] == [
        date(2021, 9, 22), date(2020, 1, 1)]


def test_dev_024_keeps_the_ambush_a_demonstrative_refers_to(dev_article):  # noqa: F811
    ms = _mentions(dev_article("024"))
    battles = sorted(m.date.start for m in ms if m.event_type == "Battles")
    assert battles[0] == date(2019, 5, 1) and len(battles) == 2
