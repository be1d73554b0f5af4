"""A road named by its towns: "l'axe Gao-Ansongo", "la route Kaya-Dori-Djibo".

French reports name a road, or a stretch of it, by the towns it joins, hyphenated into one
word that no gazetteer holds. The event lies on the road, which starts at its first town:
ACLED codes it there at geo_precision 2. When the first town is unknown the road may run far
into another province, so it gives no place. A compound is read so when a road
word comes before it ("axe", "route": ``route_words`` in ``data/<lang>/places.yaml``) or when
each of its parts is a known name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_match import PlaceMatch
from eventcoder.normalize.place_roles import alternation

_PART = re.compile(r"[^\W\d_][\w’']*")


@cache
def _road_before(lang: str) -> re.Pattern[str]:
    words = alternation(gz.lang_data(lang).get("route_words") or [], True)
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:de\s+|du\s+)?$", re.I)


def parts(word: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the capitalised parts of a hyphenated word, when it has two or
    more; empty otherwise."""
    if "-" not in word:
        return []
    found = [(start + m.start(), start + m.end(), m.group()) for m in _PART.finditer(word)]
    if len(found) < 2 or not all(p[2][:1].isupper() and len(p[2]) >= 3 for p in found):
        return []
    return found


def split_route(text: str, word: str, start: int, lang: str,
                accept: Callable[[tuple[int, int], str], PlaceMatch | None]) -> list[PlaceMatch]:
    """The towns of a hyphenated road name at ``start``; ``accept`` resolves one part."""
    pieces = parts(word, start)
    if not pieces:
        return []
    road = bool(_road_before(lang).search(text[max(0, start - 30):start]))
    found = [accept((a, b), name) for a, b, name in pieces]
    known = [m for m in found if m is not None and m.kind == "place"]
    if not found[0] or found[0].kind != "place" or not road and len(known) < len(pieces):
        return []  # the road from an unknown town may run far into another province
    first = found[0]
    return [replace(first, location=replace(first.location, geo_precision=2))]
