"""Places: gazetteer matching to country, ISO 3166-2 admin1 and coordinates (issue 4).

``find_places`` scans capitalised token sequences (and the curated multi-word names, which
may be lower case: "la zone verte") against the shipped gazetteer, reading the cue words
before each name: "province de" prefers the admin-1 unit, "ville de" the town, "au sud de"
makes the match relative (ACLED geo_precision 2 at the reference place). Names are resolved
by :mod:`place_resolve`, misspellings by :mod:`place_fuzzy`, and each match says whether it
is a location or an attribute or metonym (:mod:`place_roles`). Only capitalised strings
that could be a name are looked up, and the whole scan is cached per text, so the engine's
two calls (matches, then the article's country) cost one scan of about a millisecond.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize import place_directions as directions
from eventcoder.normalize import place_distance as distance
from eventcoder.normalize import place_persons as persons
from eventcoder.normalize import place_roles as roles
from eventcoder.normalize import place_routes as routes
from eventcoder.normalize import place_sites as sites
from eventcoder.normalize import place_stated as stated
from eventcoder.normalize.place_fuzzy import (
    curated_keys,
    curated_starts,
    fuzzy_admin_key,
    fuzzy_key,
)
from eventcoder.normalize.place_match import PlaceMatch
from eventcoder.normalize.place_resolve import (
    Cues,
    admin1_centroid,
    admin1_name,
    country_name,
    cues_for,
    is_cap,
    resolve,
)
from eventcoder.schema import Location

__all__ = ["PlaceMatch", "admin1_centroid", "admin1_name", "country_name", "country_of_text",
           "find_places", "resolve_place", "within"]

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*\w|[^\W\d_]|\d+[A-Za-z]*", re.U)
_ELISION = re.compile(r"^(?:[dlDL]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w)")
_CONNECTORS = frozenset("al el ad ez az as ash an ar ed es er et at de du des la le ibn bin "
                        "ben ould ag oum um abu abou bou wa y da do dos das".split())
_ARTICLE = re.compile(r"(?:\b(?:la|le|les|du|des)\s+|\bl['’]\s*)$", re.I)
_MAX_TOKENS = 5
_FOREIGN_ALIAS_POP = 500_000  # a foreign town known here by another name must be a city
_FOREIGN_BARE_POP = 100_000  # a smaller foreign town needs "à", "près de"...: not "Parker"
_BORDER_REACH = 150  # characters between a border phrase and its reference town
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True)
class _Ctx:
    cues: Cues
    roles: roles.RoleCues
    allowed: tuple[str, ...]  # countries for homonyms, most relevant first
    home: str | None  # the article's own country
    lang: str = "fr"


def resolve_place(name: str, country_hint: str | None = None, lang: str = "fr") -> Location | None:
    """A place name (as a spaCy LOC entity or a gazetteer form) to a location; cue words such
    as "province de" or "la ville de" in front are honoured."""
    cues = cues_for(lang)
    name = _ELISION.sub("", name.strip())
    cue = None
    for kind, pat in cues.prefixes:
        m = pat.match(name)
        if m and m.end() < len(name):
            cue, name = kind, _ELISION.sub("", name[m.end():].strip())
            break
    allowed = (country_hint,) if country_hint else ()
    hit = resolve(name, cue, allowed, cues)
    if hit is None and name[:1].isupper():
        key = fuzzy_key(gz.norm_key(name), allowed)
        hit = resolve(key, cue, allowed, cues) if key else None
    return replace(hit.location, text=name) if hit else None


# ---------------------------------------------------------------- scanning text


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool  # may start a name: capitalised, Arabic script or "al-Qaim"


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        start, word = m.start(), m.group()
        e = _ELISION.match(word)
        if e:
            start, word = start + e.end(), word[e.end():]
        out.append(_Tok(start, m.end(), word, is_cap(word)))
    return out


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 2 and all(c in " -\u00a0" for c in gap)


def _span_ends(text: str, toks: list[_Tok], i: int, cues: Cues) -> list[int]:
    """Last-token indexes of candidate names starting at token ``i``, longest first."""
    ends = []
    cap_start = toks[i].cap
    for j in range(i, min(len(toks), i + _MAX_TOKENS)):
        if j > i and not _joined(text, toks[j - 1], toks[j]):
            break
        word = toks[j].text
        key = gz.norm_key(text[toks[i].start:toks[j].end]) if j > i else ""
        if cap_start and (j == i or toks[j].cap):
            ends.append(j)
        elif j > i and (key in curated_keys() or cap_start and (
                key in cues.countries or key in gz.admin1_index())
                        and word.casefold() not in _CONNECTORS):
            ends.append(j)  # "la zone verte", "Guinée équatoriale", "Kordofan occidental"
        elif cap_start and word.casefold() not in _CONNECTORS and key not in cues.name_heads:
            break  # "République démocratique" goes on to "... du Congo"
    return ends[::-1]


def _cue_before(text: str, pos: int, cues: Cues) -> tuple[str | None, int, bool]:
    """(cue kind, where the phrase starts, relative?) for the name starting at ``pos``."""
    base = max(0, pos - 160)
    prefix = text[base:pos].removesuffix("#")  # "à 52 km de #Koro": a hashtag in a tweet
    cue, start = None, pos - base  # after a dropped "#", the name itself
    for kind, pat in (("admin", cues.admin), ("district", cues.district), ("town", cues.town)):
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
        return cue, base + len(rest) - len(rest[-80:]) + rel.start(), True
    return cue, base + start, False


def _known(key: str, cues: Cues) -> bool:
    """Cheap pre-check before reading cues and ranking homonyms: is the key a name at all?"""
    if not key or key in cues.countries or key in gz.admin1_index():
        return bool(key)  # a stop word that is an admin-1 name may follow "province de"
    return key not in cues.stop_keys and bool(gz.place_ids(key))


def _match_at(text: str, toks: list[_Tok], i: int, ctx: _Ctx,
              tried: list[int]) -> tuple[PlaceMatch, int] | None:
    """The longest name starting at token ``i``; ``i`` goes to ``tried`` when some string
    there is a known or near-known name, so that a second pass can visit only those."""
    ends = _span_ends(text, toks, i, ctx.cues)
    known = []
    for j in ends:
        surface = text[toks[i].start:toks[j].end]
        if not _known(gz.norm_key(surface), ctx.cues):
            continue
        tried.append(i)
        known.append(j)
        m = _accept(text, (toks[i].start, toks[j].end), surface, ctx)
        if m:
            return m, j
    if ends and toks[i].cap and ends[0] not in known:
        # the whole span only: "Boucle du Mohoun", not its first word alone
        surface = text[toks[i].start:toks[ends[0]].end]
        key = fuzzy_key(gz.norm_key(surface), ctx.allowed[:2]) \
            if surface.casefold() not in ctx.cues.stop else None
        if key is None and ctx.allowed and surface.casefold() not in ctx.cues.stop and \
                _cue_before(text, toks[i].start, ctx.cues)[0] == "admin":
            key = fuzzy_admin_key(gz.norm_key(surface), ctx.allowed[0])
        if key or ctx.home is None:  # look again once the article's country is known
            tried.append(i)
        if key:
            m = _accept(text, (toks[i].start, toks[ends[0]].end), key, ctx, True)
            if m:
                return m, ends[0]
    return None


def _accept(text: str, span: tuple[int, int], name: str, ctx: _Ctx,
            fuzzy: bool = False) -> PlaceMatch | None:
    """Resolve the name at ``span`` and keep it only when the text supports a place: an
    outlet's name is none, and a town in a country the article never names, or a name only
    close to a known one, needs a cue or a locative word ("à Sanaa", not "l'agence Sana a
    indiqué"; "à Diwaniya", not "le président Buhari")."""
    cue, start, relative = _cue_before(text, span[0], ctx.cues)
    relative = relative or _between_second(text, span[0], ctx.lang)
    hit = resolve(name, cue, ctx.allowed, ctx.cues)
    if hit is None:
        return None
    loc, kind, population = hit
    if kind != "country" and roles.is_outlet_name(text, span[0], ctx.roles) or \
            cue is None and roles.in_outlet_name(text, span, ctx.roles):
        return None
    if kind != "country" and cue is None and not relative and _person(text, span, ctx):
        return None
    role = roles.role_of(text, span, text[span[0]:span[1]], kind, loc.country, ctx.home,
                         ctx.roles)
    if kind != "country" and role == roles.LOCATIVE:
        foreign = ctx.home is not None and loc.country != ctx.home
        weak = fuzzy or (kind == "place" and (
            loc.country not in ctx.allowed or foreign and 0 < population < _FOREIGN_BARE_POP
            or _after_given_name(text, span[0], ctx.cues)))
        if weak and cue is None and not relative and not roles.is_locative(
                text, span[0], ctx.roles, loc.country):
            return None
        alias = gz.norm_key(loc.place or "") != gz.norm_key(name)
        if kind == "place" and ctx.allowed and loc.country not in ctx.allowed and cue is None \
                and not relative and 0 < population < (
                    _FOREIGN_ALIAS_POP if alias else _FOREIGN_BARE_POP):
            # "à Bara" in a story about Pakistan is no other name of a Brazilian town; an
            # exonym of a city ("Bagdad", "Alep") still is
            return None
    near = roles.near_foreign(text, span[0], ctx.roles, loc.country, ctx.home) \
        if kind == "country" and role == roles.LOCATIVE else None
    if near is not None:  # "une embuscade près du Niger": in the article's country
        phrase = text[near:span[1]]
        return PlaceMatch(near, span[1], phrase, Location(country=ctx.home, geo_precision=3,
                                                          text=phrase), "country", role)
    phrase = text[start:span[1]]
    if relative and kind in ("place", "admin1") and distance.is_far(text, start, span[0],
                                                                    ctx.lang):
        loc = Location(country=loc.country, geo_precision=3)  # a bearing: the country only
        kind = "relative"
    elif relative and kind in ("place", "admin1"):
        loc, kind = replace(loc, geo_precision=2), "relative"
    elif cue == "district" and kind == "place":
        loc = replace(loc, geo_precision=2)  # "le cercle de Bandiagara": around the town
    return PlaceMatch(start, span[1], phrase, replace(loc, text=phrase), kind, role)


@cache
def _between_pair(lang: str) -> re.Pattern[str]:
    """The end of a pair of places, "entre Bocaranga et Bozoum", "entre les villages de A et
    de B", from the words of ``between_pair`` in data/<lang>/places.yaml."""
    words = gz.lang_data(lang).get("between_pair") or {}
    opens = "|".join(map(re.escape, words.get("open") or [])) or "(?!)"
    joins = "|".join(map(re.escape, words.get("join") or [])) or "(?!)"
    group = "|".join(map(re.escape, words.get("group") or [])) or "(?!)"
    name = r"[A-ZÀ-Þ][\w’'-]*(?:[ -][A-ZÀ-Þ][\w’'-]*)*"
    return re.compile(rf"\b(?:{opens})\s+(?:(?:{group})\s+\w+\s+(?:de|d['’])\s*)?{name}"
                      rf"\s+(?:{joins})\s+(?:de\s+|d['’]\s*)?$")


def _between_second(text: str, pos: int, lang: str) -> bool:
    """"entre A et B": the event lies between the two, near the first as ACLED codes it
    (precision 2); the second town is no more its place than the first, so it must not
    outrank it as a place named outright."""
    return bool(_between_pair(lang).search(text[max(0, pos - 80):pos]))


def _person(text: str, span: tuple[int, int], ctx: _Ctx) -> bool:
    """"Mme Gondola", "le secrétaire d'État ..., Mety Gondola", and that surname again
    without its title (unless a locative word says it is the town: "à Gondola")."""
    if persons.after_title(text, span[0], ctx.lang):
        return True
    return gz.norm_key(text[span[0]:span[1]]) in persons.surnames(text, ctx.lang) and \
        not roles.is_locative(text, span[0], ctx.roles)


_NAME_BEFORE = re.compile(r"(?:^|(?<=[^.!?\n«\"]\s))([A-ZÀ-Þ][a-zà-ÿ’'-]+)[ \u00a0]$")


def _after_given_name(text: str, pos: int, cues: Cues) -> bool:
    """"le colonel Kumbu Ngoma": a name right after another capitalised word inside a
    sentence is a surname (Ngoma, not Goma) unless a cue or locative word says otherwise."""
    m = _NAME_BEFORE.search(text[max(0, pos - 40):pos])
    return m is not None and m.group(1).casefold() not in cues.stop


def _named_countries(toks: list[_Tok], cues: Cues) -> list[tuple[int, str, bool]]:
    """Countries the text names or qualifies ("en Irak", "l'armée irakienne"): (offset,
    country, by adjective?)."""
    found = []
    for i, t in enumerate(toks):
        cc = cues.adjectives.get(t.text.casefold())
        if cc:
            found.append((t.start, cc, True))
            continue
        if t.cap:
            for n in (4, 3, 2, 1):
                key = gz.norm_key(" ".join(x.text for x in toks[i:i + n]))
                if key in cues.countries:
                    if key not in cues.shared:  # "le Congo" says nothing until resolved
                        found.append((t.start, cues.countries[key], False))
                    break
    return found


def _allowed(country_hint: str | None, named: list[tuple[int, str, bool]]) -> tuple[str, ...]:
    """Countries for homonyms, most relevant first: the hint, then by weight (an adjective
    counts half a name, as "l'armée américaine" often names an actor, not a place)."""
    weight: Counter[str] = Counter()
    for _, cc, adj in named:
        weight[cc] += 1 if adj else 2
    ordered = [cc for cc, _ in weight.most_common()]
    return tuple(dict.fromkeys([country_hint, *ordered] if country_hint else ordered))


def _borders(text: str, toks: list[_Tok], found: list[PlaceMatch],
             ctx: _Ctx) -> list[PlaceMatch]:
    """"la frontière koweïtienne", "la frontière avec le Mali": near a town or region the
    sentence names (geo_precision 2 there), else the border area of the country (3)."""
    out = []
    for i, t in enumerate(toks):
        if not ctx.cues.border.fullmatch(t.text):
            continue
        for u in toks[i + 1:i + 4]:
            cc = (ctx.cues.adjectives.get(u.text.casefold())
                  or ctx.cues.countries.get(gz.norm_key(u.text)))
            if cc:
                country = ctx.home if ctx.home and ctx.home != cc else cc
                phrase = text[t.start:u.end]
                ref = _border_reference(text, (t.start, u.end), found, country)
                loc = replace(ref, text=phrase) if ref else Location(
                    country=country, geo_precision=3, text=phrase)
                # without a town it is only the country (a town told later is more precise)
                out.append(PlaceMatch(t.start, u.end, phrase, loc,
                                      "relative" if ref else "country"))
                break
    return out


def _border_reference(text: str, span: tuple[int, int], found: list[PlaceMatch],
                      country: str) -> Location | None:
    """The nearest town or admin-1 unit of ``country`` in the same sentence as the border."""
    near = [m for m in found if m.kind != "country" and m.role == roles.LOCATIVE
            and m.location.admin1 is not None
            and m.location.country == country and abs(m.start - span[0]) < _BORDER_REACH
            and not _SENTENCE_END.search(text[min(m.end, span[1]):max(m.start, span[0])])]
    if not near:
        return None
    ref = min(near, key=lambda m: abs(m.start - span[0]))
    return replace(ref.location, geo_precision=2)


def _scan_once(text: str, toks: list[_Tok], ctx: _Ctx,
               starts: list[int]) -> tuple[list[PlaceMatch], list[int]]:
    """Matches from the token indexes ``starts``, and the indexes worth a second look."""
    out: list[PlaceMatch] = []
    tried: list[int] = []
    free = 0  # first token not inside a match yet
    for i in starts:
        if i < free:
            continue
        found = _match_at(text, toks, i, ctx, tried)
        if found:
            out.append(found[0])
            free = found[1] + 1
        elif toks[i].cap and "-" in toks[i].text:  # "l'axe Douentza-Boni"
            out.extend(routes.split_route(
                text, toks[i].text, toks[i].start, ctx.lang,
                lambda span, name: _accept(text, span, name, ctx)
                if _known(gz.norm_key(name), ctx.cues) else None))
            tried.append(i)
    out = directions.apply(text, out, ctx.home, ctx.lang)
    out.extend(_borders(text, toks, out, ctx))
    return sites.apply(text, sorted(out, key=lambda m: (m.start, m.end)), ctx.lang), tried


@lru_cache(maxsize=4)
def _scan(text: str, country_hint: str | None, lang: str) -> tuple[tuple[PlaceMatch, ...],
                                                                   str | None]:
    """Matches and the article's country. Cached: the engine asks for both in turn."""
    cues = cues_for(lang)
    toks = _tokens(text)
    named = _named_countries(toks, cues)
    allowed = _allowed(country_hint, named)
    ctx = _Ctx(cues, roles.role_cues(lang), allowed, country_hint, lang)
    curated = curated_starts()
    starts = [i for i, t in enumerate(toks) if t.cap or gz.norm_key(t.text) in curated]
    out, tried = _scan_once(text, toks, ctx, starts)
    if country_hint:
        return tuple(out), country_hint
    adjectives = [(pos, cc) for pos, cc, adj in named if adj]
    home = roles.dominant_country(
        [(m.start, m.location.country, m.kind, m.role) for m in out if m.location.country],
        adjectives) or _admin_home(text, toks, cues, starts)
    if home:  # homonyms, foreign towns and metonyms are judged from the article's country
        ctx = _Ctx(cues, ctx.roles, tuple(dict.fromkeys([home, *allowed])), home, lang)
        out = _scan_once(text, toks, ctx, sorted(set(tried)))[0]
    return tuple(out), home


def _admin_home(text: str, toks: list[_Tok], cues: Cues, starts: list[int]) -> str | None:
    """An article that never names its country but its provinces ("dans la province du
    Yatenga"): the country of the admin units named after an admin cue, when each name
    belongs to one country only (sub-levels are not matched without a country)."""
    table, index = gz.admin1_table(), gz.admin1_index()
    seen: Counter[str] = Counter()
    for i in starts:
        if _cue_before(text, toks[i].start, cues)[0] != "admin":
            continue
        for j in _span_ends(text, toks, i, cues):
            codes = [c for c in index.get(gz.norm_key(text[toks[i].start:toks[j].end]), ())
                     if c in table]
            countries = {table[c].country for c in codes}
            if len(countries) == 1:
                seen[countries.pop()] += 1
                break
    return seen.most_common(1)[0][0] if seen else None


def find_places(text: str, country_hint: str | None = None, lang: str = "fr") -> list[PlaceMatch]:
    """Every place named in ``text``, resolved, in text order; ``role`` says which of them
    are locations (see :mod:`eventcoder.normalize.place_roles`)."""
    return stated.inside_stated_admin(text, list(_scan(text, country_hint, lang)[0]))


def country_of_text(text: str, lang: str = "fr") -> str | None:
    """The article's dominant country: the one whose places, admin-1 units and (locative)
    name it mentions most, the lead counting double."""
    return _scan(text, None, lang)[1]


def within(inner: Location, outer: Location) -> bool:
    """True when ``inner`` lies inside ``outer`` (a town in its province, a province in its
    country) or both name the same place."""
    if inner.country != outer.country:
        return False
    if outer.admin1 is None:
        return True
    return inner.admin1 == outer.admin1 and (outer.place is None or inner.place == outer.place)
