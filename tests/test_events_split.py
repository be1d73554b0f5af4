"""How evidence is grouped into occurrences: secondary occurrences in multi-event reports,
ellipses that count victims, undated history in an actor's description."""

from datetime import date

import pytest
from tests.engine_fixtures import dev_article, nlp_fr, one  # noqa: F401

from eventcoder.schema import Article, PubDate

JULY = PubDate(date(2022, 7, 1), date(2022, 7, 31), "month")


def test_another_attack_told_on_its_own_line_is_a_second_event():
    """A dispatch written one sentence a line: the line of "une autre attaque" is not part
    of the sentence before it, whose "depuis" would make it a tally."""
    ms = one("Le lundi 4 juillet, des hommes armés ont attaqué le village de Djibo, a indiqué le "
             "gouverneur.\nSelon le maire, les soldats ont mené des opérations de fouille.\n"
             "Samedi 2 juillet, une autre attaque a eu lieu à Kaya, selon une source "
             "sécuritaire.\n\"Le bilan de cette attaque est de 8 morts\", a précisé cette "
             "source, signalant des départs de familles depuis dimanche 3 juillet.", JULY)
    assert sorted((m.date.start, m.location.place) for m in ms) == [
        (date(2022, 7, 2), "Kaya"), (date(2022, 7, 4), "Djibo")]
    assert [m.fatalities for m in ms if m.location.place == "Kaya"] == [8]



def test_undated_history_of_the_perpetrators_is_no_event():
    ms = one("Samedi 5 décembre, des élèves ont été enlevés près de Djibo par des bandits qui "
             "avaient déjà kidnappé trois bergers, a dit la police, précisant que les élèves "
             "ont été libérés dimanche.")
    assert len(ms) == 1
    assert ms[0].sub_event_type == "Abduction/forced disappearance"
    assert ms[0].date.start == date(2020, 12, 5)


def test_a_dated_attack_in_a_sentence_summing_up_a_period_is_an_event():
    """A tally sentence ("les attaques se sont multipliées") may still tell one occurrence
    with a date of its own; the plural sum stays no event."""
    ms = one("Le samedi 4 septembre, des jihadistes ont attaqué un poste de police près de "
             "Kirkouk. Les attaques se sont multipliées dans la région, dont une attaque qui a "
             "fait 20 morts dans un marché de Bagdad au mois de juillet.",
             PubDate(date(2021, 9, 1), date(2021, 9, 30), "month"))
    spans = sorted((m.date.start, m.date.end) for m in ms)
    assert spans == [(date(2021, 7, 1), date(2021, 7, 31)), (date(2021, 9, 4), date(2021, 9, 4))]
    july = next(m for m in ms if m.date.start.month == 7)
    assert july.location.admin1 == "IQ-BG"


def test_an_attack_told_the_day_before_is_a_second_occurrence():
    """Neither day is known (an article dated by month): the two occurrences stay apart."""
    ms = one("Cette nuit, des rebelles ont tué 14 villageois à Beni. "
             "La veille, quatre civils avaient été tués dans une attaque contre Butembo.",
             PubDate(date(2019, 12, 1), date(2019, 12, 31), "month"))
    assert len(ms) == 2
    assert {m.location.place for m in ms} == {"Beni", "Butembo"}


def test_a_counted_number_of_days_later_gives_the_new_day():
    ms = one("Le lundi 3 mai, une patrouille est tombée dans une embuscade près de Djibo. "
             "Deux jours plus tard, une autre embuscade a visé un convoi de ravitaillement "
             "près de Kaya.", PubDate(date(2021, 5, 1), date(2021, 5, 31), "month"))
    assert sorted((m.date.start, m.date.end) for m in ms) == [
        (date(2021, 5, 3), date(2021, 5, 3)), (date(2021, 5, 5), date(2021, 5, 5))]



@pytest.mark.parametrize(("sentence", "expected"), [
    ("La veille, des hommes armés avaient attaqué un village.", (True, -1)),
    ("Le lendemain, une embuscade a visé une patrouille.", (True, 1)),
    ("Trois jours auparavant, une attaque avait visé un poste.", (True, -3)),
    ("Quelques jours plus tôt, une attaque avait visé un poste.", (True, None)),
    ("Plus tôt dans la journée, une attaque a visé un poste.", (False, None)),
    ("La veille, un habitant avait signalé une attaque contre le poste.", (False, None)),
])
def test_other_day_markers(nlp_fr, sentence, expected):  # noqa: F811
    from eventcoder.events import context, cues, detect

    doc = nlp_fr(sentence)
    ctx = context.build(Article("t", sentence, JULY, "fr"), doc, "fr")
    cand = next(c for c in detect.find(ctx) if c.kind == "event")
    assert cues.other_day(ctx, cand) == expected


def test_reported_pluperfect_of_the_same_day_stays_an_event(dev_article):  # noqa: F811
    """Seed 000: "plus tôt dans la journée ... ont rapporté qu'un convoi avait été attaqué" is
    the day's news in reported speech, not undated history."""
    from eventcoder.events import extract

    ms = next(iter(extract([dev_article("000_fb11c1f7f53a75f8")]))).mentions
    qadisiyya = [m for m in ms if m.location and m.location.admin1 == "IQ-QA"]
    assert len(qadisiyya) == 1
    assert qadisiyya[0].date.start == date(2020, 12, 25) == qadisiyya[0].date.end



def test_a_title_ending_with_a_full_stop_is_body_text(nlp_fr):  # noqa: F811
    from eventcoder.events import context, cues, detect

    for text, expected in [("Six soldats tués dans une embuscade au Mali\n\nLe bilan est lourd.",
                            True),
                           ("Six soldats ont été tués dans une embuscade. Le bilan est lourd.",
                            False)]:
        ctx = context.build(Article("t", text, JULY, "fr"), nlp_fr(text), "fr")
        cand = next(c for c in detect.find(ctx) if c.kind == "event")
        assert cues.headline(ctx, cand) is expected



def test_a_demonstrative_after_another_trigger_of_its_sentence_names_that_one():
    ms = one("Le lundi 1er juillet, l'armée a été attaquée au camp d'Inates. En mai dernier, une "
             "embuscade a visé une patrouille près de Tongo Tongo : 28 soldats avaient péri "
             "dans cette attaque.", PubDate(date(2019, 7, 1), date(2019, 7, 31), "month"))
    assert sorted(m.date.start for m in ms) == [date(2019, 5, 1), date(2019, 7, 1)]


MAY_2021 = PubDate(date(2021, 5, 1), date(2021, 5, 31), "month")


@pytest.mark.parametrize(("text", "published", "day", "admin1"), [
    pytest.param(  # the ellipsis counts the wounded, not more ambushes
        "Le lundi 3 mai, une patrouille est tombée dans une embuscade tendue par des hommes "
        "armés près de Djibo, tuant neuf gendarmes et blessant trois autres en plus de deux "
        "disparus.", MAY_2021, date(2021, 5, 3), None, id="victims-ellipsis"),
    pytest.param(  # the title names the news the body tells
        "Mali : six soldats tués dans une embuscade dans le centre\n\nAu moins six soldats ont "
        "été tués le mardi 12 mars dans une attaque contre leur convoi près de Mopti, a indiqué "
        "l'armée.", PubDate(date(2019, 3, 1), date(2019, 3, 31), "month"), date(2019, 3, 12),
        "ML-5", id="title"),
    pytest.param(  # a demonstrative names the attack told, not one on the report's day
        "Au moins neuf gendarmes ont été tués mardi 21 février dans l'attaque de leur poste à "
        "Ouallam, ont indiqué mercredi des sources sécuritaires. Mercredi matin, aucun "
        "communiqué du gouvernement à Niamey ne mentionnait cette attaque.",
        PubDate(date(2017, 2, 1), date(2017, 2, 28), "month"), date(2017, 2, 21), "NE-6",
        id="demonstrative"),
    pytest.param(  # the lead told it undated at a town; the next line dates it there
        "Des hommes armés ont attaqué une patrouille de l'armée près de Djibo, dans le nord du "
        "Burkina Faso.\n\nVingt soldats ont été tués dans une embuscade tendue samedi 1er mai "
        "par des hommes armés contre une patrouille près de Djibo, ont indiqué les autorités.",
        MAY_2021, date(2021, 5, 1), "BF-12", id="undated-lead"),
    pytest.param(  # "plus tôt dans la journée" is the same day, not another one
        "Le vendredi 25 décembre, une bombe a visé un convoi dans la province de Dhi Qar. Plus "
        "tôt dans la journée, une explosion avait touché le même convoi.", None,
        date(2020, 12, 25), "IQ-DQ", id="same-day-earlier"),
])
def test_one_occurrence(text, published, day, admin1):
    ms = one(text, published)
    assert len(ms) == 1
    assert ms[0].date.start == day == ms[0].date.end
    if admin1:
        assert ms[0].location.admin1 == admin1


@pytest.mark.parametrize(("name", "count"), [
    ("019", 1),  # the title's ambush is the one the body dates
    ("006", 2),  # the title's blast is the first of the two the body tells
    ("024", 4),  # the news, the air strikes and two background occurrences
])
def test_dev_articles_tell_their_occurrences_once(dev_article, name, count):  # noqa: F811
    from eventcoder.events import extract

    assert len(next(iter(extract([dev_article(name)]))).mentions) == count


def test_a_background_ambush_keeps_its_own_toll(dev_article):  # noqa: F811
    """Article 024: "une embuscade ... en mai dernier : 28 soldats avaient péri dans cette
    attaque" names the May ambush, not the April killing told before it."""
    from eventcoder.events import extract

    ms = next(iter(extract([dev_article("024")]))).mentions
    tolls = {m.date.start.month: m.fatalities for m in ms if m.date.start.month in (4, 5)}
    assert tolls == {4: 1, 5: 28}
