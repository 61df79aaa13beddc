-- BranchDesk central database (PostgreSQL 15), schema version 2: the central database's
-- own audit log. What the central side itself decides (the central verification's
-- decisions, `branchctl verify --central`) is audited here, one row per state change, in
-- the same transaction as the change. `details` holds ids, statuses and codes only: no
-- names, mobiles, texts or secrets. Branch roles neither read nor write it (no grant);
-- the owner of the tables writes it.
-- Statements end with ';' at the end of a line.

CREATE TABLE central_audit (
    seq           bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    action        text NOT NULL,
    national_code text NOT NULL DEFAULT '',
    branch_code   text,
    details       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX central_audit_by_code ON central_audit (national_code, seq);
REVOKE ALL ON central_audit FROM PUBLIC;
