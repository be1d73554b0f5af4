"""News outlets, agencies and monitors named in an article (the ``reported_by`` field).

Outlets are matched by name only: "la chaîne de télévision libanaise al-Mayadeen" yields
the span "al-Mayadeen"; a bare "la chaîne" names no outlet. Acronyms (AFP, AP, RT, SANA)
match only in capitals, so "ap" or "rt" inside ordinary words never fire. An outlet's name
is a proper name: written all in lower case ("at dawn", "semana") it is an ordinary word,
unless the outlet itself writes it so ("dpa"). A name whose only form carries the English
article ("The Irrawaddy") needs it: the bare word is the river and the region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from eventcoder.normalize.actor_kb import LANGS, load_yaml
from eventcoder.normalize.alias_index import AliasIndex, fold, tokenize

OUTLET_TYPES = ("state", "private", "party-affiliated", "monitor")


@dataclass(frozen=True)
class OutletMatch:
    start: int
    end: int
    text: str
    name: str
    id: str | None = None


@dataclass(frozen=True)
class OutletRecord:
    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


@cache
def outlet_records() -> dict[str, OutletRecord]:
    out = {}
    for raw in load_yaml("outlets.yaml") or []:
        if raw["type"] not in OUTLET_TYPES:
            raise ValueError(f"outlet {raw['id']}: unknown type {raw['type']!r}")
        by_lang = raw.get("aliases") or {}
        aliases = dict.fromkeys(a for lang in LANGS for a in by_lang.get(lang) or [])
        out[raw["id"]] = OutletRecord(raw["id"], raw["name"], raw["type"], raw.get("country"),
                                      tuple(aliases))
    return out


def get_outlet(outlet_id: str) -> OutletRecord | None:
    return outlet_records().get(outlet_id)


def all_outlets() -> list[OutletRecord]:
    return list(outlet_records().values())


@cache
def _index() -> AliasIndex[str]:
    entries = [(a, rec.id) for rec in outlet_records().values() for a in (rec.name, *rec.aliases)]
    return AliasIndex(entries)


def _key(name: str) -> str:
    return " ".join(fold(w) for w in name.split())


@cache
def _written_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(aliases written in lower case by their outlet, keys only ever written after "The")."""
    names = [a for rec in outlet_records().values() for a in (rec.name, *rec.aliases)]
    lower = frozenset(a for a in names if a == a.lower())
    bare = {_key(a) for a in names if not a.startswith("The ")}
    return lower, frozenset(_key(a[4:]) for a in names if a.startswith("The ")) - bare


def _written_as_name(text: str, start: int, surface: str) -> bool:
    lower, with_article = _written_forms()
    if surface == surface.lower() != surface.upper() and surface not in lower:
        return False
    return _key(surface) not in with_article or text[:start].rstrip()[-3:].casefold() == "the"


def find_outlets(text: str, lang: str = "fr") -> list[OutletMatch]:
    """Outlet names in text order; every language's aliases are tried (names travel)."""
    recs = outlet_records()
    return [OutletMatch(h.start, h.end, h.text, recs[h.payload].name, h.payload)
            for h in _index().find(text, tokenize(text))
            if _written_as_name(text, h.start, h.text)]


def resolve_outlet(surface: str) -> OutletMatch | None:
    """The outlet a surface form names, if any ("l'agence russe Sputnik" -> Sputnik)."""
    hits = find_outlets(surface)
    return max(hits, key=lambda h: h.end - h.start) if hits else None
