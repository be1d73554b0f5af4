"""Fuzzy fallback for place names that failed the exact gazetteer lookup.

Misspelt or unusually transliterated names ("Diwaniya" for "Ad Diwaniyah") are compared
only with the names of the article's own countries, bucketed by first letter and length so
that one lookup scores a few dozen keys, not half a million. Pools are built once per
country and cached; results are cached per (key, countries).
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from eventcoder.normalize import gazetteer as gz

FUZZY_MIN = 90  # rapidfuzz ratio
_MIN_LEN = 5
_NAMED_MIN_POP = 5_000  # towns of a second country in the pool: only this big

Buckets = dict[tuple[str, int], tuple[str, ...]]


@cache
def curated_keys() -> frozenset[str]:
    keys: set[str] = set()
    for r in gz.read_curated():
        keys.update(gz.norm_key(a) for a in [r["name"], *r["aliases"].split("|")] if a)
    return frozenset(keys)


@cache
def curated_starts() -> frozenset[str]:
    """First words of the curated names that may be written in lower case ("la zone verte")."""
    return frozenset(k.split()[0] for k in curated_keys() if " " in k)


@cache
def _admin_keys(country: str) -> frozenset[str]:
    return gz.admin1_keys_by_country().get(country, frozenset())


def _bucket(keys: set[str]) -> Buckets:
    out: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for k in keys:
        if len(k) >= _MIN_LEN - 1:
            out[(k[0], len(k))].append(k)
    return {b: tuple(sorted(v)) for b, v in out.items()}


@cache
def _pool(country: str, first: bool) -> Buckets:
    """The fuzzy candidates of one country: its admin-1 names and its towns (all of them for
    the article's own country, the bigger ones for a second country)."""
    keys = set(_admin_keys(country))
    names = gz.country_place_names(country, 0 if first else _NAMED_MIN_POP)
    keys.update(gz.norm_key(n) for n in names)
    return _bucket(keys)


@cache
def _context_free_pool() -> Buckets:
    """With no country known: curated places only (admin-1 names of the whole world would
    turn surnames into provinces)."""
    return _bucket(set(curated_keys()))


def _candidates(key: str, pools: list[Buckets]) -> list[str]:
    n = len(key)
    lo, hi = math.ceil(n * 9 / 11), math.floor(n * 11 / 9)  # ratio >= 90 bounds the length
    out: list[str] = []
    for pool in pools:
        for length in range(lo, hi + 1):
            out.extend(pool.get((key[0], length), ()))
    return out


@lru_cache(maxsize=8192)
def fuzzy_key(key: str, countries: tuple[str, ...]) -> str | None:
    """The closest known name to ``key`` (a norm_key) among the countries' names, if close."""
    if len(key) < _MIN_LEN:
        return None
    pools = [_context_free_pool()]
    pools += [_pool(cc, i == 0) for i, cc in enumerate(countries[:2])]
    choices = _candidates(key, pools)
    if not choices:
        return None
    hit = process.extractOne(key, choices, scorer=fuzz.ratio, processor=None,
                             score_cutoff=FUZZY_MIN)
    return hit[0] if hit else None


ADMIN_FUZZY_MIN = 85  # rapidfuzz ratio, after an admin cue: one vowel off in eight letters


@lru_cache(maxsize=1024)
def fuzzy_admin_key(key: str, country: str) -> str | None:
    """The admin-1 name of ``country`` closest to ``key``, for a name written right after
    "la région de", "l'Etat de": the cue says a province of the article's country follows,
    so a spelling a little further off ("Koulikouro" for Koulikoro, a French "ou" for an
    "o") is still that province, where a bare word would need to be closer."""
    if len(key) < _MIN_LEN:
        return None
    choices = sorted(_admin_keys(country))
    hit = process.extractOne(key, choices, scorer=fuzz.ratio, processor=None,
                             score_cutoff=ADMIN_FUZZY_MIN)
    return hit[0] if hit else None
