"""A part of a country named by a direction: "dans l'est du Burkina Faso", "le Nord du pays".

French writes a cardinal point with a capital when it names a region ("l'Est", "le
Centre-Nord") and in lower case when it only points ("le nord du Burkina Faso", where the
attacks are mostly in the Sahel region, not in the region called Nord). So a capitalised
direction becomes the admin-1 unit of that name when the country has one, and anything else
stays at country level: a wrong province would cost more than none. The words are data
(``direction_words`` and ``own_country_words`` in ``data/<lang>/places.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_match import PlaceMatch
from eventcoder.normalize.place_roles import alternation
from eventcoder.schema import Location

_LINK = r"(?:du|de\s+la|de\s+l['’]|des|d['’]|de)"


@dataclass(frozen=True)
class DirectionCues:
    before: re.Pattern[str]  # "l'est du " at the end of the text before a country name
    own: re.Pattern[str]  # "l'Est du pays": the article's own country


@cache
def direction_cues(lang: str) -> DirectionCues:
    data = gz.lang_data(lang)
    dirs = alternation(data.get("direction_words") or [], True)
    own = alternation(data.get("own_country_words") or [], True)
    head = rf"(?<!\w)(?:le|la|l['’])\s*(?P<dir>{dirs})\s+{_LINK}\s*"
    return DirectionCues(re.compile(head + "$", re.I),
                         re.compile(head + rf"(?:{own})(?!\w)", re.I))


def before_country(text: str, pos: int, lang: str) -> tuple[int, str] | None:
    """(start of the phrase, direction as written) when "l'est du" ends right at ``pos``."""
    window = max(0, pos - 40)
    m = direction_cues(lang).before.search(text[window:pos])
    return (window + m.start(), m.group("dir")) if m else None


def own_country(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, direction) of each "le Nord du pays"."""
    for m in direction_cues(lang).own.finditer(text):
        yield m.start(), m.end(), m.group("dir")


def region(direction: str, country: str, text: str) -> Location | None:
    """The admin-1 unit of ``country`` a capitalised direction names ("l'Est" in Burkina
    Faso), at geo_precision 3; None for a lower-case direction or a country without it."""
    if not direction[:1].isupper():
        return None
    table = gz.admin1_table()
    codes = [c for c in gz.admin1_index().get(gz.norm_key(direction), ())
             if c in table and table[c].country == country and table[c].parent is None]
    if len(codes) != 1:
        return None
    a = table[codes[0]]
    return Location(country=country, admin1=a.code, admin1_name=a.name, latitude=a.lat,
                    longitude=a.lon, geo_precision=3, text=text)


def apply(text: str, found: list[PlaceMatch], home: str | None, lang: str) -> list[PlaceMatch]:
    """``found`` with each "l'est du Burkina Faso" widened from the country name to the
    phrase (its region when the direction names one), plus "l'Est du pays" regions."""
    out = []
    for m in found:
        hit = before_country(text, m.start, lang) if m.kind == "country" else None
        if hit is None or m.location.country is None:
            out.append(m)
            continue
        phrase = text[hit[0]:m.end]
        loc = region(hit[1], m.location.country, phrase)
        out.append(PlaceMatch(hit[0], m.end, phrase, loc or replace(m.location, text=phrase),
                              "admin1" if loc else "country", m.role))
    taken = [(m.start, m.end) for m in out]
    for start, end, word in own_country(text, lang) if home else ():
        loc = region(word, home or "", text[start:end])
        if loc and not any(a < end and start < b for a, b in taken):
            out.append(PlaceMatch(start, end, text[start:end], loc, "admin1"))
    return out
