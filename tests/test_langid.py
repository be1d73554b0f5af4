from __future__ import annotations

import pytest

from eventcoder.langid import detect, stopwords


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une patrouille de l’armée a été visée par un engin explosif près de la route "
         "selon des sources locales.", "fr"),
        ("Des hommes armés ont attaqué un poste de police dans la nuit de lundi à mardi.", "fr"),
        ("A roadside bomb struck a military convoy near the town on Monday, officials said.",
         "en"),
        ("Gunmen attacked a police checkpoint in the north of the province overnight.", "en"),
        ("قال مسؤول أمني إن عبوة ناسفة استهدفت قافلة عسكرية على الطريق", "ar"),
        ("Der Konvoi wurde am Montag in der Nähe der Stadt angegriffen", "und"),
        ("", "und"),
        ("12 34 56", "und"),
        ("Bagdad", "und"),
    ],
)
def test_detect(text: str, expected: str) -> None:
    assert detect(text) == expected


def test_stopwords_are_data_without_comments() -> None:
    fr = stopwords("fr")
    assert {"le", "la", "des", "qu"} <= fr
    assert not any(w.startswith("#") for w in fr)
    assert "the" in stopwords("en")


def test_seed_articles_are_french(shared_data) -> None:
    for path in sorted((shared_data / "seeds").glob("*.txt")):
        assert detect(path.read_text(encoding="utf-8")) == "fr"
