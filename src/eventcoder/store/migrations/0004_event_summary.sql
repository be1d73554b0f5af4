-- 0004: the counts behind GET /api/stats, kept on write (store/summary.py).
-- Grouping every event per request took 3.3 s over a million events. Each row is one
-- count: scope '' covers every event, scope 'IQ' the events of one country (so that
-- /api/stats?country=IQ is a read too); dim is 'total' (events, fatalities, and in scope ''
-- articles, mentions), 'type', 'month' (YYYY-MM of date_start), 'admin1' or 'country'.
-- The repository adds each write's differences in the write's own transaction; the
-- INSERTs below fill the table for the rows already stored, and store/summary.recount
-- runs them again to rebuild it.
CREATE TABLE event_summary (
    scope VARCHAR(2) NOT NULL,
    dim VARCHAR(16) NOT NULL,
    name VARCHAR(64) NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (scope, dim, name)
);
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'total', 'events', count(*) FROM events;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'total', 'fatalities', coalesce(sum(fatalities), 0) FROM events;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'total', 'articles', count(*) FROM articles;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'total', 'mentions', count(*) FROM mentions;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'type', event_type, count(*) FROM events GROUP BY event_type;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'month', substr(date_start, 1, 7), count(*) FROM events
    WHERE date_start IS NOT NULL GROUP BY substr(date_start, 1, 7);
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'admin1', admin1, count(*) FROM events WHERE admin1 IS NOT NULL GROUP BY admin1;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT '', 'country', country, count(*) FROM events
    WHERE country IS NOT NULL GROUP BY country;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT country, 'total', 'events', count(*) FROM events
    WHERE country IS NOT NULL GROUP BY country;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT country, 'total', 'fatalities', coalesce(sum(fatalities), 0) FROM events
    WHERE country IS NOT NULL GROUP BY country;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT country, 'type', event_type, count(*) FROM events
    WHERE country IS NOT NULL GROUP BY country, event_type;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT country, 'month', substr(date_start, 1, 7), count(*) FROM events
    WHERE country IS NOT NULL AND date_start IS NOT NULL
    GROUP BY country, substr(date_start, 1, 7);
INSERT INTO event_summary (scope, dim, name, n)
    SELECT country, 'admin1', admin1, count(*) FROM events
    WHERE country IS NOT NULL AND admin1 IS NOT NULL GROUP BY country, admin1;
INSERT INTO event_summary (scope, dim, name, n)
    SELECT country, 'country', country, count(*) FROM events
    WHERE country IS NOT NULL GROUP BY country;
