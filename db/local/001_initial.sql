-- BranchDesk local (branch) database, schema version 1.
-- Travelling rows carry a global id (UUID), the branch code that wrote them and a version
-- incremented on every change; every change of such a row writes an outbox row in the
-- same transaction (see DESIGN.md, "Data that travels").
-- Dates and times are ISO 8601 (Gregorian, UTC for instants); Jalali is for people only.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Civil-registry reference rows (imported, or pulled from the central database).
CREATE TABLE registry_persons (
    national_code    TEXT PRIMARY KEY,
    first_name       TEXT NOT NULL,
    last_name        TEXT NOT NULL,
    father_name      TEXT NOT NULL DEFAULT '',
    first_name_norm  TEXT NOT NULL,
    last_name_norm   TEXT NOT NULL,
    father_name_norm TEXT NOT NULL DEFAULT '',
    birth_cert_no    TEXT NOT NULL,
    birth_date       TEXT NOT NULL,
    gender           TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    updated_at       TEXT NOT NULL
) WITHOUT ROWID;

-- Who owns which mobile line (mobile-ownership reference data).
CREATE TABLE mobile_owners (
    national_code TEXT NOT NULL,
    mobile        TEXT NOT NULL,
    PRIMARY KEY (national_code, mobile)
) WITHOUT ROWID;
CREATE INDEX mobile_owners_by_mobile ON mobile_owners (mobile);

-- Registration requests (the portal's four steps, or the counter's wizard).
-- Secrets only as slow salted hashes; questions_json = [{"question_id","answer_hash"}].
CREATE TABLE requests (
    rid             INTEGER PRIMARY KEY,          -- local row number, also the name index's rowid
    id              TEXT NOT NULL UNIQUE,
    branch_code     TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    national_code   TEXT NOT NULL,
    mobile          TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    first_name_norm TEXT NOT NULL,
    last_name_norm  TEXT NOT NULL,
    birth_cert_no   TEXT NOT NULL,
    birth_date      TEXT NOT NULL,
    gender          TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    email           TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL,
    questions_json  TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'activated', 'branch_activation_required',
                                                    'identity_mismatch', 'expired', 'superseded', 'rejected')),
    submitted_at    TEXT NOT NULL,
    decided_at      TEXT,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX requests_by_code ON requests (national_code, submitted_at);
CREATE INDEX requests_by_mobile ON requests (mobile);
CREATE INDEX requests_by_status ON requests (status, submitted_at);

-- Name search: normalised words and joined forms of each request's names (see
-- SearchRepository). rowid = requests.rid.
CREATE VIRTUAL TABLE request_names USING fts5 (tokens, tokenize = 'unicode61 remove_diacritics 0', prefix = '2');

-- Accounts exist only from "activated" on; username = national code.
CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    branch_code    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    national_code  TEXT NOT NULL UNIQUE,
    request_id     TEXT NOT NULL,
    mobile         TEXT,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    gender         TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    password_hash  TEXT NOT NULL,
    questions_json TEXT NOT NULL DEFAULT '[]',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- SMS queued for the gateway. A text that carries a recovery code is wiped once delivered.
CREATE TABLE sms_messages (
    id            TEXT PRIMARY KEY,
    branch_code   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    national_code TEXT NOT NULL,
    mobile        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    sent_at       TEXT
) WITHOUT ROWID;
CREATE INDEX sms_by_created ON sms_messages (created_at);
CREATE INDEX sms_by_code ON sms_messages (national_code);

-- Password recoveries (SMS code or security questions). The code only as a hash.
CREATE TABLE recoveries (
    id            TEXT PRIMARY KEY,
    branch_code   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    national_code TEXT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('sms', 'questions')),
    code_hash     TEXT,
    created_at    TEXT NOT NULL,
    expires_at    TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL CHECK (state IN ('pending', 'verified', 'used', 'locked', 'superseded')),
    updated_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX recoveries_by_code ON recoveries (national_code, created_at);

-- Staff accounts (local to the branch).
CREATE TABLE staff (
    login           TEXT PRIMARY KEY,
    role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    password_hash   TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only audit log, chained by SHA-256 (AuditChain). No secrets in details.
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    branch_code   TEXT NOT NULL,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    national_code TEXT NOT NULL DEFAULT '',
    details       TEXT NOT NULL DEFAULT '{}',
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX audit_by_code ON audit_log (national_code, seq);

-- Changes waiting to be pushed to the central database.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    table_name   TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    new_version  INTEGER NOT NULL,
    payload      TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
