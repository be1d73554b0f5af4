"""Status: who says the occurrence happened, on sentences written in the style of reports."""

import pytest
from tests.engine_fixtures import one


@pytest.mark.parametrize("text", [
    "Le mardi 8 décembre, une embuscade a visé une patrouille près de Gao, selon le "
    "communiqué de l'armée.",
    "Le mardi 8 décembre, une embuscade a visé une patrouille près de Gao. Les Forces armées "
    "maliennes ont confirmé l'embuscade dans un communiqué.",
    "Le mardi 8 décembre, une embuscade a visé une patrouille près de Gao, a indiqué un "
    "responsable de la sécurité.",
    "Le mardi 8 décembre, une embuscade a visé une patrouille près de Gao, selon la police.",
])
def test_an_official_source_or_statement_confirms(text):
    ms = one(text)
    assert len(ms) == 1
    assert ms[0].status == "confirmed"


@pytest.mark.parametrize("text", [
    "Le mardi 8 décembre, une embuscade a visé une patrouille près de Gao, selon un "
    "communiqué publié sur les réseaux sociaux.",
    "Le mardi 8 décembre, une embuscade a visé une patrouille près de Gao, a raconté un "
    "habitant.",
])
def test_no_official_source_leaves_it_unconfirmed(text):
    ms = one(text)
    assert len(ms) == 1
    assert ms[0].status == "unconfirmed"
