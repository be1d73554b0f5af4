"""Dates: find date expressions and resolve them against the publication date (issue 4).

The main path is a compact regex grammar (dates_grammar) built from the per-language
lexicon in data/<lang>/dates.yaml, with calendar rules in dates_resolve. Why not dateparser
alone: it takes a second or more to load its language data, it parses one string at a
time so it cannot *find* expressions in running text, it reads "8 avril" as this year's
8 April even in a January article, and it turns a bare month into an invented day. The
grammar finds every expression with its offsets in well under a millisecond per article
and keeps the precision the words carry (day, range, month, year).
``resolve_date`` falls back to dateparser only for a whole expression the grammar does
not know, and keeps dateparser's own period (week, month, year) as the precision.

Conventions (documented choices):
- "depuis 2019", "jusqu'au 3 mai", "d'ici septembre" bound an interval: they are not when
  something happened. ``find_dates`` leaves them out unless ``include_bounds=True``
  (then their ``anchor`` is "since" or "until"); ``resolve_date`` returns None for them.
- "la nuit du 15 Chaabane" gives the Gregorian day of 15 Sha'ban (Umm al-Qura) with day
  precision, although the night starts the evening before.
- "la veille" is the day before publication and "le lendemain" the day after: re-anchoring
  them on the day the story just told is the engine's job (``anchors.pin_weekdays``, which
  drops a "lendemain" of no day told); "ce jour-là" is not matched.
- A wire dateline opening a month-dated text ("14 juin (Reuters) -") is the day the report
  speaks from, like "ce lundi 21 décembre": relative words resolve against it.
- "ce week-end" written Monday to Thursday is the weekend just past.
- Relative words need a publication date; without one they resolve to None and are not
  returned by ``find_dates`` (the caller warns).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventcoder.normalize.dates_grammar import Parsed, shapes_for, trigger_pattern
from eventcoder.normalize.dates_lexicon import load_lexicon
from eventcoder.normalize.dates_resolve import resolve_parsed
from eventcoder.schema import DateSpan, Precision, PubDate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    span: DateSpan
    anchor: str = "at"  # "since" / "until" for the bounds of an interval


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    parsed: Parsed


# How far a date expression may reach before its first trigger word and after each one.
_BEFORE, _AFTER = 45, 40


def _windows(text: str, lang: str) -> list[tuple[int, int, set[str]]]:
    """Merged stretches of text around trigger words and numbers: the only places to look,
    each with the trigger categories it holds (a shape runs where its trigger is)."""
    windows: list[tuple[int, int, set[str]]] = []
    for tok in trigger_pattern(lang).finditer(text):
        start, end = max(0, tok.start() - _BEFORE), min(len(text), tok.end() + _AFTER)
        category = tok.lastgroup or "num"
        if windows and start <= windows[-1][1]:
            windows[-1][2].add(category)
            windows[-1] = (windows[-1][0], end, windows[-1][2])
        else:
            windows.append((start, end, {category}))
    return windows


def _candidates(text: str, lang: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    lexicon = load_lexicon(lang)
    for start, end, categories in _windows(text, lang):
        for shape in shapes_for(lang):
            if shape.needs.isdisjoint(categories):
                continue
            for m in shape.pattern.finditer(text, start, end):
                parsed = shape.read(m.groupdict(), lexicon)
                if parsed is not None:
                    found.append(_Candidate(m.start(), m.end(), parsed))
    return found


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, the longest winning, in text order."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


# Shapes whose span depends on the day of publication, not only on its year.
RELATIVE_KINDS = frozenset({"weekday", "wdday", "relday", "relperiod", "ago", "range"})


def speaking_day(
    found: list[_Candidate], published: PubDate | None, text: str = ""
) -> PubDate | None:
    """The day a month-dated report speaks from, when it says so: a demonstrative full
    date with its weekday ("ce lundi 21 décembre"), or the dateline that opens a wire
    report ("14 juin (Reuters) -", "BAMAKO, 3 mars (AFP) -"). Inside the publication month
    it is the writer's "today"; relative words then resolve against that day instead of
    spreading over the whole month.
    """
    if published is None or published.precision != "month":
        return None
    for c in found:
        p = c.parsed
        said = p.kind in ("date", "wdday") and p.present and p.weekday is not None
        if said or p.kind == "date" and _is_dateline(text, c):
            resolved = resolve_parsed(p, published)
            if resolved and published.start <= resolved[0] <= published.end:
                return PubDate(resolved[0], resolved[0], "day")
    return None


# A wire dateline: an optional place, the date, an optional agency in brackets, a dash.
_DATELINE_HEAD = re.compile(r"\s*(?:[A-ZÀ-Ý][\w'’ -]{0,30},\s*)?(?:le\s+)?\Z")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—]\s")


def _is_dateline(text: str, c: _Candidate) -> bool:
    """Whether a date opens the text as a dateline, before any sentence of the report."""
    return c.start <= 40 and bool(_DATELINE_HEAD.match(text[: c.start])) and bool(
        _DATELINE_TAIL.match(text, c.end))


def report_day(text: str, published: PubDate | None, lang: str = "fr") -> PubDate | None:
    """The publication date as precise as the text makes it: a month-dated header narrowed
    to the day its dateline or its "ce lundi 21 décembre" speaks from (an occurrence told
    with no date of its own is then of that day, as in a day-dated report)."""
    if published is None or published.precision != "month":
        return published
    head = _longest_first(_candidates(text[:200], lang))
    return speaking_day(head, published, text) or published


def find_dates(
    text: str, published: PubDate | None, lang: str = "fr", include_bounds: bool = False
) -> list[DateMatch]:
    """Every date expression in ``text`` with its resolved span, in text order."""
    found = _longest_first(_candidates(text, lang))
    speaking = speaking_day(found, published, text)
    matches: list[DateMatch] = []
    for c in found:
        if c.parsed.anchor != "at" and not include_bounds:
            continue
        words = text[c.start : c.end]
        relative = speaking is not None and c.parsed.kind in RELATIVE_KINDS
        resolved = resolve_parsed(c.parsed, speaking if relative else published)
        if resolved is None:
            log.debug("unresolved date expression %r", words)
            continue
        span = DateSpan(resolved[0], resolved[1], resolved[2], words)
        matches.append(DateMatch(c.start, c.end, words, span, c.parsed.anchor))
    return matches


def resolve_date(expression: str, published: PubDate | None, lang: str = "fr") -> DateSpan | None:
    """The span one expression denotes, or None when it is not a date."""
    text = expression.strip()
    found = _longest_first(_candidates(text, lang))
    if found:
        best = max(found, key=lambda c: c.end - c.start)
        if best.parsed.anchor != "at":
            return None
        resolved = resolve_parsed(best.parsed, published)
        return DateSpan(resolved[0], resolved[1], resolved[2], text) if resolved else None
    if trigger_pattern(lang).search(text):  # our words, but not a date: trust the grammar
        return None
    return _dateparser_fallback(text, published, lang)


_PERIODS: dict[str, Precision] = {"day": "day", "week": "range", "month": "month", "year": "year"}


def _dateparser_fallback(text: str, published: PubDate | None, lang: str) -> DateSpan | None:
    """dateparser for wording the lexicon lacks entirely (slow to load: the last resort).

    Expressions holding a month, a weekday, a relative word or a number are the grammar's:
    dateparser would read "20h30" as today and a bare "Mars" as March.
    """
    import datetime as dt

    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if published is not None:
        base = dt.datetime.combine(published.start, dt.time(12))
        settings["RELATIVE_BASE"] = base
    data = DateDataParser(languages=[lang], settings=settings).get_date_data(text)
    if data.date_obj is None or published is None:
        return None
    day = data.date_obj.date()
    precision = _PERIODS.get(data.period or "day", "day")
    start, end = _period_span(day, precision)
    return DateSpan(start, end, precision, text)


def _period_span(day: date, precision: Precision) -> tuple[date, date]:
    if precision == "range":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        nxt = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day.replace(day=1), nxt - timedelta(days=1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def publication_span(published: PubDate) -> DateSpan:
    """The fallback date of an event whose text states none (flagged ``stated=False``)."""
    precision: Precision = "day" if published.precision == "day" else "month"
    return DateSpan(published.start, published.end, precision, None, stated=False)
