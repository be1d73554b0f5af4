"""Pages of events: keyset cursors, and a count that stops early.

Reads on a large store must not cost in proportion to the store (issue 6). Two things did:
the exact ``total`` (counting every matching row on each request) and deep ``offset``s
(stepping over every skipped row). A page therefore counts at most ``COUNT_CAP`` rows and
says when it stopped (``total_capped``), and the next page is found from where the last
one ended (``next_cursor``): an index range that starts at the last row's sort key.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, or_

from eventcoder.schema import Event
from eventcoder.store.models import EventRow

COUNT_CAP = 10_000
"""Counting further costs milliseconds per 10,000 rows and tells a reader little more."""

ORDER = (EventRow.date_start.desc().nulls_last(), EventRow.id)
"""Latest first; ties (and the undated tail) by id, so that every row has one place."""


class BadCursor(ValueError):
    """A cursor this store did not issue (or a truncated one)."""


@dataclass
class EventsPage:
    """One page: the events, the matching count (capped), and the cursor of the next page
    (None on the last page)."""

    events: list[Event] = field(default_factory=list)
    total: int = 0
    total_capped: bool = False
    next_cursor: str | None = None


def encode(date_start: str | None, event_id: str) -> str:
    raw = json.dumps([date_start, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[str | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date_start, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise BadCursor(f"not a cursor: {cursor!r}") from exc
    if not isinstance(event_id, str) or not (date_start is None or isinstance(date_start, str)):
        raise BadCursor(f"not a cursor: {cursor!r}")
    return date_start, event_id


def phases(cursor: str | None) -> list[list[ColumnElement[bool]]]:
    """The conditions of the rows after the cursor, as ranges run in sort order.

    Dated rows come first and the undated ones last (``ORDER``); one OR over both would
    stop the date index from serving the range, so the two are separate queries, the
    second run only when the first leaves the page short."""
    if cursor is None:
        return [[]]
    date_start, last_id = decode(cursor)
    undated = EventRow.date_start.is_(None)
    if date_start is None:
        return [[undated, EventRow.id > last_id]]
    dated = [EventRow.date_start <= date_start,
             or_(EventRow.date_start < date_start, EventRow.id > last_id)]
    return [dated, [undated]]

