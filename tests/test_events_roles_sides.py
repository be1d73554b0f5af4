"""Actor rules, on sentences written for these tests: a claim told in a
relative clause on the event noun, "les séparatistes" of a country with one separatist
movement, the armed side of a battle that also killed civilians, the victims of a clause
set inside an ambush, and whom an ambush was laid for ("tendre une embuscade à")."""

from __future__ import annotations

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401  (session fixture)

from eventcoder.normalize import actors

AMBA = "Ambazonian Separatists"


def _coded(text: str) -> tuple[str, str, str | None]:
    ms = one(text)
    assert ms, text
    m = ms[0]
    return m.event_type, m.actor1.name, (m.actor2.name if m.actor2 else None)


@pytest.mark.parametrize("text,actor1", [
    # "l'attentat, qui a été revendiqué par X": the relative pronoun stands for the attack
    ("Samedi, cinq soldats ont été tués près de Baidoa, dans le sud de la Somalie, dans un "
     "attentat à la voiture piégée, qui a été revendiqué par les Shebab.", "Al Shabaab"),
    ("Lundi, une embuscade, qui a ensuite été revendiquée par l'État islamique au Grand "
     "Sahara, a coûté la vie à quatre soldats nigériens près de Tillabéri.",
     "Islamic State (Greater Sahara)"),
    # a relative clause that claims nothing names no one
    ("Samedi, cinq soldats ont été tués près de Baidoa, dans le sud de la Somalie, dans un "
     "attentat à la voiture piégée, qui a fait également dix blessés.",
     "Unidentified Armed Group (Somalia)"),
])
def test_claim_in_a_relative_clause(text: str, actor1: str) -> None:
    assert _coded(text)[1] == actor1


@pytest.mark.parametrize("noun,country,name", [
    ("des séparatistes armés", "CM", AMBA),
    ("les sécessionnistes", "CM", AMBA),
    ("les séparatistes", "YE", "STC: Southern Transitional Council"),
    ("des séparatistes armés", "ML", "Unidentified Armed Group (Mali)"),
    ("des séparatistes", None, "Unidentified Armed Group"),
])
def test_separatists_by_country(noun: str, country: str | None, name: str) -> None:
    assert actors.resolve_actor(noun, "fr", country).name == name


@pytest.mark.parametrize("text,actor1", [
    ("Dimanche, des séparatistes armés ont attaqué un poste de gendarmerie à Kumbo, dans le "
     "Nord-Ouest du Cameroun, tuant deux gendarmes.", AMBA),
    ("Une attaque de séparatistes a fait deux morts lundi près de Bamenda, dans l'ouest du "
     "Cameroun, selon une source militaire.", AMBA),
    ("Jeudi, des sécessionnistes ont enlevé un enseignant à Buea, dans le Sud-Ouest du "
     "Cameroun.", AMBA),
    # the same words in a country without one separatist movement in the base
    ("Dimanche, des séparatistes armés ont attaqué un poste de police à Tessalit, dans le "
     "nord du Mali, tuant deux policiers.", "Unidentified Armed Group (Mali)"),
])
def test_separatists_in_events(text: str, actor1: str) -> None:
    assert _coded(text)[1] == actor1


@pytest.mark.parametrize("text,coded", [
    # a raid that killed villagers and then fought troops: the troops are the other side
    ("Mardi, des jihadistes ont attaqué le village de Mbau, dans le nord du Mozambique, où ils "
     "ont tué trois habitants, puis ont livré combat avec les soldats mozambicains.",
     ("Battles", "Unidentified Armed Group (Mozambique)", "Military Forces of Mozambique")),
    # fighters killed in an ambush set by the clause's verb are its target
    ("Mardi, des jihadistes ont tué dans une embuscade cinq soldats maliens près de Ménaka.",
     ("Battles", "Unidentified Armed Group (Mali)", "Military Forces of Mali")),
    ("Jeudi, des combattants de l'EI ont abattu sept combattants prorégime lors d'une "
     "embuscade dans le désert syrien, près de Palmyre.",
     ("Battles", "Islamic State (Syria)", "Military Forces of Syria")),
    # "tendre une embuscade à X": X was caught in it
    ("Jeudi, des jihadistes ont tendu une embuscade à des combattants pro-régime près de "
     "Palmyre, dans le centre de la Syrie, tuant six d'entre eux.",
     ("Battles", "Unidentified Armed Group (Syria)", "Military Forces of Syria")),
    ("Mercredi, des hommes armés ont tendu une embuscade à une patrouille de l'armée près de "
     "Ménaka, dans le nord du Mali.",
     ("Battles", "Unidentified Armed Group (Mali)", "Military Forces of Mali")),
    ("Selon l'armée, une embuscade tendue à des villageois près de Djibo, dans le nord du "
     "Burkina Faso, a fait trois morts mardi.",
     ("Violence against civilians", "Unidentified Armed Group (Burkina Faso)",
      "Civilians (Burkina Faso)")),
])
def test_sides_of_a_battle(text: str, coded: tuple[str, str, str | None]) -> None:
    assert _coded(text) == coded


@pytest.mark.parametrize("text,coded", [
    # the toll told again with whom it counted: civilians, so violence against civilians
    ("Vendredi, une attaque de rebelles a fait douze morts près de Beni, dans l'est de la RDC. "
     "« Nous avons retrouvé les corps de douze civils », a déclaré un responsable local.",
     ("Violence against civilians", "Unidentified Armed Group (Democratic Republic of Congo)",
      "Civilians (Democratic Republic of Congo)")),
    ("Une attaque attribuée aux ADF a fait 9 morts samedi près d'Oicha, dans le Nord-Kivu. "
     "Selon la société civile, 9 corps de civils ont été retrouvés dans la brousse.",
     ("Violence against civilians", "ADF: Allied Democratic Forces",
      "Civilians (Democratic Republic of Congo)")),
    # dead of no stated kind stay an armed clash
    ("Une attaque a fait 9 morts samedi près d'Oicha, dans le Nord-Kivu, selon l'armée.",
     ("Battles", "Unidentified Armed Group (Democratic Republic of Congo)", None)),
])
def test_toll_restated_with_its_victims(text: str, coded: tuple[str, str, str | None]) -> None:
    assert _coded(text) == coded


@pytest.mark.parametrize("text,coded", [
    # "une embuscade entre X et Y" of two place names: the ground, not the two sides
    ("Vendredi, au moins douze soldats ont été tués dans une embuscade entre Djibo et "
     "Namssiguia, dans le nord du Burkina Faso.",
     ("Battles", "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso")),
    # a fight "entre X et Y" names its sides
    ("Mardi, de violents combats entre l'armée et les jihadistes ont fait dix morts près de "
     "Gao, dans le nord du Mali.",
     ("Battles", "Military Forces of Mali", "Unidentified Armed Group (Mali)")),
])
def test_between_two_places(text: str, coded: tuple[str, str, str | None]) -> None:
    assert _coded(text) == coded


@pytest.mark.parametrize("text,count,named", [
    # "quatre d'entre eux": the group named last before the count
    ("Les jihadistes visent aussi les combattants kurdes des peshmergas. Le 3 mai, quatre "
     "d'entre eux avaient été tués près de Kirkouk.", "quatre",
     "Military Forces of Iraq Peshmerga"),
    ("Des soldats nigériens patrouillaient mardi près de Tillabéri. Selon l'armée, deux "
     "d'entre eux ont été tués.", "deux", "Military Forces of Niger"),
    # a count of no group ("deux des blessés") names none this way
    ("Des soldats nigériens patrouillaient mardi près de Tillabéri. Deux blessés ont été "
     "évacués.", "Deux", None),
])
def test_count_taken_from_a_group(nlp_fr, text: str, count: str,  # type: ignore[no-untyped-def]  # noqa: F811
                                  named: str | None) -> None:
    from datetime import date

    from eventcoder.events import anaphora, context
    from eventcoder.schema import Article, PubDate

    pub = PubDate(date(2021, 5, 1), date(2021, 5, 31), "month")
    doc = nlp_fr(text)
    ctx = context.build(Article("t", text, pub, "fr"), doc, "fr")
    tok = next(t for t in doc if t.text == count)
    found = anaphora.latter(ctx, tok)
    assert (found.record.name if found else None) == named


@pytest.mark.parametrize("text,verb,sides", [
    # coordinated participles share one active auxiliary: its subject did both, its
    # object underwent both
    ("Les fuyards ont disparu, mais les soldats ont capturé et neutralisé 12 \"bandits\" "
     "jeudi, précise le texte.", "neutralisé", ("soldats", "bandits")),
    ("Les gendarmes ont arrêté et exécuté deux \"complices\" lundi, selon un témoin.",
     "exécuté", ("gendarmes", "complices")),
])
def test_coordinated_participles_share_the_active(nlp_fr, text: str, verb: str,  # type: ignore[no-untyped-def]  # noqa: F811
                                                  sides: tuple[str, str]) -> None:
    from eventcoder.events import roles

    tok = next(t for t in nlp_fr(text) if t.text == verb)
    a1, a2 = roles.role_tokens(tok)
    assert (a1.text if a1 else None, a2.text if a2 else None) == sides


@pytest.mark.parametrize("text,noun,series", [
    # strikes from the air are told in the plural even for one strike
    ("Lundi, des raids attribués à la coalition ont visé un camp.", "raids", False),
    ("Jeudi, des frappes imputées à l'aviation ont touché un marché.", "frappes", False),
    # a plural attack noun, or a counted or "nombreuses" means noun, is a series
    ("De nombreuses attaques attribuées à l'EIGS ont frappé la région.", "attaques", True),
    ("Plusieurs frappes attribuées à la coalition ont eu lieu cette année.", "frappes", True),
    ("Une frappe attribuée à la coalition a touché un camp.", "frappe", False),
])
def test_plural_strikes_are_one_event(nlp_fr, text: str, noun: str,  # type: ignore[no-untyped-def]  # noqa: F811
                                      series: bool) -> None:
    from eventcoder.events import claims

    tok = next(t for t in nlp_fr(text) if t.text == noun)
    assert claims._series(tok) is series
