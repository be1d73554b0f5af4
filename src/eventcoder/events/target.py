"""What an attack hit, for typing it: an armed force makes it a battle, civilians an
attack on civilians, whatever the words that carry the target ("un convoi de
commerçants" is civilians on the road, "un convoi de l'armée" soldiers)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventcoder.events import lexicon, quantities, roles
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.normalize import actors
from eventcoder.schema import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.casualties import Toll
    from eventcoder.events.cluster import Occurrence

_ARMED = ("State forces", "Rebel group", "Political militia", "Identity militia")
_SITE = re.compile(r"\s*(?:dans|à)\s+(?:le|la|les|l['’]|un|une|des|ce|cette)\s*([^\W\d]+)")


def target_class(ctx: ArticleContext, role: roles.Role | None) -> str | None:
    """The class of the target's head noun, unless the head is a container (a convoy, a
    camp, a bus) or says nothing: then the actor the phrase was resolved to decides
    ("un camp de déplacés" holds civilians, "les positions du groupe" armed men)."""
    if role is None:
        return None
    head_class = roles.target_class(role.head, ctx.lang)
    containers = lexicon.words("triggers", "target_containers", ctx.lang)
    if head_class is not None and role.head not in containers:
        return head_class
    kind = role.record.type or ""
    if kind.startswith("Civilian"):
        return "civilian"
    if kind in _ARMED:
        return "military"
    return head_class


def village_toll(ctx: ArticleContext, tolls: Iterable[Toll]) -> bool:
    """"a fait douze morts dans le village": dead told by a bare toll noun at a place where
    people live are its inhabitants."""
    bare = lexicon.words("triggers", "bare_toll_nouns", ctx.lang)
    sites = lexicon.words("triggers", "inhabited_sites", ctx.lang)
    for t in tolls:
        if t.kind != "fatalities" or (t.victims is not None and t.victims not in bare):
            continue
        m = _SITE.match(ctx.text, t.end)
        if m and m.group(1).lower() in sites:
            return True
    return False


def restated_civilians(ctx: ArticleContext, tolls: Iterable[Toll]) -> bool:
    """"Une attaque a fait 14 morts ... « Il y a 14 corps de civils »": a death toll told
    again further on with whom it counted says who died (the same figure, followed within
    a few words by a civilian noun: "14 civils", "14 corps de civils")."""
    civ = lexicon.words("casualties", "civilian_victims", ctx.lang) - {"personne"}
    for t in tolls:
        if t.kind != "fatalities" or t.vague or not t.value or t.value < 2:
            continue
        for tok in ctx.doc:
            if tok.pos_ != "NUM" or t.start <= tok.idx < t.end or quantities.number_value(
                    tok.text, ctx.lang) != t.value:
                continue
            for nxt in ctx.doc[tok.i + 1:tok.i + 4]:
                if nxt.is_punct or nxt.pos_ in ("VERB", "AUX"):
                    break
                if fold(nxt.lemma_) in civ:
                    return True
    return False


def one_sided(ctx: ArticleContext, o: Occurrence, a1: roles.Role | None,
              a2: roles.Role | None, victim: roles.Role | None, tolls: Iterable[Toll],
              civ: bool) -> bool:
    """A non-state group's attack whose harmed side is civilians and in which no armed
    opponent is named: ACLED's violence against civilians, never an armed clash, whatever
    the attack was called ("une embuscade", "une attaque")."""
    if a1 is not None and (a1.record.type or "") == "State forces":
        return False
    if not (civ or target_class(ctx, a2) == "civilian" or target_class(ctx, victim) == "civilian"):
        return False
    if "military" in (target_class(ctx, a2), target_class(ctx, victim)):
        return False
    clashes = lexicon.words("triggers", "clash_nouns", ctx.lang)
    if any(fold(ctx.doc[c.token].lemma_) in clashes for c in o.members):
        return False  # "des combats", "des affrontements": two armed sides
    military = set(lexicon.load("triggers", ctx.lang)["targets"]["military"])
    return not any(t.victims in military for t in tolls)


def killed_subject(ctx: ArticleContext, sent_idx: int) -> Token | None:
    """"une religieuse ... a été abattue": the passive subject of a verb of killing that
    the toll words leave out."""
    s = ctx.sentences[sent_idx]
    verbs = lexicon.words("triggers", "killing_verbs", ctx.lang)
    for t in ctx.doc[s.tok_start:s.tok_end]:
        if t.pos_ == "VERB" and fold(t.lemma_) in verbs:
            subj = [c for c in t.children if c.dep_ == "nsubj:pass"]
            if subj:
                return subj[0]
            if any(c.dep_ == "aux:pass" for c in t.children):
                return _left_person(ctx, s.tok_start, t.i)
    return None


def _left_person(ctx: ArticleContext, start: int, verb: int) -> Token | None:
    """Where the parse lost the passive subject ("Selon les médias, une religieuse, qui
    vivait à X, a été abattue"): the nearest person noun before the verb that is no
    complement of another word."""
    for t in reversed(ctx.doc[start:verb]):
        if t.pos_ == "NOUN" and not t.dep_.startswith(("obl", "nmod")) and roles.target_class(
                fold(t.lemma_), ctx.lang) in ("civilian", "military"):
            return t
    return None


def noun_class(ctx: ArticleContext, tok: Token) -> str | None:
    """The target class of one noun phrase by its words alone: its head, or for a
    container ("le site des déplacés", "le camp des militaires") whom it holds."""
    head = fold(tok.lemma_)
    cls = roles.target_class(head, ctx.lang)
    if cls is not None and head not in lexicon.words("triggers", "target_containers", ctx.lang):
        return cls
    held = [roles.target_class(fold(x.lemma_), ctx.lang) for x in tok.children
            if x.dep_ == "nmod" and any(k.dep_ == "case" and fold(k.lower_) == "de"
                                        for k in x.children)]
    return next((h for h in held if h is not None), cls)


def own_target(ctx: ArticleContext, tok: Token) -> roles.Role | None:
    """The target of one of two occurrences a verb told: the phrase runs on to the other
    target ("le camp des déplacés de X et le poste des militaires"), so its own words, up
    to the other, say whom it held."""
    role = roles.resolve(ctx, tok)
    if noun_class(ctx, tok) != "civilian" or target_class(ctx, role) == "civilian":
        return role
    other = next((x for x in tok.subtree if x.dep_ == "conj" and x.i > tok.i), None)
    last = tok.right_edge if other is None else tok.doc[max(tok.i, other.left_edge.i - 1)]
    while last.i > tok.i and last.pos_ in ("CCONJ", "PUNCT"):
        last = tok.doc[last.i - 1]
    start, end = tok.left_edge.idx, last.idx + len(last)
    span = Span(start, end, ctx.text[start:end])
    return roles.Role(actors.civilians(ctx.country), span, fold(tok.lemma_))


def seized_class(ctx: ArticleContext, tok: Token) -> str | None:
    """What a verb of seizing took: "place" (ground), "person" or "thing"; None when the
    parse names no object or the noun says nothing."""
    obj = next((c for c in tok.children if c.dep_ in ("obj", "nsubj:pass") or (
        c.dep_.startswith("obl") and any(
            fold(x.lower_) == "de" for x in c.children if x.dep_ == "case"))), None)
    if obj is None:
        return None
    lem = fold(obj.lemma_)
    if lem in lexicon.words("triggers", "seized_places", ctx.lang) or any(
            p.start <= obj.idx < p.end for p in ctx.places):
        return "place"
    if lem in lexicon.words("triggers", "seized_things", ctx.lang):
        return "thing"
    targets = lexicon.load("triggers", ctx.lang)["targets"]
    people = lexicon.words("casualties", "person_nouns", ctx.lang)
    if lem in people or lem in targets["civilian"] or lem in targets["military"] or (
            obj.pos_ == "NUM"):
        return "person"
    return None


def armed_side(ctx: ArticleContext, o: Occurrence, a1: roles.Role | None,
               a2: roles.Role | None) -> roles.Role | None:
    """Actor 2 of a battle is the armed side that fought actor 1: "ils ont tué quatre
    personnes ... ont livré combat avec les troupes" pits the attackers against the troops;
    the people killed are counted, not a side. So where the target read first is no armed
    actor, the first armed actor another trigger of the battle names (other than actor 1's
    own side) takes its place."""
    if a2 is not None and (a2.record.type or "") in _ARMED:
        return a2
    own = a1.record.id if a1 is not None else None
    for c in o.members:
        for tok in roles.role_tokens(ctx.doc[c.token]):
            if tok is None:
                continue
            side = roles.resolve(ctx, tok)
            if side is not None and (side.record.type or "") in _ARMED and not _same_side(
                    own, side.record.id):
                return side
    return a2


def _same_side(own: str | None, other: str) -> bool:
    if own is None:
        return False
    if own == other:
        return True
    unnamed = own.startswith("unidentified") or other.startswith("unidentified")
    return not unnamed and actors.compatible(own, other)

