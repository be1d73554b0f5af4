"""Second round of place phrases: routes, titled persons, stated provinces, unknown towns.

Sentences written for these tests in the style of agency dispatches (no article text).
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.normalize import place_roles as roles
from eventcoder.normalize import place_sites
from eventcoder.normalize.places import PlaceMatch, country_of_text, find_places
from eventcoder.schema import PubDate

MON = PubDate(date(2023, 3, 6), date(2023, 3, 6), "day")  # a Monday


def _named(text: str, surface: str) -> PlaceMatch:
    hits = [m for m in find_places(text) if surface in m.text]
    assert hits, f"{surface!r} not found in {[m.text for m in find_places(text)]}"
    return hits[0]


@pytest.mark.parametrize(("text", "name"), [
    ("Un convoi de l'armée malienne en direction du Niger a été attaqué dans la région de "
     "Gao.", "Niger"),
    ("Un camion à destination de Tombouctou a sauté sur une mine près de Douentza, au Mali.",
     "Tombouctou"),
    ("Les assaillants se sont enfuis vers le Niger après l'attaque du poste de Labbezanga, "
     "au Mali.", "Niger"),
    ("Une colonne de véhicules en route vers Kidal a été prise pour cible au Mali.", "Kidal"),
])
def test_destinations_are_not_event_places(text: str, name: str) -> None:
    m = _named(text, name)
    assert m.role == roles.DIRECTION and not m.is_location
    assert country_of_text(text) == "ML"


def test_a_region_after_a_destination_stays_the_event_place() -> None:
    text = ("Quatre soldats maliens ont été tués mardi dans l'embuscade d'un convoi en direction "
            "du Niger, dans la région de Ménaka (nord-est), selon un élu.")
    m = _named(text, "Ménaka")
    assert (m.location.country, m.location.admin1, m.role) == ("ML", "ML-9", roles.LOCATIVE)
    assert country_of_text(text) == "ML"


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Mali : deux soldats tués dans une embuscade près du Niger. L'armée malienne a confirmé "
     "l'attaque dans la région de Gao.", "près du Niger", "ML"),
    ("Des soldats nigériens ont été tués non loin du Mali, dans la région de Tillabéri.",
     "non loin du Mali", "NE"),
])
def test_near_a_foreign_country_is_the_articles_country(text: str, phrase: str,
                                                         country: str) -> None:
    m = _named(text, phrase)
    assert (m.text, m.location.country, m.kind) == (phrase, country, "country")


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Le gouverneur de la province de Cabo Delgado, Valige Tauabo, a annoncé l'attaque. "
     "Mme Pemba a confirmé que des maisons avaient été incendiées à Mocímboa da Praia.",
     "Pemba", "Mocímboa da Praia"),
    ("Selon le secrétaire d'État de la province de Manica, Ana Gondola, trois civils ont été "
     "tués à Chimoio. Mme Gondola n'a pas donné d'autre détail.", "Gondola", "Chimoio"),
    ("Le général Kumbu Ngoma a annoncé que l'armée avait repris Rutshuru, au Nord-Kivu.",
     "Ngoma", "Rutshuru"),
    ("M. Gondola, porte-parole de la police, a indiqué que l'attaque avait eu lieu à Beira, "
     "au Mozambique.", "Gondola", "Beira"),
])
def test_titled_persons_are_not_places(text: str, absent: str, present: str) -> None:
    names = [m.text for m in find_places(text)]
    assert not any(absent in n for n in names), names
    assert any(present in n for n in names), names


def test_a_titled_surname_is_still_a_town_after_a_locative_word() -> None:
    text = ("Mme Pemba, gouverneure, s'est rendue à Pemba, dans la province de Cabo Delgado, "
            "au Mozambique, après l'attaque.")
    hits = [m for m in find_places(text) if m.text == "Pemba"]
    assert len(hits) == 1 and hits[0].location.admin1 == "MZ-P"


@pytest.mark.parametrize(("text", "admin1"), [
    ("Des miliciens ont attaqué un camp dans le territoire de Djugu en Ituri, dans l'est de la "
     "RDC. Le président de la société civile du territoire de Djugu a confirmé.", "CD-IT"),
    ("Des hommes armés ont tué cinq civils à Beni dans le Nord-Kivu, en RDC. À Beni, la "
     "population a manifesté.", "CD-NK"),
])
def test_a_stated_province_holds_for_each_mention_of_the_town(text: str, admin1: str) -> None:
    towns = [m for m in find_places(text) if m.kind == "place"]
    assert len(towns) == 2 and {m.location.admin1 for m in towns} == {admin1}


@pytest.mark.parametrize(("text", "name"), [
    ("Vendredi, sept soldats ont été tués à Baarweyn, ville du centre du pays.", "Baarweyn"),
    ("Les assaillants ont incendié le village de Ouarkabé lundi.", "Ouarkabé"),
    ("Le camp a été attaqué à Kwandibé, une localité proche de la frontière.", "Kwandibé"),
])
def test_unknown_towns_the_text_calls_towns(text: str, name: str) -> None:
    found = place_sites.unknown_towns(text, 0, len(text), find_places(text), "fr")
    assert [text[a:b] for a, b in found] == [name]


@pytest.mark.parametrize("text", [
    "Le porte-parole a déclaré à Reuters que trois soldats avaient été tués.",
    "Trois soldats ont été tués à Mogadiscio, a indiqué la police.",
])
def test_no_unknown_town_without_a_town_word(text: str) -> None:
    assert place_sites.unknown_towns(text, 0, len(text), find_places(text), "fr") == []


def test_an_event_at_an_unknown_town_does_not_borrow_the_previous_place(nlp_fr) -> None:  # noqa: F811
    ms = one("Dimanche, un kamikaze a tué six civils à Mogadiscio, a annoncé la police "
             "somalienne.\n\nVendredi, sept soldats ont été tués dans une attaque contre un camp "
             "militaire à Baarweyn, ville du centre du pays.", MON)
    assert len(ms) == 2
    assert ms[0].location.admin1 == "SO-BN"
    assert (ms[1].location.country, ms[1].location.admin1) == ("SO", None)


@pytest.mark.parametrize(("text", "name"), [
    ("Selon l'organisation, basée au Royaume-Uni, huit soldats ont été tués dans l'est de la "
     "Syrie.", "Royaume-Uni"),
    ("L'ONG, basée en France, affirme que des villageois ont été tués près de Gao, au Mali.",
     "France"),
])
def test_where_a_source_is_based_is_not_an_event_place(text: str, name: str) -> None:
    m = _named(text, name)
    assert m.role == roles.SPEAKER and not m.is_location


def test_small_town_of_a_country_the_article_never_names_is_no_place() -> None:
    text = ("Au Pakistan, une bombe a explosé mardi à Bara, dans le district de Khyber, "
            "province de Khyber Pakhtunkhwa, tuant trois policiers.")
    assert {m.location.country for m in find_places(text) if m.is_location} == {"PK"}
