"""'Entre A et B': the event lies between two towns, coded near the first (precision 2);
the second town must not win as a place named outright. Sentences written for the test."""

import pytest
from tests.engine_fixtures import one


@pytest.mark.parametrize("text", [
    "En Centrafrique, une attaque entre Bocaranga et Bozoum a fait onze morts mardi 2 juillet.",
    "En Centrafrique, une embuscade a visé un convoi mardi 2 juillet entre Bocaranga et "
    "Bozoum.",
])
def test_the_first_town_of_a_between_pair_is_the_place(text):
    ms = one(text)
    assert len(ms) == 1
    loc = ms[0].location
    assert (loc.place, loc.geo_precision, loc.admin1) == ("Bocaranga", 2, "CF-OP")


def test_a_town_named_outright_keeps_precision_one():
    ms = one("En Centrafrique, une attaque a fait onze morts mardi 2 juillet à Bozoum.")
    assert (ms[0].location.place, ms[0].location.geo_precision) == ("Bozoum", 1)
