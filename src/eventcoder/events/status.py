"""Whether an occurrence is confirmed, only claimed, unconfirmed or denied.

The spec calls an occurrence confirmed when an official or independent source says it
happened. Coders read that source in three shapes, all of them here: an official noun that
speaks ("un responsable de la sécurité a indiqué"), an official noun behind "selon"
("selon la police"), and an official body's statement ("selon le communiqué de l'armée",
"les Forces armées maliennes ont confirmé l'attaque dans un communiqué"), where the body may
be a named state force from the actor base rather than a common noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.schema import Status

_STATE = "State forces"


def _state_tokens(ctx: ArticleContext, sents: set[int]) -> set[int]:
    """Tokens inside a named state force ("les Forces armées maliennes (Fama)")."""
    spans = [(a.start, a.end) for a in ctx.actors if a.record.type == _STATE and not a.generic]
    out: set[int] = set()
    for i in sents:
        s = ctx.sentences[i]
        for t in ctx.doc[s.tok_start:s.tok_end]:
            if any(a <= t.idx < b for a, b in spans):
                out.add(t.i)
    return out


def _official(t: Token, officials: frozenset[str], state: set[int]) -> bool:
    return (t.pos_ in ("NOUN", "PROPN") and fold(t.lemma_) in officials) or t.i in state


def _speaks(t: Token, verbs: frozenset[str], preps: frozenset[str]) -> bool:
    """The noun is the subject of a reporting verb (also inverted in an incise, "..., a
    indiqué un responsable", which the parser reads as an object) or the object of
    "selon"."""
    inverted = t.dep_ == "obj" and t.head.dep_ == "parataxis" and t.i > t.head.i
    if (t.dep_ == "nsubj" or inverted) and fold(t.head.lemma_) in verbs:
        return True
    return any(c.lower_ in preps for c in t.children)


def _official_source(ctx: ArticleContext, sents: list[int]) -> bool:
    officials = lexicon.words("status", "official_sources", ctx.lang)
    statements = lexicon.words("reporting", "origin_nouns", ctx.lang)
    verbs = lexicon.words("reporting", "reporting_verbs", ctx.lang)
    preps = lexicon.words("reporting", "reporting_preps", ctx.lang)
    state = _state_tokens(ctx, set(sents))
    for i in set(sents):
        s = ctx.sentences[i]
        for t in ctx.doc[s.tok_start:s.tok_end]:
            if _official(t, officials, state) and t.pos_ in ("NOUN", "PROPN") and _speaks(
                    t, verbs, preps):
                return True
            if fold(t.lemma_) in statements and _speaks(t, verbs, preps) and any(
                    c.dep_ == "nmod" and _official(c, officials, state) for c in t.children):
                return True  # "selon le communiqué de l'armée"
    return False


def status(ctx: ArticleContext, sents: list[int], claimed: bool, denied: bool) -> Status:
    if denied:
        return "denied"
    if _official_source(ctx, sents):
        return "confirmed"
    return "claimed" if claimed else "unconfirmed"
