"""One occurrence told in several sentences: the looting and burning of a raid belong to the
attack they were done in; a region named beyond a boundary is no place of its own; on
sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.engine_fixtures import one  # noqa: F401  (session fixtures)

from eventcoder.events.compatibility import compatible_types

ATTACKS = [
    # a complex attack on a camp with a car bomb
    "Mardi, un camp militaire de la région de Mopti, au Mali, a été la cible d'une attaque "
    "complexe menée avec des véhicules piégés conduits par des kamikazes. Selon l'armée, "
    "une vingtaine de soldats ont été tués.",
    # a raid on a village, told with its victims
    "Dans la nuit de lundi à mardi, des hommes armés ont attaqué le village de Gidan Kare, "
    "dans l'État de Zamfara, au Nigeria, tuant douze habitants.",
    # a battle with the army
    "Jeudi, des jihadistes ont attaqué un poste de l'armée à Tillabéri, au Niger. Les "
    "combats ont fait huit morts parmi les soldats.",
]

ACTS = [
    "Les assaillants ont pillé les magasins et incendié plusieurs véhicules.",
    "« Ils ont brûlé nos maisons et emporté nos chèvres », a raconté un habitant.",
    "Des boutiques ont été incendiées et des vivres pillés.",
    "Le poste a été détruit et les armes pillées par les assaillants.",
]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("act", ACTS)
def test_a_raid_act_without_date_or_place_of_its_own_is_part_of_the_attack(
        attack: str, act: str) -> None:
    ms = one(f"{attack}\n\nUn lourd bilan pour la région.\n\n{act}")
    assert len(ms) == 1, [(m.event_type, m.sub_event_type) for m in ms]
    assert ms[0].event_type != "Strategic developments"


@pytest.mark.parametrize("act", [
    # its own day
    "Le lendemain, des hommes armés ont pillé et incendié le marché de Kaura Namoda.",
    # new hands, brought in by an indefinite determiner
    "Après le départ de l'armée, des jeunes du village voisin ont pillé les magasins.",
])
def test_a_raid_act_with_its_own_day_or_doers_is_another_event(act: str) -> None:
    attack = ("Jeudi, des jihadistes ont attaqué un poste de l'armée à Tillabéri, au Niger. "
              "Les combats ont fait huit morts parmi les soldats.")
    ms = one(f"{attack}\n\n{act}")
    assert len(ms) == 2
    assert ms[0].sub_event_type == "Armed clash"
    assert "pillé" in ms[1].evidence[0].text


def test_an_attack_told_after_an_abduction_is_not_folded_into_it() -> None:
    text = ("Lundi, des combattants ont enlevé deux bergers dans le désert, au centre de la "
            "Syrie. Ils ont ensuite tendu une embuscade à une patrouille de l'armée, tuant "
            "cinq soldats.")
    types = sorted(m.event_type for m in one(text))
    assert types == ["Battles", "Violence against civilians"]


@pytest.mark.parametrize(("told", "later", "fits"), [
    ("suicide", "looting", True),
    ("abduction", "looting", True),
    ("overtake", "looting", True),
    ("battle", "abduction", False),  # abducting civilians is coded apart from a battle
    ("vac", "looting", True),
    ("abduction", "battle", False),  # one way only: the act follows the attack
    ("air", "looting", False),  # a strike from the air takes no loot
    ("shelling", "abduction", False),
])
def test_raid_acts_fit_ground_attacks_one_way(told: str, later: str, fits: bool) -> None:
    assert compatible_types(told, later, same_sentence=False) is fits


@pytest.mark.parametrize("where", [
    "à la limite avec le Sud-Kivu",
    "aux confins du Sud-Kivu",
    "dans une zone limitrophe du Sud-Kivu",
])
def test_the_attack_told_again_by_a_boundary_is_the_same_attack(where: str) -> None:
    text = ("Des rebelles ont tué neuf civils dimanche lors d'une attaque dans la province du "
            "Nord-Kivu, dans l'est de la République démocratique du Congo.\n\n"
            f"L'attaque s'est produite dans des champs, {where}, selon un élu local.")
    ms = one(text)
    assert [m.location.admin1 if m.location else None for m in ms] == ["CD-NK"]

