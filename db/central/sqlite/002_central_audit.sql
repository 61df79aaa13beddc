-- BranchDesk central database on SQLite, schema version 2: the central database's own
-- audit log (see central/pg/002_central_audit.sql). What the central side itself decides
-- (the central verification, `branchctl verify --central`) is audited here, one row per
-- state change, in the same transaction as the change; `details` (JSON text) holds ids,
-- statuses and codes only: no names, mobiles, texts or secrets. Instants are ISO 8601 (UTC).
-- Statements end with ';' at the end of a line.

CREATE TABLE central_audit (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    national_code TEXT NOT NULL DEFAULT '',
    branch_code   TEXT,
    details       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX central_audit_by_code ON central_audit (national_code, seq);
