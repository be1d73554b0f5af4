"""The author a noun names beside it, checked against what kind of actor it is.

"Une incursion des rebelles ADF", "un drone des États-Unis", "lors de cette attaque, les
ADF ont tué": the token comes from attribution, its actor from roles.resolve, and only
actors that can be authors of that noun are kept.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventcoder.events import attribution, lexicon, roles
from eventcoder.events.context import ArticleContext
from eventcoder.schema import Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.cluster import Occurrence


def owner(ctx: ArticleContext, tok: Token) -> roles.Role | None:
    """Who a noun's "de X" names as its author: an armed group for an attack noun ("une
    incursion des rebelles ADF"), anyone armed for a means ("un drone des États-Unis");
    or the armed group that the clause around the noun has act ("lors de cette attaque,
    les ADF ont tué": not "les soldats ont riposté", who defended)."""
    means = attribution.is_means(tok)
    of = attribution.owner_token(tok) if means or attribution.is_attack(tok) else None
    if of is None:
        of, means = attribution.circumstance_agent(tok), False
    role = roles.resolve(ctx, of) if of is not None else None
    if role is None or role.record.id.startswith("x-") or (role.record.type or "").startswith(
            ("Civilian", "Protester")):
        return None
    return role if means or role.record.type != "State forces" else None


_ARMED_GROUPS = ("Rebel group", "Political militia", "Identity militia")


def series_author(ctx: ArticleContext, o: Occurrence) -> roles.Role | None:
    """"Il s'agit de la troisième attaque de l'EI depuis le début du mois ... le 1er août,
    sept personnes avaient péri dans une attaque contre un convoi": an attack told without
    an author, in a paragraph that counts a series of attacks of one named armed group, is
    one of that group's. Only the paragraph up to the occurrence's sentence is read."""
    first = o.first.sent
    para = ctx.sentences[first].paragraph
    found: list[roles.Role] = []
    for s in ctx.sentences[:first + 1]:
        if s.paragraph != para:
            continue
        for t in ctx.doc[s.tok_start:s.tok_end]:
            if attribution.is_attack(t) and _counts_series(t):
                lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
                found += [roles.Role(m.record, Span(m.start, m.end, m.text), "")
                          for m in ctx.actors if lo <= m.start and m.end <= hi
                          and not m.generic and m.record.type in _ARMED_GROUPS]
    ids = {r.record.id for r in found}
    return found[0] if len(ids) == 1 else None


def _counts_series(tok: Token) -> bool:
    marks = lexicon.words("roles", "series_words", "fr")
    return "Plur" in tok.morph.get("Number", []) or any(
        c.dep_ in ("amod", "nummod") and c.lower_ in marks for c in tok.children)


_DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}


def _refers_back(tok: Token) -> bool:
    """"les deux attaques", "ces attaques", "cette attaque": a noun that names events
    already told (a demonstrative, or a definite plural counted)."""
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    counted = any(c.dep_ == "nummod" for c in tok.children)
    return bool(dets & _DEMONSTRATIVE) or ("les" in dets and counted)


def carried(ctx: ArticleContext, o: Occurrence, m: Mention, before: list[Mention]) -> Mention:
    """"Ils ont attaqué le site et le camp ... les deux attaques ont fait 15 morts": an
    occurrence told by a noun that refers back, with no author of its own, has the author
    of the mention told just before it."""
    if m.actor1 is None or m.actor1.basis != "unknown" or not before:
        return m
    if not all(ctx.doc[c.token].pos_ == "NOUN" and _refers_back(ctx.doc[c.token])
               for c in o.members):
        return m
    prev = before[-1].actor1
    if prev is None or prev.basis == "unknown" or prev.id.startswith("unidentified"):
        return m
    fields = dict(m.fields)
    if (span := before[-1].fields.get("actor1")) is not None:
        fields["actor1"] = span
    return replace(m, actor1=prev, fields=fields)
