-- BranchDesk local database, schema version 5: the supervisor review queue (four eyes).
-- One row per proposed decision on an identity-mismatch request: proposed by one
-- supervisor, approved by another. Proposals stay at the branch (they do not travel): what
-- travels is the request's change when a proposal is approved (an outbox row like any other).
-- changes_json holds corrected identity fields only (names, birth certificate number, ISO
-- birth date, gender), never secrets.
CREATE TABLE review_proposals (
    id              TEXT PRIMARY KEY,
    request_id      TEXT NOT NULL,
    national_code   TEXT NOT NULL,
    request_version INTEGER NOT NULL, -- the request's version the proposal was made on
    kind            TEXT NOT NULL CHECK (kind IN ('correct_and_activate', 'send_back', 'reject')),
    changes_json    TEXT NOT NULL DEFAULT '{}',
    reason          TEXT NOT NULL DEFAULT '',
    proposed_by     TEXT NOT NULL,
    proposed_at     TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'replaced')),
    decided_by      TEXT,
    decided_at      TEXT
) WITHOUT ROWID;
CREATE INDEX review_proposals_by_request ON review_proposals (request_id, status);
