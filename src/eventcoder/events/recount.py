"""Occurrences counted again by what the words around a trigger say: one verb that hit
a civilians' target and an armed one tells two ("ont attaqué le site des déplacés et le
camp des militaires"); a definite counted plural after them ("les deux attaques") names
those told, it tells none of its own."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventcoder.events.context import ArticleContext
from eventcoder.events.target import noun_class

if TYPE_CHECKING:
    from eventcoder.events.detect import Candidate


def second_targets(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """"ils ont attaqué le site des déplacés à X et le camp des militaires à Y": one verb
    hitting a civilians' target and an armed one tells two occurrences (an attack on
    civilians and a battle); the second object starts the second one."""
    out: list[Candidate] = []
    for c in cands:
        tok = ctx.doc[c.token]
        if c.kind != "event" or c.type_key or tok.pos_ != "VERB" or c.blocked:
            continue
        obj = next((x for x in tok.children if x.dep_ == "obj"), None)
        if obj is None:
            continue
        other = next((x for x in obj.subtree if x.dep_ == "conj" and x.pos_ == "NOUN" and any(
            k.dep_ == "det" for k in x.children)), None)
        if other is not None and {noun_class(ctx, obj), noun_class(ctx, other)} == {
                "civilian", "military"}:
            out.append(replace(c, start=other.idx, end=other.idx + len(other),
                               another=True, target=other.i, distributive=[]))
            c.target = obj.i
    return out


def counted_back(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"Selon lui, les deux attaques ont fait 15 morts": a definite counted plural after
    occurrences already told names them again; it tells none of its own."""
    for i, c in enumerate(cands):
        tok = ctx.doc[c.token]
        if c.kind != "event" or c.count < 2 or not c.definite or tok.pos_ != "NOUN":
            continue
        told = [p for p in cands[:i] if p.kind == "event" and p.sent < c.sent
                and not (p.blocked or p.vague or p.tally)]
        if sum(p.count for p in told) >= c.count:
            c.kind, c.count = "anaphor", 1
