"""Who did it to whom, from the dependency parse of the triggers.

Active verb: subject = actor 1, object = actor 2. Passive ("un convoi a été attaqué par X",
"pris pour cible"): agent = actor 1, passive subject = actor 2. Nouns: "contre X" /
"visant X" = actor 2, "perpétrée par X" = actor 1, "X a mené des attaques" = actor 1.
A role's words are resolved to a known actor where the normaliser names one inside them,
else to a generic actor ("des hommes armés") or the proper name they contain.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.normalize import actors
from eventcoder.schema import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_TARGET_CASES = {"contre", "visant", "sur"}
_AGENT_CASES = {"par"}
_GROUPS = {"groupe", "organisation", "brigade", "formation", "mouvement", "faction"}
_QUANTITY = {"millier", "centaine", "dizaine", "groupe", "nombre", "partie"}


@dataclass
class Role:
    record: actors.ActorRecord
    span: Span
    head: str  # lemma of the phrase head, for target classes


def phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of a token's subtree, cut at a relative clause or a comma."""
    left = tok.left_edge.idx
    right_tok = tok
    for t in tok.subtree:
        if t.i < tok.i:
            continue
        if t.dep_ in ("acl:relcl", "punct") and t.i > tok.i:
            break
        right_tok = t
    return left, right_tok.idx + len(right_tok)


def _head_lemma(tok: Token) -> str:
    """The noun a role names: "des milliers de partisans" -> partisan."""
    lem = fold(tok.lemma_)
    if lem in _QUANTITY:
        inner = [c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]
        if inner:
            return fold(inner[0].lemma_)
    return lem


def _propn_run(tok: Token) -> str | None:
    names = [t for t in tok.subtree if t.pos_ == "PROPN"]
    if not names:
        return None
    first, last = names[0], names[-1]
    return tok.doc.text[first.idx:last.idx + len(last)]


def resolve(ctx: ArticleContext, tok: Token) -> Role | None:
    """The actor a role phrase names, or None when it names none we can tell."""
    start, end = phrase_span(tok)
    text = ctx.text
    inside = [m for m in ctx.actors if m.start >= start and m.end <= end]
    if inside:
        m = inside[0]
        return Role(m.record, Span(m.start, m.end, m.text), _head_lemma(tok))
    generic = getattr(actors, "generic_actor", None)
    surface = text[start:end]
    if generic is not None:
        try:
            rec = generic(surface, ctx.country)
        except Exception:
            log.exception("actors.generic_actor failed")
            rec = None
        if rec is not None:
            return Role(rec, Span(start, end, surface), _head_lemma(tok))
    head = _head_lemma(tok)
    if target_class(head, ctx.lang) == "crowd":  # "des milliers de partisans ont attaqué"
        return Role(actors.rioters(ctx.country), Span(start, end, surface), head)
    name = _propn_run(tok) if tok.pos_ == "PROPN" or fold(tok.lemma_) in _GROUPS else None
    if name:
        rec = actors.resolve_actor(name, ctx.lang, ctx.country)
        s = text.find(name, start)
        return Role(rec, Span(s, s + len(name), name), _head_lemma(tok))
    return None


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _case(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "case"}


def role_tokens(tok: Token) -> tuple[Token | None, Token | None]:
    """(actor-1 token, actor-2 token) around one trigger."""
    a1: Token | None = None
    a2: Token | None = None
    passive = any(c.dep_ == "aux:pass" for c in tok.children) or bool(
        _children(tok, {"nsubj:pass"}))
    if tok.pos_ in ("VERB", "AUX"):
        subj = _children(tok, {"nsubj", "nsubj:pass"})
        agents = [c for c in tok.children if c.dep_ in ("obl:agent", "obl:arg", "obl:mod")
                  and _case(c) & _AGENT_CASES]
        objs = _children(tok, {"obj"})
        if passive:
            a2 = subj[0] if subj else None
            a1 = agents[0] if agents else None
        else:
            a1 = subj[0] if subj else None
            a2 = objs[0] if objs else None
        if a2 is None and tok.dep_ in ("acl", "amod") and passive:
            a2 = tok.head
    else:
        for c in tok.children:
            cases = _case(c)
            if cases & _TARGET_CASES or c.dep_ == "acl" and fold(c.lemma_) == "viser":
                a2 = a2 or (c if cases else next(iter(_children(c, {"obj"})), None))
            elif c.dep_ == "acl":  # "une attaque perpétrée par X contre Y"
                ag = [g for g in c.children if _case(g) & _AGENT_CASES]
                a1 = a1 or (ag[0] if ag else None)
                tg = [g for g in c.children if _case(g) & _TARGET_CASES]
                a2 = a2 or (tg[0] if tg else None)
            elif cases & _AGENT_CASES:
                a1 = a1 or c
        perpetrate = lexicon.words("claims", "perpetration_verbs", "fr")
        if tok.dep_ == "obj" and fold(tok.head.lemma_) in perpetrate:
            subj = _children(tok.head, {"nsubj"})
            a1 = a1 or (subj[0] if subj else None)
        if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
            objs = _children(tok.head, {"obj"})
            a2 = a2 or (objs[0] if objs else None)
        if a2 is None and tok.head.pos_ == "NOUN" and fold(tok.head.lemma_) == "cible":
            subj = _children(tok.head, {"nsubj"})
            a2 = subj[0] if subj else None
    return a1, a2


def target_class(head: str | None, lang: str) -> str | None:
    if head is None:
        return None
    classes: dict[str, list[str]] = lexicon.load("triggers", lang)["targets"]
    for name, words in classes.items():
        if head in words:
            return name
    return None


def victim_token(ctx: ArticleContext, sent_idx: int) -> Token | None:
    """The subject of a death verb ("30 soldats ... ont été tués"): the harmed side."""
    s = ctx.sentences[sent_idx]
    deaths = lexicon.words("casualties", "death_words", ctx.lang)
    for t in ctx.doc[s.tok_start:s.tok_end]:
        if fold(t.lemma_) in deaths and t.pos_ == "VERB":
            subj = _children(t, {"nsubj:pass", "nsubj"})
            if subj:
                return subj[0]
            if t.dep_ in ("acl", "amod") and t.head.pos_ == "NOUN":
                return t.head
    return None
