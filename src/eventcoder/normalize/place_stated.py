"""A town and the province the text states for it: "Djugu, dans la province de l'Ituri".

GeoNames may file a town under the wrong unit (or a homonym may win elsewhere); the
province written right after it settles which, for that mention and the town's later ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_match import PlaceMatch
from eventcoder.normalize.place_resolve import admin1_centroid
from eventcoder.schema import Location

_NAME = r"(?-i:[A-ZÀ-Þ][\w’'-]*(?:[ \u00a0-][A-ZÀ-Þ][\w’'-]*){0,3})"
# "X, Y et (de) Z, dans l'Etat de W": the names coordinated with the town share its unit
_LIST = rf"(?:\s*(?:,|\bet\b|\bou\b)\s*(?:de |d['’]\s*|du |à |sur )?{_NAME})*"
_IN_ADMIN = re.compile(
    rf"^{_LIST}\s*(?:\([^)]{{0,20}}\)\s*)?(?:,\s*|(?<=\s)(?=dans|en))"
    r"(?:(?:une |la )?(?:localité|commune|ville|village|bourgade)\s+)?(?:située?\s+)?"
    r"(?:dans|en)\s+(?:(?:la |le |l['’]\s*)?(?:province|région|[eé]tat|"
    r"département|gouvernorat|wilaya|préfecture|district|cercle)\s+(?:de |du |d['’]\s*|des )?"
    r"|(?:la |le |l['’]\s*))?$",
    re.I)
# a town this close to the stated unit's centre is the town the gazetteer knows, filed
# in a neighbouring or older unit; further away it is a homonym the gazetteer lacks
_NEAR_UNIT_KM = 150
_LIST_REACH = 4  # matches looked at after a town: the rest of its list, then the unit


def inside_stated_admin(text: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
    """"leur village de Mahuta, dans l'Etat de Katsina", "à Sollé, localité située dans la
    province du Loroum", "le territoire de Djugu en Ituri": the town lies in the province
    stated after it. A homonym elsewhere is replaced by the one inside that province, else by
    the province itself (geo_precision 2: the town is known to lie in it, not where); later
    mentions of the town without its province follow."""
    out = list(found)
    stated: dict[str, Location] = {}
    for k, m in enumerate(found):
        a = _stated_unit(text, m, found[k + 1:k + 1 + _LIST_REACH])
        if m.kind != "place" or a is None or m.location.admin1 == a.location.admin1:
            continue
        out[k] = replace(m, location=_town_in(m, a.location))
        stated.setdefault(_town_key(m), out[k].location)
    for k, m in enumerate(out):  # the same town named again without its province
        loc = stated.get(_town_key(m)) if m.kind == "place" else None
        if loc is not None and m.location.admin1 != loc.admin1:
            out[k] = replace(m, location=replace(loc, text=m.location.text))
    return out


def _stated_unit(text: str, m: PlaceMatch, after: list[PlaceMatch]) -> PlaceMatch | None:
    """The unit stated for the town ``m`` (or for the list it opens): the first later match
    with an admin-1 code that the in-admin phrase links to it, past any coordinated names."""
    for a in after:
        if a.kind in ("admin1", "place") and a.location.admin1 and \
                _IN_ADMIN.match(text[m.end:a.start]):
            return a
    return None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance on the sphere (haversine), enough for "is it next door"."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + \
        math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _town_key(m: PlaceMatch) -> str:
    return gz.norm_key(m.location.place or m.text)


def _town_in(m: PlaceMatch, admin: Location) -> Location:
    for pid in gz.place_ids(gz.norm_key(m.location.place or m.text)):
        p = gz.get_place(pid)
        if p is not None and p.admin1 == admin.admin1:
            return replace(admin, place=p.name, latitude=p.lat, longitude=p.lon,
                           geo_precision=1, text=m.text)
    top = admin1_centroid(admin.admin1) if admin.admin1 else None
    own = m.location
    if top and own.latitude is not None and own.longitude is not None and \
            _km((own.latitude, own.longitude), top) <= _NEAR_UNIT_KM:
        # the gazetteer files the town next door (a boundary, or a unit created since its
        # data): the same town, in the unit the article states
        return replace(own, admin1=admin.admin1, admin1_name=admin.admin1_name)
    return replace(admin, place=None, latitude=top[0] if top else admin.latitude,
                   longitude=top[1] if top else admin.longitude, geo_precision=2, text=m.text)
