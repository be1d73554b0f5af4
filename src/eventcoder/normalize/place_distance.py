"""A distance from a town: "à 200 kilomètres au nord de Bamako" is a bearing, not a place.

ACLED codes an event "near" a town at that town (geo_precision 2) because the town's
surroundings share its district and province. That holds for a few dozen kilometres; at a
hundred or more the event may lie in another province altogether, so the reference town's
admin-1 unit is not the event's: the province is left to one the text states, else to none.
Units and approximate numbers ("une centaine de kilomètres") are data
(``distance_units``, ``distance_words`` in ``data/<lang>/places.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventcoder.normalize import gazetteer as gz

FAR_KM = 100  # beyond this, a reference town's province says nothing about the event's
_REACH = 60  # characters before the reference town where its distance is written


@dataclass(frozen=True)
class DistanceCues:
    figure: re.Pattern[str]  # "200 kilomètres", "une centaine de kilomètres"
    words: dict[str, int]  # "centaine" -> 100


@cache
def distance_cues(lang: str) -> DistanceCues:
    data = gz.lang_data(lang)
    units = "|".join(sorted(map(re.escape, data.get("distance_units") or ["km"]),
                            key=len, reverse=True))
    words: dict[str, int] = {str(k).casefold(): int(v)
                             for k, v in (data.get("distance_words") or {}).items()}
    approx = "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"
    return DistanceCues(re.compile(
        rf"(?:(?P<n>\d+(?:[.,]\d+)?)|(?P<w>{approx}))\s*(?:de\s+)?(?:{units})\b", re.I), words)


def distance_km(text: str, start: int, name_start: int, lang: str) -> float | None:
    """The distance written just before a relative phrase (or inside it: "à 70 km de"),
    from ``start`` - _REACH to the reference name at ``name_start``; the last one given."""
    cues = distance_cues(lang)
    window = re.split(r"[.!?;]\s|\n", text[max(0, start - _REACH):name_start])[-1]
    found = list(cues.figure.finditer(window))
    if not found:
        return None
    m = found[-1]
    if m.group("n"):
        return float(m.group("n").replace(",", "."))
    return float(cues.words.get(m.group("w").casefold(), 0))


def is_far(text: str, start: int, name_start: int, lang: str) -> bool:
    """Whether the reference place at ``name_start`` is more than FAR_KM from the event."""
    km = distance_km(text, start, name_start, lang)
    return km is not None and km > FAR_KM
