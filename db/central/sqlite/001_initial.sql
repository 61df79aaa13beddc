-- BranchDesk central database on SQLite (a single-machine central), schema version 1.
-- The same tables and meaning as central/pg/001_initial.sql: the travelling tables
-- mirrored, the reference data branches pull, the change log `changes` (filled by
-- triggers; SQLite has one writer at a time, so seq follows commit order), applied push
-- batches, conflicts and each branch's audit chain. Instants are ISO 8601 text (UTC).
-- Branch isolation has no roles here: CentralDatabase::actAsBranch() installs temporary
-- triggers on its own connection that refuse rows of another branch code.
-- Statements end with ';' at the end of a line; a CREATE TRIGGER ends at "END;".

CREATE TABLE branches (
    code       TEXT PRIMARY KEY CHECK (length(code) BETWEEN 3 AND 8 AND code NOT GLOB '*[^0-9]*'),
    role_name  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

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

CREATE TABLE mobile_owners (
    national_code TEXT NOT NULL,
    mobile        TEXT NOT NULL,
    PRIMARY KEY (national_code, mobile)
) WITHOUT ROWID;
CREATE INDEX mobile_owners_by_mobile ON mobile_owners (mobile);

CREATE TABLE requests (
    id              TEXT PRIMARY KEY,
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
) WITHOUT ROWID;
CREATE INDEX requests_by_code ON requests (national_code, submitted_at);
CREATE INDEX requests_by_status ON requests (status, submitted_at);

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

CREATE TABLE sms_messages (
    id            TEXT PRIMARY KEY,
    branch_code   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    national_code TEXT NOT NULL,
    mobile        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    sent_at       TEXT
) WITHOUT ROWID;
CREATE INDEX sms_by_code ON sms_messages (national_code);

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

-- The central change log (see the PostgreSQL schema). payload is JSON text.
CREATE TABLE changes (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name   TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    branch_code  TEXT,
    version      INTEGER,
    op           TEXT NOT NULL DEFAULT 'upsert' CHECK (op IN ('upsert', 'delete')),
    payload      TEXT NOT NULL,
    committed_at TEXT NOT NULL
);
CREATE INDEX changes_by_row ON changes (table_name, row_id);

CREATE TABLE applied_batches (
    batch_id    TEXT PRIMARY KEY,
    branch_code TEXT NOT NULL,
    applied_at  TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;

CREATE TABLE conflicts (
    id              TEXT PRIMARY KEY,
    table_name      TEXT NOT NULL,
    row_id          TEXT NOT NULL,
    branch_code     TEXT NOT NULL,
    base_version    INTEGER NOT NULL,
    local_payload   TEXT NOT NULL,
    central_payload TEXT,
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution      TEXT,
    resolved_by     TEXT,
    resolved_at     TEXT
) WITHOUT ROWID;
CREATE INDEX conflicts_by_branch ON conflicts (branch_code, status);

CREATE TABLE audit_chains (
    branch_code   TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    id            TEXT NOT NULL UNIQUE,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    national_code TEXT NOT NULL DEFAULT '',
    details       TEXT NOT NULL DEFAULT '{}',
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    PRIMARY KEY (branch_code, seq)
) WITHOUT ROWID;

-- One `changes` row per inserted, updated or deleted row of the tables branches pull.
CREATE TRIGGER requests_changes_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('requests', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'mobile', NEW.mobile, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'first_name_norm', NEW.first_name_norm, 'last_name_norm', NEW.last_name_norm, 'birth_cert_no', NEW.birth_cert_no, 'birth_date', NEW.birth_date, 'gender', NEW.gender, 'email', NEW.email, 'password_hash', NEW.password_hash, 'questions_json', NEW.questions_json, 'status', NEW.status, 'submitted_at', NEW.submitted_at, 'decided_at', NEW.decided_at, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER requests_changes_update AFTER UPDATE ON requests
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('requests', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'mobile', NEW.mobile, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'first_name_norm', NEW.first_name_norm, 'last_name_norm', NEW.last_name_norm, 'birth_cert_no', NEW.birth_cert_no, 'birth_date', NEW.birth_date, 'gender', NEW.gender, 'email', NEW.email, 'password_hash', NEW.password_hash, 'questions_json', NEW.questions_json, 'status', NEW.status, 'submitted_at', NEW.submitted_at, 'decided_at', NEW.decided_at, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER requests_changes_delete AFTER DELETE ON requests
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('requests', OLD.id, OLD.branch_code, OLD.version, 'delete',
            json_object('id', OLD.id, 'branch_code', OLD.branch_code, 'version', OLD.version, 'national_code', OLD.national_code, 'mobile', OLD.mobile, 'first_name', OLD.first_name, 'last_name', OLD.last_name, 'first_name_norm', OLD.first_name_norm, 'last_name_norm', OLD.last_name_norm, 'birth_cert_no', OLD.birth_cert_no, 'birth_date', OLD.birth_date, 'gender', OLD.gender, 'email', OLD.email, 'password_hash', OLD.password_hash, 'questions_json', OLD.questions_json, 'status', OLD.status, 'submitted_at', OLD.submitted_at, 'decided_at', OLD.decided_at, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER accounts_changes_insert AFTER INSERT ON accounts
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('accounts', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'request_id', NEW.request_id, 'mobile', NEW.mobile, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'gender', NEW.gender, 'password_hash', NEW.password_hash, 'questions_json', NEW.questions_json, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER accounts_changes_update AFTER UPDATE ON accounts
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('accounts', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'request_id', NEW.request_id, 'mobile', NEW.mobile, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'gender', NEW.gender, 'password_hash', NEW.password_hash, 'questions_json', NEW.questions_json, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER accounts_changes_delete AFTER DELETE ON accounts
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('accounts', OLD.id, OLD.branch_code, OLD.version, 'delete',
            json_object('id', OLD.id, 'branch_code', OLD.branch_code, 'version', OLD.version, 'national_code', OLD.national_code, 'request_id', OLD.request_id, 'mobile', OLD.mobile, 'first_name', OLD.first_name, 'last_name', OLD.last_name, 'gender', OLD.gender, 'password_hash', OLD.password_hash, 'questions_json', OLD.questions_json, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sms_messages_changes_insert AFTER INSERT ON sms_messages
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('sms_messages', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'mobile', NEW.mobile, 'kind', NEW.kind, 'text', NEW.text, 'created_at', NEW.created_at, 'status', NEW.status, 'sent_at', NEW.sent_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sms_messages_changes_update AFTER UPDATE ON sms_messages
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('sms_messages', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'mobile', NEW.mobile, 'kind', NEW.kind, 'text', NEW.text, 'created_at', NEW.created_at, 'status', NEW.status, 'sent_at', NEW.sent_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER sms_messages_changes_delete AFTER DELETE ON sms_messages
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('sms_messages', OLD.id, OLD.branch_code, OLD.version, 'delete',
            json_object('id', OLD.id, 'branch_code', OLD.branch_code, 'version', OLD.version, 'national_code', OLD.national_code, 'mobile', OLD.mobile, 'kind', OLD.kind, 'text', OLD.text, 'created_at', OLD.created_at, 'status', OLD.status, 'sent_at', OLD.sent_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER recoveries_changes_insert AFTER INSERT ON recoveries
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('recoveries', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'method', NEW.method, 'code_hash', NEW.code_hash, 'created_at', NEW.created_at, 'expires_at', NEW.expires_at, 'attempts', NEW.attempts, 'state', NEW.state, 'updated_at', NEW.updated_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER recoveries_changes_update AFTER UPDATE ON recoveries
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('recoveries', NEW.id, NEW.branch_code, NEW.version, 'upsert',
            json_object('id', NEW.id, 'branch_code', NEW.branch_code, 'version', NEW.version, 'national_code', NEW.national_code, 'method', NEW.method, 'code_hash', NEW.code_hash, 'created_at', NEW.created_at, 'expires_at', NEW.expires_at, 'attempts', NEW.attempts, 'state', NEW.state, 'updated_at', NEW.updated_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER recoveries_changes_delete AFTER DELETE ON recoveries
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('recoveries', OLD.id, OLD.branch_code, OLD.version, 'delete',
            json_object('id', OLD.id, 'branch_code', OLD.branch_code, 'version', OLD.version, 'national_code', OLD.national_code, 'method', OLD.method, 'code_hash', OLD.code_hash, 'created_at', OLD.created_at, 'expires_at', OLD.expires_at, 'attempts', OLD.attempts, 'state', OLD.state, 'updated_at', OLD.updated_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER registry_persons_changes_insert AFTER INSERT ON registry_persons
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('registry_persons', NEW.national_code, NULL, NULL, 'upsert',
            json_object('national_code', NEW.national_code, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'father_name', NEW.father_name, 'first_name_norm', NEW.first_name_norm, 'last_name_norm', NEW.last_name_norm, 'father_name_norm', NEW.father_name_norm, 'birth_cert_no', NEW.birth_cert_no, 'birth_date', NEW.birth_date, 'gender', NEW.gender, 'updated_at', NEW.updated_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER registry_persons_changes_update AFTER UPDATE ON registry_persons
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('registry_persons', NEW.national_code, NULL, NULL, 'upsert',
            json_object('national_code', NEW.national_code, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'father_name', NEW.father_name, 'first_name_norm', NEW.first_name_norm, 'last_name_norm', NEW.last_name_norm, 'father_name_norm', NEW.father_name_norm, 'birth_cert_no', NEW.birth_cert_no, 'birth_date', NEW.birth_date, 'gender', NEW.gender, 'updated_at', NEW.updated_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER registry_persons_changes_delete AFTER DELETE ON registry_persons
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('registry_persons', OLD.national_code, NULL, NULL, 'delete',
            json_object('national_code', OLD.national_code, 'first_name', OLD.first_name, 'last_name', OLD.last_name, 'father_name', OLD.father_name, 'first_name_norm', OLD.first_name_norm, 'last_name_norm', OLD.last_name_norm, 'father_name_norm', OLD.father_name_norm, 'birth_cert_no', OLD.birth_cert_no, 'birth_date', OLD.birth_date, 'gender', OLD.gender, 'updated_at', OLD.updated_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER mobile_owners_changes_insert AFTER INSERT ON mobile_owners
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('mobile_owners', NEW.national_code || ':' || NEW.mobile, NULL, NULL, 'upsert',
            json_object('national_code', NEW.national_code, 'mobile', NEW.mobile),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER mobile_owners_changes_update AFTER UPDATE ON mobile_owners
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('mobile_owners', NEW.national_code || ':' || NEW.mobile, NULL, NULL, 'upsert',
            json_object('national_code', NEW.national_code, 'mobile', NEW.mobile),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER mobile_owners_changes_delete AFTER DELETE ON mobile_owners
BEGIN
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, committed_at)
    VALUES ('mobile_owners', OLD.national_code || ':' || OLD.mobile, NULL, NULL, 'delete',
            json_object('national_code', OLD.national_code, 'mobile', OLD.mobile),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
