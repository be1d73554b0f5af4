-- 0001: the initial schema.
-- Portable SQL for SQLite and PostgreSQL; the runner fills {json}, {float} and
-- {serial_pk}. Dates are ISO text (YYYY-MM-DD) and timestamps ISO UTC text, which compare
-- correctly as strings in both databases. Statements are separated by semicolons.

CREATE TABLE articles (
    id VARCHAR(200) PRIMARY KEY,
    content_hash VARCHAR(64) NOT NULL UNIQUE,
    text TEXT NOT NULL,
    published VARCHAR(10),
    precision VARCHAR(5),
    language VARCHAR(8),
    url TEXT,
    outlet TEXT,
    title TEXT,
    path TEXT,
    ingested_at VARCHAR(32) NOT NULL
);
CREATE INDEX ix_articles_ingested ON articles (ingested_at, id);

CREATE TABLE mentions (
    id VARCHAR(200) PRIMARY KEY,
    article_id VARCHAR(200) NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    payload {json} NOT NULL,
    event_id VARCHAR(200)
);
CREATE INDEX ix_mentions_article ON mentions (article_id, seq);
CREATE INDEX ix_mentions_event ON mentions (event_id);

CREATE TABLE events (
    id VARCHAR(200) PRIMARY KEY,
    event_type VARCHAR(64) NOT NULL,
    sub_event_type VARCHAR(64),
    date_start VARCHAR(10),
    date_end VARCHAR(10),
    country VARCHAR(2),
    admin1 VARCHAR(16),
    place TEXT,
    actor1_id VARCHAR(200),
    actor2_id VARCHAR(200),
    actor1_name TEXT,
    actor2_name TEXT,
    fatalities INTEGER,
    latitude {float},
    longitude {float},
    created VARCHAR(32) NOT NULL,
    updated VARCHAR(32) NOT NULL,
    payload {json} NOT NULL
);
-- The filters' indexes carry the date span and the type, so that counting the events of a
-- filter (the total shown beside a page) is answered from the index alone.
CREATE INDEX ix_events_date ON events (date_start, date_end, event_type);
CREATE INDEX ix_events_country ON events (country, date_start, date_end, event_type);
CREATE INDEX ix_events_admin1 ON events (admin1, date_start, date_end, event_type);
CREATE INDEX ix_events_type ON events (event_type, sub_event_type, date_start, date_end);
CREATE INDEX ix_events_actor1 ON events (actor1_id, date_start);
CREATE INDEX ix_events_actor2 ON events (actor2_id, date_start);
CREATE INDEX ix_events_updated ON events (updated);

CREATE TABLE event_sources (
    event_id VARCHAR(200) NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id VARCHAR(200) NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    mention_id VARCHAR(200) NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, article_id, mention_id)
);
CREATE INDEX ix_event_sources_article ON event_sources (article_id);

CREATE TABLE actors (
    id VARCHAR(200) PRIMARY KEY,
    name TEXT NOT NULL,
    type VARCHAR(64),
    country VARCHAR(2)
);

CREATE TABLE places (
    id VARCHAR(300) PRIMARY KEY,
    country VARCHAR(2),
    admin1 VARCHAR(16),
    admin1_name TEXT,
    place TEXT,
    latitude {float},
    longitude {float}
);

CREATE TABLE changes (
    id {serial_pk},
    at VARCHAR(32) NOT NULL,
    event_id VARCHAR(200) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    detail {json}
);
CREATE INDEX ix_changes_at ON changes (at);
CREATE INDEX ix_changes_event ON changes (event_id);
