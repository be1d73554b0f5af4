"""Actor 1 / actor 2, claims and attributions: French report patterns, on sentences written
for these tests, and whole dev articles read by path."""

from __future__ import annotations

import pytest
from tests.engine_fixtures import dev_article, one  # noqa: F401  (session fixtures)

from eventcoder.events import extract

KIVU = "dans le territoire de Beni, dans le Nord-Kivu"


def _roles(text: str) -> tuple[str, str | None, str]:
    ms = one(text)
    assert ms, text
    m = ms[0]
    return m.actor1.name, (m.actor2.name if m.actor2 else None), m.actor1.basis


# --- who acted -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,actor1", [
    # a fronted place or time is not the subject
    ("Au Burkina Faso, des hommes armés ont tué quatre villageois jeudi à Djibo.",
     "Unidentified Armed Group (Burkina Faso)"),
    (f"Dans la nuit, des ADF ont tué sept civils {KIVU}.", "ADF: Allied Democratic Forces"),
    # the clause around "lors de l'attaque"
    (f"Lors de cette attaque, jeudi, les ADF ont tué neuf agriculteurs {KIVU}.",
     "ADF: Allied Democratic Forces"),
    # an attack noun's "de X" names its author when X is an armed group
    (f"Jeudi, une incursion des rebelles ADF a fait huit morts {KIVU}.",
     "ADF: Allied Democratic Forces"),
    # a means noun's "de X" names who used it, a country standing for its military
    ("Jeudi, un drone des États-Unis a frappé un véhicule près de l'aéroport de Bagdad.",
     "Military Forces of the United States"),
    ("Jeudi, une frappe américaine a visé un camp de miliciens à Al-Qaïm, en Irak.",
     "Military Forces of the United States"),
    ("Jeudi, Washington a mené des frappes aériennes contre des positions du Hezbollah en Irak.",
     "Military Forces of the United States"),
    # a "passive" subject beside a direct object is the active's subject (a misparse)
    ("Jeudi, des combattants du M23 ont attaqué des positions des FARDC à Rutshuru, au "
     "Nord-Kivu.", "M23: March 23 Movement"),
    # a device fired or set off by the subject
    ("Jeudi, les houthis ont tiré un missile sur une base militaire de Jizan, en Arabie "
     "saoudite.", "Ansar Allah"),
])
def test_actor1_from_report_patterns(text: str, actor1: str) -> None:
    assert _roles(text)[0] == actor1


@pytest.mark.parametrize("text,actor1", [
    # "de X" of a killing is its victim; a town is no author; state forces defend
    (f"Jeudi, l'attaque de Beni a fait six morts, {KIVU}.",
     "Unidentified Armed Group (Democratic Republic of Congo)"),
])
def test_no_author_where_the_report_names_none(text: str, actor1: str) -> None:
    assert _roles(text)[0] == actor1


def test_a_foreign_contingent_named_again_is_the_foreign_force_named_before() -> None:
    text = ("La coalition internationale a annoncé jeudi son retrait de plusieurs bases en "
            "Irak. Le 12 mars, le contingent étranger a quitté la base aérienne de Qayyarah, "
            "près de Mossoul, pour la remettre à l'armée irakienne.")
    names = {m.actor1.name for m in one(text)}
    assert "Global Coalition Against Daesh" in names


# --- who was hit ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,actor2", [
    ("Jeudi, un véhicule de l'armée malienne a sauté sur un engin explosif près de Boni.",
     "Military Forces of Mali"),
    ("Jeudi, un camion des Famas a sauté sur un engin explosif près de Boni, au Mali.",
     "Military Forces of Mali"),
    ("Trois roquettes sont tombées jeudi sur la zone verte de Bagdad. Le 2 mars, deux "
     "roquettes se sont abattues près de l'ambassade américaine.",
     "Government of the United States"),
    ("Jeudi, une bombe a explosé près de Boni, faisant trois morts dans les rangs de l'armée "
     "malienne.", "Military Forces of Mali"),
    ("Jeudi, un attentat suicide a fait 14 morts à Bagdad, en Irak.", "Civilians (Iraq)"),
    # the side that fended off or suffered an attack is its target
    ("Jeudi, l'armée malienne a repoussé une attaque jihadiste contre son camp de Boni.",
     "Military Forces of Mali"),
    ("Jeudi, les soldats burkinabè ont essuyé une attaque de jihadistes près de Djibo.",
     "Military Forces of Burkina Faso"),
])
def test_actor2_from_report_patterns(text: str, actor2: str) -> None:
    assert actor2 in {m.actor2.name for m in one(text) if m.actor2}


@pytest.mark.parametrize("text", [
    "Jeudi, une roquette s'est abattue près de Bagdad, en Irak.",
    "Jeudi, les houthis ont tiré un missile sur Ryad, en Arabie saoudite.",
])
def test_a_town_is_no_target(text: str) -> None:
    assert _roles(text)[1] is None


# --- claims and attributions ------------------------------------------------------------------

ATTACK = f"Jeudi, des hommes armés ont tué onze civils dans le village de Mamove, {KIVU}. "
BOMBING = "Jeudi, un attentat suicide a tué neuf fidèles dans une mosquée de Kaboul. "


@pytest.mark.parametrize("text,actor1,basis", [
    (ATTACK + "Les autorités ont attribué l'attaque aux ADF.",
     "ADF: Allied Democratic Forces", "alleged"),
    (ATTACK + "Cette attaque est imputée aux ADF.", "ADF: Allied Democratic Forces", "alleged"),
    (ATTACK + "L'armée accuse les ADF d'être derrière ce massacre.",
     "ADF: Allied Democratic Forces", "alleged"),
    (ATTACK + "Les autorités soupçonnent les ADF.", "ADF: Allied Democratic Forces", "alleged"),
    (ATTACK + "Les ADF sont soupçonnés d'être derrière cette tuerie.",
     "ADF: Allied Democratic Forces", "alleged"),
    (BOMBING + "L'attaque a été revendiquée vendredi par l'EI.",
     "Islamic State (Afghanistan)", "claimed"),
    (BOMBING + "Dans une revendication diffusée par son agence Amaq, l'EI a affirmé avoir "
     "visé des talibans.", "Islamic State (Afghanistan)", "claimed"),
    (BOMBING + "L'EI a revendiqué vendredi, via Amaq, cette attaque.",
     "Islamic State (Afghanistan)", "claimed"),
    (BOMBING + "Amaq, l'organe de propagande de l'EI, a revendiqué l'attaque.",
     "Islamic State (Afghanistan)", "claimed"),
    ("Le dernier attentat-suicide revendiqué par l'EI en Afghanistan a fait cinq morts le "
     "3 mai à Kandahar.", "Islamic State (Afghanistan)", "claimed"),
])
def test_claims_and_accusations(text: str, actor1: str, basis: str) -> None:
    assert _roles(text)[0::2] == (actor1, basis)


@pytest.mark.parametrize("text", [
    BOMBING + "L'EI a revendiqué plusieurs attaques dans la capitale ces derniers mois.",
    BOMBING + "L'attentat n'a fait l'objet d'aucune revendication.",
    ATTACK + "La région est le théâtre de nombreuses attaques attribuées aux ADF.",
    ATTACK + "Kinshasa accuse des groupes liés à l'Ouganda d'être derrière les attaques.",
    ATTACK + "L'armée accuse régulièrement les ADF d'attaques contre les civils.",
])
def test_claims_of_other_or_no_events_name_no_author(text: str) -> None:
    a1 = one(text)[0].actor1
    assert a1.name.startswith("Unidentified Armed Group") and a1.basis != "claimed"


# --- whole dev articles ----------------------------------------------------------------------

def _mentions(dev_article, name: str) -> list:  # type: ignore[no-untyped-def,type-arg]  # noqa: F811
    return next(iter(extract([dev_article(name)]))).mentions


def test_article_002_the_foreign_contingent_left_the_base(dev_article) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ms = _mentions(dev_article, "002")
    left = [m for m in ms if m.sub_event_type == "Non-violent transfer of territory"
            and m.date and m.date.start.day == 26]
    assert left and left[0].actor1.name == "Global Coalition Against Daesh"


def test_article_012_rockets_near_the_embassy_target_the_united_states(dev_article) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ms = _mentions(dev_article, "012")
    rockets = [m for m in ms if m.date and (m.date.start.month, m.date.start.day) == (1, 20)]
    assert rockets and rockets[0].actor2 and rockets[0].actor2.name == (
        "Government of the United States")
    raid = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert raid and raid[0].actor1.name == "Military Forces of the United States"


def test_article_016_an_earlier_bombing_killed_civilians(dev_article) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ms = _mentions(dev_article, "016")
    assert all(m.actor2 and m.actor2.name == "Civilians (Iraq)" for m in ms)
