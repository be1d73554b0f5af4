"""Generic nouns and pronouns that stand for a group the article names, targets named
through their owners, the unnamed coalition, public-place blasts and cited groups: on
sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.engine_fixtures import one  # noqa: F401  (session fixtures)

from eventcoder.normalize import actors

MOGADISCIO = "à Mogadiscio, en Somalie"


def _first(text: str):  # type: ignore[no-untyped-def]
    ms = one(text)
    assert ms, text
    return ms[0]


def _actor1s(text: str) -> list[str]:
    return [m.actor1.name for m in one(text)]


# --- a generic noun takes the group the article links it to --------------------------------

@pytest.mark.parametrize("text", [
    # a plural of a name written singular in the base, after adjectives
    f"Dimanche, six civils ont été tués {MOGADISCIO}, dans une attaque des islamistes "
    "radicaux shebabs.",
    # the name apposed before the generic noun
    f"Les shebabs, des islamistes liés à Al-Qaïda, contrôlent une partie du pays. Dimanche, "
    f"six soldats ont été tués {MOGADISCIO}, dans une attaque des islamistes.",
])
def test_a_generic_noun_linked_to_a_named_group_is_that_group(text: str) -> None:
    assert "Al Shabaab" in _actor1s(text)


def test_a_generic_noun_named_again_later_keeps_the_link() -> None:
    text = (f"Dimanche, six civils ont été tués {MOGADISCIO}, dans une attaque des insurgés "
            "islamistes shebabs. Vendredi, sept soldats ont été tués dans une attaque contre "
            "un camp militaire par les islamistes, à Galcad, dans le centre de la Somalie.")
    assert _actor1s(text) == ["Al Shabaab", "Al Shabaab"]


@pytest.mark.parametrize("text", [
    # a group only mentioned in background is not linked to the noun
    "Les shebabs contrôlent une partie du pays depuis 2007. Dimanche, six soldats ont été "
    f"tués {MOGADISCIO}, dans une attaque des islamistes.",
    # two groups linked to the same noun: none is chosen
    "Les shebabs, des islamistes liés à Al-Qaïda, et l'EI, des islamistes rivaux, sont actifs "
    f"dans le pays. Dimanche, six soldats ont été tués {MOGADISCIO} par des islamistes.",
])
def test_a_generic_noun_not_linked_to_one_group_stays_unidentified(text: str) -> None:
    assert _actor1s(text)[-1] == "Unidentified Armed Group (Somalia)"


def test_a_subject_pronoun_takes_the_group_named_before_it_in_the_sentence() -> None:
    text = ("Lundi, les miliciens CODECO sont venus vers 21h dans le territoire de Djugu, en "
            "Ituri, ils ont attaqué le camp des militaires de Fataki.")
    m = _first(text)
    assert m.actor1.name == "CODECO: Cooperative for Development of the Congo"
    assert m.actor2 is not None
    assert m.actor2.name == "Military Forces of the Democratic Republic of Congo"


# --- who was hit ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a possessive target belongs to those the sentence named before it
    "Mercredi, quatre soldats maliens ont été tués dans une attaque, imputée à des "
    "jihadistes, contre leur poste, dans la région de Mopti, au Mali.",
    # a post held only by state forces
    "Mercredi, le poste de Boni, dans la région de Mopti, au Mali, a été attaqué par des "
    "jihadistes.",
    # the attackers' own losses do not make them the target
    "Mercredi, quatre soldats maliens ont été tués dans une attaque de jihadistes dans la "
    "région de Mopti, au Mali. Selon l'armée, les jihadistes ont subi des pertes importantes "
    "lors de l'opération menée contre les jihadistes.",
])
def test_the_army_is_the_target_of_an_attack_on_its_post(text: str) -> None:
    m = _first(text)
    assert m.actor1.name == "Unidentified Armed Group (Mali)"
    assert m.actor2 is not None and m.actor2.name == "Military Forces of Mali"


# --- the unnamed coalition -----------------------------------------------------------------

@pytest.mark.parametrize("text,actor1", [
    ("Jeudi, des avions de la coalition ont bombardé un marché à Saada, dans le nord du "
     "Yémen, tuant 12 civils.", "Saudi-led Coalition"),
    ("Jeudi, des avions de la coalition ont bombardé une position de l'EI près de "
     "Deir ez-Zor, en Syrie.", "Global Coalition Against Daesh"),
    ("Jeudi, les forces de la coalition ont tué trois jihadistes près de Mossoul, en Irak.",
     "Global Coalition Against Daesh"),
])
def test_the_unnamed_coalition_is_the_one_at_war_in_the_country(text: str, actor1: str) -> None:
    assert _first(text).actor1.name == actor1


@pytest.mark.parametrize("country,name", [
    ("IQ", "Global Coalition Against Daesh"), ("YE", "Saudi-led Coalition"),
    ("CF", "CPC: Coalition of Patriots for Change"), (None, "Military Coalition")])
def test_the_coalition_branch_is_data(country: str | None, name: str) -> None:
    assert actors.resolve_actor("la coalition", "fr", country).name == name


# --- unnamed dead of a blast in a public place ---------------------------------------------

@pytest.mark.parametrize("text,actor2", [
    ("Jeudi, une bombe artisanale a explosé dans le marché de Kalgo, dans l'Etat de Borno, "
     "au Nigeria, faisant cinq morts.", "Civilians (Nigeria)"),
    ("Jeudi, une bombe artisanale a explosé près de Kalgo, dans l'Etat de Borno, au Nigeria, "
     "faisant cinq morts.", None),
])
def test_the_dead_of_a_bomb_in_a_market_are_civilians(text: str, actor2: str | None) -> None:
    m = _first(text)
    assert (m.actor2.name if m.actor2 else None) == actor2


# --- groups cited by an outlet -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Jeudi, un engin explosif a visé un convoi logistique près de Nassiriya, en Irak, a "
    "indiqué la chaîne Al-Sumaria, citant le groupe Ashab al-Kahf.",
    "Jeudi, un convoi logistique a été visé par un engin explosif près de Nassiriya, en Irak, "
    "a affirmé la chaîne Sabereen, citant le groupe Ashab al-Kahf qui a revendiqué l'attaque.",
])
def test_a_group_cited_about_the_attack_claimed_it(text: str) -> None:
    m = _first(text)
    assert m.actor1.name == "Ashab al-Kahf" and m.actor1.basis == "claimed"
    assert [a.name for a in m.claimed_by] == ["Ashab al-Kahf"]


def test_a_group_cited_does_not_replace_a_named_author() -> None:
    text = ("Jeudi, une frappe israélienne a visé un véhicule près de Tyr, au Liban, tuant deux "
            "combattants, a indiqué la chaîne Al-Manar, citant le Hezbollah.")
    m = _first(text)
    assert m.actor1.name == "Military Forces of Israel" and not m.claimed_by


@pytest.mark.parametrize("text,name", [
    ("les shebabs", "Al Shabaab"), ("des insurgés shebabs", "Al Shabaab"),
    ("le Hamas", "Hamas Movement"), ("les rebelles ADF", "ADF: Allied Democratic Forces")])
def test_names_are_found_in_the_plural(text: str, name: str) -> None:
    assert [m.record.name for m in actors.find_actors(text, "fr", generic=False)] == [name]


def test_a_noun_that_refers_back_has_the_author_told_before() -> None:
    text = ("Lundi, des miliciens CODECO ont attaqué le village de Lodda, dans le territoire de "
            "Djugu, en Ituri.\nSelon la société civile, les deux attaques ont fait 15 morts.")
    assert set(_actor1s(text)) == {"CODECO: Cooperative for Development of the Congo"}


def test_victims_named_with_their_participle_end_before_the_attacker() -> None:
    m = _first("Jeudi, treize policiers tués dans une attaque de l'EI près de Kirkouk, en Irak.")
    assert m.actor1.name == "Islamic State (Iraq)"
    assert m.actor2 is not None and m.actor2.name == "Police Forces of Iraq"


def test_the_coalition_with_no_branch_in_the_country_is_the_one_named_before() -> None:
    text = ("Jeudi, la coalition internationale a mené une frappe aérienne près de Kandahar, en "
            "Afghanistan. Vendredi, la coalition a bombardé un village près de Kandahar.")
    names = [m.actor1.name for m in one(text)]
    assert len(names) == 2 and names[0] == names[1] != "Military Coalition"


def test_a_post_of_something_else_is_no_army_post() -> None:
    m = _first("Mercredi, des jihadistes ont attaqué le poste de santé de Boni, dans la région "
               "de Mopti, au Mali.")
    assert m.actor2 is None or m.actor2.name != "Military Forces of Mali"
