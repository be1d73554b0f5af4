"""What a place name does in its sentence: where something happened, or something else.

A country or capital is often not a location: "les gardiens de la révolution islamique en
Iran" qualifies an organisation, "Washington accuse Téhéran" names two governments, and
"l'agence officielle Sana" is an outlet that shares a name with Yemen's capital. The matcher
keeps such mentions visible (the engine may want them for actors) but marks them, so that
event placement can skip them. The word lists are data (``data/<lang>/places.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from eventcoder.normalize import gazetteer as gz

LOCATIVE = "locative"  # where something is or happened
ATTRIBUTE = "attribute"  # qualifies a person or organisation: "l'ambassade des États-Unis"
METONYM = "metonym"  # a capital standing for its government: "Washington a annoncé"

_WINDOW = 60
_LEAD = 400  # characters of the lead, where the article says what it is about
_CLAUSE_BREAK = re.compile(r"[,;:.!?()«»\"\n]")


@dataclass(frozen=True)
class RoleCues:
    attribute: re.Pattern[str]  # head + link at the end of the text before a country
    outlet: re.Pattern[str]  # outlet head shortly before a name
    locative: re.Pattern[str]  # locative word right before a name
    apposition: re.Pattern[str]  # "la capitale qatarie, Doha"
    verb: re.Pattern[str]  # government verb right after a name
    capitals: frozenset[str]  # norm_keys


def _alternation(words: Iterable[str]) -> str:
    alts = [re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
            for w in sorted(words, key=len, reverse=True)]
    return "|".join(alts) or "(?!)"


@cache
def role_cues(lang: str) -> RoleCues:
    data = gz.lang_data(lang)
    heads = _alternation(data.get("attribute_heads") or [])
    links = _alternation(data.get("attribute_links") or [])
    return RoleCues(
        re.compile(rf"(?<!\w)(?:{heads})(?!\w)(?:\s+[\w’'-]+){{0,3}}?\s+(?:{links})\s*$", re.I),
        re.compile(rf"(?<!\w)(?:{_alternation(data.get('outlet_heads') or [])})(?!\w)"
                   r"(?:\s+[\w’'-]+){0,3}?\s*$", re.I),
        re.compile(rf"(?<!\w)(?:{_alternation(data.get('locative_words') or [])})"
                   r"(?:\s+|(?<=['’]))(?:(?:la|le|les|l['’])\s*)?$", re.I),
        re.compile(rf"(?<!\w)(?:{_alternation(data.get('apposition_heads') or [])})"
                   r"(?:\s+[\w’'-]+)?\s*,\s*$", re.I),
        re.compile(rf"^\s+(?:ne\s+|n['’])?(?:{_alternation(data.get('metonym_verbs') or [])})"
                   r"(?!\w)", re.I),
        frozenset(gz.norm_key(c) for c in data.get("metonym_capitals") or []))


def _clause_before(text: str, pos: int) -> str:
    """The text before ``pos`` back to the last punctuation mark (at most _WINDOW chars)."""
    window = text[max(0, pos - _WINDOW):pos]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def is_locative(text: str, pos: int, rc: RoleCues) -> bool:
    """A locative word right before the name: "à Paris", "vers Bagdad", "dans la ville"."""
    return (rc.locative.search(_clause_before(text, pos)) is not None
            or rc.apposition.search(text[max(0, pos - _WINDOW):pos]) is not None)


def is_outlet_name(text: str, pos: int, rc: RoleCues) -> bool:
    """"l'agence de presse officielle Sana", "la chaîne Al-Mayadeen": a name, not a place."""
    before = _clause_before(text, pos)
    return rc.outlet.search(before) is not None and rc.locative.search(before) is None


def role_of(text: str, span: tuple[int, int], name: str, kind: str, country: str | None,
            home: str | None, rc: RoleCues) -> str:
    """The role of the name at ``span`` (``name`` without its cue words); ``home`` is the
    article's own country, where a capital is a place unless a verb makes it an actor."""
    start, end = span
    if kind == "country":
        return ATTRIBUTE if rc.attribute.search(_clause_before(text, start)) else LOCATIVE
    if gz.norm_key(name) not in rc.capitals:
        return LOCATIVE
    if rc.verb.match(text[end:end + 40]):
        return METONYM
    if country != home and not is_locative(text, start, rc):
        return METONYM
    return LOCATIVE


def dominant_country(mentions: Sequence[tuple[int, str, str, str]],
                     adjectives: Sequence[tuple[int, str]]) -> str | None:
    """The article's country: the one whose places and admin-1 units it names most, a name in
    the lead counting double; a country named only as an attribute or in an adjective
    ("irakiens et iraniens") weighs little. ``mentions`` are (offset, country, kind, role)."""
    score: dict[str, float] = {}
    for pos, cc, kind, role in mentions:
        if role == METONYM:
            continue
        weight = 0.5 if role == ATTRIBUTE else 2.0 if kind == "country" else 3.0
        score[cc] = score.get(cc, 0.0) + weight * (2 if pos < _LEAD else 1)
    for pos, cc in adjectives:
        score[cc] = score.get(cc, 0.0) + 0.5 * (2 if pos < _LEAD else 1)
    if not score:
        return None
    return max(score.items(), key=lambda kv: (kv[1], -_first(kv[0], mentions, adjectives)))[0]


def _first(cc: str, mentions: Sequence[tuple[int, str, str, str]],
           adjectives: Sequence[tuple[int, str]]) -> int:
    """Ties go to the country named first."""
    at = [p for p, c, *_ in mentions if c == cc] + [p for p, c in adjectives if c == cc]
    return min(at, default=1 << 30)
