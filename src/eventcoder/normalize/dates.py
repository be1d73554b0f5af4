"""Dates: find date expressions and resolve them against the publication date (issue 4)."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.schema import DateSpan, PubDate


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    span: DateSpan


def find_dates(text: str, published: PubDate | None, lang: str = "fr") -> list[DateMatch]:
    """Every date expression in ``text`` with its resolved span, in text order."""
    return []


def resolve_date(expression: str, published: PubDate | None, lang: str = "fr") -> DateSpan | None:
    """The span one expression denotes, or None when it is not a date."""
    return None


def publication_span(published: PubDate) -> DateSpan:
    """The fallback date of an event whose text states none (flagged ``stated=False``)."""
    precision = "day" if published.precision == "day" else "month"
    return DateSpan(published.start, published.end, precision, None, stated=False)
