"""A vague date of an occurrence narrowed to the day the story goes on to tell.

"Une embuscade a tué dix soldats cette semaine ... Une unité a été envoyée lundi ... C'est
au cours de cette opération que ...": the lead gives a week (or only the day the news was
announced, or nothing but the header's month), the account that follows gives the day.
ACLED codes the day when one is told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import anchors, lexicon
from eventcoder.events.context import within
from eventcoder.normalize.dates import DateMatch
from eventcoder.schema import DateSpan

if TYPE_CHECKING:
    from eventcoder.events.cluster import Occurrence
    from eventcoder.events.context import ArticleContext

_MAX_DAYS = 10  # a stated span wider than this (a month) is the story's period, not a vague day
_MIN_DAYS = 4  # a narrower span ("dans la nuit de lundi à mardi") is as told, not vague

Told = dict[int, frozenset[str]]  # sentence -> type keys of the occurrences told there


def told_day(ctx: ArticleContext, o: Occurrence, span: DateSpan,
             told: Told) -> DateMatch | None:
    """The first day-precise date told after the occurrence's first mention that falls in
    its vague span: not the day of a statement or of a report. The account ends at a
    sentence told by an occurrence of another type or one that turns to another story
    ("Par ailleurs, ...")."""
    width = (span.end - span.start).days
    if span.precision == "day" or width < _MIN_DAYS or width > _MAX_DAYS and span.stated:
        return None  # an unstated month (the header's) is no period the text gives
    own = {c.sent for c in o.members + o.summaries}
    for sent in ctx.sentences[o.first.sent:]:
        if sent.index not in own and (sent.index in told and not told[sent.index] & o.type_keys
                                      or _shift(ctx, sent.start)):
            return None
        for m in within(ctx.dates, sent.start, sent.end):
            if m.start > o.first.start and _narrows(ctx, m, span):
                return m
    return None


def _narrows(ctx: ArticleContext, m: DateMatch, span: DateSpan) -> bool:
    return m.span.precision == "day" and m.anchor == "at" and \
        span.start <= m.span.start <= span.end and not anchors.is_statement_date(ctx, m) \
        and not anchors.is_report_date(ctx, m)


def _shift(ctx: ArticleContext, start: int) -> bool:
    head = ctx.text[start:start + 40].lower().replace("’", "'")
    return any(head.startswith(w) for w in lexicon.words("dates", "story_shift_openers",
                                                         ctx.lang))
