-- BranchDesk local database, schema version 7: the service role (issue 14), the login the
-- machine jobs (sync, sms send, verify) run under. SQLite cannot change a CHECK in place:
-- the table is rebuilt with the same columns and rows.
CREATE TABLE staff_v7 (
    login           TEXT PRIMARY KEY,
    role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin', 'service')),
    password_hash   TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO staff_v7 (login, role, password_hash, failed_attempts, locked_until, active, created_at, updated_at)
    SELECT login, role, password_hash, failed_attempts, locked_until, active, created_at, updated_at FROM staff;
DROP TABLE staff;
ALTER TABLE staff_v7 RENAME TO staff;
