"""Place resolution: one name (with the cue word before it) to a location and its kind.

Homonyms are settled by the article's countries (most relevant first) and population; small
foreign villages are never matched, which keeps French words that happen to be GeoNames
names out. ``places`` scans text and calls :func:`resolve`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.actor_kb import load_yaml
from eventcoder.schema import Location

_FOREIGN_MIN_POP = 100_000  # a foreign town is matched only when it is this big
_NAMED_MIN_POP = 5_000  # ... and a town in another country the text names
_TOWN_OVER_ADMIN_POP = 10_000  # "Kirkouk" the city, "Ninive" the province

ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|an|ar|at|az|ash|ech|ez|ed|es)[-’'](?=[A-Z])")


def is_cap(word: str) -> bool:
    first = word[:1]
    return first.isupper() or "\u0600" <= first <= "\u06ff" or bool(ARTICLE_PREFIX.match(word))


@dataclass(frozen=True)
class Cues:
    admin: re.Pattern[str]
    district: re.Pattern[str]  # a second-level unit named after its town: "cercle de"
    town: re.Pattern[str]
    relative: re.Pattern[str]
    border: re.Pattern[str]
    stop: frozenset[str]  # casefolded words
    stop_keys: frozenset[str]  # the same as norm_keys: "Al-Qods" is "qods"
    adjectives: dict[str, str]  # casefolded form -> country
    countries: dict[str, str]  # norm_key -> country
    prefixes: tuple[tuple[str, re.Pattern[str]], ...]
    shared: dict[str, tuple[str, ...]]  # a country name two countries share: norm_key -> them
    name_heads: frozenset[str]  # leading words of country names with lower-case words inside


def _unaccented(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _cue_body(cues: list[str]) -> str:
    """One alternation of the cues, longest first, each also without its accents: the press
    writes "Etat de Borno" as often as "État de Borno". A cue ending in "de" also stands
    elided before a vowel ("à 30 km d'Agadez", "au nord d'Ansongo")."""
    cues = [*cues, *(c[:-2] + "d'" for c in cues if c.endswith(" de"))]
    alts = []
    for cue in sorted({*cues, *map(_unaccented, cues)}, key=len, reverse=True):
        esc = re.escape(cue).replace("'", "['’]").replace(r"\ ", r"\s+")
        alts.append(esc.replace("N", r"\d+(?:[.,]\d+)?"))
    return "|".join(alts) or "(?!)"


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """Matches a cue at the end of the text before a name."""
    return re.compile(rf"(?:^|(?<=\W))(?:{_cue_body(cues)})\s*$", re.I)


def _prefix_pattern(cues: list[str]) -> re.Pattern[str]:
    """Matches a cue at the start of an entity string ("province de Babel")."""
    return re.compile(rf"^(?:{_cue_body(cues)})(?:\s+|(?<=['’]))", re.I)


def _inflect(adj: str) -> list[str]:
    """Masculine singular -> the four forms (irakien, irakienne, irakiens, irakiennes)."""
    if adj.endswith(("ien", "en")):
        return [adj, adj + "ne", adj + "s", adj + "nes"]
    if adj.endswith(("s", "x")):
        return [adj, adj + "e", adj + "es"]
    if adj.endswith("e"):
        return [adj, adj + "s"]
    return [adj, adj + "e", adj + "s", adj + "es"]


def _demonyms(lang: str) -> dict[str, str]:
    """The nationality adjectives the actor tables know (data/<lang>/demonyms.yaml): "l'armée
    birmane" names Myanmar for places as much as for actors, so a country new to the corpus
    needs its adjective written once, not in two lists."""
    out: dict[str, str] = {}
    for cc, entry in (load_yaml(lang, "demonyms.yaml") or {}).items():
        if isinstance(entry, list):
            forms = entry
        else:
            forms = _inflect(str(entry)) if lang == "fr" else [str(entry)]
        out.update((form.casefold(), cc) for form in forms)
    return out


@cache
def cues_for(lang: str) -> Cues:
    data = gz.lang_data(lang)
    adjectives = _demonyms(lang)
    adjectives.update({form.casefold(): cc for cc, adjs in (data.get("adjectives") or {}).items()
                       for adj in adjs for form in _inflect(adj)})
    countries = dict(gz.country_index())
    for cc, names in (data.get("country_names") or {}).items():
        for n in names:
            countries[gz.norm_key(n)] = cc
    shared = {gz.norm_key(n): tuple(ccs)
               for n, ccs in (data.get("shared_country_names") or {}).items()}
    return Cues(_cue_pattern(data.get("admin_cues") or []),
                 _cue_pattern(data.get("district_cues") or []),
                 _cue_pattern(data.get("town_cues") or []),
                 _cue_pattern(data.get("relative_cues") or []),
                 re.compile("|".join(map(re.escape, data.get("border_words") or ["(?!)"])),
                            re.I),
                 frozenset(w.casefold() for w in data.get("stop_words") or []),
                 frozenset(gz.norm_key(w) for w in data.get("stop_words") or []),
                 adjectives, countries,
                 (("admin", _prefix_pattern(data.get("admin_cues") or [])),
                  ("district", _prefix_pattern(data.get("district_cues") or [])),
                  ("town", _prefix_pattern(data.get("town_cues") or []))),
                 shared, _name_heads(countries))


def _name_heads(countries: dict[str, str]) -> frozenset[str]:
    """Proper prefixes of multi-word country names: "republikue democratikue" lets the scan
    run on through lower-case words to "République démocratique du Congo"."""
    out: set[str] = set()
    for key in countries:
        words = key.split()
        out.update(" ".join(words[:n]) for n in range(2, len(words)))
    return frozenset(out)


def _country(key: str, allowed: tuple[str, ...], cues: Cues) -> str | None:
    """The country a name denotes; a shared name ("le Congo") goes to the sharer the article
    is about, else to the first listed."""
    sharers = cues.shared.get(key)
    if not sharers:
        return cues.countries.get(key)
    rank = {cc: i for i, cc in enumerate(allowed)}
    return min(sharers, key=lambda cc: (rank.get(cc, len(rank)), sharers.index(cc)))


# ---------------------------------------------------------------- locations


def admin1_name(code: str) -> str | None:
    a = gz.admin1_table().get(code)
    return a.name if a else None


def admin1_centroid(code: str) -> tuple[float, float] | None:
    a = gz.admin1_table().get(code)
    return (a.lat, a.lon) if a and a.lat is not None and a.lon is not None else None


def country_name(code: str, lang: str = "en") -> str | None:
    c = gz.country_table().get(code)
    return None if c is None else (c.name_fr if lang == "fr" else c.name_en)


def _admin_location(code: str, text: str) -> Location:
    a = gz.admin1_table()[code]
    top = gz.admin1_table().get(a.parent or code, a)
    return Location(country=a.country, admin1=top.code, admin1_name=top.name,
                    place=a.name if a.parent else None, latitude=top.lat, longitude=top.lon,
                    geo_precision=3, text=text)


def _place_location(p: gz.Place, text: str) -> Location:
    return Location(country=p.country, admin1=p.admin1,
                    admin1_name=admin1_name(p.admin1) if p.admin1 else None, place=p.name,
                    latitude=p.lat, longitude=p.lon, geo_precision=1, text=text)


def _pick_admin(key: str, allowed: tuple[str, ...]) -> str | None:
    """Among admin-1 homonyms: the article's countries first, top levels before sub-levels."""
    table = gz.admin1_table()
    codes = [c for c in gz.admin1_index().get(key, ()) if c in table]
    if not codes:
        return None
    rank = {cc: i for i, cc in enumerate(allowed)}
    codes.sort(key=lambda c: (rank.get(table[c].country, len(rank)), table[c].parent is not None,
                              c))
    # sub-levels (a Burkina province, a French department) only in the article's own country
    codes = [c for c in codes if table[c].parent is None or rank.get(table[c].country) == 0]
    if not codes:
        return None
    best = codes[0]
    if not allowed:  # no context: only an unambiguous name
        return best if len({table[c].country for c in codes}) == 1 else None
    return best if table[best].country in rank else None


def _plausible(p: gz.Place, rank: int | None, key: str) -> bool:
    """Villages only in the article's country, towns in countries it names, big cities
    anywhere: a French word that is also a hamlet somewhere must not become a place."""
    if p.kind != "city" or rank == 0:
        return True
    if rank is not None:
        return p.population >= _NAMED_MIN_POP
    return p.population >= _FOREIGN_MIN_POP and len(key) >= 4


def _pick_place(key: str, allowed: tuple[str, ...], lower: bool = False) -> gz.Place | None:
    """Homonyms: log-population plus a bonus for the article's country (3), another country
    it names (1.5) and curated places (2), so Baghdad beats Bagdad (Florida) in an article
    that names the United States first, yet an Iraqi village beats a foreign town."""
    rank = {cc: i for i, cc in enumerate(allowed)}
    best: tuple[float, str, gz.Place] | None = None
    for pid in gz.place_ids(key):
        p = gz.get_place(pid)
        r = None if p is None else rank.get(p.country)
        if p is None or not _plausible(p, r, key) or (lower and r != 0 and p.kind == "city"):
            continue
        score = math.log10(p.population + 10) + (3 if r == 0 else 1.5 if r is not None else 0)
        score += 2 if p.kind != "city" else 0
        if best is None or (-score, pid) < (-best[0], best[1]):
            best = (score, pid, p)
    return best[2] if best else None


class Hit(NamedTuple):
    location: Location
    kind: str  # "place", "admin1", "country"
    population: int  # of a town; 0 for other kinds and curated places


def resolve(surface: str, cue: str | None, allowed: tuple[str, ...], cues: Cues) -> Hit | None:
    """The location a name denotes, and its kind, given the cue before it."""
    key = gz.norm_key(surface)
    if not key:
        return None
    stop = bool({surface.casefold(), ARTICLE_PREFIX.sub("", surface).casefold()} & cues.stop
                or key in cues.stop_keys)
    country = _country(key, allowed, cues)
    if country and cue is None:
        return Hit(Location(country=country, geo_precision=3, text=surface), "country", 0)
    admin = _pick_admin(key, allowed) if not stop or cue == "admin" else None
    place = None if stop else _pick_place(key, allowed, not is_cap(surface[:1]) or
                                          bool(ARTICLE_PREFIX.match(surface)))
    if cue == "admin" and admin:
        return Hit(_admin_location(admin, surface), "admin1", 0)
    if place and (cue in ("town", "district") or admin is None or place.kind != "city"
                  or place.population >= _TOWN_OVER_ADMIN_POP
                  or gz.admin1_table()[admin].country != place.country):
        return Hit(_place_location(place, surface), "place",
                   place.population if place.kind == "city" else 0)
    if admin:
        return Hit(_admin_location(admin, surface), "admin1", 0)
    return None
