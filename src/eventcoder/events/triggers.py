"""The trigger lexicon compiled once: lemma and phrase entries from data/<lang>/triggers.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from eventcoder.events import lexicon

# Function words normalised so that phrases match whatever the lemmatiser gives.
_FOLD = {"d’": "de", "d'": "de", "du": "de", "des": "de", "la": "le", "les": "le",
         "l’": "le", "l'": "le", "une": "un",
         "obu": "obus"}  # the lemmatiser cuts the plural "obus" to "obu"


@lru_cache(maxsize=1 << 16)
def fold(lemma: str) -> str:
    """Cached: every rule module folds the lemmas of the whole article again."""
    low = lemma.lower()
    return _FOLD.get(low, low)


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    kind: str
    type_key: str | None
    pos: str | None = None
    weapon: str | None = None
    requires: frozenset[str] = frozenset()
    requires_object: bool = False
    requires_plural: bool = False
    active: bool = False
    agent: bool = False
    upgrade: dict[str, str] = field(default_factory=dict)
    same_type_only: bool = False  # "le second accident ... dans les mêmes circonstances"
    objects: dict[str, str] = field(default_factory=dict)  # object class -> type key or ""


@dataclass(frozen=True)
class Lexicon:
    single: dict[str, list[Entry]]
    phrases: dict[str, list[Entry]]
    types: dict[str, tuple[str, str]]
    type_weapons: dict[str, str]
    rank: dict[str, int]


def _entry(raw: dict[str, Any]) -> Entry:
    words = tuple(fold(w) for w in raw.get("phrase") or [raw["lemma"]])
    return Entry(words, raw.get("kind", "event"), raw.get("type"), raw.get("pos"),
                 raw.get("weapon"), frozenset(raw.get("requires", [])),
                 bool(raw.get("requires_object")), bool(raw.get("requires_plural")),
                 bool(raw.get("active")), bool(raw.get("agent")), dict(raw.get("upgrade", {})),
                 bool(raw.get("same_type_only")), dict(raw.get("objects", {})))


@cache
def compiled(lang: str = "fr") -> Lexicon:
    data = lexicon.load("triggers", lang)
    single: dict[str, list[Entry]] = {}
    phrases: dict[str, list[Entry]] = {}
    for raw in data["triggers"]:
        e = _entry(raw)
        target = phrases if len(e.words) > 1 else single
        target.setdefault(e.words[0], []).append(e)
    for lst in phrases.values():
        lst.sort(key=lambda e: -len(e.words))
    types = {k: (v[0], v[1]) for k, v in data["types"].items()}
    rank = {k: i + 1 for i, k in enumerate(data["hierarchy"])}
    return Lexicon(single, phrases, types, dict(data.get("type_weapons", {})), rank)
