"""Whose figure a toll is: the perpetrator's boast and a superseded toll are not the
occurrence's fatalities (ACLED codes the figure of officials and independent sources, the
latest when it is updated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.casualties import Toll

_STATE = ("state", "government", "civilian", "police", "military")


def _token_at(ctx: ArticleContext, char: int) -> Token | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _speaker(verb: Token) -> Token | None:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    if subj[0].lower_ in ("qui", "lequel", "laquelle") and verb.dep_ == "acl:relcl":
        return verb.head  # "le groupe shebab, qui affirme avoir tué ..."
    return subj[0]


def _armed_group(ctx: ArticleContext, tok: Token) -> bool:
    """A named or generic non-state armed actor, or a group noun ("le groupe")."""
    left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    for m in ctx.actors:
        if m.start < right and m.end > left and (m.start <= tok.idx < m.end or tok.idx < m.end):
            kind = (m.record.type or "").lower()
            return not any(w in kind for w in _STATE)
    return fold(tok.lemma_) in lexicon.words("claims", "group_nouns", ctx.lang)


def boast(ctx: ArticleContext, toll: Toll) -> bool:
    """A figure told by a claim verb whose speaker is the armed group that struck."""
    tok = _token_at(ctx, toll.start)
    verbs = lexicon.words("claims", "boast_verbs", ctx.lang)
    node = tok
    for _ in range(5):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if fold(node.lemma_) in verbs:
            speaker = _speaker(node)
            return speaker is not None and _armed_group(ctx, speaker)
    return False


def superseded(ctx: ArticleContext, toll: Toll) -> bool:
    """"un bilan précédent faisait état de 3 morts", "un premier bilan": an older figure.
    The adjective must qualify a toll ("le village a été le premier à être attaqué et dix
    personnes y sont mortes" is no older figure); an adverb ("auparavant") is enough."""
    if _before_toll(ctx, toll, "superseded_adverbs") or _told_before(ctx, toll):
        return True
    return _before_toll(ctx, toll, "superseded_words") and _before_toll(ctx, toll, "toll_nouns")


def _told_before(ctx: ArticleContext, toll: Toll) -> bool:
    """"une source avait évoqué une quinzaine de victimes": a figure a source had given (the
    pluperfect of a report verb) came before the one the story now gives."""
    node = _token_at(ctx, toll.start)
    verbs = lexicon.words("reporting", "reporting_verbs", ctx.lang) | lexicon.words(
        "casualties", "toll_report_verbs", ctx.lang)
    for _ in range(4):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB":
            return fold(node.lemma_) in verbs and any(
                c.dep_ == "aux:tense" and "Imp" in c.morph.get("Tense", [])
                for c in node.children)
    return False


def updated(ctx: ArticleContext, toll: Toll) -> bool:
    """"le bilan s'est alourdi à 40 morts", "un nouveau bilan": the figure that replaces."""
    return _before_toll(ctx, toll, "update_words")


def _before_toll(ctx: ArticleContext, toll: Toll, key: str) -> bool:
    words = lexicon.words("casualties", key, ctx.lang)
    sent = ctx.sentence_at(toll.start)
    head = ctx.text[max(sent.start, toll.start - 60):toll.start].lower().replace("’", "'")
    return any(w in head.split() for w in words)


def assailants(ctx: ArticleContext, toll: Toll) -> bool:
    """"plusieurs terroristes ont été neutralisés": the attackers' own dead, a second figure
    beside the victims' toll rather than a conflicting one."""
    return toll.victims in lexicon.words("casualties", "assailant_victims", ctx.lang)


def one_person(ctx: ArticleContext, toll: Toll) -> bool:
    """"un invité blessé par des éclats": one person told about, not the occurrence's toll
    when a figure is stated beside it."""
    first = ctx.text[toll.start:toll.end].split(maxsplit=1)[0].lower() if toll.end > toll.start \
        else ""
    return toll.value == 1 and first in lexicon.words("casualties", "singular_determiners",
                                                      ctx.lang)
