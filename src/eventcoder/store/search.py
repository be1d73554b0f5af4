"""The ``q`` filter: words in an event's own fields or in its source articles.

A word only an article mentions (the village near which the attack happened) must find
the event, so ``q`` also searches the articles' title and text, through ``event_sources``.
Three ways, chosen once per store (``mode``):

- ``fts5`` (SQLite built with FTS5, migration 0005): the full-text tables ``articles_fts``
  and ``events_fts``; each word of ``q`` must appear, the last one as a word or a word's
  beginning ("bala" finds "Balad"), case and accents folded. Only the last word is a
  prefix: a prefix is read by merging every word it begins, which for a word found in
  most rows ("place 12") costs a read of all of them, where a whole word is skipped
  through by its index.
- ``postgresql``: the same over ``to_tsvector('simple', …)`` with GIN indexes; case folded,
  accents not.
- ``like``: SQLite without FTS5: the whole ``q`` as a substring of the fields, the title
  or the text, which scans the articles.

The events matched are given as a set of ids the page then filters, sorts and limits: a
rare word costs the few events it names, whatever the store's size.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Engine, Select, func, literal_column, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from eventcoder.store.models import ArticleRow, EventRow, EventSourceRow

FTS5, POSTGRESQL, LIKE = "fts5", "postgresql", "like"
ID_CAP = 2000
"""Matching events (and articles) read as a list of ids at most; more, and the search
stays inside the page's query."""
_WORD = re.compile(r"\w+")

ARTICLE_DOC = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
EVENT_DOC = ("to_tsvector('simple', coalesce(place, '') || ' ' || coalesce(actor1_name, '') "
             "|| ' ' || coalesce(actor2_name, '') || ' ' || event_type || ' ' "
             "|| coalesce(sub_event_type, ''))")
"""The expressions of the GIN indexes of migration 0005 (PostgreSQL uses an index only for
the very same expression)."""


def mode(engine: Engine) -> str:
    """How this store searches text: by its database, and on SQLite by whether migration
    0005 could create the FTS5 tables."""
    if engine.dialect.name == "postgresql":
        return POSTGRESQL
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'").first()
    return FTS5 if found else LIKE


def words(query: str) -> list[str]:
    return _WORD.findall(query.lower())


def condition(query: str, how: str = LIKE) -> ColumnElement[bool]:
    """Events whose fields, or whose source articles, contain every word of ``query``,
    as one condition (the set of ids is found inside the page's query)."""
    found = words(query)
    if how == LIKE or not found:
        return _like(query)
    return EventRow.id.in_(_in_fields(found, how).union(
        select(EventSourceRow.event_id).where(
            EventSourceRow.article_id.in_(_in_articles(found, how)))))


def resolve(session: Session, query: str, how: str = LIKE,
            cap: int | None = None) -> ColumnElement[bool]:
    """``condition``, with the matching ids read first when they are few (the usual case:
    a place, a name): the page query then gets a short list of ids. PostgreSQL cannot
    estimate a text match (it guessed 6,667 articles for a word in two) and, given the
    search inside the page's query, joined through every ``event_sources`` row (1 s);
    given the ids, it reads them by key. A word in more than ``cap`` events or articles
    keeps the one-query form."""
    found, cap = words(query), ID_CAP if cap is None else cap
    if how == LIKE or not found:
        return _like(query)
    event_ids = list(session.scalars(_in_fields(found, how).limit(cap + 1)))
    article_ids = list(session.scalars(_in_articles(found, how).limit(cap + 1)))
    if len(event_ids) > cap or len(article_ids) > cap:
        return condition(query, how)
    ids = set(event_ids)
    for i in range(0, len(article_ids), 500):
        ids.update(session.scalars(select(EventSourceRow.event_id).where(
            EventSourceRow.article_id.in_(article_ids[i:i + 500]))))
    return EventRow.id.in_(sorted(ids))


def _in_fields(found: list[str], how: str) -> Select[str]:
    return _matching("events", found, how)


def _in_articles(found: list[str], how: str) -> Select[str]:
    return _matching("articles", found, how)


def _matching(table: str, found: list[str], how: str) -> Select[str]:
    """The ids of the rows of ``table`` (events: their searched fields; articles: title
    and text) holding every word, from the full-text table or the GIN index."""
    key, doc = (EventRow.id, EVENT_DOC) if table == "events" else (ArticleRow.id, ARTICLE_DOC)
    if how == FTS5:
        return select(key).where(literal_column(f"{table}.rowid").in_(
            _fts(f"{table}_fts", _fts_match(found))))
    bind = f"tsq_{table}"
    return select(key).where(text(f"{doc} @@ to_tsquery('simple', :{bind})").bindparams(
        **{bind: _tsquery(found)}))


def _fts_match(found: list[str]) -> str:
    """Every word, the last one also as a word's beginning (see the module's note)."""
    return " ".join(f'"{w}"' for w in found[:-1]) + f' "{found[-1]}"*'


def _tsquery(found: list[str]) -> str:
    return " & ".join([*found[:-1], f"{found[-1]}:*"])


def _fts(table: str, match: str) -> TextualSelect:
    """The rowids a full-text table matches (bound under the table's name: a query holds
    two of these)."""
    return (text(f"SELECT rowid FROM {table} WHERE {table} MATCH :{table}")
            .bindparams(**{table: match}).columns(literal_column("rowid")))


def _like(query: str) -> ColumnElement[bool]:
    pattern = f"%{query.lower()}%"
    in_articles = select(ArticleRow.id).where(or_(func.lower(ArticleRow.title).like(pattern),
                                                  func.lower(ArticleRow.text).like(pattern)))
    return or_(*(func.lower(col).like(pattern) for col in (
        EventRow.place, EventRow.actor1_name, EventRow.actor2_name,
        EventRow.sub_event_type, EventRow.event_type)),
        EventRow.id.in_(select(EventSourceRow.event_id)
                        .where(EventSourceRow.article_id.in_(in_articles))))
