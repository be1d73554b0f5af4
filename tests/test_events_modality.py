"""events.modality.too_vague: an occurrence dated by a year alone and placed only in a
country is history, one with a town is still coded. Sentences written for these tests."""

from datetime import date

import pytest
from tests.engine_fixtures import nlp_fr, one  # noqa: F401

from eventcoder.events.modality import too_vague
from eventcoder.schema import DateSpan, Location, Mention, PubDate

DAY = PubDate(date(2023, 5, 16), date(2023, 5, 16), "day")


@pytest.mark.parametrize("text", [
    "Le groupe a pris le contrôle de pans entiers du Mali en 2012, avant d'être chassé.",
    "En 2014, l'organisation s'était emparée d'une grande partie de l'Irak.",
])
def test_a_year_in_a_country_is_history(text):
    assert one(text, DAY) == []


def test_a_year_with_a_town_is_still_coded():
    found = one("Les jihadistes ont pris le contrôle de la ville de Tombouctou en 2012.", DAY)
    assert len(found) == 1
    assert found[0].date is not None and found[0].date.precision == "year"
    assert found[0].date.start == date(2012, 1, 1)


def _mention(precision: str, location: Location | None) -> Mention:
    span = DateSpan(date(2014, 1, 1), date(2014, 12, 31), precision)  # type: ignore[arg-type]
    return Mention("t:1", "t", "Battles", None, span, location)


@pytest.mark.parametrize("precision,location,vague", [
    ("year", Location(country="IQ"), True),
    ("year", None, True),
    ("year", Location(country="IQ", admin1="IQ-NI"), False),
    ("year", Location(country="IQ", place="Mossoul"), False),
    ("month", Location(country="IQ"), False),
    ("day", Location(country="IQ"), False),
])
def test_too_vague_needs_both_a_year_and_a_country(precision, location, vague):
    assert too_vague(_mention(precision, location)) is vague
