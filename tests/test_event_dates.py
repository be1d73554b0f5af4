"""Which date expression is the event's: the day it happened, not the day a source spoke,
a group claimed it or a toll was given (session 2 rules)."""

from datetime import date

import pytest
from tests.engine_fixtures import dev_article, nlp_fr, one  # noqa: F401

from eventcoder.schema import PubDate


def _day(y: int, m: int, d: int) -> PubDate:
    return PubDate(date(y, m, d), date(y, m, d), "day")


@pytest.mark.parametrize("text", [
    "Les bandits ont tiré sur la foule.\nSamedi, une autre attaque a visé un marché.",
    "« Le bilan est lourd », a dit le maire.\nDimanche, des hommes armés ont attaqué un poste.",
    "Trois soldats ont été tués.\n« Nous avons riposté », a affirmé un officier.",
])
def test_a_single_line_break_after_a_sentence_end_starts_a_sentence(nlp_fr, text):  # noqa: F811
    doc = nlp_fr(text)
    starts = [s.start_char for s in doc.sents]
    assert text.index("\n") + 1 in starts


@pytest.mark.parametrize("text", [
    "Des hommes armés ont attaqué le village de\nDjibo samedi.",
    "Le convoi a été visé par une bombe près de la ville\nde Gao.",
])
def test_a_wrapped_line_inside_a_sentence_is_no_break(nlp_fr, text):  # noqa: F811
    doc = nlp_fr(text)
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text,pub,day", [
    # the claim's day, written between the claim verb and the event noun
    ("Le groupe État islamique a revendiqué, sur sa chaîne Telegram jeudi, l'attentat-suicide "
     "qui a fait neuf morts la veille à Mossoul.", _day(2021, 3, 5), date(2021, 3, 3)),
    ("Les rebelles ont revendiqué, dans un message diffusé mercredi, l'embuscade qui a coûté "
     "la vie à sept soldats la veille près de Gao.", _day(2021, 3, 5), date(2021, 3, 2)),
])
def test_the_claim_day_before_the_event_noun_is_not_the_event_day(text, pub, day):
    ms = one(text, pub)
    assert [m.date.start for m in ms] == [day]


def test_the_day_of_a_stated_toll_is_not_the_event_day():
    ms = one("Lundi, un kamikaze s'est fait exploser devant un ministère à Kaboul. Les autorités "
             "s'en tenaient mardi à un bilan de six morts dans l'attentat-suicide survenu en "
             "plein après-midi.", _day(2024, 9, 3))
    assert len(ms) == 1
    assert ms[0].date.start == date(2024, 9, 2)


def test_a_date_told_after_a_speech_verb_belongs_to_the_quoted_clause():
    ms = one("Samedi soir, des bandits ont enlevé vingt écoliers à Katsina, qui avaient déjà "
             "kidnappé trois commerçants, a déclaré la police, précisant que les enfants ont "
             "été libérés dimanche matin.")
    assert all("dimanche" not in (m.date.text or "").lower() for m in ms)


@pytest.mark.parametrize("expression,published,start,end", [
    # "ce week-end" written early in the week is the weekend just past
    ("ce week-end", date(2021, 4, 28), date(2021, 4, 24), date(2021, 4, 25)),
    ("ce week-end", date(2021, 4, 26), date(2021, 4, 24), date(2021, 4, 25)),
    # from Friday on, the coming (or current) one
    ("ce week-end", date(2021, 4, 30), date(2021, 5, 1), date(2021, 5, 2)),
    ("ce week-end", date(2021, 5, 1), date(2021, 5, 1), date(2021, 5, 2)),
    ("le week-end dernier", date(2021, 4, 30), date(2021, 4, 24), date(2021, 4, 25)),
])
def test_this_weekend_is_the_past_one_early_in_the_week(expression, published, start, end):
    from eventcoder.normalize.dates import resolve_date

    span = resolve_date(expression, PubDate(published, published, "day"))
    assert span is not None and (span.start, span.end) == (start, end)


@pytest.mark.parametrize("text,pub,days", [
    # counted from the day the story told, not from publication
    ("Le 3 mars, des hommes armés ont attaqué le village de Djibo. Le lendemain, une bombe a "
     "explosé au passage d'une patrouille près de Gao.", _day(2021, 3, 9),
     [date(2021, 3, 3), date(2021, 3, 4)]),
    ("Le 3 mars, des hommes armés ont attaqué le village de Djibo. Le surlendemain, une bombe "
     "a explosé au passage d'une patrouille près de Gao.", _day(2021, 3, 9),
     [date(2021, 3, 3), date(2021, 3, 5)]),
])
def test_the_next_day_counts_from_the_day_told(text, pub, days):
    ms = one(text, pub)
    assert sorted(m.date.start for m in ms) == days


def test_the_next_day_of_no_day_told_is_not_after_publication():
    ms = one("Le lendemain, une bombe a explosé au passage d'une patrouille près de Gao.",
             _day(2021, 3, 9))
    assert all(m.date.start <= date(2021, 3, 9) for m in ms)


def test_an_undated_occurrence_takes_the_day_its_sentence_gives():
    """The day hangs on a word that is no occurrence of its own ("un raid ... sur des
    villages"); the occurrence it belongs to is told around it."""
    ms = one("Des hommes armés ont attaqué plusieurs villages dans le nord du pays. « Des "
             "individus armés ont mené lundi un raid meurtrier sur des villages et hameaux de "
             "la région, tuant une quinzaine de personnes », a déclaré un responsable.",
             _day(2021, 4, 28))
    assert [m.date.start for m in ms] == [date(2021, 4, 26)]


@pytest.mark.parametrize("text", [
    # a weekday in a quote counts back from publication, not from the day the source spoke
    "« Des hommes armés ont attaqué lundi le village de Djibo, tuant dix civils », a déclaré "
    "mercredi un responsable local.",
    "Un responsable local a déclaré mercredi que des hommes armés avaient attaqué lundi le "
    "village de Djibo, tuant dix civils.",
    "L'attaque de lundi contre le village de Djibo a fait dix morts, selon un bilan donné "
    "mercredi par un responsable local.",
])
def test_a_weekday_in_a_quote_is_the_event_day_not_the_speech_day(text):
    ms = one(text, _day(2021, 4, 28))
    assert [(m.date.start, m.fatalities) for m in ms] == [(date(2021, 4, 26), 10)]


@pytest.mark.parametrize("text,start,end", [
    ("Des hommes armés ont attaqué la nuit dernière le village de Djibo, tuant dix civils, "
     "a-t-on appris mercredi.", date(2021, 4, 27), date(2021, 4, 27)),
    ("Des hommes armés ont attaqué hier soir le village de Djibo, tuant dix civils.",
     date(2021, 4, 27), date(2021, 4, 27)),
    ("Dix soldats ont été tués dans une embuscade près de Djibo dans la nuit de lundi à "
     "mardi, a annoncé l'armée mercredi.", date(2021, 4, 26), date(2021, 4, 27)),
])
def test_nights_and_evenings_before_publication(text, start, end):
    ms = one(text, _day(2021, 4, 28))
    assert [(m.date.start, m.date.end) for m in ms] == [(start, end)]


@pytest.mark.parametrize("name", ["028", "029"])
def test_dev_night_attack_told_a_day_later_keeps_its_night(dev_article, name):  # noqa: F811
    """The night attack reported with an updated toll (028) and as "hier" (029): the night,
    not the report's day, and the updated toll."""
    from eventcoder.events import extract

    ms = next(iter(extract([dev_article(name)]))).mentions
    night = [m for m in ms if m.fatalities == 160]
    assert night
    assert date(2021, 6, 4) <= night[0].date.start <= night[0].date.end <= date(2021, 6, 5)
