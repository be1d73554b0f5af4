-- 0003: what the API's reads need on a large store (issue 6: a filtered page in < 50 ms).
-- A map's bounding box: without an index on the coordinates every bbox request scanned the
-- table. A composite B-tree (rather than an R*Tree, which PostgreSQL lacks) serves the
-- longitude range and filters the latitude inside the index; date_start lets the capped
-- count be answered from the index alone.
CREATE INDEX ix_events_lonlat ON events (longitude, latitude, date_start);
-- The number of events each actor takes part in (as actor 1, plus as actor 2), kept by the
-- repository on every write (store/counters.py), so that GET /api/actors reads a small
-- table instead of grouping every event. Filled here for the events already stored.
ALTER TABLE actors ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET event_count =
    (SELECT count(*) FROM events e WHERE e.actor1_id = actors.id)
  + (SELECT count(*) FROM events e WHERE e.actor2_id = actors.id);
