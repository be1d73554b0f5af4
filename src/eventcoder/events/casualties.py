"""Fatalities and injuries: the tolls a sentence states next to death and injury words.

A toll is the figure a casualty word counts (see quantities), or the sum of the counted
groups it names (see victim_groups); a negated casualty noun ("sans faire de victimes") is
a toll of zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventcoder.events import lexicon, toll_scope
from eventcoder.events.casualty_words import casualty_kind, loss_side
from eventcoder.events.quantities import (
    is_person,
    is_vague,
    number_value,
    quantity_after,
    quantity_before,
)
from eventcoder.events.triggers import fold
from eventcoder.events.victim_groups import groups_before, victim_groups

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Toll:
    kind: str  # "fatalities" | "injuries"
    value: int
    start: int
    end: int
    victims: str | None = None  # lemma of the victim noun
    vague: bool = False  # a count without a figure ("plusieurs", "des dizaines")
    joint: bool = False  # the toll of several occurrences ("les deux attaques ont fait ...")
    part: bool = False  # the part of a joint toll naming one class ("dont un militaire")


def _zero(t: Token, lang: str) -> list[str]:
    """The tolls a negated casualty noun sets to zero ("aucune victime")."""
    nouns: dict[str, list[str]] = lexicon.load("casualties", lang).get("zero_nouns", {})
    lem = fold(t.lemma_)
    if lem not in nouns:
        return []
    zero = lexicon.words("casualties", "zero_words", lang)
    doc = t.doc
    window = {fold(x.lemma_) for x in doc[max(0, t.i - 6): t.i]} | {x.lower_ for x in doc[
        max(0, t.i - 6): t.i]}
    return list(nouns[lem]) if window & zero else []


def tolls(doc: Doc, tok_start: int, tok_end: int, lang: str = "fr") -> Iterable[Toll]:
    """Every toll stated between two token offsets (one sentence, usually)."""
    for t in doc[tok_start:tok_end]:
        for zero_kind in _zero(t, lang):
            yield Toll(zero_kind, 0, t.idx, t.idx + len(t))
        kind = casualty_kind(t, lang)
        if kind is None:
            continue
        if toll_scope.cumulative(doc, t.i, tok_start, tok_end):
            continue
        if (summed := victim_groups(t, lang)) is not None:
            if not _not_people(t, summed[3], lang):
                yield Toll(kind, *summed)
            continue
        q = quantity_after(t, lang) or quantity_before(doc, t.i, tok_start, lang)
        if q is None:
            continue
        value, j = q
        if j < t.i and (groups := groups_before(doc, j, tok_start, lang)) is not None:
            value, j = value + groups[0], groups[1]
        if _not_people(t, _victim_word(doc, j, t), lang):
            continue
        if doc[j].lower_ in lexicon.words("casualties", "never_toll_words", lang):
            continue  # "des milliers de morts": a war's toll, never one event's
        if toll_scope.running_total(doc, min(j, t.i), max(j, t.i), tok_start, tok_end,
                                    lang):
            continue
        if j > t.i:  # the figure follows the verb: "tuant cinq villageois"
            noun = doc[j].head if doc[j].head.i != t.i else next(
                (c for c in doc[j].children if c.dep_ == "nmod"), doc[j])  # "des dizaines de"
            yield Toll(kind, value, t.idx, noun.idx + len(noun),
                       loss_side(t, lang) or fold(noun.lemma_), is_vague(doc[j], lang))
            continue
        nouns = [fold(x.lemma_) for x in doc[j + 1:t.i] if x.pos_ == "NOUN" or is_person(x, lang)]
        victim = nouns[0] if nouns else None
        more = _severity_rest(t, lang)
        end = doc[more[1]] if more else t
        joint = _joint(t, lang)
        yield Toll(kind, value + (more[0] if more else 0), doc[j].idx, end.idx + len(end),
                   victim, is_vague(doc[j], lang), joint)
        if joint and (part := _named_part(t, kind, lang)) is not None:
            yield part


def _victim_word(doc: Doc, j: int, t: Token) -> str | None:
    """The noun a figure counts: after it ("six combattants ont été abattus") or, for a
    figure after the verb, the figure's own head ("a abattu six combattants")."""
    if j > t.i:
        return fold(doc[j].head.lemma_) if doc[j].head.i != t.i else fold(doc[j].lemma_)
    nouns = [x for x in doc[j:t.i] if x.pos_ == "NOUN"]
    return fold(nouns[0].lemma_) if nouns else None


def _not_people(t: Token, victim: str | None, lang: str) -> bool:
    """"abattre" kills only when it counts people ("ont abattu six combattants", "deux
    soldats ont été abattus"); "abattre deux drones", "des roquettes se sont abattues" or
    "abattre des arbres" count no dead."""
    if fold(t.lemma_) not in lexicon.words("casualties", "person_death_verbs", lang):
        return False
    people = lexicon.words("casualties", "person_nouns", lang) | lexicon.words(
        "casualties", "civilian_victims", lang) | lexicon.words(
        "casualties", "assailant_victims", lang)
    return victim not in people


def _joint(t: Token, lang: str) -> bool:
    """"les deux attaques ont fait 15 morts": a toll whose subject counts several
    occurrences (a numeral of two or more on a noun that names no people)."""
    verb = t.head if t.dep_ in ("obj", "nsubj:pass") or t.head.pos_ == "VERB" else t
    for subj in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"):
        if is_person(subj, lang):
            return False
        if any(c.dep_ == "nummod" and (number_value(c.lower_, lang) or 0) >= 2
               for c in subj.children):
            return True
    return False


def _named_part(t: Token, kind: str, lang: str) -> Toll | None:
    """"15 morts dont un militaire": the part of a joint toll that names one class of
    victims, the toll of the occurrence that struck that class."""
    doc = t.doc
    at = t.i + 2 if t.i + 1 < len(doc) and doc[t.i + 1].text == "," else t.i + 1
    if at + 2 > len(doc) or doc[at].lower_ not in lexicon.words(
            "casualties", "breakdown_words", lang):
        return None
    for k in range(at + 1, min(len(doc), at + 4)):
        if is_person(doc[k], lang) and k > at + 1:
            value = number_value(doc[k - 1].lower_, lang)
            if value is None:
                return None
            return Toll(kind, value, doc[k - 1].idx, doc[k].idx + len(doc[k]),
                        fold(doc[k].lemma_), part=True)
    return None


def _severity_rest(t: Token, lang: str) -> tuple[int, int] | None:
    """"deux blessés graves et un léger": the lighter cases added to the graver ones, one
    toll told in two parts by severity."""
    doc, severity = t.doc, lexicon.words("casualties", "severity_words", lang)
    j = t.i + 1
    while j < len(doc) and doc[j].lower_ in severity:
        j += 1
    if j == t.i + 1 or j + 2 >= len(doc) or doc[j].lower_ != "et":
        return None
    value = number_value(doc[j + 1].lower_, lang)
    if value is None or doc[j + 2].lower_ not in severity:
        return None
    return value, j + 2


def civilian_victims(found: Iterable[Toll], lang: str = "fr") -> bool:
    civ = lexicon.words("casualties", "civilian_victims", lang)
    return any(t.victims in civ for t in found if t.kind == "fatalities")
