"""Tolls of one occurrence among several: a single victim told by the occurrence's own
verb, headline verbs in the present, totals over several occurrences."""

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.events import casualties


def _fatalities(nlp, sentence):  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    return [t.value for t in casualties.tolls(doc, 0, len(doc)) if t.kind == "fatalities"]


def _tolls(ms):  # type: ignore[no-untyped-def]
    return sorted((m.fatalities, m.injuries) for m in ms)


@pytest.mark.parametrize("text,tolls", [
    # the single victim told by the killing's own verb is its toll, not a figure told later
    ("Le 3 mai, un gendarme a été tué par l'explosion d'une mine près de Gao. Selon un "
     "habitant, il y a une dizaine de morts parmi les soldats du camp voisin.", [(1, None)]),
    ("Le 3 mai, un policier a été abattu et deux autres blessés par une bombe artisanale "
     "près de Gao. On compterait une vingtaine de morts, selon des rumeurs.", [(1, 2)]),
    # one person told about in passing beside the figure stays no toll
    ("Le 3 mai, une bombe a fait 14 morts et 30 blessés au marché de Gao. Un commerçant blessé "
     "a raconté la scène.", [(14, 30)]),
])
def test_single_victim_of_the_occurrences_own_verb(text, tolls):
    assert _tolls(one(text)) == tolls


@pytest.mark.parametrize("sentence,kind,value", [
    ("Mali : une attaque attribuée aux jihadistes tue 11 soldats dans le centre", "fatalities",
     11),
    ("Niger : une embuscade revendiquée par l'EI tue sept gendarmes près de Tillia",
     "fatalities", 7),
    ("Burkina : une explosion blesse quatre enfants près d'une école", "injuries", 4),
    ("Des hommes armés tuent trois bergers dans le nord", "fatalities", 3),
])
def test_headline_present_verb_reads_its_victims_after_it(nlp_fr, sentence, kind,  # noqa: F811
                                                          value):
    doc = nlp_fr(sentence)
    found = [t.value for t in casualties.tolls(doc, 0, len(doc)) if t.kind == kind]
    assert found == [value]


@pytest.mark.parametrize("sentence,value", [
    # "abattre" kills people only
    ("Les militaires ont abattu quatre assaillants près du poste.", 4),
    ("Deux gendarmes ont été abattus par des hommes armés.", 2),
    ("L'armée affirme avoir abattu deux drones au-dessus de la base.", None),
    ("Trois roquettes se sont abattues près de l'ambassade.", None),
    # an active verb's victims follow it past an adverbial phrase
    ("Les assaillants ont tué dans la nuit cinq villageois.", 5),
    ("Ils ont ensuite abattu dans une embuscade sept miliciens qui patrouillaient.", 7),
    ("Des jihadistes ont tué lors d'un raid nocturne trois bergers.", 3),
    # no adverbial phrase: the figure before a "de" part stays the parse's
    ("L'armée dit avoir tué trois de leurs cinq chefs.", 3),
])
def test_abattre_and_victims_after_an_adverbial(nlp_fr, sentence, value):  # noqa: F811
    assert _fatalities(nlp_fr, sentence) == ([value] if value is not None else [])


@pytest.mark.parametrize("text,tolls", [
    # a total over several occurrences, told one by one after it, is no one's whole toll
    ("Burkina : douze morts dans des attaques dans le nord\n\nLe 3 mai, des hommes armés ont "
     "attaqué le village de Djibo, tuant quatre civils. Le lendemain, une autre attaque a visé "
     "une patrouille militaire près d'Arbinda.", [(4, None), (None, None)]),
    ("Niger : des frappes de drones font 20 morts sur deux marchés\n\nLe 3 mai, un drone a "
     "frappé le marché de Tillia. Le lendemain, une autre frappe a visé le marché d'Ayorou, "
     "tuant cinq personnes.", [(5, None), (None, None)]),
    ("Au moins 20 personnes ont été tuées lors d'attaques contre plusieurs villages du nord du "
     "Mali. Le 3 mai, des hommes armés ont attaqué le village de Ménaka. Le lendemain, des "
     "assaillants ont attaqué le village d'Anderamboukane, tuant sept civils.",
     [(7, None), (None, None)]),
    # a plural told of one occurrence only is its toll
    ("Mali : dix soldats tués dans des combats près de Gao\n\nLe 3 mai, des jihadistes ont "
     "attaqué un poste militaire près de Gao.", [(10, None)]),
    ("Nigeria : des frappes aériennes font 15 morts\n\nLe 3 mai, l'aviation a bombardé un camp "
     "de combattants près de Maiduguri.", [(15, None)]),
])
def test_total_over_several_occurrences_is_no_ones_toll(text, tolls):
    got = sorted(((m.fatalities, m.injuries) for m in one(text)),
                 key=lambda x: (x[0] is None, x))
    assert got == tolls


@pytest.mark.parametrize("sentence,value", [
    # "tombés" tells deaths after a count of people or before a phrase of dying in action
    ("Trois soldats sont tombés au combat près de Gao.", 3),
    ("Le bilan est de neuf militaires tombés, selon l'armée.", 9),
    ("Quatre gendarmes tombés sous les balles des assaillants.", 4),
    ("Deux soldats sont tombés dans une embuscade.", None),
    ("Deux villages sont tombés aux mains des rebelles.", None),
    # counted groups coordinated before the casualty word add up
    ("Le bilan fait état de 12 militaires et 4 VDP tombés, précise le communiqué.", 16),
    ("Le bilan provisoire est de 9 soldats, 2 gendarmes et 3 VDP tués.", 14),
    # a breakdown, things, or another toll are no more groups
    ("Douze personnes, dont 4 soldats et 2 civils, ont été tuées.", 12),
    ("L'armée a détruit deux véhicules et plusieurs terroristes ont été neutralisés.", 3),
    ("L'attaque a fait 10 morts et 15 blessés.", 10),
])
def test_fallen_and_groups_before_the_casualty_word(nlp_fr, sentence, value):  # noqa: F811
    assert _fatalities(nlp_fr, sentence) == ([value] if value is not None else [])
