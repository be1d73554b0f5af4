"""Casualty words: whether a word tells deaths or injuries ("tués", "blessés", "tombés au
combat", "ont perdu six hommes"), and whose dead a loss counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.quantities import is_person, number_value
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token


def casualty_kind(t: Token, lang: str = "fr") -> str | None:
    """"fatalities" or "injuries" when the word tells casualties (kill, wound, die)."""
    lem = fold(t.lemma_)
    if lem in lexicon.words("casualties", "death_words", lang) or t.lower_ in lexicon.words(
            "casualties", "death_forms", lang):
        return "fatalities"
    if lem in lexicon.words("casualties", "person_death_verbs", lang) and _fell(t, lang):
        return "fatalities"  # "abattu six combattants"; kept only for people (see tolls)
    if lem in lexicon.words("casualties", "injury_words", lang) or t.lower_.startswith("bless"):
        return "injuries"
    if lem == "vie" and t.i >= 2 and fold(t.doc[t.i - 2].lemma_) == "perdre":
        return "fatalities"
    if _lost_people(t, lang) is not None:
        return "fatalities"
    return None


def _fell(t: Token, lang: str) -> bool:
    """"12 militaires tombés", "tombés au combat", "tombé sous les balles" tell deaths;
    "tombés dans une embuscade", "tombé aux mains de", "tombé en panne" do not: "tomber"
    kills when nothing or a phrase of dying in action follows it."""
    if fold(t.lemma_) != "tomber":
        return True
    if t.pos_ == "VERB" and "Part" not in t.morph.get("VerbForm", []):
        return False
    nxt = t.doc[t.i + 1:t.i + 3]
    if not len(nxt) or nxt[0].is_punct or nxt[0].pos_ == "CCONJ":
        return True
    words = " ".join(x.lower_ for x in nxt)
    return any(words.startswith(p) for p in lexicon.words("casualties", "fallen_phrases", lang))


def _lost_people(t: Token, lang: str) -> Token | None:
    """"nous avons perdu six hommes", "les terroristes ont perdu 15 combattants": a side
    that lost a counted number of its people lost them dead (the object names people and
    carries a figure); "perdre du terrain" or "perdre un véhicule" is no toll."""
    if lang != "fr" or fold(t.lemma_) not in lexicon.words("casualties", "loss_verbs", lang) \
            or t.pos_ != "VERB":
        return None
    for obj in (c for c in t.children if c.dep_ == "obj"):
        if is_person(obj, lang) and any(
                c.dep_ == "nummod" or number_value(c.lower_, lang) for c in obj.children
                if c.lower_ not in ("un", "une")):
            return obj
    return None


def loss_side(t: Token, lang: str) -> str | None:
    """Whose dead a "perdre N hommes" toll counts: the subject's ("les terroristes")."""
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subj is None:  # misparsed: the noun just before the auxiliaries ("les X ont perdu")
        left = t.i - 1
        while left > 0 and t.doc[left].pos_ in ("AUX", "ADV"):
            left -= 1
        subj = t.doc[left] if left < t.i - 1 and t.doc[left].pos_ == "NOUN" else None
    return fold(subj.lemma_) if subj is not None and _lost_people(t, lang) else None
