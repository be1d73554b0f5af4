"""Calendar arithmetic: a parsed date expression plus the publication date gives a span.

News reports date events in the past relative to publication, so every missing year is
the most recent one that does not put the date after publication (a week's tolerance for
announced events; "prochain" looks forward, "dernier" strictly back). A month-dated
publication means "some day of that month": relative words then give a range over the
month instead of a guessed day. Precision never invents a day the text does not give.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable
from datetime import date, timedelta

from eventcoder.normalize.dates_grammar import Parsed
from eventcoder.schema import Precision, PubDate

log = logging.getLogger(__name__)

TOLERANCE = timedelta(days=7)
ONE_DAY = timedelta(days=1)
Resolved = tuple[date, date, Precision]
PERIOD_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def make_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if not (year and month and day):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _span(start: date, end: date, coarse: Precision = "range") -> Resolved:
    return (start, end, "day") if start == end else (start, end, coarse)


def pick_year(
    build: Callable[[int], tuple[date, date] | None], pub: PubDate, rel: int, whole_month: bool
) -> int | None:
    """The year that puts ``build(year)`` where a report published at ``pub`` means it."""
    years = range(pub.end.year - 3, pub.end.year + 2)
    spans = [(y, s) for y in years if (s := build(y)) is not None]
    if rel > 0:  # "prochain": the first one ahead
        ahead = [y for y, s in spans if (s[0] > pub.end if whole_month else s[0] >= pub.start)]
        return min(ahead) if ahead else None
    if rel < 0:  # "dernier": strictly before (a whole month before the publication month)
        past = [y for y, s in spans if (s[0] < pub.start if whole_month else s[1] <= pub.end)]
    else:
        limit = pub.end if whole_month else pub.end + TOLERANCE
        past = [y for y, s in spans if s[0] <= limit]
    return max(past) if past else None


def _day_year(p: Parsed, pub: PubDate) -> int | None:
    """The year of a day and month, checked against a stated weekday when there is one."""
    def build(y: int) -> tuple[date, date] | None:
        d = make_date(y, p.month, p.day)
        return (d, d) if d else None

    year = pick_year(build, pub, p.rel, whole_month=False)
    if year is None or p.weekday is None:
        return year
    # the previous year; two back when the tolerance put the first guess after publication
    for candidate in (year, year - 1, year - 2)[: 3 if year > pub.end.year else 2]:
        d = make_date(candidate, p.month, p.day)
        if d and d.weekday() == p.weekday:
            return candidate
    log.info("weekday %s does not fit %s-%s-%s; keeping the date", p.weekday, year, p.month, p.day)
    return year


def resolve_day(p: Parsed, pub: PubDate | None) -> date | None:
    if p.year is None and pub is None:
        return None
    year = p.year if p.year is not None else _day_year(p, pub)  # type: ignore[arg-type]
    d = make_date(year, p.month, p.day)
    if d and p.year is not None and p.weekday is not None and d.weekday() != p.weekday:
        log.info("weekday %s does not fit %s; keeping the date", p.weekday, d)
    return d


def _month_year(p: Parsed, pub: PubDate | None) -> int | None:
    if p.year is not None:
        return p.year
    if pub is None or p.month is None:
        return None
    month = p.month
    return pick_year(lambda y: month_span(y, month), pub, p.rel, whole_month=True)


def resolve_period(p: Parsed, pub: PubDate | None) -> Resolved | None:
    if p.month is None:  # "fin 2017": only the year is sure
        return resolve_year(p, pub)
    year = _month_year(p, pub)
    if year is None or p.period is None:
        return None
    first, last = PERIOD_DAYS[p.period]
    start, end = month_span(year, p.month)
    return start.replace(day=first), end.replace(day=min(last, end.day)), "range"


def resolve_month(p: Parsed, pub: PubDate | None) -> Resolved | None:
    year = _month_year(p, pub)
    if year is None or p.month is None:
        return None
    return (*month_span(year, p.month), "month")


def resolve_year(p: Parsed, pub: PubDate | None) -> Resolved | None:
    if p.year is None:
        return None
    return date(p.year, 1, 1), date(p.year, 12, 31), "year"


def last_weekday(ref: date, weekday: int, strictly_before: bool = False) -> date:
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return ref - timedelta(days=back)


def weekdays_in(pub: PubDate, first_wd: int, last_wd: int) -> tuple[date, date]:
    """The first ``first_wd`` and the last ``last_wd`` of a month-dated publication."""
    start = pub.start + timedelta(days=(first_wd - pub.start.weekday()) % 7)
    return start, last_weekday(pub.end, last_wd)


def resolve_weekday(p: Parsed, pub: PubDate | None) -> Resolved | None:
    if pub is None or p.weekday is None:
        return None
    if pub.precision == "month":
        return _span(*weekdays_in(pub, p.weekday, p.weekday))
    if p.rel > 0:
        ahead = (p.weekday - pub.start.weekday()) % 7 or 7
        d = pub.start + timedelta(days=ahead)
    else:
        d = last_weekday(pub.start, p.weekday, strictly_before=p.rel < 0)
    return d, d, "day"


def resolve_wdday(p: Parsed, pub: PubDate | None) -> Resolved | None:
    """"Vendredi 25": the latest month around publication where the 25th is a Friday,
    else the weekday alone (the number was perhaps not a day)."""
    if pub is None or p.day is None:
        return None
    index = pub.end.year * 12 + pub.end.month - 1
    for back in range(2):
        year, month = divmod(index - back, 12)
        d = make_date(year, month + 1, p.day)
        if d and d <= pub.end + TOLERANCE and d.weekday() == p.weekday:
            return d, d, "day"
    return resolve_weekday(p, pub)


def resolve_relday(p: Parsed, pub: PubDate | None) -> Resolved | None:
    if pub is None:
        return None
    shift = timedelta(days=p.offset)
    if p.weekday is not None:
        return resolve_weekday(p, PubDate(pub.start + shift, pub.end + shift, pub.precision))
    if pub.precision == "day":
        d = pub.start + shift
        return d, d, "day"
    start, end = max(pub.start, pub.start + shift), min(pub.end, pub.end + shift)
    return _span(start, end)


def _unit_span(unit: str, offset: int, ref: date) -> tuple[date, date]:
    """The week, weekend, month or year ``offset`` units from the one holding ``ref``."""
    if unit == "day":
        d = ref + timedelta(days=offset)
        return d, d
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "weekend":
        # "ce week-end" written Monday to Thursday is the one just past: reports tell what
        # happened; from Friday on it is the coming (or current) one
        past = offset < 0 or (offset == 0 and ref.weekday() < 4)
        sunday = last_weekday(ref, 6, strictly_before=True) if past else (
            ref + timedelta(days=6 - ref.weekday())
        ) + timedelta(weeks=max(offset, 0))
        return sunday - ONE_DAY, sunday
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return month_span(index // 12, index % 12 + 1)
    year = ref.year + offset
    return date(year, 1, 1), date(year, 12, 31)


def resolve_relperiod(p: Parsed, pub: PubDate | None) -> Resolved | None:
    if pub is None or p.unit is None:
        return None
    start = _unit_span(p.unit, p.offset, pub.start)[0]
    end = _unit_span(p.unit, p.offset, pub.end)[1]
    if p.unit in ("month", "year") and start.year == end.year:
        if p.unit == "year":
            return start, end, "year"
        if start.month == end.month:
            return start, end, "month"
    return _span(start, end)


def resolve_ago(p: Parsed, pub: PubDate | None) -> Resolved | None:
    """"Il y a trois ans" is about that month, not the whole year (nor an exact day)."""
    if pub is None or p.unit is None:
        return None
    if p.unit not in ("month", "year"):
        return resolve_relperiod(p, pub)
    months = p.offset * (12 if p.unit == "year" else 1)
    start = _unit_span("month", months, pub.start)[0]
    end = _unit_span("month", months, pub.end)[1]
    return start, end, "month" if (start.year, start.month) == (end.year, end.month) else "range"


def _range_end(p: Parsed, pub: PubDate | None) -> tuple[date, date] | None:
    """Both ends of a night or a "du … au …": the right side is the full date."""
    right = Parsed("date", day=p.day2, month=p.month2 or p.month, year=p.year2 or p.year,
                   weekday=p.weekday2, rel=p.rel)
    if right.day is None:  # "la nuit de samedi à dimanche"
        if pub is None or p.weekday is None or p.weekday2 is None:
            return None
        if pub.precision == "month":
            return weekdays_in(pub, p.weekday, p.weekday2)
        end = last_weekday(pub.start, p.weekday2, strictly_before=p.rel < 0)
    else:
        resolved = resolve_day(right, pub)
        if resolved is None:
            return None
        end = resolved
    if p.day is None:  # "la nuit du vendredi au samedi 5 juin"
        gap = ((p.weekday2 or 0) - (p.weekday or 0)) % 7 if p.weekday is not None else 1
        return end - timedelta(days=gap or 1), end
    month = p.month or (end.month if p.day <= end.day else (end.month - 2) % 12 + 1)
    year = p.year or (end.year if month <= end.month else end.year - 1)
    start = make_date(year, month, p.day)
    return (start, end) if start and start <= end else None


def resolve_range(p: Parsed, pub: PubDate | None) -> Resolved | None:
    ends = _range_end(p, pub)
    return _span(*ends) if ends else None


def resolve_hijri(p: Parsed, pub: PubDate | None) -> Resolved | None:
    """A day (or the whole) of an Islamic month, in the Umm al-Qura calendar of hijridate.

    "La nuit du 15 Chaabane" begins the evening before; we give the Gregorian day of
    15 Sha'ban itself, the day reports of an overnight attack use.
    """
    from hijridate import Gregorian, Hijri

    if p.month is None:
        return None

    def to_span(hy: int) -> tuple[date, date] | None:
        try:
            first = Hijri(hy, p.month or 1, p.day or 1)
            length = 1 if p.day else first.month_length()
            start = first.to_gregorian().datetuple()
        except (ValueError, OverflowError):
            return None
        begin = date(*start)
        return begin, begin + timedelta(days=length - 1)

    if p.year is not None:
        span = to_span(p.year)
    elif pub is None:
        return None
    else:
        hy0 = Gregorian(pub.end.year, pub.end.month, pub.end.day).to_hijri().year
        spans = [s for hy in (hy0 + 1, hy0, hy0 - 1) if (s := to_span(hy))]
        due = [s for s in spans if s[0] <= pub.end + TOLERANCE]
        span = max(due) if due else None
    return _span(*span) if span else None


def resolve_parsed(p: Parsed, pub: PubDate | None) -> Resolved | None:
    """The span of any parsed expression, or None when it cannot be placed."""
    if p.kind == "date":
        d = resolve_day(p, pub)
        return (d, d, "day") if d else None
    resolver = RESOLVERS.get(p.kind)
    return resolver(p, pub) if resolver else None


RESOLVERS: dict[str, Callable[[Parsed, PubDate | None], Resolved | None]] = {
    "period": resolve_period,
    "month": resolve_month,
    "year": resolve_year,
    "weekday": resolve_weekday,
    "wdday": resolve_wdday,
    "relday": resolve_relday,
    "relperiod": resolve_relperiod,
    "ago": resolve_ago,
    "range": resolve_range,
    "hijri": resolve_hijri,
}
