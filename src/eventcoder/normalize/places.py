"""Places: gazetteer matching to country, ISO 3166-2 admin1 and coordinates (issue 4).

``find_places`` scans capitalised token sequences (and the curated multi-word names, which
may be lower case: "la zone verte") against the shipped gazetteer, reading the cue words
before each name: "province de" prefers the admin-1 unit, "ville de" the town, "au sud de"
makes the match relative (ACLED geo_precision 2 at the reference place). Homonyms are
settled by the article's country (``country_hint`` or the countries the text names) and
population; small foreign villages are never matched, which keeps French words that happen
to be GeoNames names out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz, process

from eventcoder.normalize import gazetteer as gz
from eventcoder.schema import Location

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*\w|[^\W\d_]|\d+[A-Za-z]*", re.U)
_ELISION = re.compile(r"^(?:[dlDL]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w)")
_CONNECTORS = frozenset("al el ad ez az as ash an ar ed es er et at de du des la le ibn bin "
                        "ben ould ag oum um abu abou bou wa y".split())
_ARTICLE = re.compile(r"(?:\b(?:la|le|les|du|des)\s+|\bl['’]\s*)$", re.I)
_MAX_TOKENS = 5
_FOREIGN_MIN_POP = 100_000  # a foreign town is matched only when it is this big
_NAMED_MIN_POP = 5_000  # ... and a town in another country the text names
_TOWN_OVER_ADMIN_POP = 10_000  # "Kirkouk" the city, "Ninive" the province
_FUZZY_MIN = 90


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    location: Location
    kind: str  # "place", "admin1", "country", "relative"


@dataclass(frozen=True)
class _Cues:
    admin: re.Pattern[str]
    town: re.Pattern[str]
    relative: re.Pattern[str]
    border: re.Pattern[str]
    stop: frozenset[str]
    adjectives: dict[str, str]  # casefolded form -> country
    countries: dict[str, str]  # norm_key -> country
    prefixes: tuple[tuple[str, re.Pattern[str]], ...]


def _cue_body(cues: list[str]) -> str:
    alts = []
    for cue in sorted(cues, key=len, reverse=True):
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


@cache
def _cues(lang: str) -> _Cues:
    data = gz.lang_data(lang)
    adjectives = {form.casefold(): cc for cc, adjs in (data.get("adjectives") or {}).items()
                  for adj in adjs for form in _inflect(adj)}
    countries = dict(gz.country_index())
    for cc, names in (data.get("country_names") or {}).items():
        for n in names:
            countries[gz.norm_key(n)] = cc
    return _Cues(_cue_pattern(data.get("admin_cues") or []),
                 _cue_pattern(data.get("town_cues") or []),
                 _cue_pattern(data.get("relative_cues") or []),
                 re.compile("|".join(map(re.escape, data.get("border_words") or ["(?!)"])),
                            re.I),
                 frozenset(w.casefold() for w in data.get("stop_words") or []),
                 adjectives, countries,
                 (("admin", _prefix_pattern(data.get("admin_cues") or [])),
                  ("town", _prefix_pattern(data.get("town_cues") or []))))


@cache
def _curated_keys() -> frozenset[str]:
    keys = set()
    for r in gz.read_curated():
        keys.update(gz.norm_key(a) for a in [r["name"], *r["aliases"].split("|")] if a)
    return frozenset(keys)


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


def _resolve(surface: str, cue: str | None, allowed: tuple[str, ...],
             cues: _Cues) -> tuple[Location, str] | None:
    """The location a name denotes, and its kind, given the cue before it."""
    key = gz.norm_key(surface)
    if not key:
        return None
    stop = {surface.casefold(), _ARTICLE_PREFIX.sub("", surface).casefold()} & cues.stop
    country = cues.countries.get(key)
    if country and cue is None:
        return Location(country=country, geo_precision=3, text=surface), "country"
    admin = _pick_admin(key, allowed) if not stop or cue == "admin" else None
    place = None if stop else _pick_place(key, allowed, not _is_cap(surface[:1]) or
                                          bool(_ARTICLE_PREFIX.match(surface)))
    if cue == "admin" and admin:
        return _admin_location(admin, surface), "admin1"
    if place and (cue == "town" or admin is None or place.kind != "city"
                  or place.population >= _TOWN_OVER_ADMIN_POP
                  or gz.admin1_table()[admin].country != place.country):
        return _place_location(place, surface), "place"
    if admin:
        return _admin_location(admin, surface), "admin1"
    return None


@cache
def _fuzzy_keys(countries: tuple[str, ...]) -> tuple[str, ...]:
    """Names of admin-1 units and towns of the given countries, the fuzzy fallback's pool."""
    keep = set(countries)
    table = gz.admin1_table()
    keys = {k for k, codes in gz.admin1_index().items()
            if not keep or any(table[c].country in keep for c in codes if c in table)}
    keys |= _curated_keys()
    if not keep:  # no context: admin-1 units and curated places only
        return tuple(sorted(keys))
    ids = {pid for pid, row in gz._place_rows().items() if row.split("\t", 2)[1] in keep}
    keys.update(k for k, v in gz._place_keys().items() if any(i in ids for i in v.split(",")))
    return tuple(sorted(keys))


def _fuzzy(surface: str, allowed: tuple[str, ...]) -> str | None:
    key = gz.norm_key(surface)
    if len(key) < 5:
        return None
    hit = process.extractOne(key, _fuzzy_keys(allowed[:2]), scorer=fuzz.ratio,
                             score_cutoff=_FUZZY_MIN)
    return hit[0] if hit else None


def resolve_place(name: str, country_hint: str | None = None, lang: str = "fr") -> Location | None:
    """A place name (as a spaCy LOC entity or a gazetteer form) to a location; cue words such
    as "province de" or "la ville de" in front are honoured."""
    cues = _cues(lang)
    name = _ELISION.sub("", name.strip())
    cue = None
    for kind, pat in cues.prefixes:
        m = pat.match(name)
        if m and m.end() < len(name):
            cue, name = kind, _ELISION.sub("", name[m.end():].strip())
            break
    allowed = (country_hint,) if country_hint else ()
    hit = _resolve(name, cue, allowed, cues)
    if hit is None and name[:1].isupper():
        key = _fuzzy(name, allowed)
        hit = _resolve(key, cue, allowed, cues) if key else None
    return replace(hit[0], text=name) if hit else None


# ---------------------------------------------------------------- scanning text


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|an|ar|at|az|ash|ech|ez|ed|es)[-’'](?=[A-Z])")


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        start, word = m.start(), m.group()
        e = _ELISION.match(word)
        if e:
            start, word = start + e.end(), word[e.end():]
        out.append(_Tok(start, m.end(), word))
    return out


def _is_cap(word: str) -> bool:
    first = word[:1]
    return first.isupper() or "\u0600" <= first <= "\u06ff" or bool(_ARTICLE_PREFIX.match(word))


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 2 and all(c in " -\u00a0" for c in gap)


def _span_ends(text: str, toks: list[_Tok], i: int) -> list[int]:
    """Last-token indexes of candidate names starting at token ``i``, longest first."""
    ends = []
    cap_start = _is_cap(toks[i].text)
    for j in range(i, min(len(toks), i + _MAX_TOKENS)):
        if j > i and not _joined(text, toks[j - 1], toks[j]):
            break
        word = toks[j].text
        if cap_start and (j == i or _is_cap(word)):
            ends.append(j)
        elif j > i and gz.norm_key(text[toks[i].start:toks[j].end]) in _curated_keys():
            ends.append(j)  # "la zone verte", "Zone verte", "place Tayaran"
        elif cap_start and word.casefold() not in _CONNECTORS:
            break
    return ends[::-1]


def _cue_before(prefix: str, cues: _Cues) -> tuple[str | None, int, bool]:
    """(cue kind, where the phrase starts, relative?) for the text before a name."""
    cue, start = None, len(prefix)
    for kind, pat in (("admin", cues.admin), ("town", cues.town)):
        m = pat.search(prefix[-80:])
        if m:
            cue, start = kind, len(prefix) - len(prefix[-80:]) + m.start()
            break
    rest = prefix[:start]
    art = _ARTICLE.search(rest[-12:])
    if art is not None:
        rest = rest[: len(rest) - (len(rest[-12:]) - art.start())]
    rel = cues.relative.search(rest[-80:])
    if rel:
        return cue, len(rest) - len(rest[-80:]) + rel.start(), True
    return cue, start, False


def _match_at(text: str, toks: list[_Tok], i: int, allowed: tuple[str, ...],
              cues: _Cues) -> tuple[PlaceMatch, int] | None:
    cue, start, relative = _cue_before(text[:toks[i].start], cues)
    ends = _span_ends(text, toks, i)
    for j in ends:
        hit = _resolve(text[toks[i].start:toks[j].end], cue, allowed, cues)
        if hit:
            return _as_match(text, start, toks[j].end, hit, relative), j
    if ends and len(ends) == 1 and _is_cap(toks[i].text):
        surface = text[toks[i].start:toks[ends[0]].end]
        key = _fuzzy(surface, allowed) if surface.casefold() not in cues.stop else None
        hit = _resolve(key, cue, allowed, cues) if key else None
        if hit:
            return _as_match(text, start, toks[ends[0]].end, hit, relative), ends[0]
    return None


def _as_match(text: str, start: int, end: int, hit: tuple[Location, str],
              relative: bool) -> PlaceMatch:
    loc, kind = hit
    phrase = text[start:end]
    if relative and kind in ("place", "admin1"):
        return PlaceMatch(start, end, phrase, replace(loc, geo_precision=2, text=phrase),
                          "relative")
    return PlaceMatch(start, end, phrase, replace(loc, text=phrase), kind)


def _named_countries(toks: list[_Tok], cues: _Cues) -> Counter[str]:
    """Countries the text names or qualifies ("en Irak", "l'armée irakienne"), weighted: an
    adjective counts half a name, as "l'armée américaine" often names an actor, not a place."""
    found: Counter[str] = Counter()
    for i, t in enumerate(toks):
        cc = cues.adjectives.get(t.text.casefold())
        if cc:
            found[cc] += 1
            continue
        if _is_cap(t.text):
            for n in (3, 2, 1):
                words = " ".join(x.text for x in toks[i:i + n])
                cc = cues.countries.get(gz.norm_key(words))
                if cc:
                    found[cc] += 2
                    break
    return found


def _allowed(country_hint: str | None, named: Counter[str]) -> tuple[str, ...]:
    ordered = [cc for cc, _ in named.most_common()]
    return tuple(dict.fromkeys([country_hint, *ordered] if country_hint else ordered))


def _borders(text: str, toks: list[_Tok], allowed: tuple[str, ...],
             cues: _Cues) -> list[PlaceMatch]:
    """"la frontière koweïtienne", "la frontière avec le Mali": the border area, no point."""
    out = []
    for i, t in enumerate(toks):
        if not cues.border.fullmatch(t.text):
            continue
        for u in toks[i + 1:i + 4]:
            cc = cues.adjectives.get(u.text.casefold()) or cues.countries.get(gz.norm_key(u.text))
            if cc:
                country = allowed[0] if allowed and allowed[0] != cc else cc
                phrase = text[t.start:u.end]
                loc = Location(country=country, geo_precision=3, text=phrase)
                out.append(PlaceMatch(t.start, u.end, phrase, loc, "relative"))
                break
    return out


def find_places(text: str, country_hint: str | None = None, lang: str = "fr") -> list[PlaceMatch]:
    """Every place named in ``text``, resolved, in text order."""
    cues = _cues(lang)
    toks = _tokens(text)
    allowed = _allowed(country_hint, _named_countries(toks, cues))
    out: list[PlaceMatch] = []
    i = 0
    while i < len(toks):
        found = _match_at(text, toks, i, allowed, cues)
        if found:
            out.append(found[0])
            i = found[1] + 1
        else:
            i += 1
    out.extend(_borders(text, toks, allowed, cues))
    return sorted(out, key=lambda m: (m.start, m.end))


def country_of_text(text: str, lang: str = "fr") -> str | None:
    """The article's dominant country: most mentions by name, adjective or known place."""
    counts = _named_countries(_tokens(text), _cues(lang))
    for m in find_places(text, None, lang):
        if m.location.country and m.kind != "country":
            counts[m.location.country] += 3
    return counts.most_common(1)[0][0] if counts else None


def within(inner: Location, outer: Location) -> bool:
    """True when ``inner`` lies inside ``outer`` (a town in its province, a province in its
    country) or both name the same place."""
    if inner.country != outer.country:
        return False
    if outer.admin1 is None:
        return True
    return inner.admin1 == outer.admin1 and (outer.place is None or inner.place == outer.place)
