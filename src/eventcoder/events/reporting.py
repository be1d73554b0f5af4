"""Who reported it: outlets named in the occurrence's sentences, in the order of the chain
("a rapporté la chaîne al-Mayadeen, rapporte l'agence russe Sputnik" -> al-Mayadeen then
Sputnik), and the origin when the outlets relay a statement of the actor."""

from __future__ import annotations

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.schema import Outlet, Span


def reported_by(ctx: ArticleContext, sents: list[int]) -> tuple[list[Outlet], list[Span]]:
    seen: dict[str, Outlet] = {}
    spans: list[Span] = []
    bounds = [(ctx.sentences[i].start, ctx.sentences[i].end) for i in sorted(set(sents))]
    for m in ctx.outlets:
        if any(a <= m.start and m.end <= b for a, b in bounds) and m.name not in seen:
            seen[m.name] = Outlet(m.name, m.text, m.id)
            spans.append(Span(m.start, m.end, m.text))
    return list(seen.values()), spans


def origin(ctx: ArticleContext, sents: list[int]) -> str | None:
    """The statement the report relays ("se référant à une déclaration du groupe")."""
    nouns = lexicon.words("reporting", "origin_nouns", ctx.lang)
    for i in sorted(set(sents)):
        s = ctx.sentences[i]
        for t in ctx.doc[s.tok_start:s.tok_end]:
            if fold(t.lemma_) in nouns and t.pos_ == "NOUN" and t.dep_ in ("obl:arg", "obl:mod",
                                                                           "obl", "nmod"):
                right = max((x.idx + len(x) for x in t.subtree), default=t.idx + len(t))
                return ctx.text[t.left_edge.idx:min(right, t.left_edge.idx + 80)]
    return None
