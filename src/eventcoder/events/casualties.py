"""Fatalities and injuries: figures and French number words next to death and injury words.

A toll is read backwards from the casualty word ("au moins 20 personnes ont été tuées"),
the nearest quantity within a few words; vague quantities follow ACLED ("une trentaine"
30, "plusieurs" 3); a negated casualty noun ("sans faire de victimes") is a toll of zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventcoder.events import lexicon, toll_scope
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DIGITS = re.compile(r"^\d{1,3}(?:[ \u202f\u00a0.]\d{3})*$|^\d+$")
_LOOKBACK = 9
_STOP = {".", ";", ":", "?", "!"}


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


def _quantity_before(doc: Doc, i: int, floor: int, lang: str) -> tuple[int, int] | None:
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
        if t.text in _STOP:
            return None
        value = number_value(t.text, lang)
        if value is None and t.pos_ == "NUM":
            value = number_value(t.lemma_, lang)
        if value is not None and j > floor and t.like_num and doc[j - 1].like_num \
                and len(t.text) == 3 and doc[j - 1].text.isdigit():
            value = int(doc[j - 1].text + t.text)  # "1 400" split by the tokenizer
            j -= 1
        if value is not None and not _is_date_number(doc, j):
            if t.lower_ in ("un", "une") and j + 1 < len(doc) and number_value(
                    doc[j + 1].lower_, lang) and doc[j + 1].lower_ not in ("un", "une"):
                continue
            if t.lower_ in ("un", "une") and not _person(doc[j + 1], lang) and any(
                    x.text == "," for x in doc[j + 1:i]):
                continue  # "dans un marché de Kaboul, tuant": an article, not one victim
            return value, j
        if t.lower_ in singular and j + 1 < i and doc[j + 1].pos_ == "NOUN" \
                and "Sing" in doc[j + 1].morph.get("Number", []) and _person(doc[j + 1], lang):
            return 1, j
    return None


def _person(t: Token, lang: str) -> bool:
    """"un soldat", "son conducteur": one person, not "un convoi"."""
    people = lexicon.words("casualties", "person_nouns", lang) | lexicon.words(
        "casualties", "civilian_victims", lang)
    return fold(t.lemma_) in people


def _is_date_number(doc: Doc, j: int) -> bool:
    nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre", "h", "heures", "ans", "jours")
    return nxt in months or (doc[j].like_num and len(doc[j].text) == 4
                             and doc[j].text.startswith(("19", "20")))


def _kind(t: Token, lang: str) -> str | None:
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
        if _person(obj, lang) and any(
                c.dep_ == "nummod" or number_value(c.lower_, lang) for c in obj.children
                if c.lower_ not in ("un", "une")):
            return obj
    return None


def _loss_side(t: Token, lang: str) -> str | None:
    """Whose dead a "perdre N hommes" toll counts: the subject's ("les terroristes")."""
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subj is None:  # misparsed: the noun just before the auxiliaries ("les X ont perdu")
        left = t.i - 1
        while left > 0 and t.doc[left].pos_ in ("AUX", "ADV"):
            left -= 1
        subj = t.doc[left] if left < t.i - 1 and t.doc[left].pos_ == "NOUN" else None
    return fold(subj.lemma_) if subj is not None and _lost_people(t, lang) else None


def casualty_kind(t: Token, lang: str = "fr") -> str | None:
    """"fatalities" or "injuries" when the word tells casualties (kill, wound, die)."""
    return _kind(t, lang)


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
        kind = _kind(t, lang)
        if kind is None:
            continue
        if toll_scope.cumulative(doc, t.i, tok_start, tok_end):
            continue
        if (summed := victim_groups(t, lang)) is not None:
            if not _not_people(t, summed[3], lang):
                yield Toll(kind, *summed)
            continue
        q = _quantity_after(t, lang) or _quantity_before(doc, t.i, tok_start, lang)
        if q is None:
            continue
        value, j = q
        if j < t.i and (groups := _groups_before(doc, j, tok_start, lang)) is not None:
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
                       _loss_side(t, lang) or fold(noun.lemma_), _vague(doc[j], lang))
            continue
        nouns = [fold(x.lemma_) for x in doc[j + 1:t.i] if x.pos_ == "NOUN" or _person(x, lang)]
        victim = nouns[0] if nouns else None
        more = _severity_rest(t, lang)
        end = doc[more[1]] if more else t
        joint = _joint(t, lang)
        yield Toll(kind, value + (more[0] if more else 0), doc[j].idx, end.idx + len(end),
                   victim, _vague(doc[j], lang), joint)
        if joint and (part := _named_part(t, kind, lang)) is not None:
            yield part


def _groups_before(doc: Doc, j: int, floor: int, lang: str) -> tuple[int, int] | None:
    """(added, first figure's index) of the counted groups coordinated before the figure
    read: "12 militaires et 4 VDP tombés", "trois policiers, deux soldats et un civil tués"
    name disjoint groups that add up (a range "entre 10 et 15 morts" names none, a
    breakdown "dont" parts of a whole)."""
    added, first, k = 0, j, j - 1
    breakdown = lexicon.words("casualties", "breakdown_words", lang)
    if k <= floor or doc[k].lower_ != "et":
        return None  # the last group comes after "et"; "selon un officier, six soldats" no
    while k - 2 >= floor and doc[k].lower_ in ("et", ","):
        m = next((m for m in range(k - 1, max(floor, k - 5) - 1, -1)
                  if doc[m].text in _STOP or number_value(doc[m].text, lang) is not None), None)
        if m is None or doc[m].text in _STOP or _is_date_number(doc, m) or not _group_noun(
                doc, m + 1, k, lang) or any(x.lower_ in breakdown for x in doc[m:first]):
            break
        value = number_value(doc[m].text, lang)
        if value is None or doc[m].lower_ in ("un", "une") and not _person(doc[m + 1], lang):
            break
        added, first, k = added + value, m, m - 1
    return (added, first) if added else None


def _group_noun(doc: Doc, start: int, end: int, lang: str) -> bool:
    """The words after a group's figure name people ("militaires", "VDP (Volontaires ...)"),
    not things ("deux véhicules et plusieurs terroristes"), another toll ("dix morts et 15
    blessés") nor another figure."""
    words = doc[start:end]
    people = lexicon.words("casualties", "assailant_victims", lang)
    return len(words) > 0 and (_person(words[0], lang) or fold(words[0].lemma_) in people or
                               words[0].text[:1].isupper()) and all(
        _kind(x, lang) is None and number_value(x.text, lang) is None for x in words)


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
        if _person(subj, lang):
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
        if _person(doc[k], lang) and k > at + 1:
            value = number_value(doc[k - 1].lower_, lang)
            if value is None:
                return None
            return Toll(kind, value, doc[k - 1].idx, doc[k].idx + len(doc[k]),
                        fold(doc[k].lemma_), part=True)
    return None


def _vague(t: Token, lang: str) -> bool:
    return t.lower_ in lexicon.load("casualties", lang).get("vague", {})


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
        x.dep_ == "nmod" and _person(x, lang) for x in c.children)]  # "ainsi que 10 de ..."
    groups = [g for g in groups if not _is_date_number(g.doc, g.i)]
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
    people = [c for c in obl.children if c.dep_ == "nmod" and _person(c, lang)]
    target = people[0] if people else obl
    return _group_size(target, lang) if _person(target, lang) else None


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
    return 1 if singular and _person(tok, lang) else None


def _quantity_after(t: Token, lang: str) -> tuple[int, int] | None:
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
        if n.text in _STOP or n.text == "," or n.pos_ in ("VERB", "PRON"):
            return None
        value = number_value(n.lower_, lang)
        if value is not None and n.lower_ not in ("un", "une") and _person(doc[n.i + 1], lang):
            return value, n.i
    return None


def civilian_victims(found: Iterable[Toll], lang: str = "fr") -> bool:
    civ = lexicon.words("casualties", "civilian_victims", lang)
    return any(t.victims in civ for t in found if t.kind == "fatalities")



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
        if t.is_sent_start or t.text in _STOP:
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
