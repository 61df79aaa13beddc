-- Central schema 3 (SQLite). On PostgreSQL schema 3 writes the change log once per
-- statement (transition tables); SQLite has only row-level triggers, which cost little
-- in-process, so its triggers stay. Both get `changes.echo_of` (the sync run whose push wrote
-- the row state, whose pull skips it); SQLite's triggers leave it empty: its branches pull
-- their own echoes, as before (correct, a little slower).
ALTER TABLE changes ADD COLUMN echo_of TEXT;
