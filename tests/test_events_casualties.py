import pytest
from tests.engine_fixtures import nlp_fr  # noqa: F401

from eventcoder.events import casualties


@pytest.mark.parametrize("word,value", [
    ("dix", 10), ("trentaine", 30), ("20", 20), ("1 400", 1400), ("plusieurs", 3),
    ("dizaines", 10), ("vingt-deux", 22), ("une", 1), ("rien", None),
])
def test_number_values(word, value):
    assert casualties.number_value(word) == value


@pytest.mark.parametrize("sentence,fatalities,injuries", [
    ("Au moins 12 personnes ont été tuées et une trentaine d'autres blessées.", 12, 30),
    ("L'explosion a fait un mort et six blessés.", 1, 6),
    ("Le véhicule a été touché, laissant son chauffeur blessé.", None, 1),
    ("L'attaque n'a fait aucune victime.", 0, 0),
    ("L'engin a explosé sans faire de victimes.", 0, 0),
    ("Quinze soldats ont perdu la vie dans l'embuscade.", 15, None),
    ("Des dizaines de villageois ont été tués.", 10, None),
])
def test_tolls(nlp_fr, sentence, fatalities, injuries):  # noqa: F811
    doc = nlp_fr(sentence)
    found: dict[str, int] = {}
    for t in casualties.tolls(doc, 0, len(doc)):
        found[t.kind] = max(found.get(t.kind, -1), t.value)
    assert found.get("fatalities") == fatalities
    assert found.get("injuries") == injuries


@pytest.mark.parametrize("text,kind,value", [
    ("Le 13 mars, un engin explosif a visé un convoi près de Douentza, blessant trois casques "
     "bleus.", "injuries", 3),
    ("Le 13 mars, une bombe a explosé au passage d'un convoi près de Gao.", "injuries", None),
    ("Le 13 mars, une embuscade a visé une patrouille près de Gao. Depuis 2012, les violences "
     "ont fait des milliers de morts dans le pays.", "fatalities", None),
])
def test_forward_figures_persons_and_running_totals(text, kind, value):
    from tests.engine_fixtures import one

    ms = one(text)
    assert len(ms) == 1 and getattr(ms[0], kind) == value
