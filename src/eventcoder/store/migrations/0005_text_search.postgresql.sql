-- 0005 (PostgreSQL): GIN indexes over the text the `q` filter searches: each article's
-- title and text, and each event's place, actor names and types. Expression indexes: the
-- expressions must stay identical to those of store/search.py. The 'simple' configuration
-- lowercases and does not stem (no French dictionary is assumed on the server).
CREATE INDEX ix_articles_search ON articles USING GIN (
    to_tsvector('simple', coalesce(title, '') || ' ' || text));
CREATE INDEX ix_events_search ON events USING GIN (
    to_tsvector('simple', coalesce(place, '') || ' ' || coalesce(actor1_name, '') || ' '
        || coalesce(actor2_name, '') || ' ' || event_type || ' '
        || coalesce(sub_event_type, '')));
