"""What the merge reads from a normalised field's own text, when the value alone says too little.

Two cues: (1) a span that stands for "a given weekday in a period" ("lundi" in a
month-dated article is coded as first..last Monday of the month): only a day on that
weekday can be the same occurrence; (2) a relative location with a stated distance ("80 km
au nord de Bagdad"), coded at the reference town, whose province may not be the event's.
Weekday words come from the date lexicons (data/<lang>/dates.yaml), distance units and
approximate numbers from data/acled.yaml.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from eventcoder.normalize.dates_lexicon import load_lexicon, norm, strip_accents
from eventcoder.schema import DateSpan, Location

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _weekday_words() -> dict[str, int]:
    """Every language's weekday spellings (the text's language is not known here)."""
    out: dict[str, int] = {}
    for entry in resources.files("eventcoder").joinpath("data").iterdir():
        if entry.joinpath("dates.yaml").is_file():
            out.update(load_lexicon(entry.name).weekdays)
    return out


@lru_cache(maxsize=1 << 14)
def _named_weekdays(text: str) -> frozenset[int]:
    words = _weekday_words()
    return frozenset(words[w] for w in (norm(t) for t in _WORD.findall(text)) if w in words)


def span_weekdays(span: DateSpan | None) -> frozenset[int] | None:
    """The weekdays a stated day must fall on to lie in ``span``, when the span was derived
    from weekday words alone; None when it says nothing about the weekday.

    Only a span of a week or more whose first and last days are weekdays its text names,
    and whose text gives no day number: "lundi" (Mondays), "dans la nuit de dimanche à
    lundi" (Sundays or Mondays), "du lundi au mercredi" (Monday to Wednesday). An explicit
    range ("du 3 au 12") or "depuis lundi" (ends on the publication day) is left alone."""
    if span is None or not span.text or span.precision == "day":
        return None
    if (span.end - span.start).days < 7 or any(c.isdigit() for c in span.text):
        return None
    named = _named_weekdays(span.text)
    first, last = span.start.weekday(), span.end.weekday()
    if first not in named or last not in named:
        return None
    return frozenset((first + n) % 7 for n in range((last - first) % 7 + 1))


@cache
def _distance_pattern() -> tuple[re.Pattern[str], dict[str, float], dict[str, int]]:
    from eventcoder.merge_rules import vocab  # merge_rules imports this module

    data = vocab()["relative_distance"]
    units: dict[str, float] = {_plain(k): float(v) for k, v in data["units"].items()}
    approx: dict[str, int] = {_plain(k): int(v) for k, v in data["approximate"].items()}
    number = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, approx), key=len, reverse=True))
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    pattern = re.compile(rf"\b({number})\s*(?:de\s+|d'|of\s+)?({unit})\b")
    return pattern, units, approx


def _plain(text: str) -> str:
    """Lower case without accents, keeping the decimal point that dates_lexicon.norm drops."""
    return strip_accents(text).casefold().replace("’", "'")


@lru_cache(maxsize=1 << 14)
def _distance_in(text: str) -> float | None:
    pattern, units, approx = _distance_pattern()
    found = pattern.search(_plain(text))
    if found is None:
        return None
    number, unit = found.groups()
    value = approx.get(number)
    amount = float(value) if value is not None else float(number.replace(",", "."))
    return amount * units[unit]


def stated_km(loc: Location | None) -> float | None:
    """The distance (km) a relative location states from its reference town, if any."""
    if loc is None or loc.geo_precision != 2 or not loc.text:
        return None
    return _distance_in(loc.text)
