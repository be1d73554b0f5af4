"""Invented multi-paragraph dispatches (AFP/Reuters/RFI style, several countries) with the
events a coder would draw from them: a guard against rules fitted to the dev articles.
Each row: text, then per expected event (event type, first day, admin1, fatalities)."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.schema import PubDate

THU = PubDate(date(2020, 12, 3), date(2020, 12, 3), "day")  # a Thursday
B, V, E = "Battles", "Violence against civilians", "Explosions/Remote violence"

DISPATCHES = [
    ("Au moins onze soldats nigériens ont été tués mercredi soir dans l'attaque de leur "
     "position à Tiloua, dans la région de Tillabéri, par un groupe d'individus armés, ont "
     "indiqué jeudi des sources concordantes à Niamey.\n\nDes militaires envoyés en renfort "
     "sont partis à la poursuite des assaillants. Quatre autres véhicules ont été brûlés par "
     "les assaillants.",
     [(B, date(2020, 12, 2), "NE-6", 11)]),
    ("Des bandits armés ont attaqué mardi le village de Kadji, dans la région de Tillabéri, au "
     "Niger, tuant sept villageois, a-t-on appris mercredi de source locale.\n\nDepuis le début "
     "de l'année, les attaques contre les civils se sont multipliées dans l'ouest du pays, "
     "avec plus de 300 morts dans une dizaine d'attaques.",
     [(V, date(2020, 12, 1), "NE-6", 7)]),
    ("Une roquette s'est abattue samedi sur la Zone verte à Bagdad, en Irak, sans faire de "
     "victimes, selon les services de sécurité.\n\nUne roquette du même modèle est par ailleurs "
     "tombée samedi près de l'ambassade américaine, sans faire de dégâts.",
     [(E, date(2020, 11, 28), "IQ-BG", 0), (E, date(2020, 11, 28), "IQ-BG", None)]),
    ("Les islamistes radicaux shebab ont attaqué mardi une base de l'armée somalienne à "
     "Mogadiscio. Le groupe affirme avoir tué 40 soldats.\n\nSelon un officier de l'armée, "
     "six soldats ont été tués dans l'assaut.",
     [(B, date(2020, 12, 1), "SO-BN", 6)]),
    ("Des combattants de Boko Haram ont attaqué lundi le village de Gajiram, dans l'Etat de "
     "Borno, au Nigeria, tuant dix villageois, selon un chef local.\n\nLe groupe jihadiste, "
     "actif depuis 2009, a fait des milliers de morts dans le nord-est du pays.",
     [(V, date(2020, 11, 30), "NG-BO", 10)]),
    ("Au moins 40 élèves ont été enlevés vendredi par des hommes armés dans leur école de "
     "Kagara, dans l'Etat de Zamfara, au Nigeria, ont annoncé samedi les autorités.",
     [(V, date(2020, 11, 27), "NG-ZA", None)]),
    ("Des jihadistes de l'EIGS ont tendu dimanche une embuscade à une patrouille de l'armée "
     "malienne près de Ménaka, tuant quatre soldats, a annoncé lundi l'armée dans un "
     "communiqué publié à Bamako.",
     [(B, date(2020, 11, 29), "ML-9", 4)]),  # Ménaka: ML-9 since 2016
    ("Un kamikaze s'est fait exploser jeudi dans un marché de Kaboul, en Afghanistan, tuant au "
     "moins douze civils, a indiqué le ministère de l'Intérieur. Un bilan précédent faisait "
     "état de cinq morts.",
     [(E, date(2020, 12, 3), "AF-KAB", 12)]),
    ("Des frappes aériennes de la coalition ont visé mercredi des positions des Houthis dans la "
     "province de Saada, au Yémen, selon des témoins.\n\nDans un incident distinct, des "
     "affrontements ont éclaté mardi entre les forces gouvernementales et les rebelles dans la "
     "province de Marib, faisant huit morts.",
     [(B, date(2020, 12, 1), "YE-MA", 8), (E, date(2020, 12, 2), "YE-SD", None)]),
    ("Cinq civils ont été tués dimanche dans la province du Loroum, dans le nord du Burkina "
     "Faso, par des hommes armés, a-t-on appris lundi de sources sécuritaires.\n\nDepuis 2015, "
     "les forces armées burkinabè sont régulièrement endeuillées par des attaques "
     "jihadistes.",
     [(V, date(2020, 11, 29), "BF-10", 5)]),
    ("Des hommes armés ont attaqué jeudi un poste de police à Beni, dans la province du "
     "Nord-Kivu, en République démocratique du Congo, tuant deux policiers.\n\nL'attaque n'a "
     "pas été revendiquée.",
     [(B, date(2020, 12, 3), "CD-NK", 2)]),
    ("L'armée camerounaise a annoncé mardi avoir tué quinze combattants de Boko Haram lors "
     "d'affrontements près de Mora, dans la région de l'Extrême-Nord.",
     [(B, date(2020, 12, 1), "CM-EN", 15)]),
]


@pytest.mark.parametrize(("text", "expected"), DISPATCHES,
                         ids=[f"dispatch{i}" for i in range(len(DISPATCHES))])
def test_dispatch(text, expected):  # type: ignore[no-untyped-def]
    ms = one(text, THU)
    got = [(m.event_type, m.date.start if m.date else None, m.location.admin1, m.fatalities)
           for m in ms]
    assert sorted(got, key=lambda g: (g[1], g[2])) == expected
    for m in ms:  # every field keeps its evidence
        assert "event_type" in m.fields and m.evidence
