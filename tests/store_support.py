"""Undoing the later migrations of a SQLite store, for tests that apply one again."""

from __future__ import annotations

from sqlalchemy import Connection, text

UNDO = {
    4: ["DROP TABLE event_summary"],
    5: [f"DROP {kind} {table}{suffix}" for table in ("articles_fts", "events_fts")
        for kind, suffix in (("TABLE", ""), ("TRIGGER", "_insert"), ("TRIGGER", "_update"),
                             ("TRIGGER", "_delete"))],
    6: [],
}


def undo_from(conn: Connection, version: int) -> None:
    """Forget the migrations from ``version`` on (only those listed in ``UNDO`` are undone
    here; the caller undoes older ones)."""
    for number in sorted(UNDO, reverse=True):
        if number >= version:
            for statement in UNDO[number]:
                conn.execute(text(statement))
    conn.execute(text("DELETE FROM schema_version WHERE version >= :v"), {"v": version})
