"""Provinces the text states, far reference towns and French forms of unit names.

Sentences written for these tests in the style of agency dispatches (no article text).
"""

from __future__ import annotations

import pytest
from tests.test_place_phrases import _named

from eventcoder.normalize.place_distance import distance_km
from eventcoder.normalize.places import find_places

# French press forms of Sudan's states: "Kordofan-Ouest", "Sud-Darfour", "Kordofan occidental".
UNIT_FORMS = [
    ("Au Soudan, des frappes ont visé l'Etat du Kordofan-Ouest samedi.", "Kordofan-Ouest",
     "SD-GK"),
    ("Au Soudan, des combats ont éclaté au Darfour-Nord mardi.", "Darfour-Nord", "SD-DN"),
    ("Au Soudan, les paramilitaires ont pris une ville du Sud-Darfour.", "Sud-Darfour",
     "SD-DS"),
    ("Au Soudan, l'armée a bombardé des positions dans le Kordofan occidental.",
     "Kordofan occidental", "SD-GK"),
    ("Au Soudan, un drone a frappé la capitale du Darfour-Est lundi.", "Darfour-Est", "SD-DE"),
    ("Au Soudan, des milliers de civils ont fui le Kordofan méridional.", "Kordofan méridional",
     "SD-KS"),
]


@pytest.mark.parametrize(("text", "surface", "admin1"), UNIT_FORMS)
def test_french_forms_of_unit_names(text: str, surface: str, admin1: str) -> None:
    m = _named(text, surface)
    assert (m.kind, m.location.admin1) == ("admin1", admin1)


# After "la région de", a name a vowel off from one of the country's regions is that region.
MISSPELT_AFTER_CUE = [
    ("Des hommes armés ont attaqué un poste dans la région de Koulikouro, au Mali.",
     "Koulikouro", "ML-2"),
    ("Des jihadistes ont tué trois civils dans la région de Tombuctou, au Mali.", "Tombuctou",
     "ML-6"),
    ("Un convoi a sauté sur une mine dans la province du Yatinga, au Burkina Faso.", "Yatinga",
     "BF-10"),
]


@pytest.mark.parametrize(("text", "surface", "admin1"), MISSPELT_AFTER_CUE)
def test_misspelt_unit_after_an_admin_cue(text: str, surface: str, admin1: str) -> None:
    assert _named(text, surface).location.admin1 == admin1


def test_misspelt_name_without_a_cue_stays_unknown() -> None:
    found = find_places("Le notable Koulikouro a reçu les habitants au Mali.")
    assert [m.text for m in found] == ["Mali"]


# A reference town far away is a bearing: the country only; a near one keeps its province.
DISTANCES = [
    ("Une frappe a touché un marché à 250 km au nord de Niamey, au Niger.", "Niamey", None, 3),
    ("Un camp situé à environ 180 kilomètres à l'ouest de Gao a été attaqué, au Mali.", "Gao",
     None, 3),
    ("Une frappe a touché un marché à 20 km au nord de Niamey, au Niger.", "Niamey", "NE-8", 2),
    ("Une embuscade a eu lieu à une trentaine de kilomètres de Gao, au Mali.", "Gao", "ML-7",
     2),
    ("Une embuscade a eu lieu à une centaine de kilomètres de Gao, au Mali.", "Gao", "ML-7", 2),
    ("Des tirs ont été entendus près de Gao, au Mali.", "Gao", "ML-7", 2),
]


@pytest.mark.parametrize(("text", "town", "admin1", "precision"), DISTANCES)
def test_far_reference_town_gives_the_country_only(text: str, town: str, admin1: str | None,
                                                   precision: int) -> None:
    m = _named(text, town)
    assert m.kind == "relative"
    assert (m.location.country is not None, m.location.admin1, m.location.geo_precision) == (
        True, admin1, precision)


def test_far_reference_leaves_the_stated_region() -> None:
    text = ("Une base située à quelque 300 kilomètres à l'est de Mopti, dans la région de Gao, "
            "a été attaquée au Mali.")
    assert [m.location.admin1 for m in find_places(text) if m.kind != "country"] == [
        None, "ML-7"]


@pytest.mark.parametrize(("text", "km"), [
    ("à 45 km au sud de", 45.0), ("à environ 2,5 kilomètres de", 2.5),
    ("à une cinquantaine de kilomètres de", 50.0), ("à des centaines de kilomètres de", 200.0),
    ("au nord de", None)])
def test_distance_before_a_reference(text: str, km: float | None) -> None:
    phrase = text + " Tahoua"
    assert distance_km(phrase, len(text), len(text) + 1, "fr") == km


# The unit stated after a list of towns holds each of them; a town the gazetteer files in
# the next unit keeps its own point.
def test_unit_stated_after_a_list_of_towns() -> None:
    text = ("Au Soudan, des drones ont frappé les marchés d'Abou Zabad et d'Al-Nuhud, dans "
            "l'Etat du Kordofan-Ouest, samedi.")
    towns = [m for m in find_places(text) if m.kind == "place"]
    assert [(m.location.admin1, m.location.geo_precision) for m in towns] == [
        ("SD-GK", 1), ("SD-GK", 1)]
    assert towns[0].location.place == "Abū Zabad"


def test_unit_stated_after_an_unknown_second_town() -> None:
    text = ("Au Soudan, les localités d'Abou Zabad, de Sinout et de Bir Tamr, dans le Kordofan "
            "occidental, ont été bombardées.")
    assert _named(text, "Abou Zabad").location.admin1 == "SD-GK"


def test_far_homonym_takes_the_stated_unit_without_its_point() -> None:
    text = "Au Mali, des hommes armés ont attaqué Douentza, dans la région de Kayes, lundi."
    loc = _named(text, "Douentza").location
    assert (loc.admin1, loc.place, loc.geo_precision) == ("ML-1", None, 2)


# A road named by its towns starts at the first one: the event is coded there, near it.
ROADS = [
    ("Au Mali, un convoi a sauté sur une mine sur l'axe Gao-Ansongo lundi.", "Gao", "ML-7"),
    ("Au Burkina Faso, des hommes armés ont tendu une embuscade sur la route Kaya-Dori.",
     "Kaya", "BF-05"),
    ("Au Mali, le tronçon Tombouctou-Goundam a été miné.", "Tombouctou", "ML-6"),
    ("Au Mali, des tirs ont visé un camion entre les villes, à Gao-Ansongo.", "Gao", "ML-7"),
]


@pytest.mark.parametrize(("text", "town", "admin1"), ROADS)
def test_road_named_by_its_towns(text: str, town: str, admin1: str) -> None:
    towns = [m for m in find_places(text) if m.kind == "place"]
    assert [(m.text, m.location.admin1, m.location.geo_precision) for m in towns] == [
        (town, admin1, 2)]


@pytest.mark.parametrize("text", [
    "Au Mali, un camion a été attaqué sur la route Zorbokoulou-Gao.",
    "Au Mali, le chef Zorbokoulou-Gao a parlé.",
])
def test_road_from_an_unknown_town_gives_no_place(text: str) -> None:
    assert [m.kind for m in find_places(text)] == ["country"]
