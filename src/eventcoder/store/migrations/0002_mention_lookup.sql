-- The event that holds a mention (Repository.event_of_mention; the merge's candidates for
-- a revised mention) is looked up by mention id: without this index, a scan of every source.
CREATE INDEX ix_event_sources_mention ON event_sources (mention_id);
