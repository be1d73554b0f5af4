"""Which of the figures read for one occurrence is its toll: a joint toll's share, the
credible figure among conflicting ones, a figure over a vague count, both sides' dead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

from eventcoder.events import roles
from eventcoder.events import toll_sources as tolls_lex
from eventcoder.events.casualties import Toll
from eventcoder.events.context import ArticleContext

if TYPE_CHECKING:
    from eventcoder.events.cluster import Occurrence


def own_share(ctx: ArticleContext, tolls: list[Toll],
               target: str | None) -> list[Toll]:
    """"les deux attaques ont fait 15 morts dont un militaire": a joint toll is no one
    occurrence's when it has a toll of its own or the part that names its victims (the
    attack on the army camp had the soldier); a part naming other victims is not its."""
    parts = [t for t in tolls if t.part and target is not None
             and roles.target_class(t.victims, ctx.lang) == target]
    whole = [t for t in tolls if not t.part and not t.joint]
    joint = [t for t in tolls if t.joint]
    return whole + parts + (joint if not whole and not parts else [])


def shared_summaries(occs: Sequence[Occurrence]) -> set[int]:
    """Starts of the words that sum up two occurrences or more ("huit morts dans des
    attaques", "33 tués lors de frappes sur plusieurs marchés", when the story then tells
    each): a toll told of them is their total, which ACLED gives to no one of them (each
    takes the figure told of its own, or none)."""
    count: dict[int, int] = {}
    for o in occs:
        for start in {c.start for c in o.summaries}:
            count[start] = count.get(start, 0) + 1
    return {start for start, n in count.items() if n >= 2}


def credible(ctx: ArticleContext, tolls: list[Toll],
             triggers: Sequence[tuple[int, int]] = ()) -> Toll:
    """Of the figures given for one occurrence: not the perpetrator's boast ("le groupe
    affirme avoir tué 85 soldats") nor a superseded toll ("un bilan précédent faisait état
    de 3 morts"); an updated toll ("le bilan s'est alourdi à 40 morts") if given, else the
    lowest of the rest, as ACLED codes conflicting figures. ``triggers`` are the character spans
    of the occurrence's own trigger words: a single victim told by one of them ("un casque
    bleu a été tué par l'explosion") is that occurrence's account of its dead, not one
    person told about in passing ("un invité blessé par des éclats a raconté")."""
    total = _total_of_parts([t for t in tolls if not tolls_lex.boast(ctx, t)])
    if total is not None:
        return total
    tolls = _precise_over_vague(ctx, tolls)
    kept = [t for t in tolls if not tolls_lex.boast(ctx, t) and not _replaced(ctx, t, tolls)] \
        or tolls
    updated = [t for t in kept if tolls_lex.updated(ctx, t)]
    if updated:
        return updated[-1]
    figures = [t for t in kept if not tolls_lex.one_person(ctx, t) or _told_by(t, triggers)]
    kept = figures if figures and any(t.value > 1 for t in figures) else kept
    own = [t for t in kept if not tolls_lex.assailants(ctx, t)]
    if own and len(own) < len(kept) and own[0].kind == "fatalities":
        # "13 soldats tués ... plusieurs terroristes neutralisés": both sides' dead count
        main = min(own, key=lambda t: t.value)
        other = min((t for t in kept if t not in own), key=lambda t: t.value)
        return replace(main, value=main.value + other.value)
    return min(own or kept, key=lambda t: t.value)


def _told_by(t: Toll, own: Sequence[tuple[int, int]]) -> bool:
    """The toll's casualty word (its last word, read backwards) is a trigger of its own."""
    return any(t.start <= start and end == t.end for start, end in own)


def _same_side(ctx: ArticleContext, a: Toll, b: Toll) -> bool:
    return a.kind == b.kind and tolls_lex.assailants(ctx, a) == tolls_lex.assailants(ctx, b)


def _precise_over_vague(ctx: ArticleContext,
                        tolls: list[Toll]) -> list[Toll]:
    """"Plusieurs soldats ont été tués" then "nous avons perdu six hommes": a figure for the
    same side's dead beats a count without one (the attackers' dead are another side)."""
    return [t for t in tolls if not t.vague or not any(
        not u.vague and _same_side(ctx, t, u) for u in tolls)]


def _replaced(ctx: ArticleContext, t: Toll, tolls: list[Toll]) -> bool:
    """A superseded figure ("selon un premier bilan, six morts") gives way to a later one for
    the same side; told alone for its side, it is the figure known."""
    return tolls_lex.superseded(ctx, t) and any(
        u is not t and _same_side(ctx, t, u) and not tolls_lex.superseded(ctx, u)
        for u in tolls)


def _total_of_parts(tolls: list[Toll]) -> Toll | None:
    """"au moins 15 personnes ont été tuées ... 10 y sont mortes tandis que cinq autres ont
    été tuées à Y": a figure that two or more smaller ones add up to is the whole, they are
    its parts (the whole restated, "une quinzaine", is the same figure, not a part)."""
    if len(tolls) < 3:
        return None
    for t in sorted(tolls, key=lambda u: -u.value):
        smaller = [u.value for u in tolls if 0 < u.value < t.value][:8]
        if any(sum(c) == t.value for k in range(2, len(smaller) + 1)
               for c in combinations(smaller, k)):
            return t
    return None
