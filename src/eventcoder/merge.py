"""Merging: mentions of one occurrence across articles become one event (issue 5)."""

from __future__ import annotations

from collections.abc import Iterable

from eventcoder.schema import Event, Mention


def merge(mentions: Iterable[Mention], existing: Iterable[Event] = ()) -> list[Event]:
    """Placeholder until issue 5 lands: every mention is its own event."""
    return list(existing) + [m.to_event() for m in mentions]
