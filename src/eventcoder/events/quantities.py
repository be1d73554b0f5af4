"""Quantities of casualties: the integer a figure or a French number word denotes, and the
figure a casualty word counts.

A toll's figure is read backwards from the casualty word ("au moins 20 personnes ont été
tuées"), the nearest quantity within a few words; after an active verb or a killing noun it
is read forwards ("tuant cinq villageois", "la mort de 16 soldats"), past an adverbial phrase
if one comes between ("ont tué dans la nuit trois bergers"). Vague quantities follow ACLED
("une trentaine" 30, "plusieurs" 3).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DIGITS = re.compile(r"^\d{1,3}(?:[ \u202f\u00a0.]\d{3})*$|^\d+$")
_LOOKBACK = 9
STOP = {".", ";", ":", "?", "!"}


def number_value(word: str, lang: str = "fr") -> int | None:
    """The integer a digit string or a number word denotes (vague words included)."""
    w = word.lower().strip("«»\"' ")
    if _DIGITS.match(w):
        return int(re.sub(r"\D", "", w))
    data = lexicon.load("casualties", lang)
    for key in ("numbers", "approximate", "vague"):
        table = data.get(key, {})
        if w in table:
            return int(table[w])
    if "-" in w:
        parts = [number_value(p, lang) for p in w.split("-") if p not in ("et",)]
        if parts and all(parts):
            return sum(p for p in parts if p)
    return None


def quantity_before(doc: Doc, i: int, floor: int, lang: str) -> tuple[int, int] | None:
    """(value, token index) of the nearest quantity before token ``i``; a "dont" part
    ("quatre personnes dont le chef du village ont été tuées") names some of the victims,
    so the figure is read before it first."""
    dont = [t.i for t in doc[max(floor, i - _LOOKBACK):i] if t.lower_ == "dont"]
    if dont:
        whole = _nearest_quantity(doc, dont[-1], floor, lang)
        if whole is not None:
            return whole
    return _nearest_quantity(doc, i, floor, lang)


def _nearest_quantity(doc: Doc, i: int, floor: int, lang: str) -> tuple[int, int] | None:
    singular = lexicon.words("casualties", "singular_determiners", lang)
    for j in range(i - 1, max(floor, i - _LOOKBACK) - 1, -1):
        t = doc[j]
        if t.text in STOP:
            return None
        value = number_value(t.text, lang)
        if value is None and t.pos_ == "NUM":
            value = number_value(t.lemma_, lang)
        if value is not None and j > floor and t.like_num and doc[j - 1].like_num \
                and len(t.text) == 3 and doc[j - 1].text.isdigit():
            value = int(doc[j - 1].text + t.text)  # "1 400" split by the tokenizer
            j -= 1
        if value is not None and not is_date_number(doc, j):
            if (low := range_low(doc, j, floor, lang)) is not None:
                return low
            if t.lower_ in ("un", "une") and j + 1 < len(doc) and number_value(
                    doc[j + 1].lower_, lang) and doc[j + 1].lower_ not in ("un", "une"):
                continue
            if t.lower_ in ("un", "une") and not is_person(doc[j + 1], lang) and any(
                    x.text == "," for x in doc[j + 1:i]):
                continue  # "dans un marché de Kaboul, tuant": an article, not one victim
            return value, j
        if t.lower_ in singular and j + 1 < i and doc[j + 1].pos_ == "NOUN" \
                and "Sing" in doc[j + 1].morph.get("Number", []) and is_person(doc[j + 1], lang):
            return 1, j
    return None


_RANGE_WORDS = {"et": True, "à": False, "ou": False, "-": False}  # word -> needs "entre"


def range_low(doc: Doc, j: int, floor: int, lang: str) -> tuple[int, int] | None:
    """"entre 10 et 15 morts", "10 à 15 personnes", "dix ou douze soldats": a range of
    figures; ACLED codes its lowest (the conservative reading), never their sum."""
    if j - 2 < floor or doc[j - 1].lower_ not in _RANGE_WORDS:
        return None
    low = number_value(doc[j - 2].text, lang)
    if low is None or not doc[j - 2].like_num:
        return None
    if _RANGE_WORDS[doc[j - 1].lower_] and (j - 3 < floor or not in_range(doc, j - 2)):
        return None  # "dix soldats et quinze civils" is two groups, not a range
    return low, j - 2


def in_range(doc: Doc, i: int) -> bool:
    """The figure at ``i`` opens "entre N et M": the two are bounds, not two groups."""
    return i > 0 and doc[i - 1].lower_ == "entre"


def is_person(t: Token, lang: str) -> bool:
    """"un soldat", "son conducteur": one person, not "un convoi"."""
    people = lexicon.words("casualties", "person_nouns", lang) | lexicon.words(
        "casualties", "civilian_victims", lang)
    return fold(t.lemma_) in people


def is_date_number(doc: Doc, j: int) -> bool:
    nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre", "h", "heures", "ans", "jours")
    return nxt in months or (doc[j].like_num and len(doc[j].text) == 4
                             and doc[j].text.startswith(("19", "20")))


def is_vague(t: Token, lang: str) -> bool:
    return t.lower_ in lexicon.load("casualties", lang).get("vague", {})


def quantity_after(t: Token, lang: str) -> tuple[int, int] | None:
    """"blessant trois casques bleus", "ont tué cinq villageois": an active verb's object."""
    doc = t.doc
    if t.lower_.endswith("ant") or t.lower_ in lexicon.words("casualties", "active_forms", lang):
        # "blessant trois casques bleus", "une attaque tue 11 soldats" (often mis-tagged):
        # an active form is followed by its victims, whatever comes before is the killer
        for n in doc[t.i + 1:min(len(doc), t.i + 5)]:  # "tuant au moins douze civils"
            value = number_value(n.lower_, lang)
            if value is not None and n.lower_ not in ("un", "une"):
                return value, n.i
    if t.pos_ == "NOUN" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("de", "d'", "d’"):
        value = number_value(doc[t.i + 2].lower_, lang)  # "la mort de 16 soldats"
        if value is not None and doc[t.i + 2].lower_ not in ("un", "une"):
            return value, doc[t.i + 2].i
    if t.pos_ != "VERB" or _passive(t):
        return None
    for obj in (c for c in t.children if c.dep_ == "obj"):
        if obj.lower_ in lexicon.load("casualties", lang).get("vague", {}) or obj.lower_ in \
                lexicon.load("casualties", lang).get("approximate", {}):
            return number_value(obj.lower_, lang) or 0, obj.i  # "tué des dizaines de civils"
        for n in obj.children:
            if n.dep_ == "nummod" or (n.pos_ == "NUM" and n.i < obj.i) or (
                    n.dep_ == "det" and number_value(n.lower_, lang) and n.lower_ not in (
                        "un", "une")):
                value = number_value(n.lower_, lang)
                if value is not None:
                    return value, n.i
    if not any(c.dep_ == "obj" for c in t.children):
        return _victims_past_adverbial(t, lang)
    return None


def _passive(t: Token) -> bool:
    """Passive unless "avoir" alone makes the tense ("ils ont abattu", whatever the parse
    calls their subject)."""
    deps = {c.dep_: c for c in t.children}
    if "aux:pass" in deps:
        return True
    return "nsubj:pass" in deps and not any(
        c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in t.children)


def _victims_past_adverbial(t: Token, lang: str) -> tuple[int, int] | None:
    """"ils ont abattu dans une embuscade six combattants", "ont tué dans la nuit trois
    bergers": an active verb's counted victims follow it past an adverbial phrase (the
    parse may hang them on that phrase); the first figure on a person noun in its clause."""
    doc = t.doc
    after = next((n for n in doc[t.i + 1:t.i + 3] if n.pos_ != "ADV"), None)
    if after is None or after.pos_ != "ADP":
        return None  # no adverbial phrase between: the parse's object stands
    for n in doc[after.i:min(len(doc) - 1, t.i + 9)]:
        if n.text in STOP or n.text == "," or n.pos_ in ("VERB", "PRON"):
            return None
        value = number_value(n.lower_, lang)
        if value is not None and n.lower_ not in ("un", "une") and is_person(doc[n.i + 1], lang):
            return value, n.i
    return None
