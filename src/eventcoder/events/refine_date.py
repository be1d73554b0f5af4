"""A vague date of an occurrence narrowed to the day the story goes on to tell.

"Une embuscade a tué dix soldats cette semaine ... Une unité a été envoyée lundi ... C'est
au cours de cette opération que ...": the lead gives a week (or only the day the news was
announced), the account that follows gives the day. ACLED codes the day when one is told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import anchors
from eventcoder.normalize.dates import DateMatch
from eventcoder.schema import DateSpan

if TYPE_CHECKING:
    from eventcoder.events.cluster import Occurrence
    from eventcoder.events.context import ArticleContext

_MAX_DAYS = 10  # a span wider than this (a month) is the story's period, not a vague day

Told = dict[int, frozenset[str]]  # sentence -> type keys of the occurrences told there


def told_day(ctx: ArticleContext, o: Occurrence, span: DateSpan,
             told: Told) -> DateMatch | None:
    """The first day-precise date told after the occurrence's first mention that falls in
    its vague span: not the day of a statement or of a report, nor the day of another kind
    of occurrence (a day in a sentence told by an occurrence of another type is its own)."""
    if span.precision == "day" or (span.end - span.start).days > _MAX_DAYS:
        return None
    own = {c.sent for c in o.members + o.summaries}
    for m in ctx.dates:
        if m.start <= o.first.start or m.span.precision != "day" or m.anchor != "at":
            continue
        if not span.start <= m.span.start <= span.end:
            continue
        sent = ctx.sentence_at(m.start).index
        if sent not in own and sent in told and not told[sent] & o.type_keys:
            continue
        if anchors.is_statement_date(ctx, m) or anchors.is_report_date(ctx, m):
            continue
        return m
    return None
