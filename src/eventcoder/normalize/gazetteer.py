"""The shipped gazetteer: compiled tables under ``data/gazetteer`` read lazily and cached.

The tables are built by ``scripts/build_gazetteer.py`` from GeoNames (cities500), ISO 3166-2,
Natural Earth admin-1 and a curated supplement; nothing is downloaded at run time. Names are
indexed by :func:`norm_key`, which the build script also uses, so both sides agree on what
"the same spelling" means (accents, Arabic articles, French transliterations).
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from eventcoder import yamlio

log = logging.getLogger(__name__)

# Arabic articles written as separate tokens once hyphens are split ("Al-Qaim", "Deir ez-Zor").
_ARTICLES = frozenset("al el ad adh ar as ash at az an ed er es esh et ez ech ul".split())
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘ʻʼ´\u02bf\u02be]")
_SEPARATORS = re.compile(r"[-_./,()\[\]\"«»:;]+")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
_DOUBLED = re.compile(r"(.)\1+")
_LATIN_FOLD = (("dj", "j"), ("ou", "u"), ("sch", "sh"), ("ch", "sh"), ("kh", "k"), ("y", "i"),
               ("q", "k"), ("w", "u"), ("ae", "a"))


def _fold_token(tok: str) -> str:
    if tok and "\u0600" <= tok[0] <= "\u06ff":
        tok = tok.translate(_ARABIC_FOLD)
        return tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok
    for a, b in _LATIN_FOLD:
        tok = tok.replace(a, b)
    tok = _DOUBLED.sub(r"\1", tok)  # Nassiriya / Nasiriya, Al-Qadisiyya / Qadisiya
    if len(tok) > 3 and tok.endswith("h") and tok[-2] in "aeiu":
        tok = tok[:-1]  # Nasiriyah / Nasiriya
    return tok


@cache
def norm_key(name: str) -> str:
    """A spelling-insensitive key: casefold, no accents, no Arabic article, French and English
    transliterations folded together (Kirkouk/Kirkuk, Nadjaf/Najaf, Deir ez-Zor/Deir Zor)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", s))
    toks = s.split()
    if len(toks) > 1:
        toks = [t for t in toks if t not in _ARTICLES] or toks
    return " ".join(_fold_token(t) for t in toks)


@dataclass(frozen=True)
class Admin1:
    code: str
    country: str
    name: str
    name_fr: str
    lat: float | None
    lon: float | None
    parent: str | None  # set for sub-levels (Burkina provinces) that roll up to a region


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: str  # "city" (GeoNames) or a curated kind: "base", "district", "crossing", ...


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_fr: str


def _read(name: str) -> bytes:
    ref = resources.files("eventcoder").joinpath("data").joinpath("gazetteer").joinpath(name)
    raw = ref.read_bytes()
    return gzip.decompress(raw) if name.endswith(".gz") else raw


def _open_text(name: str) -> io.TextIOBase:
    return io.StringIO(_read(name).decode("utf-8"))


def _rows(name: str) -> Iterator[list[str]]:
    for line in _open_text(name):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            yield line.split("\t")


def _opt_float(s: str) -> float | None:
    return float(s) if s else None


@cache
def admin1_table() -> dict[str, Admin1]:
    out = {}
    for code, cc, name, name_fr, lat, lon, parent in _rows("admin1.tsv"):
        out[code] = Admin1(code, cc, name, name_fr, _opt_float(lat), _opt_float(lon),
                           parent or None)
    return out


@cache
def admin1_index() -> dict[str, tuple[str, ...]]:
    """Normalised alias -> admin1 codes (sub-levels included; callers roll them up)."""
    return {key: tuple(codes.split(",")) for key, codes in _rows("admin1_names.tsv")}


@cache
def country_table() -> dict[str, Country]:
    return {code: Country(code, en, fr) for code, en, fr, _ in _rows("countries.tsv")}


@cache
def country_index() -> dict[str, str]:
    """Normalised country name (en/fr/ar and curated French forms) -> ISO alpha-2."""
    out: dict[str, str] = {}
    for code, _en, _fr, aliases in _rows("countries.tsv"):
        for key in aliases.split("|"):
            out.setdefault(key, code)
    return out


@cache
def _blob(name: str) -> bytes:
    """A compiled table as one decompressed byte string. The big tables are searched in place
    (sorted lines, binary search) rather than parsed into dicts: 750k dict entries cost
    ~200 MB and a second to build, the bytes ~30 MB and a tenth of that."""
    return _read(name)


def _line_at(blob: bytes, lo: int, mid: int) -> tuple[int, int]:
    """Start and end of the line holding byte ``mid`` (``lo`` is a line start)."""
    nl = blob.rfind(b"\n", lo, mid)
    start = lo if nl < 0 else nl + 1
    end = blob.find(b"\n", start)
    return start, len(blob) if end < 0 else end


def _search(blob: bytes, key: Any, key_of: Any) -> bytes | None:
    """The rest of the line whose first field is ``key``, by bisection over the byte string
    (lines sorted by ``key_of`` of their first field; a leading "#" header sorts first)."""
    lo, hi = 0, len(blob)
    while lo < hi:
        start, end = _line_at(blob, lo, (lo + hi) // 2)
        tab = blob.find(b"\t", start, end)
        first = blob[start:end if tab < 0 else tab]
        here = key_of(first) if first[:1] != b"#" else None
        if here == key:
            return blob[tab + 1:end]
        if here is None or here < key:
            lo = end + 1
        else:
            hi = start
    return None


def _str_key(field: bytes) -> bytes:
    return field


def _id_key(field: bytes) -> tuple[int, int]:
    """places.tsv order: GeoNames ids ("g123") by number, then curated ids ("c4")."""
    return (0 if field[:1] == b"g" else 1, int(field[1:]))


@cache
def place_ids(key: str) -> tuple[str, ...]:
    """Ids of the places called ``key`` (a :func:`norm_key`), most populous first."""
    ids = _search(_blob("place_names.tsv.gz"), key.encode("utf-8"), _str_key)
    return tuple(ids.decode("ascii").split(",")) if ids else ()


def has_place_key(key: str) -> bool:
    return bool(place_ids(key))


@cache
def get_place(pid: str) -> Place | None:
    try:
        want = _id_key(pid.encode("ascii"))
    except ValueError:
        return None
    row = _search(_blob("places.tsv.gz"), want, _id_key)
    if row is None:
        return None
    name, cc, adm, lat, lon, pop, kind = row.decode("utf-8").split("\t")
    return Place(pid, name, cc, adm or None, float(lat), float(lon), int(pop), kind)


@cache
def country_place_names(country: str, min_population: int = 0) -> tuple[str, ...]:
    """Main names of one country's places at least this populous (the fuzzy matcher's pool)."""
    return tuple(name for name, pop in _country_places(country) if pop >= min_population)


@cache
def _country_places(country: str) -> tuple[tuple[str, int], ...]:
    """(main name, population) of one country's places, in file order: found by searching
    the country column's bytes, no per-row parsing of other countries. Scanned once per
    country whatever population threshold callers ask for."""
    blob = _blob("places.tsv.gz")
    code = country.encode("ascii")
    out = []
    for m in re.finditer(b"\t" + re.escape(code) + b"\t", blob):
        start, end = _line_at(blob, 0, m.start())
        row = blob[start:end].split(b"\t")
        if len(row) == 8 and row[2] == code:
            out.append((row[1].decode("utf-8"), int(row[6])))
    return tuple(out)


@cache
def admin1_keys_by_country() -> dict[str, frozenset[str]]:
    """Country -> the normalised admin-1 aliases naming one of its regions (sub-levels
    included): one pass over the index instead of one per country asked about."""
    table = admin1_table()
    out: dict[str, set[str]] = {}
    for key, codes in admin1_index().items():
        for cc in {table[c].country for c in codes if c in table}:
            out.setdefault(cc, set()).add(key)
    return {cc: frozenset(keys) for cc, keys in out.items()}


def warm() -> None:
    """Load every table now (servers call this at start-up instead of on the first request)."""
    admin1_table(), admin1_index(), country_index()
    _blob("places.tsv.gz"), _blob("place_names.tsv.gz")


@cache
def lang_data(lang: str) -> dict[str, Any]:
    """Cue words, country adjectives and stop words for one language (``data/<lang>``)."""
    try:
        ref = resources.files("eventcoder").joinpath("data").joinpath(lang).joinpath("places.yaml")
        data = yamlio.safe_load(ref.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        log.warning("no place cues for language %r", lang)
        data = {}
    return data if isinstance(data, dict) else {}


def read_curated() -> list[dict[str, str]]:
    """The hand-made supplement (bases, squares, crossings) as dict rows."""
    text = _open_text("curated.csv").read()
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))
