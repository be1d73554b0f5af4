"""Whether an occurrence is confirmed, only claimed, unconfirmed or denied."""

from __future__ import annotations

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.schema import Status


def _official_source(ctx: ArticleContext, sents: list[int]) -> bool:
    officials = lexicon.words("status", "official_sources", ctx.lang)
    verbs = lexicon.words("reporting", "reporting_verbs", ctx.lang)
    preps = lexicon.words("reporting", "reporting_preps", ctx.lang)
    for i in set(sents):
        s = ctx.sentences[i]
        for t in ctx.doc[s.tok_start:s.tok_end]:
            if fold(t.lemma_) not in officials or t.pos_ != "NOUN":
                continue
            if t.dep_ == "nsubj" and fold(t.head.lemma_) in verbs:
                return True
            if any(c.lower_ in preps for c in t.children):
                return True
    return False


def status(ctx: ArticleContext, sents: list[int], claimed: bool, denied: bool) -> Status:
    if denied:
        return "denied"
    if _official_source(ctx, sents):
        return "confirmed"
    return "claimed" if claimed else "unconfirmed"
