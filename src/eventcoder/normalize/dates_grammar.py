"""The date grammar: which lexicon words may follow which, as one regex per expression shape.

Each shape (a full date, a night range, a part of a month, a weekday, …) is a compiled
pattern with named groups and a reader that turns its groups into a ``Parsed`` record.
Readers only read; calendar arithmetic against the publication date is in dates_resolve.
Patterns are built once per language from the lexicon and cached.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.normalize.dates_lexicon import (
    Lexicon,
    alternation,
    load_lexicon,
    norm,
    strip_accents,
)

B = r"(?<![\w/.,:-])"  # a date starts a word (and is not the tail of 1,5 or 3/4)
E = r"(?![\w/]|[.,:]\d)"  # and ends one


@dataclass
class Parsed:
    """A date expression read but not yet resolved; ``kind`` names the grammar shape."""

    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    weekday2: int | None = None
    period: str | None = None  # early / mid / late
    rel: int = 0  # -1 "dernier", +1 "prochain"
    offset: int = 0  # days for relative days, count for "il y a N"
    unit: str | None = None  # day / week / weekend / month / year
    anchor: str = "at"  # at / since / until: only "at" dates an occurrence
    present: bool = False  # "ce lundi 21 décembre": the day the report speaks from


Reader = Callable[[dict[str, str | None], Lexicon], Parsed | None]


@dataclass(frozen=True)
class Shape:
    name: str
    pattern: re.Pattern[str]
    read: Reader
    needs: frozenset[str]  # trigger categories, one of which a window must hold


def _alt(lex: Lexicon, key: str) -> str:
    return alternation(lex.words(key))


def _pieces(lex: Lexicon) -> dict[str, str]:
    """Reusable sub-patterns; group names are filled in with str.format-like templates."""
    ords = alternation(lex.words("ordinal_suffixes"))
    day_words = _alt(lex, "day_words")
    hours = r"(?:[01]?\d|2[0-3])(?:\s?" + _alt(lex, "hour_words") + r"(?:\s?[0-5]\d)?|:[0-5]\d)"
    time_tail = rf"(?:\s*,?\s*(?:{_alt(lex, 'time_intro')}\s+)?{hours}(?!\w))"
    part_tail = rf"(?:\s*,?\s+{_alt(lex, 'parts_of_day')}(?!\w))"
    bounds = lex.words("since_words") + lex.words("until_words")
    return {
        "DAY": rf"(?:[12]\d|3[01]|0?[1-9])(?:{ords})?(?!\w)|{day_words}(?!\w)",
        "MON": alternation(lex.table_words("months")) + r"(?!\w)",
        "WD": alternation(lex.table_words("weekdays")) + r"(?!\w)",
        "HIJ": alternation(lex.table_words("hijri_months")) + r"(?!\w)",
        "YEAR": r"(?:1[89]|20)\d\d(?!\w)",
        "REL": alternation(lex.words("past_after") + lex.words("future_after")) + r"(?!\w)",
        "RELB": alternation(lex.words("past_before") + lex.words("future_before")),
        "PRE": alternation(lex.words("determiners") + bounds),
        "BOUND": alternation(bounds),
        "TAIL": rf"(?:{part_tail}{{0,2}}{time_tail}?)",
    }


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _day(lex: Lexicon, text: str | None) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else lex.day_word(text)


def _lk(table: dict[str, int], text: str | None) -> int | None:
    return table.get(norm(text)) if text else None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _common(p: Parsed | None, g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    """The prefix (a bound, or "ce" for the present) and the dernier/prochain marker."""
    if p is None:
        return None
    pre = norm(g.get("pre") or "")
    if pre in lex.since:
        p.anchor = "since"
    elif pre in lex.until:
        p.anchor = "until"
    p.present = pre in lex.present
    marker = norm(g.get("rel") or g.get("relb") or "")
    if marker in lex.past:
        p.rel = -1
    elif marker in lex.future:
        p.rel = 1
    return p


def _read_full(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    return _common(Parsed(
        "date",
        day=_day(lex, g["d"]),
        month=_lk(lex.months, g["m"]),
        year=_year(g.get("y") or g.get("yp")),
        weekday=_lk(lex.weekdays, g.get("wd")),
    ), g, lex)


def _read_numeric(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    a, b, y = int(g["a"] or 0), int(g["b"] or 0), int(g["y"] or 0)
    day, month = (b, a) if lex.raw.get("numeric_order") == "MDY" else (a, b)
    year = y + 2000 if y < 100 else y
    return _common(Parsed("date", day=day, month=month, year=year), g, lex)


def _read_iso(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    return Parsed("date", day=int(g["d"] or 0), month=int(g["m"] or 0), year=int(g["y"] or 0))


def _read_range(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    p = Parsed(
        "range",
        day=_day(lex, g["d1"]),
        month=_lk(lex.months, g["m1"]),
        year=_year(g["y1"]),
        weekday=_lk(lex.weekdays, g["wd1"]),
        day2=_day(lex, g["d2"]),
        month2=_lk(lex.months, g["m2"]),
        year2=_year(g["y2"]),
        weekday2=_lk(lex.weekdays, g["wd2"]),
    )
    _common(p, g, lex)
    if g["night"]:  # a night needs a day or weekday on each side
        ok = (p.day or p.weekday is not None) and (p.day2 or p.weekday2 is not None)
        p.unit = "night"
    else:  # "du 3 au 5 avril": day numbers and a month
        ok = bool(p.day and p.day2 and p.month2)
    return p if ok else None


def _read_period(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    return _common(Parsed(
        "period",
        month=_lk(lex.months, g["m"]),
        year=_year(g["y"] or g["yp"] or g["yo"]),
        period=lex.periods.get(norm(g["per"] or "")),
    ), g, lex)


def _read_month(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    p = Parsed("month", month=_lk(lex.months, g["m"]), year=_year(g["y"] or g["yp"]))
    _common(p, g, lex)
    # a bare month name ("Mars", "may") is only a date with an intro, a year or a marker
    return p if (g["pre"] or g["yp"] or g["y"] or p.rel) else None


def _read_year(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    return _common(Parsed("year", year=_year(g["y"])), g, lex)


def _read_weekday(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    return _common(Parsed("weekday", weekday=_lk(lex.weekdays, g["wd"])), g, lex)


def _read_relday(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    # "hier (samedi)": the weekday in brackets wins over the day count
    weekday = _lk(lex.weekdays, g["wd"])
    return Parsed("relday", offset=lex.relative_days[norm(g["rd"] or "")], weekday=weekday)


def _read_relperiod(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    unit, offset = lex.relative_periods[norm(g["rp"] or "")]
    return Parsed("relperiod", unit=unit, offset=offset)


def _read_ago(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    n = g["n"] or ""
    count = int(n) if n.isdigit() else lex.numbers.get(norm(n))
    if count is None:
        return None
    return Parsed("ago", unit=lex.units[norm(g["u"] or "")], offset=-count)


def _read_hijri(g: dict[str, str | None], lex: Lexicon) -> Parsed | None:
    return Parsed(
        "hijri",
        day=_day(lex, g.get("d")),
        month=_lk(lex.hijri_months, g["hm"]),
        year=_year(g.get("hy")),
    )


def _shapes(lex: Lexicon) -> list[Shape]:
    p = _pieces(lex)
    day, mon, wd, year, tail = p["DAY"], p["MON"], p["WD"], p["YEAR"], p["TAIL"]
    pre = rf"(?:{_g('pre', p['PRE'])}\s+)?"
    rel = rf"(?:\s+{_g('rel', p['REL'])})?"
    year_opt = rf"(?:\s*,?\s+(?:\({_g('yp', year)}\)|{_g('y', year)}))?"
    link = rf"(?:\s+{_alt(lex, 'day_month_link')})?"
    wd_opt = rf"(?:{_g('wd', wd)}\s*,?\s+)?"
    shapes: list[tuple[str, str, Reader]] = [
        ("iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", _read_iso),
        ("numeric", pre + r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)(?P<y>\d{4}|\d\d)(?!\d)",
         _read_numeric),
        ("full", pre + wd_opt + _g("d", day) + link + r"\s+" + _g("m", mon) + year_opt + rel
         + tail, _read_full),
    ]
    if lex.raw.get("month_day_order"):
        shapes.append(("mdy", pre + wd_opt + _g("m", mon) + r"\s+" + _g("d", day)
                       + year_opt + tail, _read_full))
    shapes += [
        ("range", _range_pattern(lex, p), _read_range),
        ("period", pre + _g("per", alternation(lex.table_words("periods"))) + r"(?:[-‐‑]\s*|\s+)"
         + rf"(?:{_alt(lex, 'period_link')}\s*)?"
         + rf"(?:{_g('m', mon)}{year_opt}|{_g('yo', year)})" + rel, _read_period),
        ("month", rf"(?:{_g('pre', _alt(lex, 'month_intro') + '|' + p['BOUND'])}\s+)?"
         + rf"(?:{_g('relb', p['RELB'])}\s+)?" + _g("m", mon) + year_opt + rel, _read_month),
        ("year", _g("pre", _alt(lex, "year_intro") + "|" + p["BOUND"]) + r"\s+"
         + _g("y", year), _read_year),
        ("weekday", rf"(?:{_g('pre', p['PRE'] + '|' + _alt(lex, 'weekday_intro'))}\s+)?"
         + rf"(?:{_g('relb', p['RELB'])}\s+)?" + _g("wd", wd) + rel + tail, _read_weekday),
        ("relday", _g("rd", alternation(lex.words("relative_days"))) + r"(?!\w)"
         + rf"(?:\s*\({_g('wd', wd)}\))?" + tail, _read_relday),
        ("relperiod", _g("rp", alternation(lex.words("relative_periods"))) + r"(?!\w)",
         _read_relperiod),
        ("ago", _ago_pattern(lex), _read_ago),
        ("hijri", _hijri_pattern(lex, p), _read_hijri),
        ("hijri_month", _g("pre", _alt(lex, "hijri_intro")) + r"\s+" + _g("hm", p["HIJ"]),
         _read_hijri),
    ]
    return [
        Shape(n, re.compile(B + body + E, re.IGNORECASE), r, NEEDS[n]) for n, body, r in shapes
    ]


NEEDS = {
    name: frozenset(cats.split())
    for name, cats in {
        "iso": "num", "numeric": "num", "full": "mon", "mdy": "mon", "range": "num wd",
        "period": "mon num", "month": "mon", "year": "num", "weekday": "wd", "relday": "rel",
        "relperiod": "rel", "ago": "rel", "hijri": "hij", "hijri_month": "hij",
    }.items()
}


def _range_pattern(lex: Lexicon, p: dict[str, str]) -> str:
    def side(n: str) -> str:
        wd, day = _g(f"wd{n}", p["WD"]), _g(f"d{n}", p["DAY"])
        # either part may be missing; the reader wants a day or a weekday on each side
        return (rf"{wd}?(?:\s*{day})?(?:\s+{_g(f'm{n}', p['MON'])})?"
                rf"(?:\s*,?\s+{_g(f'y{n}', p['YEAR'])})?")

    night = rf"{_g('night', _alt(lex, 'night_prefixes'))}\s+{_alt(lex, 'range_from')}"
    intro = rf"(?:{night}|{_alt(lex, 'span_prefixes')})"
    return (rf"(?:{_g('pre', p['PRE'])}\s+)?{intro}\s+{side('1')}\s+{_alt(lex, 'range_to')}"
            rf"\s+{side('2')}" + rf"(?:\s+{_g('rel', p['REL'])})?" + p["TAIL"])


def _ago_pattern(lex: Lexicon) -> str:
    num = _g("n", r"\d{1,3}|" + alternation(lex.words("numbers")))
    unit = _g("u", alternation(lex.words("units")))
    if lex.words("ago_before"):
        return rf"{_alt(lex, 'ago_before')}\s+{num}\s+{unit}(?!\w)"
    return rf"{num}\s+{unit}\s+{_alt(lex, 'ago_after')}(?!\w)"


def _hijri_pattern(lex: Lexicon, p: dict[str, str]) -> str:
    night = rf"{_alt(lex, 'night_prefixes')}\s+{_alt(lex, 'range_from')}"
    era = rf"(?:\s*{_alt(lex, 'hijri_era')}(?!\w))?"
    hijri_year = _g("hy", r"1[34]\d\d")
    return (rf"(?:(?:{night}|{p['PRE']})\s+)?{_g('d', p['DAY'])}\s+{_g('hm', p['HIJ'])}"
            rf"(?:\s+{hijri_year}{era})?")


@lru_cache(maxsize=8)
def shapes_for(lang: str) -> tuple[Shape, ...]:
    lex = load_lexicon(lang)
    return tuple(_shapes(lex))


TRIGGER_KEYS = {"months": "mon", "weekdays": "wd", "hijri_months": "hij"}
RELATIVE_KEYS = ("relative_days", "relative_periods", "units")


@lru_cache(maxsize=8)
def trigger_words(lang: str) -> dict[str, frozenset[str]]:
    """Per category, lower-case words of which every date expression contains one.

    Scanning only around them keeps ``find_dates`` fast: the shapes start with optional
    function words ("le", "de", "en") that would otherwise be tried at every position.
    A relative phrase is triggered by its last word ("semaine", "dernier", "hier").
    """
    lex = load_lexicon(lang)
    found: dict[str, set[str]] = {"rel": set()}
    for key, category in TRIGGER_KEYS.items():
        found[category] = {re.findall(r"\w+", w.lower())[0] for w in lex.table_words(key)}
    for key in RELATIVE_KEYS:
        found["rel"].update(re.findall(r"\w+", w.lower())[-1] for w in lex.words(key))
    return {c: frozenset(ws | {strip_accents(w) for w in ws}) for c, ws in found.items()}


@lru_cache(maxsize=8)
def trigger_pattern(lang: str) -> re.Pattern[str]:
    """Trigger words by category (named groups) and numbers (group ``num``), as one regex."""
    groups = [_g(c, alternation(sorted(ws))) + r"(?!\w)" for c, ws in trigger_words(lang).items()]
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)}|(?P<num>\d))", re.IGNORECASE)
