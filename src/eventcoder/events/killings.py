"""Killings named by a noun ("l'assassinat du chef du village"): the person killed and the
one death it tells when no figure is given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.casualties import Toll
from eventcoder.events.quantities import STOP
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token


def killing_victim(tok: Token, lang: str = "fr") -> Token | None:
    """The person a killing noun names ("l'assassinat, dans la nuit du 26, du chef du
    village"): a "de" complement in its subtree that names a person, even where the parse
    hangs it on the date between."""
    if fold(tok.lemma_) not in lexicon.words("casualties", "killing_nouns", lang):
        return None
    people = lexicon.words("casualties", "person_nouns", lang)
    for c in tok.subtree:
        if c.i <= tok.i or c.dep_ not in ("nmod", "conj") or fold(c.lemma_) not in people:
            continue
        if any(x.dep_ == "case" and fold(x.lower_) == "de" for x in c.children):
            return c
    return _next_person(tok, people)


def _next_person(tok: Token, people: frozenset[str]) -> Token | None:
    """Where the parse hangs the victim elsewhere: the first "de" + person noun in the next
    few words of the sentence."""
    doc = tok.doc
    end = min(len(doc), tok.i + 15)
    for t in doc[tok.i + 1:end]:
        if t.is_sent_start or t.text in STOP:
            break
        if fold(t.lemma_) in people and t.i >= 1 and (fold(doc[t.i - 1].lower_) == "de" or (
                t.i >= 2 and fold(doc[t.i - 2].lower_) == "de" and doc[t.i - 1].pos_ == "DET")):
            return t
    return None


def killing_toll(tok: Token, lang: str = "fr") -> Toll | None:
    """A killing noun with one victim named and no figure is one death."""
    victim = killing_victim(tok, lang)
    if victim is None or "Plur" in tok.morph.get("Number", []) or "Plur" in victim.morph.get(
            "Number", []) or any(x.dep_ == "nummod" for x in victim.children):
        return None
    return Toll("fatalities", 1, tok.idx, victim.idx + len(victim), fold(victim.lemma_))
