"""Typing by who was harmed and what was seized, on sentences written in the style of
such reports: a non-state group's attack on civilians alone is violence against
civilians, whatever it is called; a seizing verb is typed by its object."""

import pytest
from tests.engine_fixtures import one

VAC = ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    # an "ambush" whose only victims are villagers: no one fought back
    "Mardi, trois villageois ont été tués lors d'une embuscade tendue par des jihadistes "
    "près de Djibo.",
    # dead counted by a bare toll in a village
    "Dimanche, une attaque attribuée à des insurgés a fait neuf morts dans le village de "
    "Kourao.",
    "Lundi, une attaque de bandits armés a fait sept morts dans un hameau proche de Tillia.",
    # a killing told in the passive, the victim named before a relative clause
    "Selon la police, un missionnaire, qui vivait à Pemba, a été abattu lors d'une attaque "
    "dans la nuit de lundi à mardi.",
    "Jeudi, une religieuse a été abattue lors d'une attaque contre la mission de Chipene.",
])
def test_civilians_harmed_without_an_armed_opponent(text):
    found = one(text)
    assert [(m.event_type, m.sub_event_type) for m in found] == [VAC]
    assert found[0].actor2 is not None and found[0].actor2.name.startswith("Civilians")


@pytest.mark.parametrize("text", [
    # soldiers among the harmed, or a fight between two sides: a battle
    "Mardi, trois soldats ont été tués lors d'une embuscade tendue par des jihadistes "
    "près de Djibo.",
    "Dimanche, des affrontements entre des jihadistes et des villageois armés ont fait "
    "neuf morts près de Kourao.",
    "Dimanche, une attaque de jihadistes a fait neuf morts dans le camp militaire de Boni.",
])
def test_an_armed_opponent_keeps_the_battle(text):
    found = one(text)
    assert [m.event_type for m in found] == ["Battles"]


def test_state_forces_killing_villagers_in_a_clash_stay_a_battle():
    found = one("Mardi, des combats entre l'armée et des jihadistes ont fait cinq morts "
                "dans le village de Kourao.")
    assert [m.event_type for m in found] == ["Battles"]


@pytest.mark.parametrize("text,sub", [
    ("Mardi, des bandits se sont emparés de douze élèves dans le village de Sakki.",
     "Abduction/forced disappearance"),
    ("Mardi, des hommes armés se sont emparés de trois enfants près de Kankara.",
     "Abduction/forced disappearance"),
    ("Mardi, les jihadistes se sont emparés de la ville de Tessit.",
     "Non-state actor overtakes territory"),
    ("Mardi, les rebelles se sont emparés de la base de Tessalit.",
     "Non-state actor overtakes territory"),
    ("Lundi, des hommes armés ont pris en otage deux humanitaires près de Diffa.",
     "Abduction/forced disappearance"),
    ("Mardi, des assaillants ont brûlé un homme dans sa maison à Djibo.", "Attack"),
    ("Mardi, des assaillants ont brûlé des maisons à Djibo.",
     "Looting/property destruction"),
])
def test_what_is_seized_or_burnt_decides_the_type(text, sub):
    found = one(text)
    assert [m.sub_event_type for m in found] == [sub]


@pytest.mark.parametrize("text", [
    "Mardi, les assaillants se sont emparés des armes et des munitions avant de fuir.",
    "Mardi, les pompiers ont enlevé les véhicules calcinés de la chaussée.",
])
def test_seizing_things_tells_no_occurrence(text):
    assert one(text) == []


def test_one_verb_hitting_civilians_and_soldiers_tells_two_occurrences():
    found = one("Lundi soir, les miliciens ont attaqué simultanément le camp des déplacés de "
                "Kilo et le poste des militaires de Fataki.")
    assert sorted(m.event_type for m in found) == ["Battles", "Violence against civilians"]
    battle = next(m for m in found if m.event_type == "Battles")
    assert battle.actor2 is not None and battle.actor2.name.startswith("Military Forces")


def test_two_targets_of_one_class_stay_one_occurrence():
    found = one("Lundi soir, les miliciens ont attaqué le camp des déplacés de Kilo et le "
                "village de Fataki.")
    assert [m.event_type for m in found] == ["Violence against civilians"]


def test_the_counted_attacks_told_before_are_named_again():
    found = one("Lundi 7 décembre, des hommes armés ont tué trois villageois à Djibo. Mardi 8 "
                "décembre, des jihadistes ont attaqué un poste militaire à Gao. Selon un élu "
                "local, les deux attaques ont fait onze morts.")
    assert sorted((m.event_type, m.date.start.day) for m in found) == [
        ("Battles", 8), ("Violence against civilians", 7)]


def test_counted_attacks_in_a_lead_are_new():
    found = one("Les deux attaques de lundi contre des postes de l'armée près de Gao et de "
                "Tessit ont fait onze morts.")
    assert len(found) == 2
