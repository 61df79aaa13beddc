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

-- Four eyes across the desks of a branch: review proposals travel like the other branch
-- rows (see PostgreSQL's schema 7). A branch's session writes only its own (the
-- connection's temporary triggers); the rules the PostgreSQL central checks on the server
-- are the pushing program's here.
CREATE TABLE review_proposals (
    id              TEXT PRIMARY KEY,
    branch_code     TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    national_code   TEXT NOT NULL,
    request_id      TEXT NOT NULL,
    request_version INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('correct_and_activate', 'send_back', 'reject')),
    changes_json    TEXT NOT NULL DEFAULT '{}',
    reason          TEXT NOT NULL DEFAULT '',
    proposed_by     TEXT NOT NULL,
    proposed_at     TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'replaced')),
    decided_by      TEXT,
    decided_at      TEXT
) WITHOUT ROWID;
CREATE INDEX review_proposals_by_code ON review_proposals (national_code);

CREATE TRIGGER review_proposals_changes_insert AFTER INSERT ON review_proposals
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('review_proposals', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'request_id', NEW.request_id, 'request_version', NEW.request_version, 'kind', NEW.kind, 'changes_json', NEW.changes_json, 'reason', NEW.reason, 'proposed_by', NEW.proposed_by, 'proposed_at', NEW.proposed_at, 'status', NEW.status, 'decided_by', NEW.decided_by, 'decided_at', NEW.decided_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER review_proposals_changes_update AFTER UPDATE ON review_proposals
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('review_proposals', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'request_id', NEW.request_id, 'request_version', NEW.request_version, 'kind', NEW.kind, 'changes_json', NEW.changes_json, 'reason', NEW.reason, 'proposed_by', NEW.proposed_by, 'proposed_at', NEW.proposed_at, 'status', NEW.status, 'decided_by', NEW.decided_by, 'decided_at', NEW.decided_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER review_proposals_changes_delete AFTER DELETE ON review_proposals
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('review_proposals', OLD.id, OLD.branch_code, OLD.version, 'delete',
            json_object('id', OLD.id, 'branch_code', OLD.branch_code, 'version', OLD.version, 'national_code', OLD.national_code, 'request_id', OLD.request_id, 'request_version', OLD.request_version, 'kind', OLD.kind, 'changes_json', OLD.changes_json, 'reason', OLD.reason, 'proposed_by', OLD.proposed_by, 'proposed_at', OLD.proposed_at, 'status', OLD.status, 'decided_by', OLD.decided_by, 'decided_at', OLD.decided_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
