-- requires: fts5
-- 0005 (SQLite): full-text indexes for the `q` filter, over the articles (title, text) and
-- over the fields of the events a reader sees (place, actor names, types), so that a word
-- only an article mentions (a village) finds its events, and a rare word is found by index
-- instead of a scan of every event. External-content FTS5 tables: the text is not stored
-- twice; the triggers below keep them in step with every insert, update and delete, in
-- the writer's transaction, whoever writes. unicode61 with remove_diacritics folds case and
-- French accents ("armee" finds "armée"). The index is keyed by rowid, which VACUUM may
-- renumber in these tables (their keys are text): after a VACUUM, run
-- INSERT INTO articles_fts(articles_fts) VALUES ('rebuild') (and the same for events_fts).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', tokenize='unicode61 remove_diacritics 2');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); INSERT INTO articles_fts (rowid, title, text)
    VALUES (new.rowid, new.title, new.text); END;
CREATE VIRTUAL TABLE events_fts USING fts5(
    place, actor1_name, actor2_name, event_type, sub_event_type, content='events',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, place, actor1_name, actor2_name, event_type, sub_event_type) VALUES (new.rowid, new.place, new.actor1_name, new.actor2_name, new.event_type, new.sub_event_type); END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, place, actor1_name, actor2_name, event_type, sub_event_type) VALUES ('delete', old.rowid, old.place, old.actor1_name, old.actor2_name, old.event_type, old.sub_event_type); END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF place, actor1_name, actor2_name, event_type, sub_event_type ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, place, actor1_name, actor2_name, event_type, sub_event_type) VALUES ('delete', old.rowid, old.place, old.actor1_name, old.actor2_name, old.event_type, old.sub_event_type); INSERT INTO events_fts (rowid, place, actor1_name, actor2_name, event_type, sub_event_type)
    VALUES (new.rowid, new.place, new.actor1_name, new.actor2_name, new.event_type, new.sub_event_type); END;
