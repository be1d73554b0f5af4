"""Which country "le pays" points to when a clause tells another country's news.

"La télévision nigériane a annoncé que vingt-trois soldats nigérians sont tombés dans une
embuscade dans le nord-est du pays", in a report about Cameroon: "du pays" is the country
the clause's own adjectives name, not the article's. Without this, the occurrence has no
place of its own and is taken for a continuation of the news told before (another country).
The adjective's country must also be named as a place in the article before the clause
(the story speaks of it), so a foreign unit's nationality alone never moves an event.
"""

from __future__ import annotations

import re

from eventcoder.events.context import ArticleContext
from eventcoder.normalize import place_directions
from eventcoder.normalize.place_resolve import cues_for
from eventcoder.normalize.places import PlaceMatch
from eventcoder.schema import Location

_WORD = re.compile(r"[\w-]+")


def pointed_country(ctx: ArticleContext, start: int, end: int) -> PlaceMatch | None:
    """"dans le nord-est du pays" in [start, end), with the country an adjective of its
    sentence names before it, when that is not the article's country."""
    for a, b, _ in place_directions.own_country(ctx.text[start:end], ctx.lang):
        at = start + a
        sent = ctx.sentence_at(at)
        cc = _adjective_country(ctx, sent.start, at)
        if cc is None or cc == ctx.country:
            continue
        if not any(m.location.country == cc and m.end <= sent.start for m in ctx.places):
            continue  # a country the story has not spoken of
        text = ctx.text[at:start + b]
        return PlaceMatch(at, start + b, text, Location(country=cc, geo_precision=3, text=text),
                          "country")
    return None


def _adjective_country(ctx: ArticleContext, lo: int, hi: int) -> str | None:
    """The country of the last country adjective in [lo, hi), if all of them agree."""
    adjectives = cues_for(ctx.lang).adjectives
    found = [adjectives[w.casefold()] for w in _WORD.findall(ctx.text[lo:hi])
             if w.casefold() in adjectives]
    return found[-1] if found and len(set(found)) == 1 else None
