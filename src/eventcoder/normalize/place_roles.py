"""What a place name does in its sentence: where something happened, or something else.

A country or capital is often not a location: "les gardiens de la révolution islamique en
Iran" qualifies an organisation, "Washington accuse Téhéran" names two governments, and
"l'agence officielle Sana" is an outlet that shares a name with Yemen's capital, and "un
convoi en direction du Niger" names where the convoy was going, not where it was attacked.
The matcher keeps such mentions visible (the engine may want them for actors) but marks
them, so that event placement can skip them. The word lists are data (``data/<lang>/places.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_resolve import cues_for

LOCATIVE = "locative"  # where something is or happened
ATTRIBUTE = "attribute"  # qualifies a person or organisation: "l'ambassade des États-Unis"
METONYM = "metonym"  # a capital standing for its government: "Washington a annoncé"
SPEAKER = "speaker"  # where a source spoke from: "joint par téléphone à Ouagadougou"
ORIGIN = "origin"  # where someone came from: "des renforts venus de Niamey"
DIRECTION = "direction"  # where someone was heading: "un convoi en direction du Niger"

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
    speaker: re.Pattern[str]  # "joint par téléphone à", "un responsable local à"
    origin: re.Pattern[str]  # "envoyés en renfort de", "venus de"
    governs: re.Pattern[str]  # "les autorités de" before a town
    destination: re.Pattern[str]  # "en direction du", "à destination de", "vers"
    near: re.Pattern[str]  # "près du" before a country
    adjectives: dict[str, str]  # casefolded country adjective -> country


def alternation(words: Iterable[str], loose_hyphens: bool = False) -> str:
    """One regex alternative per word, longest first; "'" matches both apostrophes, a space
    any run of spaces and, with ``loose_hyphens``, a hyphen a space too ("nord ouest")."""
    alts = []
    for w in sorted(words, key=len, reverse=True):
        alt = re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
        alts.append(alt.replace(r"\-", "[- ]") if loose_hyphens else alt)
    return "|".join(alts) or "(?!)"


_alternation = alternation


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
                   r"(?:\s+(?P<adj>[\w’'-]+))?\s*,\s*$", re.I),
        re.compile(rf"^\s+(?:ne\s+|n['’])?(?:{_alternation(data.get('metonym_verbs') or [])})"
                   r"(?!\w)", re.I),
        frozenset(gz.norm_key(c) for c in data.get("metonym_capitals") or []),
        _speaker_pattern(data),
        re.compile(rf"(?<!\w)(?:{_alternation(data.get('origin_words') or [])})"
                   r"(?:\s+en\s+renforts?)?\s+(?:de|d['’]|du|des|depuis)\s*$", re.I),
        re.compile(rf"(?<!\w)(?:{_alternation(data.get('place_attribute_heads') or [])})"
                   r"(?:\s+[\w’'-]+)?\s+(?:de|d['’]|du)\s*$", re.I),
        _before_name(data.get("destination_words") or []),
        _before_name(data.get("near_words") or []),
        cues_for(lang).adjectives)


def _before_name(words: list[str]) -> re.Pattern[str]:
    """Words ending right before a name, an article allowed after them ("vers le Niger")."""
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?:\s+|(?<=['’]))"
                      r"(?:(?:la|le|les|l['’])\s*)?$", re.I)


_ADJ = r"(?:\s+(?![\w’'-]*(?:é|ée|és|ées|u|ue|us)(?!\w))[\w’'-]+){0,2}"  # not "tué"


def _speaker_pattern(data: dict[str, Any]) -> re.Pattern[str]:
    """The end of a clause that puts a source somewhere: a contact word ("joint par
    téléphone à"), a source noun and its adjectives ("un responsable local à"), or a speech
    verb and "depuis" ("a déclaré à l'AFP ... depuis")."""
    contact = _alternation(data.get("speaker_contact_words") or [])
    heads = _alternation(data.get("speaker_heads") or [])
    verbs = _alternation(data.get("speech_verbs") or [])
    return re.compile(
        rf"(?<!\w)(?:(?:{contact})(?:\s+[\w’'-]+){{0,3}}?\s+(?:à|depuis|au|en)"
        rf"|(?:{heads}){_ADJ}\s+(?:à|depuis)"
        rf"|(?:{verbs})(?:\s+[\w’'-]+){{0,8}}?\s+depuis)\s*(?:(?:la|le|l['’])\s*)?$", re.I)


def _clause_before(text: str, pos: int) -> str:
    """The text before ``pos`` back to the last punctuation mark (at most _WINDOW chars)."""
    window = text[max(0, pos - _WINDOW):pos]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def is_locative(text: str, pos: int, rc: RoleCues, country: str | None = None) -> bool:
    """A locative word right before the name: "à Paris", "vers Bagdad", "dans la ville"; or
    an apposition ("la capitale somalienne, Mogadiscio") whose adjective, if any, names the
    place's own ``country`` (so "la capitale somalienne, Salah Hassan" is no Moroccan town)."""
    if rc.locative.search(_clause_before(text, pos)) is not None:
        return True
    m = rc.apposition.search(text[max(0, pos - _WINDOW):pos])
    if m is None:
        return False
    adj = rc.adjectives.get((m.group("adj") or "").casefold())
    return adj is None or country is None or adj == country


def is_speaker_place(text: str, pos: int, rc: RoleCues) -> bool:
    """"joint par téléphone à Ouagadougou", "un élu local joint depuis Dori": where the
    source was, which must not win over the event's own place."""
    return rc.speaker.search(_clause_before(text, pos)) is not None


def near_foreign(text: str, pos: int, rc: RoleCues, country: str | None,
                 home: str | None) -> int | None:
    """Where "près du Niger" starts when the country named is not the article's own: a story
    about Mali placed "près du Niger" happened in Mali, near that border."""
    if home is None or country == home:
        return None
    before = _clause_before(text, pos)
    m = rc.near.search(before)
    return None if m is None else pos - len(before) + m.start()


def is_outlet_name(text: str, pos: int, rc: RoleCues) -> bool:
    """"l'agence de presse officielle Sana", "la chaîne Al-Mayadeen": a name, not a place."""
    before = _clause_before(text, pos)
    return rc.outlet.search(before) is not None and rc.locative.search(before) is None


@lru_cache(maxsize=4)
def _outlet_spans(text: str) -> tuple[tuple[int, int], ...]:
    from eventcoder.normalize.outlets import find_outlets  # outlets need the actor tables

    return tuple((h.start, h.end) for h in find_outlets(text))


def in_outlet_name(text: str, span: tuple[int, int], rc: RoleCues) -> bool:
    """"The Irrawaddy et Radio Free Asia ont rapporté", "selon Myanmar Now", "France 24 a
    diffusé": a name inside a known outlet's name (data/outlets.yaml) is the newsroom, not
    a place, unless a locative word asks for the place ("dans l'Irrawaddy")."""
    for start, end in _outlet_spans(text):
        if start <= span[0] and span[1] <= end:
            return not is_locative(text, start, rc)
    return False


def role_of(text: str, span: tuple[int, int], name: str, kind: str, country: str | None,
            home: str | None, rc: RoleCues) -> str:
    """The role of the name at ``span`` (``name`` without its cue words); ``home`` is the
    article's own country, where a capital is a place unless a verb makes it an actor."""
    start, end = span
    if rc.destination.search(_clause_before(text, start)):
        return DIRECTION
    if is_speaker_place(text, start, rc):
        return SPEAKER  # "l'ONG, basée au Royaume-Uni": where a source is, countries too
    if kind == "country":
        return ATTRIBUTE if rc.attribute.search(_clause_before(text, start)) else LOCATIVE
    if rc.origin.search(_clause_before(text, start)):
        return ORIGIN
    if rc.governs.search(_clause_before(text, start)):
        return ATTRIBUTE
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
        if role in (METONYM, DIRECTION):
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
