-- Central schema 7 (SQLite): the audit chains of every branch database (chain_id, the
-- database's own id: a branch has several desks), the alerts of a desk whose log does not
-- hold the central's last entry of its chain any more, and each branch's last contact, as
-- PostgreSQL's schema 7. The chain's checks are made by the pushing program (db/CentralAudit
-- and app/sync): a SQLite central is one machine's file, open to whoever can open it.
-- Statements end with ';' at the end of a line; a CREATE TRIGGER ends at "END;".

CREATE TABLE audit_chains_7 (
    branch_code   TEXT NOT NULL,
    chain_id      TEXT NOT NULL DEFAULT '',
    seq           INTEGER NOT NULL,
    id            TEXT NOT NULL,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    national_code TEXT NOT NULL DEFAULT '',
    details       TEXT NOT NULL DEFAULT '{}',
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    PRIMARY KEY (branch_code, chain_id, seq)
) WITHOUT ROWID;
INSERT INTO audit_chains_7 (branch_code, chain_id, seq, id, at, actor, action, national_code, details, prev_hash,
                            hash, received_at)
SELECT branch_code, '', seq, id, at, actor, action, national_code, details, prev_hash, hash, received_at
FROM audit_chains;
DROP TABLE audit_chains;
ALTER TABLE audit_chains_7 RENAME TO audit_chains;

CREATE TABLE audit_alerts (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    branch_code  TEXT NOT NULL,
    chain_id     TEXT NOT NULL,
    at           TEXT NOT NULL,
    code         TEXT NOT NULL CHECK (code IN ('audit.anchor_mismatch', 'audit.new_chain')),
    central_seq  INTEGER NOT NULL,
    central_hash TEXT NOT NULL,
    local_seq    INTEGER NOT NULL,
    local_hash   TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_alerts_by_branch ON audit_alerts (branch_code, at);

CREATE TABLE branch_contacts (
    branch_code  TEXT PRIMARY KEY,
    last_seen_at TEXT NOT NULL,
    last_ok_at   TEXT
) WITHOUT ROWID;
