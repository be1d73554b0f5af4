"""A wire dateline is the day a month-dated report speaks from; a weekday night is pinned to
the day the story tells. Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.events.anchors import pin_weekdays
from eventcoder.normalize.dates import find_dates
from eventcoder.schema import PubDate

D = date.fromisoformat
MARCH = PubDate(D("2024-03-01"), D("2024-03-31"), "month")  # 6 March 2024 is a Wednesday


def spans(text: str, published: PubDate = MARCH) -> list[tuple[str, date, date, str]]:
    return [(m.text, m.span.start, m.span.end, m.span.precision)
            for m in pin_weekdays(find_dates(text, published))]


@pytest.mark.parametrize("text, expression, start, end, precision", [
    ("6 mars (AFP) - Des tirs d'artillerie ont visé mardi un marché du centre-ville.",
     "mardi", "2024-03-05", "2024-03-05", "day"),
    ("KIDAL, 6 mars (Reuters) - Un convoi a sauté sur une mine hier près de la ville.",
     "hier", "2024-03-05", "2024-03-05", "day"),
    ("Goma, le 6 mars 2024 - Les rebelles ont pris dans la nuit de lundi à mardi une colline.",
     "dans la nuit de lundi à mardi", "2024-03-04", "2024-03-05", "range"),
    ("6 mars (Anadolu) – Deux drones ont frappé dans la nuit de mardi à mercredi un dépôt.",
     "dans la nuit de mardi à mercredi", "2024-03-05", "2024-03-06", "range"),
])
def test_dateline_is_the_speaking_day(text: str, expression: str, start: str, end: str,
                                      precision: str) -> None:
    found = {e: (s, t, p) for e, s, t, p in spans(text)}
    assert found[expression] == (D(start), D(end), precision)


@pytest.mark.parametrize("text", [
    # a date inside the report, not a dateline: the weekday stays vague by the calendar
    "Des rebelles ont attaqué mardi une base, dit un communiqué du 6 mars - sans plus.",
    "Depuis le 6 mars, les combats se poursuivent ; mardi, un village a été incendié.",
])
def test_a_date_inside_the_report_is_no_dateline(text: str) -> None:
    (tuesday,) = [m for m in find_dates(text, MARCH) if m.text.lower().startswith("mardi")]
    assert (tuesday.span.start, tuesday.span.end) == (D("2024-03-05"), D("2024-03-26"))


@pytest.mark.parametrize("text, start, end", [
    ("Le 6 mars, l'armée a annoncé que des missiles avaient frappé dans la nuit de mardi à "
     "mercredi deux villes.", "2024-03-05", "2024-03-06"),
    ("Jeudi 7 mars, le gouverneur a fait état d'une attaque survenue dans la nuit de dimanche "
     "à lundi contre un poste.", "2024-03-03", "2024-03-04"),
    ("Samedi 9 mars, des habitants ont raconté les raids menés dans la nuit du jeudi au "
     "vendredi sur leur village.", "2024-03-07", "2024-03-08"),
])
def test_night_is_pinned_to_the_week_told(text: str, start: str, end: str) -> None:
    nights = [s for s in spans(text) if "nuit" in s[0]]
    assert nights == [(nights[0][0], D(start), D(end), "range")]


def test_night_without_a_day_told_stays_vague() -> None:
    (night,) = spans("Des missiles ont frappé dans la nuit de mardi à mercredi deux villes.")
    assert (night[1], night[2]) == (D("2024-03-05"), D("2024-03-27"))
