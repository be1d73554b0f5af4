"""Towns the gazetteer lacks, placed by what the text says about them.

Reports often name a village no gazetteer holds and then say where it is: "attaqués à
Dioungani ... Ce poste est situé à 52 km de Koro", "à Tinzaouatène, une localité située à
une trentaine de kilomètres de Tessalit". The unknown name after a locative word takes the
location of the relative phrase that a locating verb ("situé", "se trouve") introduces
shortly after it: its admin-1 unit and the reference town's point at geo_precision 2, but
no place name (the event was not at the reference town, so it must not look like a report
of another town to the merger). The name
must be the last unknown one before that phrase, with no known place in between (which
the phrase would more likely describe). Words are data (``site_*`` in places.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_match import PlaceMatch
from eventcoder.normalize.place_roles import LOCATIVE, alternation

_REACH = 400  # characters between the unknown name and the phrase that locates it
_NAME = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})"


@dataclass(frozen=True)
class SiteCues:
    intro: re.Pattern[str]  # "à Dioungani", "le village de Dioungani"
    locator: re.Pattern[str]  # "est situé", "se trouve" at the end of the text before
    stop: frozenset[str]


@cache
def site_cues(lang: str) -> SiteCues:
    data = gz.lang_data(lang)
    intro = alternation(data.get("site_intro_words") or [])
    locators = alternation(data.get("site_locators") or [])
    return SiteCues(
        re.compile(rf"(?<!\w)(?:{intro})(?:\s+|(?<=['’])){_NAME}"),
        re.compile(rf"(?<!\w)(?:{locators})(?:\s+[\w’'-]+){{0,2}}?\s*$", re.I),
        frozenset(w.casefold() for w in data.get("stop_words") or []))


def _unknown_names(text: str, lo: int, hi: int, found: list[PlaceMatch],
                   cues: SiteCues) -> list[tuple[int, int]]:
    """Spans of capitalised names after a locative word in [lo, hi) that no match covers."""
    out = []
    for m in cues.intro.finditer(text, lo, hi):
        a, b = m.span("name")
        name = m.group("name")
        if name.casefold() in cues.stop or any(f.start < b and a < f.end for f in found):
            continue
        out.append((a, b))
    return out


def apply(text: str, found: list[PlaceMatch], lang: str) -> list[PlaceMatch]:
    """``found`` plus every occurrence of each unknown name a locating phrase places."""
    cues = site_cues(lang)
    added: dict[str, PlaceMatch] = {}
    for r in found:
        if r.kind != "relative" or r.role != LOCATIVE or r.location.admin1 is None:
            continue
        if not cues.locator.search(text[max(0, r.start - 40):r.start]):
            continue
        lo = max(0, r.start - _REACH)
        names = _unknown_names(text, lo, r.start, found, cues)
        if not names:
            continue
        a, b = names[-1]
        if any(b <= f.start < r.start and f.kind != "country" for f in found):
            continue  # a known place in between is what the phrase describes
        added.setdefault(text[a:b], r)
    out = list(found)
    for name, r in added.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                # the town is not the reference: its province and the reference's point
                loc = replace(r.location, place=None, text=name)
                out.append(PlaceMatch(m.start(), m.end(), name, loc, "relative"))
    return sorted(out, key=lambda m: (m.start, m.end))


_SETTLEMENT = re.compile(r"^\s*,\s*(?:une |la |le |l['’]\s*)?(?:petite |grande )?(?:ville|localité|"
                         r"village|bourgade|commune|cité|chef-lieu|hameau|bourg)\b", re.I)


def unknown_towns(text: str, lo: int, hi: int, found: list[PlaceMatch],
                  lang: str) -> list[tuple[int, int]]:
    """Towns the gazetteer lacks that the text in [lo, hi) says are towns: "le village de
    X", or "à X, ville du centre du pays". An event there happened at none of the article's
    known places, so it must not borrow one (its country, or a region stated, instead)."""
    cues = site_cues(lang)
    out = []
    for a, b in _unknown_names(text, lo, hi, found, cues):
        intro = text[max(0, a - 3):a].strip().casefold()
        if gz.place_ids(gz.norm_key(text[a:b])):
            continue  # known but not taken as a place here (a person, a foreign hamlet)
        if intro != "à" or _SETTLEMENT.match(text[b:b + 40]):
            out.append((a, b))
    return out
