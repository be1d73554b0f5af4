"""Means shared across an article: "des raids aériens de la coalition ... les raids qui
ciblaient des positions": a reporter who has said once how the raids were carried out
writes the bare noun for the rest of the article, so the bare mentions share the means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from eventcoder.events.detect import Candidate


def share(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Give a bare noun of the article-means list the means told on another mention of
    the same noun (the first specific one); a noun told with two means keeps its own."""
    nouns = lexicon.words("triggers", "article_means_nouns", ctx.lang)
    told: dict[str, set[tuple[str, str | None]]] = {}
    for c in cands:
        lemma = fold(ctx.doc[c.token].lemma_)
        if lemma in nouns and c.type_key is not None:
            told.setdefault(lemma, set()).add((c.type_key, c.weapon))
    for c in cands:
        lemma = fold(ctx.doc[c.token].lemma_)
        means = told.get(lemma, set())
        if c.type_key is None and c.kind == "event" and len(means) == 1:
            c.type_key, c.weapon = next(iter(means))


def relative(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"Les raids aériens qui ciblaient des positions rebelles": a trigger verb in a
    relative clause of an event noun tells what that one occurrence hit (the plural noun
    sums up nothing), and a generic verb is carried out by the noun's means (typed by
    them, not by its target)."""
    by_token = {c.token: c for c in cands}
    for c in cands:
        tok = ctx.doc[c.token]
        head = by_token.get(tok.head.i)
        if head is None or tok.dep_ not in ("acl:relcl", "acl") or tok.pos_ not in (
                "VERB", "AUX") or c.kind != "event":
            continue
        if head.count == 1:
            head.plural = False  # "les raids qui ciblaient X": one occurrence, told whole
        if c.type_key is None and head.type_key is not None:
            c.type_key, c.weapon = head.type_key, head.weapon
