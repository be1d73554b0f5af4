"""The weapon of an occurrence: its trigger's, else one named in its sentences."""

from __future__ import annotations

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.schema import Span


def from_text(ctx: ArticleContext, sents: list[int]) -> tuple[str, Span] | None:
    vocab: dict[str, str] = lexicon.load("weapons", ctx.lang).get("lemmas", {})
    phrases: dict[str, str] = lexicon.load("weapons", ctx.lang).get("phrases", {})
    for i in sorted(set(sents)):
        s = ctx.sentences[i]
        low = ctx.text[s.start:s.end].lower()
        for phrase, named in phrases.items():  # "à l'arme blanche": no single word says it
            if (at := low.find(phrase)) >= 0:
                return named, Span(s.start + at, s.start + at + len(phrase),
                               ctx.text[s.start + at:s.start + at + len(phrase)])
        for t in ctx.doc[s.tok_start:s.tok_end]:
            w = vocab.get(fold(t.lemma_))
            if w:
                return w, Span(t.idx, t.idx + len(t), t.text)
    return None
