"""Place phrases of French conflict reports -> country, admin-1, precision and role.

Sentences written for these tests in the style of agency dispatches (no article text).
"""

from __future__ import annotations

import pytest

from eventcoder.normalize import place_roles as roles
from eventcoder.normalize.places import PlaceMatch, country_of_text, find_places


def _named(text: str, surface: str) -> PlaceMatch:
    hits = [m for m in find_places(text) if surface in m.text]
    assert hits, f"{surface!r} not found in {[m.text for m in find_places(text)]}"
    return hits[0]


# Country names that differ by a word or a hyphen: the longest written name wins.
CONFUSABLE = [
    ("Des rebelles ont attaqué un village en RDC.", "RDC", "CD"),
    ("L'armée de la RD Congo a repoussé les assaillants.", "RD Congo", "CD"),
    ("Des combats ont opposé l'armée aux rebelles en République démocratique du Congo.",
     "République démocratique du Congo", "CD"),
    ("Trois civils ont été tués au Congo-Kinshasa lundi.", "Congo-Kinshasa", "CD"),
    ("Une manifestation a été dispersée au Congo-Brazzaville.", "Congo-Brazzaville", "CG"),
    ("Une manifestation a été dispersée en République du Congo.", "République du Congo",
     "CG"),
    ("Un soldat a été tué en Guinée-Bissau.", "Guinée-Bissau", "GW"),
    ("Un soldat a été tué en Guinée équatoriale.", "Guinée équatoriale", "GQ"),
    ("Un soldat a été tué en Guinée, près de la capitale.", "Guinée", "GN"),
    ("Des affrontements ont eu lieu au Soudan du Sud.", "Soudan du Sud", "SS"),
    ("Des affrontements ont eu lieu au Sud-Soudan.", "Sud-Soudan", "SS"),
    ("Des affrontements ont eu lieu au Soudan, au Darfour.", "Soudan", "SD"),
    ("Des jihadistes ont attaqué un poste au Niger.", "Niger", "NE"),
    ("Des jihadistes ont attaqué un poste au Nigeria.", "Nigeria", "NG"),
    ("Des jihadistes ont attaqué un poste au Nigéria.", "Nigéria", "NG"),
]


@pytest.mark.parametrize(("text", "surface", "country"), CONFUSABLE)
def test_confusable_country_names(text: str, surface: str, country: str) -> None:
    m = _named(text, surface)
    assert m.text == surface and m.kind == "country"
    assert m.location.country == country and country_of_text(text) == country


@pytest.mark.parametrize(("text", "country"), [
    ("Des rebelles ont tué dix civils au Congo, près de Beni, dans le Nord-Kivu.", "CD"),
    ("La police a dispersé une marche au Congo, à Brazzaville et à Pointe-Noire.", "CG"),
])
def test_bare_congo_follows_the_article(text: str, country: str) -> None:
    assert _named(text, "Congo").location.country == country


# (sentence, phrase, country, admin1, geo_precision)
PHRASES = [
    # relative to a town: precision 2 at the town, with its province
    ("Des hommes armés ont tué deux civils au nord de Mopti.", "Mopti", "ML", "ML-5", 2),
    ("Le poste militaire est situé à 52 km de Koro, au Mali.", "Koro", "ML", "ML-5", 2),
    ("Le poste attaqué se trouve à 52 km de #Koro (#Mopti), au Mali.", "Koro", "ML", "ML-5", 2),
    ("Une mine a explosé à une vingtaine de kilomètres de Djibo, au Burkina Faso.", "Djibo",
     "BF", "BF-12", 2),
    ("Les assaillants ont frappé dans le nord-est de Maiduguri, au Nigeria.", "Maiduguri",
     "NG", "NG-BO", 2),
    # admin-1 cues, with and without accents, with "de" or "du"
    ("Boko Haram a attaqué un village dans l'Etat de Borno, au Nigeria.", "Borno", "NG",
     "NG-BO", 3),
    ("Boko Haram a attaqué un village dans l'État de Borno, au Nigeria.", "Borno", "NG",
     "NG-BO", 3),
    ("Boko Haram a attaqué un village dans l'Etat du Borno, au Nigeria.", "Borno", "NG",
     "NG-BO", 3),
    ("Une embuscade a visé l'armée dans la région de Tillabéri, au Niger.", "Tillabéri", "NE",
     "NE-6", 3),
    ("Une embuscade a visé l'armée dans la province du Soum, au Burkina Faso.", "Soum", "BF",
     "BF-12", 3),
    # a second-level unit named after its town: the town's province, precision 2
    ("Une embuscade a visé l'armée dans le cercle de Bandiagara, au Mali.", "Bandiagara",
     "ML", "ML-5", 2),
    ("Des civils ont été tués dans le département de Tillia, au Niger.", "Tillia", "NE",
     "NE-5", 2),
    ("Une attaque a eu lieu dans le territoire de Beni, en RDC.", "Beni", "CD", "CD-NK", 2),
    # a part of a country: a capitalised region name is the region, a direction is not
    ("Des jihadistes ont attaqué un convoi dans l'Est du Burkina Faso.", "Est du Burkina",
     "BF", "BF-08", 3),
    ("Boko Haram a attaqué un village dans l'Extrême-Nord du Cameroun.", "Extrême-Nord",
     "CM", "CM-EN", 3),
    ("Des jihadistes ont attaqué un convoi dans l'est du Burkina Faso.", "est du Burkina",
     "BF", None, 3),
    ("Des jihadistes ont attaqué un convoi dans le nord du Burkina Faso.", "nord du Burkina",
     "BF", None, 3),
    ("Des soldats ont été tués dans le centre du Mali.", "centre du Mali", "ML", None, 3),
    ("Au Burkina Faso, une attaque a visé un convoi dans le Centre-Est du pays.",
     "Centre-Est", "BF", "BF-04", 3),
    ("Au Burkina Faso, des soldats ont été tués dans la région de la Boucle du Mouhoun.",
     "Boucle du Mouhoun", "BF", "BF-01", 3),
    ("Au Burkina Faso, des civils ont été tués dans la région des Cascades.", "Cascades",
     "BF", "BF-02", 3),
    ("Au Burkina Faso, une attaque a visé un convoi dans la région de l'Est.", "Est", "BF",
     "BF-08", 3),
    ("Au Burkina Faso, une attaque a visé un convoi dans la région du Nord.", "Nord", "BF",
     "BF-10", 3),
]


@pytest.mark.parametrize(("text", "surface", "country", "admin1", "precision"), PHRASES)
def test_place_phrases(text: str, surface: str, country: str, admin1: str | None,
                       precision: int) -> None:
    loc = _named(text, surface).location
    assert (loc.country, loc.admin1, loc.geo_precision) == (country, admin1, precision)


def test_lower_case_direction_of_the_country_adds_nothing() -> None:
    """"dans le sud-ouest du pays" is the article's country, which the engine already has."""
    text = "Au Burkina Faso, des hommes armés ont attaqué un village dans le sud-ouest du pays."
    assert [m.text for m in find_places(text)] == ["Burkina Faso"]


def test_border_near_a_named_town() -> None:
    text = ("Des hommes armés ont attaqué un poste près de la frontière nigérienne, à 30 km de "
            "Ménaka, dans le nord-est du Mali.")
    border = _named(text, "frontière")
    assert border.location.country == "ML" and border.location.admin1 == "ML-9"
    assert border.location.geo_precision == 2


# (sentence, the speaker's place, the event's place)
SPEAKERS = [
    ("« Nous avons été attaqués », a déclaré à l'AFP un élu local joint depuis Dori. Des "
     "hommes armés ont tué dix civils à Sebba, au Burkina Faso.", "Dori", "Sebba"),
    ("Joint par téléphone à Ouagadougou, un responsable a indiqué que l'attaque avait eu lieu "
     "à Djibo.", "Ouagadougou", "Djibo"),
    ("Un responsable à Bamako a confirmé l'attaque de Ménaka, au Mali.", "Bamako", "Ménaka"),
    ("Une source sécuritaire jointe à Niamey a fait état de douze morts à Tillia.", "Niamey",
     "Tillia"),
    ("Un élu local contacté par l'AFP à Kaya a confirmé l'attaque de Kongoussi.", "Kaya",
     "Kongoussi"),
]


@pytest.mark.parametrize(("text", "speaker", "event"), SPEAKERS)
def test_speakers_places_are_not_event_places(text: str, speaker: str, event: str) -> None:
    s, e = _named(text, speaker), _named(text, event)
    assert s.role == roles.SPEAKER and not s.is_location
    assert e.role == roles.LOCATIVE and e.is_location
    assert s.location.country == e.location.country


@pytest.mark.parametrize("text", [
    "Un responsable local a été tué à Djibo, au Burkina Faso.",
    "Les sources sécuritaires ont fait état d'une attaque à Djibo, au Burkina Faso.",
    "Deux élus enlevés à Djibo ont été libérés, au Burkina Faso.",
])
def test_victims_places_stay_locative(text: str) -> None:
    assert _named(text, "Djibo").role == roles.LOCATIVE


@pytest.mark.parametrize(("country", "locative"), [("SO", True), ("MA", False), (None, True)])
def test_apposition_names_a_place_of_its_own_country(country: str | None,
                                                      locative: bool) -> None:
    """"le porte-parole de la capitale somalienne, Salah Hassan": a person, not Salé."""
    text = "a précisé le porte-parole de la capitale somalienne, Salah"
    rc = roles.role_cues("fr")
    assert roles.is_locative(text, text.index("Salah"), rc, country) is locative


# A town the gazetteer lacks, located by the text: (sentence, unknown name, country, admin1)
SITES = [
    ("Les soldats ont été attaqués à Kouloungou par des hommes armés. Ce poste est situé à "
     "40 km de Koro, au Mali.", "Kouloungou", "ML", "ML-5"),
    ("Des jihadistes ont tué six civils à Tamboudé, une localité située à une trentaine de "
     "kilomètres de Djibo, au Burkina Faso.", "Tamboudé", "BF", "BF-12"),
    ("L'attaque a visé le village de Ngarbéli, qui se trouve au nord de Diffa, au Niger.",
     "Ngarbéli", "NE", "NE-2"),
]


@pytest.mark.parametrize(("text", "name", "country", "admin1"), SITES)
def test_unknown_town_takes_the_stated_location(text: str, name: str, country: str,
                                                admin1: str) -> None:
    hits = [m for m in find_places(text) if m.text == name]
    assert hits, [m.text for m in find_places(text)]
    loc = hits[0].location
    assert (loc.country, loc.admin1, loc.geo_precision, loc.place) == (country, admin1, 2, None)
    assert loc.latitude is not None and hits[0].kind == "relative"


@pytest.mark.parametrize("text", [
    # a known town in between is what the phrase describes
    "Les soldats ont été attaqués à Kouloungou. Le camp de Koro est situé à 40 km de Mopti.",
    # no locating verb: the phrase says where something else happened
    "Des hommes armés sont arrivés à Kouloungou. Ils ont tué deux bergers au nord de Koro.",
])
def test_unknown_town_stays_unplaced_without_a_locating_phrase(text: str) -> None:
    assert "Kouloungou" not in [m.text for m in find_places(text)]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Des militaires envoyés en renfort de Niamey ont poursuivi les assaillants à Tillia.",
     "Niamey", roles.ORIGIN),
    ("Des hommes armés venus de Ménaka ont attaqué le village de Tessit, au Mali.", "Ménaka",
     roles.ORIGIN),
    ("Aucun communiqué des autorités de Niamey ne mentionnait l'attaque de Tillia.", "Niamey",
     roles.ATTRIBUTE),
    ("Le gouvernement de Bamako a condamné l'attaque de Tessit, au Mali.", "Bamako",
     roles.ATTRIBUTE),
    ("Le chef du village de Tessit a été tué lors de l'attaque, au Mali.", "Tessit",
     roles.LOCATIVE),
])
def test_origins_and_governments_are_not_event_places(text: str, name: str, role: str) -> None:
    m = _named(text, name)
    assert m.role == role and m.is_location is (role == roles.LOCATIVE)


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    # a misspelt multi-word region, in an article that names its country only by its towns
    ("Selon le gouverneur de la région de la Boucle du Mohoun, l'attaque a fait 20 morts. "
     "La province du Yatenga a aussi été visée.", "Boucle du Mohoun", "BF-01"),
    ("Des hommes armés ont attaqué la commune rurale de Djibo, au Burkina Faso.", "Djibo",
     "BF-12"),
])
def test_misspelt_regions_and_rural_communes(text: str, surface: str, admin1: str) -> None:
    assert _named(text, surface).location.admin1 == admin1


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Selon le colonel magistrat Kumbu Ngoma, six civils ont été tués à Beni, en RDC.",
     "Ngoma", "Beni"),
    ("Le porte-parole Abdou Tillabéri a parlé. Des hommes armés ont attaqué Mopti, au Mali.",
     "Tillabéri", "Mopti"),
])
def test_surnames_after_a_given_name_are_not_towns(text: str, absent: str,
                                                   present: str) -> None:
    found = [m.text for m in find_places(text)]
    assert present in found and not any(absent in f for f in found)


def test_a_town_after_a_sentence_start_or_cue_is_kept() -> None:
    text = "Des combats ont eu lieu à Beni. Goma est calme, en RDC, dans la ville de Goma."
    assert [m.location.place for m in find_places(text) if m.kind == "place"] == [
        "Beni", "Goma", "Goma"]


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    ("Une attaque a visé un bus à Ahvaz, dans le sud-ouest de l'Iran.", "Ahvaz", "IR-06"),
    ("Des manifestations ont eu lieu dans la province de Téhéran, en Iran.", "Téhéran",
     "IR-23"),
    ("Des manifestants ont été arrêtés à Chiraz, en Iran.", "Chiraz", "IR-07"),
    ("Un attentat a frappé Zahedan, dans le Sistan-Baloutchistan, en Iran.",
     "Sistan-Baloutchistan", "IR-11"),
])
def test_iranian_places_take_current_iso_codes(text: str, surface: str, admin1: str) -> None:
    assert _named(text, surface).location.admin1 == admin1
