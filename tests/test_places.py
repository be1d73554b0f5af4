"""Place matching: a table of names, sentences with offsets, homonyms, false positives, and
the dev articles' gold admin-1 codes (read from ../shared by path, never copied)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventcoder.normalize import place_roles as roles
from eventcoder.normalize.places import (
    admin1_centroid,
    admin1_name,
    country_of_text,
    find_places,
    resolve_place,
)
from eventcoder.schema import Location

# name, country hint, expected country, admin1, geo_precision
TABLE = [
    ("Bagdad", "IQ", "IQ", "IQ-BG", 1),
    ("Baghdad", None, "IQ", "IQ-BG", 1),
    ("Mossoul", "IQ", "IQ", "IQ-NI", 1),
    ("Mosul", None, "IQ", "IQ-NI", 1),
    ("Kirkouk", "IQ", "IQ", "IQ-KI", 1),
    ("Arbil", "IQ", "IQ", "IQ-AR", 1),
    ("Erbil", None, "IQ", "IQ-AR", 1),
    ("Nassiriya", "IQ", "IQ", "IQ-DQ", 1),
    ("Nasiriyah", None, "IQ", "IQ-DQ", 1),
    ("Diwaniyah", "IQ", "IQ", "IQ-QA", 1),
    ("Al-Qadisiyya", "IQ", "IQ", "IQ-QA", 3),
    ("Al Qādisīyah", None, "IQ", "IQ-QA", 3),
    ("province d'Al-Qadisiyya", "IQ", "IQ", "IQ-QA", 3),
    ("Salaheddine", "IQ", "IQ", "IQ-SD", 3),
    ("Salah ad Din", None, "IQ", "IQ-SD", 3),
    ("gouvernorat de Salah al-Din", "IQ", "IQ", "IQ-SD", 3),
    ("Ninive", "IQ", "IQ", "IQ-NI", 3),
    ("Anbar", "IQ", "IQ", "IQ-AN", 3),
    ("province de Babel", "IQ", "IQ", "IQ-BB", 3),
    ("Dhi Qar", "IQ", "IQ", "IQ-DQ", 3),
    ("Al-Muthanna", "IQ", "IQ", "IQ-MU", 3),
    ("Ain al-Asad", "IQ", "IQ", "IQ-AN", 1),
    ("Camp Taji", "IQ", "IQ", "IQ-BG", 1),
    ("Zone verte", "IQ", "IQ", "IQ-BG", 1),
    ("place Tahrir", "IQ", "IQ", "IQ-BG", 1),
    ("Jurf al-Sakhar", None, "IQ", "IQ-BB", 1),
    ("Tikrit", "IQ", "IQ", "IQ-SD", 1),
    ("Fallouja", "IQ", "IQ", "IQ-AN", 1),
    ("Deir ez-Zor", "SY", "SY", "SY-DY", 1),
    ("Deir Ezzor", "SY", "SY", "SY-DY", 3),
    ("Al-Tanf", None, "SY", "SY-HI", 1),
    ("Alep", "SY", "SY", "SY-HL", 1),
    ("Tillabéri", "NE", "NE", "NE-6", 1),
    ("région de Tillabéri", "NE", "NE", "NE-6", 3),
    ("Inatès", "NE", "NE", "NE-6", 1),
    ("Tongo Tongo", None, "NE", "NE-6", 1),
    ("Solhan", "BF", "BF", "BF-12", 1),
    ("Djibo", "BF", "BF", "BF-12", 1),
    ("province du Séno", "BF", "BF", "BF-12", 3),
    ("région du Sahel", "BF", "BF", "BF-12", 3),
    ("Gao", "ML", "ML", "ML-7", 1),
    ("Maiduguri", "NG", "NG", "NG-BO", 1),
    ("Zabarmari", None, "NG", "NG-BO", 1),
    ("Borno", "NG", "NG", "NG-BO", 3),
    ("Kandahar", "AF", "AF", "AF-KAN", 1),
    ("Kunduz", None, "AF", "AF-KDZ", 1),
    ("Aden", "YE", "YE", "YE-AD", 1),
    ("Mukalla", None, "YE", "YE-HD", 1),
    ("Mogadiscio", "SO", "SO", "SO-BN", 1),
    ("Kismayo", "SO", "SO", "SO-JH", 1),
]


@pytest.mark.parametrize(("name", "hint", "country", "admin1", "precision"), TABLE)
def test_resolve_table(name: str, hint: str | None, country: str, admin1: str,
                       precision: int) -> None:
    loc = resolve_place(name, hint)
    assert loc is not None
    assert (loc.country, loc.admin1, loc.geo_precision) == (country, admin1, precision)


def test_resolution_carries_coordinates_and_names() -> None:
    town = resolve_place("Kirkouk", "IQ")
    assert town is not None and town.latitude is not None
    assert abs(town.latitude - 35.47) < 0.2 and abs(town.longitude - 44.39) < 0.2
    assert town.admin1_name == "Kirkuk"
    assert admin1_name("IQ-SD") == "Salah ad Din"
    lat, lon = admin1_centroid("IQ-BG") or (0, 0)
    assert 32.5 < lat < 34 and 43.5 < lon < 45


SENTENCE = ("Deux roquettes sont tombées au sud de Bagdad, puis une bombe a visé un convoi "
            "dans la province de Dhi Qar, à 20 km de Nassiriya, en Irak.")


def test_find_places_offsets_and_kinds() -> None:
    got = [(m.text, m.kind, m.location.admin1, m.location.geo_precision)
           for m in find_places(SENTENCE)]
    assert got == [("au sud de Bagdad", "relative", "IQ-BG", 2),
                   ("province de Dhi Qar", "admin1", "IQ-DQ", 3),
                   ("à 20 km de Nassiriya", "relative", "IQ-DQ", 2),
                   ("Irak", "country", None, 3)]
    for m in find_places(SENTENCE):
        assert SENTENCE[m.start:m.end] == m.text


def test_relative_keeps_reference_coordinates() -> None:
    (m,) = find_places("Un tir au nord de la ville de Kirkouk.", "IQ")
    assert m.kind == "relative" and m.location.place == "Kirkuk"
    assert m.location.latitude is not None and m.text == "au nord de la ville de Kirkouk"


def test_border_phrase() -> None:
    """Without a town the border is only the country: a country-level match, which a town
    told later in the story may replace."""
    ms = find_places("L'attaque a eu lieu près de la frontière koweïtienne.", "IQ")
    assert [(m.text, m.kind, m.location.country, m.location.geo_precision) for m in ms] == [
        ("frontière koweïtienne", "country", "IQ", 3)]


def test_border_phrase_near_a_named_town() -> None:
    text = "Un convoi a été visé à Safwan, près de la frontière koweïtienne, mardi."
    (border,) = [m for m in find_places(text, "IQ") if m.text.startswith("frontière")]
    assert border.location.geo_precision == 2
    assert border.location.admin1 == "IQ-BA" and border.location.latitude is not None
    assert abs(border.location.latitude - 30.1) < 0.2  # Safwan's point, not Basra's
    # a town in another sentence is no reference
    other = "Un convoi a été visé à Safwan. Plus tard, des tirs près de la frontière koweïtienne."
    (far,) = [m for m in find_places(other, "IQ") if m.text.startswith("frontière")]
    assert (far.location.geo_precision, far.location.admin1) == (3, None)


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Des gardiens de la révolution islamique en Iran étaient présents à Bagdad.", "Iran",
     roles.ATTRIBUTE),
    ("Des roquettes ont visé l'ambassade des États-Unis à Bagdad.", "États-Unis",
     roles.ATTRIBUTE),
    ("Des factions armées liées à l'Iran ont tiré des roquettes sur Bagdad.", "Iran",
     roles.ATTRIBUTE),
    ("Deux soldats ont été tués en Irak samedi.", "Irak", roles.LOCATIVE),
    ("Washington a annoncé des frappes en Irak.", "Washington", roles.METONYM),
    ("L'Irak accuse Washington de violer sa souveraineté.", "Washington", roles.METONYM),
    ("La coalition dirigée par Washington a frappé Kirkouk.", "Washington", roles.METONYM),
    ("Des négociations entre Washington et les talibans en Irak.", "Washington",
     roles.METONYM),
    ("Le Premier ministre irakien s'est rendu à Washington mardi.", "Washington",
     roles.LOCATIVE),
    ("Bagdad a dénoncé une violation de sa souveraineté en Irak.", "Bagdad", roles.METONYM),
    ("Une roquette est tombée à Bagdad, en Irak.", "Bagdad", roles.LOCATIVE),
    ("Les délégués sont arrivés dans la capitale qatarie, Doha, au Qatar.", "Doha",
     roles.LOCATIVE),
])
def test_roles(text: str, name: str, role: str) -> None:
    (m,) = [m for m in find_places(text) if m.text.endswith(name)]
    assert m.role == role
    assert m.is_location == (role == roles.LOCATIVE)


@pytest.mark.parametrize("text", [
    "Selon l'agence de presse officielle Sana, 25 civils ont été tués en Syrie.",
    "Le site Baghdad Al-Youm a cité un porte-parole en Irak.",
    "Le porte-parole de la coalition en Irak, Vincent Parker, a démenti.",
    "Le président Buhari a condamné l'attaque au Nigeria.",
    "Le chef de la force Al-Qods, un Iranien, a été tué en Irak.",
])
def test_names_that_are_not_places(text: str) -> None:
    assert [m.text for m in find_places(text) if m.kind != "country"] == []


def test_supported_foreign_and_fuzzy_names_are_kept() -> None:
    ms = find_places("Des obus sont tombés sur Alep, en Syrie, puis à Deir Ezzor.", "IQ")
    assert [m.location.admin1 for m in ms if m.kind != "country"] == ["SY-HL", "SY-DY"]
    (m,) = find_places("Une bombe a explosé à Kirkouck mardi.", "IQ")  # misspelt, after "à"
    assert m.location.admin1 == "IQ-KI"


def test_homonyms_follow_country_hint() -> None:
    assert resolve_place("Solhan", "BF").country == "BF"  # type: ignore[union-attr]
    assert resolve_place("Solhan", "TR").country == "TR"  # type: ignore[union-attr]
    assert resolve_place("Tripoli", "LB").country == "LB"  # type: ignore[union-attr]
    assert resolve_place("Tripoli", "LY").country == "LY"  # type: ignore[union-attr]
    iq = find_places("Des roquettes à Bagdad visaient l'ambassade des États-Unis.")
    assert iq[0].location.admin1 == "IQ-BG"


@pytest.mark.parametrize("text", [
    "Le Sud du pays reste calme selon la Ville.",
    "Mort de deux soldats. Selon l'agence, Plus de trente roquettes.",
    "En fin de journée, le Conseil a voté.",
])
def test_no_false_positives(text: str) -> None:
    assert [m for m in find_places(text, "IQ") if m.kind != "country"] == []


def test_country_of_text_ignores_attributes_and_weights_the_lead() -> None:
    text = ("Une frappe a visé un convoi près de l'aéroport de Bagdad. Parmi les morts, un "
            "chef des gardiens de la révolution islamique en Iran. Les gardiens de la "
            "révolution en Iran ont promis une riposte; les dirigeants iraniens et les "
            "alliés de l'Iran ont protesté.")
    assert country_of_text(text) == "IQ"
    lead = "Des jihadistes ont attaqué Djibo, au Burkina Faso. " + "Le Mali et le Niger. " * 2
    assert country_of_text(lead) == "BF"


def test_country_of_text() -> None:
    text = ("L'armée irakienne a repoussé une attaque à Tikrit. Les forces américaines "
            "n'étaient pas présentes. Le gouvernement irakien a condamné l'attaque en Irak.")
    assert country_of_text(text) == "IQ"
    assert country_of_text("Des jihadistes ont attaqué un camp au Niger, près de Tillabéri.") \
        == "NE"


def test_within() -> None:
    from eventcoder.normalize.places import within

    town = resolve_place("Tikrit", "IQ")
    province = resolve_place("Salaheddine", "IQ")
    assert town and province and within(town, province)
    assert within(town, Location(country="IQ"))
    assert not within(town, Location(country="SY"))


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _articles() -> list[Path]:
    return sorted((SHARED / "articles").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


def _gold(path: Path) -> dict | None:  # type: ignore[type-arg]
    gold_path = SHARED / "dev-gold" / f"{path.stem}.gold.json"
    return json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else None


@pytest.mark.skipif(not (SHARED / "dev-gold").is_dir(), reason="shared data absent")
def test_gold_admin1_coverage() -> None:
    """Every gold event's admin-1 (one of its alternatives; None accepts a country-level
    answer) is among the admin-1 units the article names as locations."""
    misses = []
    for path in _articles():
        gold = _gold(path)
        if gold is None:
            continue
        text = path.read_text(encoding="utf-8")
        got = {m.location.admin1 for m in find_places(text) if m.is_location}
        for e in gold["events"]:
            alts = e["location"].get("admin1") or [None]
            alts = alts if isinstance(alts, list) else [alts]
            if None not in alts and not set(alts) & got:
                misses.append((path.stem, alts))
    assert misses == []


@pytest.mark.skipif(not (SHARED / "dev-gold").is_dir(), reason="shared data absent")
def test_gold_country_of_text() -> None:
    for path in _articles():
        gold = _gold(path)
        if gold is None:
            continue
        want = set()
        for e in gold["events"]:
            cc = e["location"]["country"]
            want.update(cc if isinstance(cc, list) else [cc])
        assert country_of_text(path.read_text(encoding="utf-8")) in want, path.stem


# article, a name in it, the role the matcher must give it (None: not matched at all)
ARTICLE_ROLES = [
    ("articles/019.txt", "Sana", None),  # the Syrian news agency, not Yemen's capital
    ("articles/002.txt", "Baghdad Al-Youm", None),  # a news site
    ("articles/036.txt", "Washington", roles.METONYM),
    ("articles/012.txt", "Washington", roles.METONYM),
    ("articles/012.txt", "Etats-Unis", roles.ATTRIBUTE),  # l'ambassade des Etats-Unis
    ("seeds/000_fb11c1f7f53a75f8.txt", "Iran", roles.ATTRIBUTE),
    ("seeds/000_fb11c1f7f53a75f8.txt", "Washington", roles.METONYM),
]


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="shared data absent")
@pytest.mark.parametrize(("rel", "name", "role"), ARTICLE_ROLES)
def test_article_roles(rel: str, name: str, role: str | None) -> None:
    """Every occurrence of ``name`` in the article gets ``role``."""
    text = (SHARED / rel).read_text(encoding="utf-8")
    spans = [m.start() for m in re.finditer(re.escape(name), text)]
    assert spans
    matches = find_places(text)
    for at in spans:
        found = {m.role for m in matches if m.start <= at < m.end}
        assert found == ({role} if role else set()), (at, found)


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="shared data absent")
def test_no_foreign_places_in_single_country_articles() -> None:
    """Every location found in 019 (Syria) is Syrian or Iraqi: nothing in Yemen."""
    text = (SHARED / "articles" / "019.txt").read_text(encoding="utf-8")
    assert {m.location.country for m in find_places(text) if m.is_location} <= {"SY", "IQ"}


@pytest.mark.parametrize(("text", "name", "admin1", "precision"), [
    # a homonym elsewhere loses to the province stated right after the town
    ("Des bandits ont attaqué leur village de Mahuta, dans l'Etat de Katsina, au Nigeria.",
     "village de Mahuta", "NG-KT", 2),
    # a town not known in the stated province: the province, at geo_precision 2
    ("Des élèves ont été enlevés dans leur école de Kagara, dans l'Etat de Zamfara, au "
     "Nigeria.", "Kagara", "NG-ZA", 2),
])
def test_town_is_resolved_inside_its_stated_province(text, name, admin1, precision):
    m = next(m for m in find_places(text) if m.text == name)
    assert (m.location.admin1, m.location.geo_precision) == (admin1, precision)
