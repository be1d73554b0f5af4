"""Running totals, figures over vague counts, the lost of each side, and vague spans narrowed
to the day the story tells (sentences written for these tests)."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.events import casualties
from eventcoder.schema import PubDate


def _tolls(nlp, sentence: str) -> list[tuple[str, int, str | None]]:
    doc = nlp(sentence)
    return [(t.kind, t.value, t.victims) for t in casualties.tolls(doc, 0, len(doc))]


@pytest.mark.parametrize("sentence,expected", [
    # a period phrase in the toll's own clause: a running total
    ("Le mouvement est né en 2012 dans le nord, où il a fait depuis quelque 20 000 morts.", []),
    ("La rébellion a fait plus de 3 000 morts en dix ans.", []),
    ("Plus de 500 civils ont été tués au cours des dernières années dans la province.", []),
    ("Au moins 800 personnes ont été tuées ces derniers mois dans la région.", []),
    ("Près de 300 soldats ont été tués depuis le début de l'année.", []),
    # the event's own toll beside a running total in another clause keeps its figure
    ("L'embuscade a fait 12 morts, portant à 300 le nombre de victimes depuis janvier.",
     [("fatalities", 12, None)]),
    # a ranking is no running total
    ("L'attaque la plus meurtrière depuis 2015 a fait 30 morts.", [("fatalities", 30, None)]),
])
def test_running_totals_are_no_event_toll(nlp_fr, sentence, expected):  # noqa: F811
    assert _tolls(nlp_fr, sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Nous avons perdu huit hommes.", [("fatalities", 8, "homme")]),
    ("Les assaillants ont perdu au moins 12 combattants.", [("fatalities", 12, "assaillant")]),
    # no people, or no figure: no toll
    ("L'armée a perdu trois véhicules.", []),
    ("Les rebelles ont perdu du terrain.", []),
])
def test_losing_counted_people_is_a_death_toll(nlp_fr, sentence, expected):  # noqa: F811
    assert _tolls(nlp_fr, sentence) == expected


@pytest.mark.parametrize("sentence,vague", [
    ("Plusieurs gendarmes ont été tués.", True),
    ("Sept gendarmes ont été tués.", False),
])
def test_a_count_without_figure_is_vague(nlp_fr, sentence, vague):  # noqa: F811
    doc = nlp_fr(sentence)
    assert [t.vague for t in casualties.tolls(doc, 0, len(doc))] == [vague]


@pytest.mark.parametrize("text,fatalities", [
    # a figure for the same side beats "plusieurs"; a "premier bilan" told alone stands
    ("Le 3 mai, plusieurs soldats ont été tués dans une embuscade près de Gao. Selon un premier "
     "bilan, nous avons perdu sept hommes, a dit un officier.", 7),
    # the attackers' dead add to the victims'
    ("Le 3 mai, plusieurs soldats ont été tués dans une embuscade près de Gao. Nous avons perdu "
     "sept hommes mais les assaillants ont perdu au moins 20 combattants, a dit un officier.",
     27),
    # a quoted paragraph goes on about the occurrence told just before
    ("Le 3 mai, plusieurs soldats ont été tués dans une embuscade près de Gao.\n\n"
     "« Nous avons perdu sept hommes », a dit un officier.", 7),
    # a running total in the background is not the event's
    ("Le 3 mai, quatre soldats ont été tués dans une embuscade près de Gao. Le conflit a fait "
     "plus de 5 000 morts en dix ans dans le pays.", 4),
])
def test_precise_figures_and_both_sides(text, fatalities):
    ms = one(text)
    assert len(ms) == 1 and ms[0].fatalities == fatalities


_THURSDAY = PubDate(date(2024, 3, 14), date(2024, 3, 14), "day")


@pytest.mark.parametrize("text,day", [
    # a week narrowed to the day the account gives
    ("Une embuscade a tué au moins huit soldats près de Tillia cette semaine, a annoncé "
     "l'armée.\n\nUne patrouille a été envoyée lundi dans la zone pour traquer des voleurs de "
     "bétail, selon un communiqué diffusé mercredi soir. C'est au cours de cette opération "
     "que l'embuscade a été tendue.", date(2024, 3, 11)),
    # the days before an announcement narrowed to the day the story then tells
    ("Des hommes armés ont enlevé douze élèves près de Gusau, a annoncé jeudi la police. "
     "Les élèves ont été enlevés mardi alors qu'ils rentraient chez eux.", date(2024, 3, 12)),
])
def test_a_vague_span_narrows_to_the_day_the_story_tells(text, day):
    ms = one(text, _THURSDAY)
    assert ms[0].date is not None
    assert (ms[0].date.start, ms[0].date.end) == (day, day)


def test_a_day_of_another_kind_of_occurrence_does_not_narrow():
    text = ("Une embuscade a tué au moins huit soldats près de Tillia cette semaine, a annoncé "
            "l'armée. Par ailleurs, des manifestants ont défilé mardi à Niamey.")
    ms = [m for m in one(text, _THURSDAY) if m.event_type == "Battles"]
    assert ms and ms[0].date is not None and ms[0].date.precision != "day"


@pytest.mark.parametrize("sentence,expected", [
    ("Selon un témoin, les deux attaques ont fait 15 morts dont un militaire.",
     [(15, None, True, False), (1, "militaire", False, True)]),
    ("Les trois explosions ont fait 20 morts, dont deux policiers.",
     [(20, None, True, False), (2, "policier", False, True)]),
    # one attack: its breakdown is no part of a joint toll
    ("L'attaque a fait 15 morts dont un militaire.", [(15, None, False, False)]),
])
def test_joint_tolls_and_their_named_parts(nlp_fr, sentence, expected):  # noqa: F811
    doc = nlp_fr(sentence)
    found = [(t.value, t.victims, t.joint, t.part) for t in casualties.tolls(doc, 0, len(doc))]
    assert found == expected


@pytest.mark.parametrize("target,values", [
    ("military", [1]),  # the attack on the soldiers has the part naming a soldier
    ("civilian", [15]),  # no part of its own: the joint figure stands
    (None, [15]),
])
def test_the_share_of_a_joint_toll(nlp_fr, target, values):  # noqa: F811
    from eventcoder.events import toll_choice

    doc = nlp_fr("Les deux attaques ont fait 15 morts dont un militaire.")
    tolls = list(casualties.tolls(doc, 0, len(doc)))

    class _Ctx:
        lang = "fr"

    share = toll_choice.own_share(_Ctx(), tolls, target)  # type: ignore[arg-type]
    assert [t.value for t in share] == values


def test_a_night_between_two_days_is_not_narrowed_to_the_next_day():
    text = ("Dans la nuit de lundi à mardi, des hommes armés ont attaqué le village de Tillia, "
            "tuant six civils. Mardi matin, les habitants ont enterré les victimes.")
    ms = one(text, _THURSDAY)
    assert ms and ms[0].date is not None
    assert (ms[0].date.start, ms[0].date.end) == (date(2024, 3, 11), date(2024, 3, 12))
