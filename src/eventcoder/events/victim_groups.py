"""Counted victim groups: the disjoint groups of people one toll names ("dix soldats et deux
civils ont été tués", "il a été tué avec deux de ses gardes"), each counted once and added
up; parts of a whole ("dont", "soit") are not added."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.casualty_words import casualty_kind
from eventcoder.events.quantities import (
    STOP,
    in_range,
    is_date_number,
    is_person,
    number_value,
)
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def groups_before(doc: Doc, j: int, floor: int, lang: str) -> tuple[int, int] | None:
    """(added, first figure's index) of the counted groups coordinated before the figure
    read: "12 militaires et 4 VDP tombés", "trois policiers, deux soldats et un civil tués"
    name disjoint groups that add up (a range "entre 10 et 15 morts" names none, a
    breakdown "dont" parts of a whole)."""
    added, first, k = 0, j, j - 1
    breakdown = lexicon.words("casualties", "breakdown_words", lang)
    if k <= floor or doc[k].lower_ != "et" or in_range(doc, k - 1):
        return None  # the last group comes after "et"; "selon un officier, six soldats" no
    while k - 2 >= floor and doc[k].lower_ in ("et", ","):
        m = next((m for m in range(k - 1, max(floor, k - 5) - 1, -1)
                  if doc[m].text in STOP or number_value(doc[m].text, lang) is not None), None)
        if m is None or doc[m].text in STOP or is_date_number(doc, m) or not _group_noun(
                doc, m + 1, k, lang) or any(x.lower_ in breakdown for x in doc[m:first]):
            break
        value = number_value(doc[m].text, lang)
        if value is None or doc[m].lower_ in ("un", "une") and not is_person(doc[m + 1], lang):
            break
        added, first, k = added + value, m, m - 1
    return (added, first) if added else None


def _group_noun(doc: Doc, start: int, end: int, lang: str) -> bool:
    """The words after a group's figure name people ("militaires", "VDP (Volontaires ...)"),
    not things ("deux véhicules et plusieurs terroristes"), another toll ("dix morts et 15
    blessés") nor another figure."""
    words = doc[start:end]
    people = lexicon.words("casualties", "assailant_victims", lang)
    return len(words) > 0 and (is_person(words[0], lang) or fold(words[0].lemma_) in people or
                               words[0].text[:1].isupper()) and all(
        casualty_kind(x, lang) is None and number_value(x.text, lang) is None for x in words)


def victim_groups(verb: Token, lang: str = "fr") -> tuple[int, int, int, str | None] | None:
    """(sum, start, end, victim) of the disjoint groups a casualty verb names: "dix membres
    des forces et deux civils ont été tués", "a tué dix soldats et deux civils", "il a été
    tué avec deux de ses gardes", "au côté du chef ..., ainsi que 10 de leurs compagnons".
    Each group counts once; None unless two groups or more all have a known size."""
    if verb.pos_ != "VERB":
        return None
    heads = [c for c in verb.children if c.dep_ in ("nsubj:pass", "obj")]
    if verb.dep_ == "conj" and verb.head.pos_ == "NOUN" and verb.head.i < verb.i:
        heads.insert(0, verb.head)  # "Un soldat et un civil ont été tués" parsed upside down
    if not heads:
        return None
    groups = heads + [c for h in heads for c in h.children if c.dep_ == "conj" and c != verb]
    if any(_breakdown(g, lang) for g in groups):
        return None  # "douze personnes, soit dix soldats et deux civils": parts of a whole
    groups += [c for c in verb.children if c.dep_ == "conj" and c.like_num and any(
        x.dep_ == "nmod" and is_person(x, lang) for x in c.children)]  # "ainsi que 10 de ..."
    groups = [g for g in groups if not is_date_number(g.doc, g.i)]
    if any(in_range(g.doc, g.left_edge.i) for g in groups):
        return None  # "entre 10 et 15 personnes": bounds of one figure, not two groups
    if any(g.pos_ == "NOUN" and not _group_noun(g.doc, g.i, g.i + 1, lang) for g in groups):
        return None  # "deux véhicules et plusieurs terroristes": things are no victims
    sizes = [_group_size(g, lang) for g in groups]
    if any(n is None for n in sizes):
        return None
    mates = [n for c in verb.children if c.dep_.startswith("obl")
             and (n := _companions(c, lang)) is not None]
    total = sum(n for n in sizes if n) + sum(mates)
    if len(groups) + len(mates) < 2 or total < 2:
        return None
    start = min(verb.idx, *(g.left_edge.idx for g in groups))
    end = max(verb.idx + len(verb), *(g.idx + len(g) for g in groups))
    return total, start, end, fold(heads[0].lemma_)


def _breakdown(group: Token, lang: str) -> bool:
    """A group introduced as a part of another ("soit dix soldats", "dont deux enfants")."""
    words = lexicon.words("casualties", "breakdown_words", lang)
    doc = group.doc
    before = doc[group.left_edge.i - 1] if group.left_edge.i > 0 else None
    return any(c.i < group.i and c.lower_ in words for c in group.children) or (
        before is not None and (before.lower_ in words or before.text == ":"))


_COMPANION_CASES = {"avec", "côté", "côtés", "compagnie"}


def _companions(obl: Token, lang: str) -> int | None:
    """"avec deux de ses gardes", "aux côtés de son fils": people killed with the victim."""
    marks = {fold(c.lower_) for c in obl.children if c.dep_ == "case"} | {fold(obl.lower_)}
    if not marks & _COMPANION_CASES:
        return None
    if obl.like_num:
        return _group_size(obl, lang)
    people = [c for c in obl.children if c.dep_ == "nmod" and is_person(c, lang)]
    target = people[0] if people else obl
    return _group_size(target, lang) if is_person(target, lang) else None


def _group_size(tok: Token, lang: str) -> int | None:
    """The number of people one coordinated group names: its figure ("dix membres", "10 de
    leurs compagnons"), or one for a singular person ("il", "son chauffeur")."""
    if tok.like_num:
        return number_value(tok.lower_, lang)
    for c in tok.children:
        if c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ not in ("un", "une")
                                  and number_value(c.lower_, lang)):
            return number_value(c.lower_, lang)
    singular = "Sing" in tok.morph.get("Number", [])
    if tok.pos_ == "PRON":
        return 1 if singular and tok.lower_ in ("il", "elle") else None
    return 1 if singular and is_person(tok, lang) else None
