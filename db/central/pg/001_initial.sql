-- BranchDesk central database (PostgreSQL 15), schema version 1.
-- Mirrors the branches' travelling tables (same columns, same meaning; secrets only as
-- hashes), holds the reference data branches pull, numbers every committed change in
-- `changes` (filled by triggers, never by hand), remembers applied push batches, keeps
-- conflicts for a supervisor and each branch's audit chain.
-- Mirrored date columns stay ISO 8601 text, exactly as the branches wrote them; the
-- central database's own instants are timestamptz.
-- Branch isolation: every branch connects as its own role (branch_CODE, a member of
-- branchdesk_branch); row-level security lets it write only rows stamped with its own
-- branch code. The admin (the owner of these tables) is not subject to it.
-- Statements end with ';' at the end of a line; a $$ body ends at its closing $$.

CREATE TABLE schema_version (
    version integer NOT NULL
);

CREATE TABLE branches (
    code       text PRIMARY KEY CHECK (code ~ '^[0-9]{3,8}$'),
    role_name  text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry_persons (
    national_code    text PRIMARY KEY,
    first_name       text NOT NULL,
    last_name        text NOT NULL,
    father_name      text NOT NULL DEFAULT '',
    first_name_norm  text NOT NULL,
    last_name_norm   text NOT NULL,
    father_name_norm text NOT NULL DEFAULT '',
    birth_cert_no    text NOT NULL,
    birth_date       text NOT NULL,
    gender           text NOT NULL CHECK (gender IN ('M', 'F')),
    updated_at       text NOT NULL
);

CREATE TABLE mobile_owners (
    national_code text NOT NULL,
    mobile        text NOT NULL,
    PRIMARY KEY (national_code, mobile)
);
CREATE INDEX mobile_owners_by_mobile ON mobile_owners (mobile);

CREATE TABLE requests (
    id              uuid PRIMARY KEY,
    branch_code     text NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    national_code   text NOT NULL,
    mobile          text NOT NULL,
    first_name      text NOT NULL,
    last_name       text NOT NULL,
    first_name_norm text NOT NULL,
    last_name_norm  text NOT NULL,
    birth_cert_no   text NOT NULL,
    birth_date      text NOT NULL,
    gender          text NOT NULL CHECK (gender IN ('M', 'F')),
    email           text NOT NULL DEFAULT '',
    password_hash   text NOT NULL,
    questions_json  text NOT NULL,
    status          text NOT NULL CHECK (status IN ('submitted', 'activated', 'branch_activation_required',
                                                    'identity_mismatch', 'expired', 'superseded', 'rejected')),
    submitted_at    text NOT NULL,
    decided_at      text,
    updated_at      text NOT NULL,
    updated_by      text NOT NULL DEFAULT ''
);
CREATE INDEX requests_by_code ON requests (national_code, submitted_at);
CREATE INDEX requests_by_status ON requests (status, submitted_at);

CREATE TABLE accounts (
    id             uuid PRIMARY KEY,
    branch_code    text NOT NULL,
    version        integer NOT NULL DEFAULT 1,
    national_code  text NOT NULL UNIQUE,
    request_id     uuid NOT NULL,
    mobile         text,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    gender         text NOT NULL CHECK (gender IN ('M', 'F')),
    password_hash  text NOT NULL,
    questions_json text NOT NULL DEFAULT '[]',
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    updated_by     text NOT NULL DEFAULT ''
);

CREATE TABLE sms_messages (
    id            uuid PRIMARY KEY,
    branch_code   text NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    national_code text NOT NULL,
    mobile        text NOT NULL,
    kind          text NOT NULL,
    text          text NOT NULL,
    created_at    text NOT NULL,
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    sent_at       text
);
CREATE INDEX sms_by_code ON sms_messages (national_code);

CREATE TABLE recoveries (
    id            uuid PRIMARY KEY,
    branch_code   text NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    national_code text NOT NULL,
    method        text NOT NULL CHECK (method IN ('sms', 'questions')),
    code_hash     text,
    created_at    text NOT NULL,
    expires_at    text,
    attempts      integer NOT NULL DEFAULT 0,
    state         text NOT NULL CHECK (state IN ('pending', 'verified', 'used', 'locked', 'superseded')),
    updated_at    text NOT NULL
);
CREATE INDEX recoveries_by_code ON recoveries (national_code, created_at);

-- The central change log: seq numbers committed changes in commit order (the trigger
-- takes a transaction-level advisory lock before drawing the number, so a transaction
-- that drew a smaller number has always committed before one drawing a larger). A branch
-- pulls WHERE seq > its cursor ORDER BY seq. op: 'upsert' (payload = the whole row) or
-- 'delete' (payload = the row as it was).
CREATE TABLE changes (
    seq          bigserial PRIMARY KEY,
    table_name   text NOT NULL,
    row_id       text NOT NULL,
    branch_code  text,
    version      integer,
    op           text NOT NULL DEFAULT 'upsert' CHECK (op IN ('upsert', 'delete')),
    payload      jsonb NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_by_row ON changes (table_name, row_id);

-- Push batches applied, so that a replayed batch is a no-op.
CREATE TABLE applied_batches (
    batch_id    uuid PRIMARY KEY,
    branch_code text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    summary     jsonb NOT NULL DEFAULT '{}'
);

-- Pushed changes that no rule could merge: both versions kept for a supervisor.
-- status 'open' | 'resolved'; resolution 'local' | 'central' (or a merge rule's name).
CREATE TABLE conflicts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    table_name      text NOT NULL,
    row_id          text NOT NULL,
    branch_code     text NOT NULL,
    base_version    integer NOT NULL,
    local_payload   jsonb NOT NULL,
    central_payload jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution      text,
    resolved_by     text,
    resolved_at     timestamptz
);
CREATE INDEX conflicts_by_branch ON conflicts (branch_code, status);

-- Each branch's audit chain as pushed (the columns of the branch's audit_log), so that
-- the central side can verify every chain.
CREATE TABLE audit_chains (
    branch_code   text NOT NULL,
    seq           bigint NOT NULL,
    id            uuid NOT NULL UNIQUE,
    at            text NOT NULL,
    actor         text NOT NULL,
    action        text NOT NULL,
    national_code text NOT NULL DEFAULT '',
    details       text NOT NULL DEFAULT '{}',
    prev_hash     text NOT NULL,
    hash          text NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_code, seq)
);

-- Writes one `changes` row per inserted, updated or deleted row. SECURITY DEFINER: the
-- branch roles cannot write `changes` themselves.
CREATE FUNCTION branchdesk_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r jsonb;
    kind text := 'upsert';
BEGIN
    PERFORM pg_advisory_xact_lock(7355608);
    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
        kind := 'delete';
    ELSE
        r := to_jsonb(NEW);
    END IF;
    INSERT INTO changes (table_name, row_id, branch_code, version, op, payload)
    VALUES (TG_TABLE_NAME,
            coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
            r ->> 'branch_code', (r ->> 'version')::integer, kind, r);
    RETURN NULL;
END
$$;

CREATE TRIGGER requests_changes AFTER INSERT OR UPDATE OR DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION branchdesk_record_change();
CREATE TRIGGER accounts_changes AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION branchdesk_record_change();
CREATE TRIGGER sms_messages_changes AFTER INSERT OR UPDATE OR DELETE ON sms_messages
    FOR EACH ROW EXECUTE FUNCTION branchdesk_record_change();
CREATE TRIGGER recoveries_changes AFTER INSERT OR UPDATE OR DELETE ON recoveries
    FOR EACH ROW EXECUTE FUNCTION branchdesk_record_change();
CREATE TRIGGER registry_persons_changes AFTER INSERT OR UPDATE OR DELETE ON registry_persons
    FOR EACH ROW EXECUTE FUNCTION branchdesk_record_change();
CREATE TRIGGER mobile_owners_changes AFTER INSERT OR UPDATE OR DELETE ON mobile_owners
    FOR EACH ROW EXECUTE FUNCTION branchdesk_record_change();

-- Branch isolation. The group role carries the grants; branch_CODE roles are made by
-- `branchctl central add-branch CODE`. The session's branch is the one whose role name is
-- session_user (which SET ROLE cannot change).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'branchdesk_branch') THEN
        CREATE ROLE branchdesk_branch NOLOGIN;
    END IF;
END
$$;

CREATE FUNCTION branchdesk_session_branch() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT code FROM branches WHERE role_name = session_user
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO branchdesk_branch;
GRANT EXECUTE ON FUNCTION branchdesk_session_branch() TO branchdesk_branch;
GRANT SELECT ON schema_version, branches, registry_persons, mobile_owners, changes TO branchdesk_branch;
GRANT SELECT, INSERT, UPDATE ON requests, accounts, sms_messages, recoveries, conflicts TO branchdesk_branch;
GRANT SELECT, INSERT ON applied_batches, audit_chains TO branchdesk_branch;

-- Travelling rows: every branch reads all (it pulls them anyway) and may update any row
-- (a person may come to any branch), but the row it writes must carry its own code.
ALTER TABLE requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_read ON requests FOR SELECT TO branchdesk_branch USING (true);
CREATE POLICY branch_insert ON requests FOR INSERT TO branchdesk_branch
    WITH CHECK (branch_code = branchdesk_session_branch());
CREATE POLICY branch_update ON requests FOR UPDATE TO branchdesk_branch
    USING (true) WITH CHECK (branch_code = branchdesk_session_branch());
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_read ON accounts FOR SELECT TO branchdesk_branch USING (true);
CREATE POLICY branch_insert ON accounts FOR INSERT TO branchdesk_branch
    WITH CHECK (branch_code = branchdesk_session_branch());
CREATE POLICY branch_update ON accounts FOR UPDATE TO branchdesk_branch
    USING (true) WITH CHECK (branch_code = branchdesk_session_branch());
ALTER TABLE sms_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_read ON sms_messages FOR SELECT TO branchdesk_branch USING (true);
CREATE POLICY branch_insert ON sms_messages FOR INSERT TO branchdesk_branch
    WITH CHECK (branch_code = branchdesk_session_branch());
CREATE POLICY branch_update ON sms_messages FOR UPDATE TO branchdesk_branch
    USING (true) WITH CHECK (branch_code = branchdesk_session_branch());
ALTER TABLE recoveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_read ON recoveries FOR SELECT TO branchdesk_branch USING (true);
CREATE POLICY branch_insert ON recoveries FOR INSERT TO branchdesk_branch
    WITH CHECK (branch_code = branchdesk_session_branch());
CREATE POLICY branch_update ON recoveries FOR UPDATE TO branchdesk_branch
    USING (true) WITH CHECK (branch_code = branchdesk_session_branch());

-- A branch's own bookkeeping: it sees and writes only its own rows.
ALTER TABLE applied_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_own ON applied_batches FOR ALL TO branchdesk_branch
    USING (branch_code = branchdesk_session_branch()) WITH CHECK (branch_code = branchdesk_session_branch());
ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_own ON conflicts FOR ALL TO branchdesk_branch
    USING (branch_code = branchdesk_session_branch()) WITH CHECK (branch_code = branchdesk_session_branch());
ALTER TABLE audit_chains ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_own ON audit_chains FOR ALL TO branchdesk_branch
    USING (branch_code = branchdesk_session_branch()) WITH CHECK (branch_code = branchdesk_session_branch());
