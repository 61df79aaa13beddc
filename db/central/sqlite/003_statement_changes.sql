-- Central schema 3 (SQLite): nothing changes. On PostgreSQL schema 3 writes the change log
-- once per statement (transition tables); SQLite has only row-level triggers, which cost
-- little in-process, so its triggers stay. The version moves on with PostgreSQL's so that
-- one number names one central schema.
SELECT 1;
