"""Tallies: nouns and sentences that sum up occurrences over a period ("de nouvelles
attaques", "depuis le début de l'année, les attaques se sont multipliées", "les attaques
ont fait 2000 morts en 2020"); their triggers tell no occurrence of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext, within
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.detect import Candidate

DEFINITE = {"le", "la", "les", "l’", "l'", "ce", "cet", "cette", "ces"}


def mark(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Flag the candidates told in a sentence that sums up a period."""
    tallies = {c.sent for c in cands if _tally_sentence(ctx, c.sent)}
    for c in cands:
        c.tally = c.sent in tallies or c.plural and _year_only(ctx, c.sent)


def vague(tok: Token, lang: str) -> bool:
    vague_mods = lexicon.words("triggers", "vague_modifiers", lang)
    tally = lexicon.words("triggers", "tally_heads", lang)
    fresh = lexicon.words("triggers", "fresh_modifiers", lang)
    one = "Sing" in tok.morph.get("Number", []) and any(
        c.dep_ == "det" and c.lower_ in ("un", "une", "le", "la", "l'", "l’")
        for c in tok.children)
    if any((fold(c.lemma_) in vague_mods or c.lower_ in vague_mods)
           and not (one and fold(c.lemma_) in fresh) for c in tok.children):
        return True  # "de nouvelles attaques" sums up; "un nouveau massacre" is one,
        # "le dernier attentat ... avait eu lieu le 21 mars" too
    if _habit(tok, lang):
        return True
    if not (tok.dep_ == "nmod" and fold(tok.head.lemma_) in tally and tok.head.i < tok.i):
        return False
    if any(c.dep_ == "case" and fold(c.lemma_) != "de" for c in tok.children):
        return False  # "un bilan très lourd après une attaque": the toll of that one
    # "le bilan de l'attaque" is the toll of one occurrence; "le bilan des attaques" a tally
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
    return not definite or "Plur" in tok.morph.get("Number", [])


def _habit(tok: Token, lang: str) -> bool:
    """"Les attaques sont devenues récurrentes", "les attaques devenues fréquentes",
    "des attaques régulières": plural occurrences said to be a habit are a pattern of the
    period, not one occurrence (a singular "l'attaque, devenue courante" is left alone)."""
    if "Plur" not in tok.morph.get("Number", []):
        return False
    habit = lexicon.words("triggers", "habit_predicates", lang)
    preds = [c for c in tok.children if c.dep_ in ("amod", "acl")]
    if tok.dep_.startswith("nsubj"):
        preds.append(tok.head)
    for p in preds:
        if fold(p.lemma_) in habit or any(
                x.dep_ in ("xcomp", "conj") and fold(x.lemma_) in habit for x in p.children):
            return True
    return False


def _year_only(ctx: ArticleContext, sent_idx: int) -> bool:
    """"Les attaques ont fait plus de 2000 morts en 2020": plural occurrences dated by a
    year alone sum up that year (ACLED records nothing vaguer than a month)."""
    s = ctx.sentences[sent_idx]
    found = within(ctx.dates, s.start, s.end)
    return bool(found) and all(m.span.precision == "year" for m in found)


def _tally_sentence(ctx: ArticleContext, sent_idx: int) -> bool:
    """"Depuis le début de l'année, les attaques se sont multipliées ... dans trois
    attaques": a sentence that sums up a period (a "depuis" + period phrase, or a verb of
    increase) counts occurrences, it tells none of its own."""
    s = ctx.sentences[sent_idx]
    toks = ctx.doc[s.tok_start:s.tok_end]
    verbs = lexicon.words("triggers", "tally_verbs", ctx.lang)
    if any(fold(t.lemma_) in verbs and t.pos_ == "VERB" for t in toks):
        return True
    periods = lexicon.words("triggers", "period_words", ctx.lang)
    for t in toks:
        if t.lower_ != "depuis":
            continue
        after = ctx.doc[t.i + 1:min(t.i + 5, s.tok_end)]
        if any(fold(x.lemma_) in periods or x.like_num and len(x.text) == 4 for x in after):
            return True
    return False
