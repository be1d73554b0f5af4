"""Means and authors of remote violence, on sentences written in the style of such reports:
a blast names no means (the strike, shell or grenade told with it decides); an attack from
the air is an air strike; a munition or an air arm qualified by a state's adjective names
that state's forces when no other author is given."""

import pytest
from tests.engine_fixtures import one

AIR = ("Explosions/Remote violence", "Air/drone strike")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def _only_actors(text: str) -> tuple[str | None, str | None]:
    """(actor 1, actor 2) names of the one event the text tells."""
    (m,) = one(text)
    return (m.actor1.name if m.actor1 else None), (m.actor2.name if m.actor2 else None)


def _typed(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.event_type, m.sub_event_type, m.weapon) for m in one(text)]


@pytest.mark.parametrize("text", [
    # the explosion told after the strike is its effect, not a bomb of its own
    "Mardi, une attaque aérienne attribuée à l'armée malienne a tué une vingtaine de "
    "personnes dans le village de Bouna. Des témoins ont décrit des maisons soufflées par "
    "l'explosion.",
    "Jeudi, au moins douze civils ont péri dans une attaque de drone contre un marché de "
    "Kidal, selon des sources locales. L'explosion a détruit plusieurs étals.",
    "Mercredi, un raid aérien a visé un dépôt d'armes près de Tessalit, selon l'armée. "
    "Une forte explosion a été entendue à plusieurs kilomètres.",
])
def test_a_blast_after_a_strike_is_the_strike(text):
    assert _typed(text) == [(*AIR, "airstrike")]


@pytest.mark.parametrize(("text", "expected"), [
    # told alone, a blast is a remote explosive
    ("Mercredi, une explosion a tué deux passants près de la gare de Mopti.", (*IED, "IED")),
    ("Samedi, l'explosion d'une bombe artisanale a tué trois passants à Gao.", (*IED, "IED")),
    # the means named with it decides, even one ranked below a bomb
    ("Dimanche, l'explosion d'une grenade a blessé quatre fidèles dans une mosquée de Gao.",
     ("Explosions/Remote violence", "Grenade", "grenade")),
    ("Lundi, l'explosion d'un obus a tué deux enfants dans un quartier de Kharkiv.",
     (*SHELLING, "rocket")),
])
def test_a_blast_takes_the_means_told_with_it(text, expected):
    assert _typed(text) == [expected]


@pytest.mark.parametrize("text", [
    "Des avions ont bombardé mercredi le marché de Gao, faisant onze morts.",
    "Mardi, des hélicoptères de l'armée ont bombardé le village de Bouna, selon des "
    "habitants.",
    "Jeudi, une attaque de l'aviation malienne a fait neuf morts sur un marché de Kidal.",
])
def test_bombing_by_aircraft_is_an_air_strike(text):
    assert [t[:2] for t in _typed(text)] == [AIR]


@pytest.mark.parametrize(("text", "author"), [
    ("Lundi, des missiles russes ont frappé des immeubles résidentiels à Kharkiv, faisant "
     "quatre morts, selon le gouverneur.", "Military Forces of Russia"),
    ("Jeudi, deux missiles balistiques russes ont touché le centre-ville de Dnipro, tuant six "
     "personnes.", "Military Forces of Russia"),
    ("Des obus russes se sont abattus lundi sur Kherson, selon l'administration.",
     "Military Forces of Russia"),
    ("Samedi, des obus israéliens sont tombés sur le village de Khiam, dans le sud du Liban, "
     "blessant deux habitants.", "Military Forces of Israel"),
    # an air arm named as the attack's "de X" flew it
    ("En octobre, une cinquantaine de personnes ont péri lors d'une attaque de l'aviation "
     "malienne contre un mariage dans la région de Mopti.", "Military Forces of Mali"),
])
def test_a_munition_with_a_state_adjective_names_its_forces(text, author):
    assert _only_actors(text)[0] == author


def test_later_strikes_of_an_article_crediting_one_state():
    found = one("Mardi, des missiles russes ont frappé des immeubles à Kharkiv, faisant "
                "quatre morts, selon le gouverneur. Mercredi, une autre série de frappes a tué "
                "deux civils à Izioum.")
    assert [m.actor1.name for m in found if m.actor1] == ["Military Forces of Russia"] * 2
    assert found[1].event_type == "Explosions/Remote violence"


def test_two_states_credited_name_no_one():
    found = one("Mardi, des missiles russes ont frappé Kharkiv, selon le gouverneur, et des "
                "tirs ukrainiens ont visé Belgorod. Mercredi, une nouvelle frappe a tué deux "
                "civils à Izioum.")
    last = found[-1]
    assert last.actor1 is not None and last.actor1.name.startswith("Unidentified")


@pytest.mark.parametrize("text", [
    "Mardi, une mine a explosé au passage d'un camion près de Gao, tuant deux passagers.",
    "Mardi, un véhicule de transport a sauté sur une mine près de Gao, tuant deux passagers.",
])
def test_a_mine_that_blew_up_is_a_remote_explosive(text):
    assert [t[:2] for t in _typed(text)] == [IED]


def test_strikes_told_after_a_blast_are_another_act():
    found = one("Mardi, une explosion a tué deux soldats près de Gao. En représailles, "
                "l'aviation a mené des frappes aériennes contre les positions des assaillants.")
    assert sorted(m.sub_event_type for m in found) == ["Air/drone strike", IED[1]]


def test_a_device_told_after_a_blast_says_what_exploded():
    found = one("Mardi, une explosion a retenti au passage d'un convoi militaire près de Gao. "
                "Selon la police, un engin explosif a été actionné au bord de la route.")
    assert [(m.event_type, m.sub_event_type) for m in found] == [IED]


@pytest.mark.parametrize(("text", "target"), [
    # soldiers killed in a mosque, a school or a market of their camp: the forces were hit
    ("Samedi, trois soldats ont été tués dans une attaque rebelle. Les rebelles ont ciblé "
     "une mosquée située dans la caserne de Kati avec des roquettes, selon l'armée.",
     "Military Forces"),
    ("Mardi, des roquettes ont visé l'école où logeaient des militaires à Boni, tuant deux "
     "soldats maliens.", "Military Forces of Mali"),
    # the faithful killed in a mosque stay civilians
    ("Mardi, une roquette a frappé une mosquée de Gao pendant la prière, tuant quatre "
     "fidèles.", "Civilians (Mali)"),
])
def test_a_site_hit_is_coded_by_who_was_harmed_in_it(text, target):
    assert _only_actors(text)[1] == target
