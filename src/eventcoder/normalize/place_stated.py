"""A town and the province the text states for it: "Djugu, dans la province de l'Ituri".

GeoNames may file a town under the wrong unit (or a homonym may win elsewhere); the
province written right after it settles which, for that mention and the town's later ones.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_match import PlaceMatch
from eventcoder.normalize.place_resolve import admin1_centroid
from eventcoder.schema import Location

_IN_ADMIN = re.compile(
    r"^\s*(?:\([^)]{0,20}\)\s*)?(?:,\s*|(?<=\s)(?=dans|en))"
    r"(?:(?:une |la )?(?:localité|commune|ville|village|bourgade)\s+)?(?:située?\s+)?"
    r"(?:dans|en)\s+(?:(?:la |le |l['’]\s*)?(?:province|région|[eé]tat|"
    r"département|gouvernorat|wilaya|préfecture|district|cercle)\s+(?:de |du |d['’]\s*|des )?)?$",
    re.I)


def inside_stated_admin(text: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
    """"leur village de Mahuta, dans l'Etat de Katsina", "à Sollé, localité située dans la
    province du Loroum", "le territoire de Djugu en Ituri": the town lies in the province
    stated after it. A homonym elsewhere is replaced by the one inside that province, else by
    the province itself (geo_precision 2: the town is known to lie in it, not where); later
    mentions of the town without its province follow."""
    out = list(found)
    stated: dict[str, Location] = {}
    for k, (m, a) in enumerate(zip(found, found[1:], strict=False)):
        if m.kind != "place" or a.kind not in ("admin1", "place") or not a.location.admin1:
            continue
        if m.location.admin1 == a.location.admin1 or not _IN_ADMIN.match(text[m.end:a.start]):
            continue
        out[k] = replace(m, location=_town_in(m, a.location))
        stated.setdefault(_town_key(m), out[k].location)
    for k, m in enumerate(out):  # the same town named again without its province
        loc = stated.get(_town_key(m)) if m.kind == "place" else None
        if loc is not None and m.location.admin1 != loc.admin1:
            out[k] = replace(m, location=replace(loc, text=m.location.text))
    return out


def _town_key(m: PlaceMatch) -> str:
    return gz.norm_key(m.location.place or m.text)


def _town_in(m: PlaceMatch, admin: Location) -> Location:
    for pid in gz.place_ids(gz.norm_key(m.location.place or m.text)):
        p = gz.get_place(pid)
        if p is not None and p.admin1 == admin.admin1:
            return replace(admin, place=p.name, latitude=p.lat, longitude=p.lon,
                           geo_precision=1, text=m.text)
    top = admin1_centroid(admin.admin1) if admin.admin1 else None
    return replace(admin, place=None, latitude=top[0] if top else admin.latitude,
                   longitude=top[1] if top else admin.longitude, geo_precision=2, text=m.text)
