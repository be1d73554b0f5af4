"""Which occurrence owns each toll read in an article, and the tolls an occurrence owns.

A sentence's figures are read once per article; each goes to the occurrence whose trigger
precedes it most closely, so that two attacks told in one sentence do not share a toll.
An occurrence also owns the figures of the sentences that go on about it without naming
another event ("Il n'y a pas eu de victimes", a witness quoted in the next paragraph).
"""

from __future__ import annotations

from eventcoder.events import casualties, killings, refine_date, toll_choice
from eventcoder.events.cluster import Occurrence
from eventcoder.events.context import ArticleContext


def sentence_tolls(ctx: ArticleContext, s: int) -> tuple[casualties.Toll, ...]:
    """The tolls of one sentence, computed once per article: every occurrence told there
    and the owner pass read them again."""
    key = ("tolls", s)
    if key not in ctx.memo:
        sent = ctx.sentences[s]
        ctx.memo[key] = tuple(casualties.tolls(ctx.doc, sent.tok_start, sent.tok_end, ctx.lang))
    found: tuple[casualties.Toll, ...] = ctx.memo[key]
    return found


def toll_owners(ctx: ArticleContext, occs: list[Occurrence]) -> dict[int, int]:
    """Each toll belongs to the occurrence whose trigger precedes it most closely; one
    whose trigger sums up several occurrences is their total, no one's (0)."""
    owners: dict[int, int] = {}
    shared = toll_choice.shared_summaries(occs)
    for s in {c.sent for o in occs for c in o.members + o.summaries}:
        # ties on a trigger's start go to the occurrence told first (never to id() order,
        # which changes from run to run)
        here = [(c.start, -k, 0 if c.start in shared else id(o)) for k, o in enumerate(occs)
                for c in o.members + o.summaries if c.sent == s]
        for t in sentence_tolls(ctx, s):
            before = [h for h in here if h[0] <= t.start]
            owners[t.start] = max(before)[2] if before else min(here)[2]
    return owners


def occurrence_tolls(ctx: ArticleContext, o: Occurrence, owners: dict[int, int],
                     told: refine_date.Told, target: str | None) -> dict[str, casualties.Toll]:
    """The occurrence's tolls by kind; a killing verb with no figure ("X a été tué") is
    one death."""
    found = _owned_tolls(ctx, o, owners, told, target)
    if "fatalities" not in found:
        killed = (killings.killing_toll(ctx.doc[c.token], ctx.lang) for c in o.members)
        if (one_death := next((k for k in killed if k), None)) is not None:
            found["fatalities"] = one_death
    return found


def _owned_tolls(ctx: ArticleContext, o: Occurrence, owners: dict[int, int],
                 told: refine_date.Told, target: str | None) -> dict[str, casualties.Toll]:
    found: dict[str, list[casualties.Toll]] = {}
    own_sents = {c.sent for c in o.members}
    for s in sorted(own_sents | {c.sent for c in o.summaries} | _follow_ups(ctx, o, told)):
        for t in sentence_tolls(ctx, s):
            if owners.get(t.start, id(o)) == id(o):
                found.setdefault(t.kind, []).append(t)
    shares = {kind: toll_choice.own_share(ctx, ts, target) for kind, ts in found.items()}
    own = [(c.start, c.end) for c in o.members]
    return {kind: toll_choice.credible(ctx, ts, own) for kind, ts in shares.items() if ts}


def _follow_ups(ctx: ArticleContext, o: Occurrence, told: refine_date.Told) -> set[int]:
    """The sentences after an occurrence's own that name no event ("Il n'y a pas eu de
    victimes"): they go on about it, up to the paragraph's end or the next trigger."""
    out: set[int] = set()
    for own in sorted({c.sent for c in o.members}):
        para = ctx.sentences[own].paragraph
        for s in ctx.sentences[own + 1:]:
            if s.index in told or s.paragraph != para and not (
                    s.paragraph == para + 1 and _quoted(ctx, s.start)):
                break
            if s.paragraph != para:
                para = s.paragraph  # a quoted paragraph goes on about it: read it to its end
            out.add(s.index)
    return out


def _quoted(ctx: ArticleContext, start: int) -> bool:
    """A paragraph that opens on a quotation ("« Nous avons perdu six hommes », a dit ...")
    is the witness's account of what the paragraph before told."""
    return ctx.text[start:start + 1] in ('"', "«", "“")
