"""Does a predicted field agree with gold? One rule per field, as docs/evaluation.md says.

Each comparison returns ``None`` when gold does not score the field (it was missing or a
bare null), so that callers count only what the annotation actually decided.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from eventcoder.evaluation.gold import Choices, GoldEvent, GoldSpan
from eventcoder.schema import Actor, DateSpan, Event, Mention

Predicted = Mention | Event

SCORED_FIELDS = ("date", "admin1", "event_type", "sub_event_type", "actor1", "actor2",
                 "fatalities", "injuries", "weapon")
FUZZY_THRESHOLD = 90
UNKNOWN_ACTOR = "unknown"
UNIDENTIFIED_PREFIX = "unidentified"
_ARTICLES = frozenset({"al", "el", "the"})
_APOSTROPHES = re.compile(r"['’ʼʻ`´]")
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def normalize_name(name: str) -> str:
    """Fold case and accents, drop punctuation and the articles al-/el-/the.

    Apostrophes vanish rather than split words, so "Kata'ib" and "Kataib" agree.
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)
    words = [w for w in _NON_WORD.split(text) if w and w not in _ARTICLES]
    return " ".join(words)


def names_agree(predicted: str, acceptable: str) -> bool:
    a, b = normalize_name(predicted), normalize_name(acceptable)
    if not a or not b:
        return False
    return a == b or fuzz.ratio(a, b) >= FUZZY_THRESHOLD


def _is_unknown(choice: Any) -> bool:
    return isinstance(choice, str) and choice.strip().casefold() == UNKNOWN_ACTOR


def actor_agrees(actor: Actor | None, choices: Choices) -> bool:
    """Name or text against every acceptable name; "unknown" accepts no actor at all."""
    unknown_ok = any(_is_unknown(c) for c in choices)
    if actor is None:
        return unknown_ok or None in choices
    if unknown_ok and actor.name.strip().casefold().startswith(UNIDENTIFIED_PREFIX):
        return True
    said = [s for s in (actor.name, actor.text) if s]
    names = [c for c in choices if isinstance(c, str) and not _is_unknown(c)]
    return any(names_agree(s, n) for s in said for n in names)


def widest(spans: tuple[GoldSpan, ...]) -> GoldSpan:
    return max(spans, key=lambda s: s.days)


def date_agrees(predicted: DateSpan | None, spans: tuple[GoldSpan, ...]) -> bool:
    """One of the gold spans, or holding the true day and no wider than the text allows."""
    if predicted is None:
        return False
    start, end = predicted.start, predicted.end
    if any(start == s.start and end == s.end for s in spans):
        return True
    true, wide = spans[0], widest(spans)
    return start <= true.start and true.end <= end and wide.start <= start and end <= wide.end


def _plain(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def value_agrees(value: Any, choices: Choices) -> bool:
    """Membership, where a null choice accepts a missing value; strings ignore case."""
    if value is None:
        return None in choices
    return _plain(value) in {_plain(c) for c in choices if c is not None}


def predicted_value(pred: Predicted, name: str) -> Any:
    """What the prediction says for a scored field, as plain JSON for error listings."""
    if name == "date":
        return None if pred.date is None else [pred.date.start.isoformat(),
                                               pred.date.end.isoformat()]
    if name == "admin1":
        return pred.location.admin1 if pred.location else None
    if name == "country":
        return pred.location.country if pred.location else None
    if name in ("actor1", "actor2"):
        actor: Actor | None = getattr(pred, name)
        return None if actor is None else {"name": actor.name, "text": actor.text}
    return getattr(pred, name)


def gold_value(gold: GoldEvent, name: str) -> Any:
    if name == "date":
        return None if gold.dates is None else [[s.start.isoformat(), s.end.isoformat()]
                                                for s in gold.dates]
    choices = gold.choices(name)
    return None if choices is None else list(choices)


def field_agrees(pred: Predicted, gold: GoldEvent, name: str) -> bool | None:
    """``None`` when gold leaves the field unscored."""
    if name == "date":
        return None if gold.dates is None else date_agrees(pred.date, gold.dates)
    choices = gold.choices(name)
    if choices is None:
        return None
    if name in ("actor1", "actor2"):
        return actor_agrees(getattr(pred, name), choices)
    return value_agrees(predicted_value(pred, name), choices)


def compare_fields(pred: Predicted, gold: GoldEvent) -> dict[str, bool]:
    """Every scored field of one matched pair, agreeing or not."""
    verdicts = {name: field_agrees(pred, gold, name) for name in SCORED_FIELDS}
    return {name: ok for name, ok in verdicts.items() if ok is not None}
