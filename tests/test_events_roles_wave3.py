"""Actor rules of wave 3, on sentences written for these tests: the sides of a fight
"entre X et Y", a generic noun glossed by its group, a site called military, "ces
derniers", strikes credited to the force an article names, a relative clause's victim, and
an attack counted in a group's series."""

from __future__ import annotations

import pytest
from tests.engine_fixtures import one

ISGS = "Islamic State (Greater Sahara)"
MINUSCA = ("MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the "
           "Central African Republic")
SERIES = ("Il s'agit de la deuxième attaque de l'EI contre l'armée syrienne depuis le début "
          "du mois.")
CONVOY = ("Le 3 août, six soldats syriens avaient péri dans une attaque contre un convoi près "
          "de Palmyre.")


def _actors(text: str) -> tuple[str, str | None]:
    ms = one(text)
    assert ms, text
    m = ms[0]
    return m.actor1.name, (m.actor2.name if m.actor2 else None)


@pytest.mark.parametrize("text,actor1,actor2", [
    # the first side of "entre X et Y" is X alone, not the soldiers named after "et"
    ("Lundi, une source locale a fait état de violents combats entre les assaillants et les "
     "soldats maliens près de Ménaka.", "Unidentified Armed Group (Mali)",
     "Military Forces of Mali"),
    # "les assaillants, des combattants affiliés à X": the gloss names their group
    ("Lundi, une source locale a fait état de violents combats entre les assaillants et les "
     "soldats maliens près de Ménaka. Les assaillants, des combattants affiliés à l'État "
     "islamique au Grand Sahara, sont venus du Niger.", ISGS, "Military Forces of Mali"),
    # a camp called military is the army's; a camp of displaced people is not
    ("Jeudi, des hommes armés ont attaqué un camp militaire près de Dapaong, dans le nord du "
     "Togo, tuant quatre soldats.", "Unidentified Armed Group (Togo)", "Military Forces of Togo"),
    ("Jeudi, des hommes armés ont attaqué un camp de déplacés près de Dapaong, dans le nord du "
     "Togo, tuant quatre personnes.", "Unidentified Armed Group (Togo)", "Civilians (Togo)"),
    # "ces derniers" are the men named last; who attacked what beats the clash's "contre"
    ("Vendredi, un Casque bleu a été tué après des combats contre des hommes armés non "
     "identifiés dans l'ouest de la Centrafrique. Ces derniers ont attaqué une base de la "
     "Minusca à Bouar.", "Unidentified Armed Group (Central African Republic)", MINUSCA),
])
def test_sides_of_an_attack(text: str, actor1: str, actor2: str | None) -> None:
    assert _actors(text) == (actor1, actor2)


@pytest.mark.parametrize("text,actor1", [
    # a strike with no author: the one state force the article credits its raids to
    ("Samedi, une frappe de drone a tué deux hommes sur une route près de Nabatiyé, dans le "
     "sud du Liban. Les raids israéliens se sont multipliés ces derniers mois dans la région.",
     "Military Forces of Israel"),
    # ... and no one when the article credits none
    ("Samedi, une frappe de drone a tué deux hommes sur une route près de Nabatiyé, dans le "
     "sud du Liban.", "Unidentified Armed Group (Lebanon)"),
    # an attack told in a paragraph that counts a group's series of attacks is the group's
    (f"{SERIES} {CONVOY}", "Islamic State (Syria)"),
    (CONVOY, "Unidentified Armed Group (Syria)"),
])
def test_author_from_the_article(text: str, actor1: str) -> None:
    assert _actors(text)[0] == actor1


def test_relative_clause_names_the_victim() -> None:
    text = ("Jeudi, des drones ont mené des frappes, qui ont tué un membre du Hezbollah près "
            "de Tyr, au Liban.")
    assert {m.actor2.name for m in one(text) if m.actor2} == {"Hezbollah"}


@pytest.mark.parametrize("text,actor1,actor2", [
    # "ce groupe armé" is the group the article named "le groupe armé Siriri"
    ("Dans la région, le groupe armé Siriri est très actif. Mardi, les hommes de ce groupe "
     "armé ont attaqué le village de Bania, dans l'ouest de la Centrafrique, tuant trois "
     "habitants.", "Siriri Militia", "Civilians (Central African Republic)"),
    # a detachment named after its town is the army's
    ("Dimanche soir, le détachement de Koutougou a été la cible d'une violente attaque, dans "
     "le nord du Burkina Faso.", "Unidentified Armed Group (Burkina Faso)",
     "Military Forces of Burkina Faso"),
])
def test_groups_and_posts_named_before(text: str, actor1: str, actor2: str) -> None:
    assert _actors(text) == (actor1, actor2)
