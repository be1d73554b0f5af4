"""Whether a trigger may name an occurrence told before, by their types and doers.

A reference back joins the occurrence it names only when both could be one act: the same
type, a type that explains the other (a bomb told after "l'explosion"), or an act that is
part of a raid (looting told after a ground attack). An act done by hands brought in anew
("des jeunes ont ensuite pillé") is another act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.detect import Candidate

if TYPE_CHECKING:
    from eventcoder.events.cluster import Occurrence

_COMPATIBLE = [{"ied", "battle"}, {"suicide", "ied"}, {"vac", "looting"},
               {"battle", "looting"}, {"vac", "abduction"}, {"shelling", "missile"},
               {"battle", "vac"}]


def compatible_types(a: str | None, b: str | None, same_sentence: bool) -> bool:
    """Whether a trigger of type ``b`` may tell the occurrence typed ``a`` told before."""
    if a == b:
        return True
    if {a, b} & lexicon.words("triggers", "own_act_types"):
        return False  # "trois personnes arrêtées en lien avec cette attaque": two acts
    if same_sentence:
        return True
    if a is None or b is None:
        return "air" not in (a, b)
    return {a, b} in _COMPATIBLE or _raid_act(b, a) or _blast_of(a, b)


def _blast_of(a: str, b: str) -> bool:
    """A blast ("l'explosion") names no means of its own: told after a strike, a shell or
    a bomb, it is what that means did. Not the other way: strikes told after a blast
    ("une mine a explosé ... en réponse, des frappes aériennes") are another act; only a
    bomb (or the fight it opened) told after the blast says what exploded."""
    if a == "blast":  # "une explosion a retenti ... un engin explosif a été actionné"
        return b in lexicon.words("occurrences", "blast_explained_by")
    return b == "blast" and a in lexicon.words("occurrences", "explosive_types")


def _raid_act(act: str, attack: str) -> bool:
    """Looting or burning told after an attack on the ground is part of that attack (ACLED
    codes the raid once, by its most serious act). One way only: an attack told after the
    looting ("ils ont ensuite tendu une embuscade") is a new occurrence."""
    return act in lexicon.words("occurrences", "raid_acts") and attack in lexicon.words(
        "occurrences", "ground_attacks")


def new_actor(ctx: ArticleContext, c: Candidate) -> bool:
    """"Des jeunes ont ensuite pillé les boutiques": the act's doer is brought in with an
    indefinite determiner, so it is not the attacker told before ("ils", "les assaillants")."""
    tok = ctx.doc[c.token]
    while tok.dep_ == "conj" and not any(x.dep_ in ("nsubj", "obl:agent") for x in tok.children):
        tok = tok.head  # "ont brûlé les maisons et emporté le bétail": the first verb's doer
    passive = any(x.dep_ == "aux:pass" for x in tok.children)
    doers = [x for x in tok.children
             if x.dep_ == "obl:agent" or x.dep_ == "nsubj" and not passive]
    indefinite = lexicon.words("occurrences", "new_actor_determiners", ctx.lang)
    return any(x.pos_ in ("NOUN", "PROPN") and any(
        d.dep_ in ("det", "nummod") and (d.lower_ in indefinite or d.like_num)
        for d in x.children) for x in doers)


def occurrence_compatible(o: Occurrence, c: Candidate, same_sentence: bool) -> bool:
    """A definite general noun ("l'attaque a touché un camp", "l'opération a visé") names
    the act told before whatever its means, as one in the same sentence does; only an
    indefinite one ("une attaque") may be an act of another kind (a raid after a strike)."""
    keys: set[str | None] = set(o.type_keys) or {None}
    named = same_sentence or c.definite and c.generic and not c.plural
    return any(compatible_types(k, c.type_key, named) for k in keys)
